// Public surface of the validation engine; everything else in this folder is internal.
export type { Diagnostic } from './diagnostic';
export { Severity } from './diagnostic';
export { IstioValidation } from './istio-validation';
