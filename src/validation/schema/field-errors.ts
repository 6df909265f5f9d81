/**
 * Kubernetes' field error wording (k8s.io/apimachinery/pkg/util/validation/field/errors.go), so a
 * message reads exactly as `kubectl apply` prints it: `<path>: <type>: <value>: <detail>`. Here: the
 * part after the path. Every error is IST0106; `blocking` marks those after which the API server
 * skips every CEL rule of the object (Required, Unsupported value, Too long, Too many, type errors).
 */
import { goQuote, goValue } from '../../go/format';
import { Codes, Severity } from '../diagnostic';
import { FieldPath } from '../field-path';
import type { Finding } from '../findings';

function fieldFinding(path: FieldPath, message: string, blocking?: true): Finding {
  return { path, message, severity: Severity.ERROR, code: Codes.SCHEMA_VALIDATION_ERROR, ...(blocking ? { blocking } : {}) };
}

export const fieldError = {
  /** field.Required. */
  required: (path: FieldPath, detail?: string): Finding =>
    fieldFinding(path, detail ? `Required value: ${detail}` : 'Required value', true),
  /** field.Invalid. */
  invalid: (path: FieldPath, value: unknown, detail: string): Finding =>
    fieldFinding(path, `Invalid value: ${goValue(value)}: ${detail}`),
  /** field.Invalid with OmitValueType: the value is not printed (CEL failures on objects and arrays). */
  invalidNoValue: (path: FieldPath, detail: string): Finding =>
    fieldFinding(path, `Invalid value: ${detail}`),
  /** field.TypeInvalid. */
  typeInvalid: (path: FieldPath, value: unknown, detail: string): Finding =>
    fieldFinding(path, `Invalid value: ${goValue(value)}: ${detail}`, true),
  /** field.NotSupported. */
  notSupported: (path: FieldPath, value: unknown, supported: readonly unknown[]): Finding =>
    fieldFinding(path, `Unsupported value: ${goValue(value)}: supported values: ${supported.map(v => typeof v === 'string' ? goQuote(v) : JSON.stringify(v)).join(', ')}`, true),
  /** field.TooLong. */
  tooLong: (path: FieldPath, maxLength: number): Finding =>
    fieldFinding(path, `Too long: may not be more than ${maxLength} bytes`, true),
  /** field.TooMany. */
  tooMany: (path: FieldPath, actual: number, max: number): Finding =>
    fieldFinding(path, `Too many: ${actual}: must have at most ${max} items`, true),
  /** field.Duplicate. */
  duplicate: (path: FieldPath, value: unknown): Finding =>
    fieldFinding(path, `Duplicate value: ${goValue(value)}`),
  /** Strict decoding's error for a field the schema does not declare. */
  unknownField: (path: FieldPath): Finding =>
    fieldFinding(path, `unknown field ${goQuote(path.toString())}`),
};

/**
 * `path` as schema errors and strict decoding print it: map entries joined with a dot, as fields
 * (`spec.selector.app`), where CEL errors and the walk's own paths put them in brackets
 * (`spec.selector[app]`). Built only for a finding: a valid object never needs one.
 */
export function schemaErrorPath(path: FieldPath): FieldPath {
  let schemaPath = FieldPath.ROOT;
  for (const segment of path.segments()) schemaPath = typeof segment === 'number' ? schemaPath.index(segment) : schemaPath.child(segment);
  return schemaPath;
}
