// Public surface of the validation engine; everything else in this folder is internal.
export type { Diagnostic } from './diagnostic';
export { Severity } from './diagnostic';
export type { ValidationOptions } from './istio-validation';
export { IstioValidation } from './istio-validation';
