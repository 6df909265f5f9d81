/**
 * Kubernetes' field error wording (k8s.io/apimachinery/pkg/util/validation/field), so a message reads
 * exactly as `kubectl apply` prints it: `<path>: <type>: <value>: <detail>`. Here: the part after the path.
 */
import { goQuote, goValue } from '../../go/format';

/** A field-level finding before it becomes a Diagnostic. */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
  /**
   * Required, Unsupported value, Too long, Too many and type errors: after one of these the API
   * server skips every CEL rule of the object.
   */
  readonly blocking?: boolean;
}

/** Where Kubernetes prints no field path (errors of oneOf/allOf/not, the skipped-CEL notice). */
export const NO_PATH = '<nil>';

export const fieldError = {
  required: (path: string, detail?: string): FieldIssue =>
    ({ path, message: detail ? `Required value: ${detail}` : 'Required value', blocking: true }),
  invalid: (path: string, value: unknown, detail: string): FieldIssue =>
    ({ path, message: `Invalid value: ${goValue(value)}: ${detail}` }),
  /** field.Invalid with OmitValueType: the value is not printed (CEL failures on objects and arrays). */
  invalidNoValue: (path: string, detail: string): FieldIssue =>
    ({ path, message: `Invalid value: ${detail}` }),
  typeInvalid: (path: string, value: unknown, detail: string): FieldIssue =>
    ({ path, message: `Invalid value: ${goValue(value)}: ${detail}`, blocking: true }),
  notSupported: (path: string, value: unknown, supported: readonly unknown[]): FieldIssue =>
    ({ path, message: `Unsupported value: ${goValue(value)}: supported values: ${supported.map(v => typeof v === 'string' ? goQuote(v) : JSON.stringify(v)).join(', ')}`, blocking: true }),
  tooLong: (path: string, maxLength: number): FieldIssue =>
    ({ path, message: `Too long: may not be more than ${maxLength} bytes`, blocking: true }),
  tooMany: (path: string, actual: number, max: number): FieldIssue =>
    ({ path, message: `Too many: ${actual}: must have at most ${max} items`, blocking: true }),
  duplicate: (path: string, value: unknown): FieldIssue =>
    ({ path, message: `Duplicate value: ${goValue(value)}` }),
  unknownField: (path: string): FieldIssue =>
    ({ path, message: `unknown field ${goQuote(path)}` }),
};
