/**
 * Kubernetes' field error wording (k8s.io/apimachinery/pkg/util/validation/field), so a message reads
 * exactly as `kubectl apply` prints it: `<path>: <type>: <value>: <detail>`. Here: the part after the path.
 */

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

/**
 * Renders a bad value as Go's field.Error does: strings quoted (%q), numbers and booleans plain,
 * null as "null", anything else as Go's %#v of the decoded JSON.
 */
export function goValue(value: unknown): string {
  if (value === null || value === undefined) return '"null"';
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return goSyntax(value);
}

/** Go's %q for a string: JSON's escapes, except control characters, which Go writes \a, \v or \xNN. */
export function goQuote(text: string): string {
  return JSON.stringify(text)
    .replace(/\\u00([0-1][0-9a-f])/g, (_, hex: string) => hex === '07' ? '\\a' : hex === '0b' ? '\\v' : `\\x${hex}`)
    .replace(/\u007f/g, '\\x7f');
}

/** Go's %#v of a value decoded from JSON into interface{}. */
function goSyntax(value: unknown): string {
  if (value === null) return 'interface {}(nil)';
  if (Array.isArray(value)) return `[]interface {}{${value.map(goElement).join(', ')}}`;
  if (typeof value === 'object') {
    // Go prints map keys sorted.
    const entries = Object.keys(value as object).sort().map(k => `${goQuote(k)}:${goElement((value as any)[k])}`);
    return `map[string]interface {}{${entries.join(', ')}}`;
  }
  return goValue(value);
}

function goElement(value: unknown): string {
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number') return Number.isInteger(value) ? `${value}` : `${value}`;
  if (typeof value === 'boolean') return String(value);
  return goSyntax(value);
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
