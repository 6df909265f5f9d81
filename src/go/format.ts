/**
 * Go's fmt verbs as Istio and Kubernetes fill their messages, so ours read byte for byte like
 * theirs: `%q` of a string, `%v`/`%#v` of decoded JSON, `%v` of a slice, `%v`/`%f` of a float64,
 * and Sprintf over a template.
 */

/** Go's `%q` (strconv.Quote): double-quoted, escaping quotes, backslashes and unprintable runes. */
export function goQuote(text: string): string {
  let out = '"';
  for (const ch of text) {
    const r = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (r === 0x20 || /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(ch)) out += ch;
    else if (GO_ESCAPES[r] !== undefined) out += GO_ESCAPES[r];
    else if (r < 0x20 || r === 0x7f) out += `\\x${hex(r, 2)}`;
    else if (r >= 0xd800 && r <= 0xdfff) out += '\ufffd'; // a lone surrogate: Go decodes it as U+FFFD
    else if (r < 0x10000) out += `\\u${hex(r, 4)}`;
    else out += `\\U${hex(r, 8)}`;
  }
  return `${out}"`;
}

const GO_ESCAPES: Record<number, string> = { 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v' };

function hex(r: number, width: number): string {
  return r.toString(16).padStart(width, '0');
}

/**
 * A bad value as Kubernetes' field.Error prints it: strings quoted (%q), numbers and booleans plain,
 * null as "null", anything else as Go's %#v of the decoded JSON.
 */
export function goValue(value: unknown): string {
  if (value === null || value === undefined) return '"null"';
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return goSyntax(value);
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
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return goSyntax(value);
}

/** Go's `%v` of a slice (`[]string`, `[]int`): `[a b c]`. */
export function goList(items: readonly (string | number)[]): string {
  return `[${items.join(' ')}]`;
}

/** Go's `%v` of a set's sets.List (k8s.io/apimachinery util/sets): `[a b c]`, sorted bytewise. */
export function goSortedList(values: Iterable<string>): string {
  return goList([...values].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
}

/** Go's `%v` of a float64: shortest digits, exponent form below 1e-4 and from 1e6 on (150, 1e-05, 1e+06). */
export function goFloatV(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const [mantissa, exponentText] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  // strconv.FormatFloat(v, 'g', -1, 64): %e when exp < -4 || exp >= 6 (its precision for shortest form)
  if (exponent < -4 || exponent >= 6) {
    const sign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return String(value); // exponents -4..5: JavaScript prints the same plain decimal
}

/** Go's `%f` of a float64: fixed point, 6 decimals. */
export function goFloatF(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  if (Math.abs(value) < 1e21) return value.toFixed(6);
  return `${BigInt(value).toString()}.000000`;
}

/**
 * Fills the verbs of a Go format string in order, as `fmt.Sprintf` does for the argument types
 * istioctl passes: `%s`/`%v`/`%d` print the value (a slice as `[a b]`), `%q` quotes it, `%%` is `%`.
 */
export function goFormat(template: string, args: readonly unknown[]): string {
  let next = 0;
  return template.replace(/%[svqd%]/g, verb => {
    if (verb === '%%') return '%';
    const arg = args[next++];
    if (verb === '%q') return goQuote(String(arg));
    return Array.isArray(arg) ? goList(arg) : String(arg);
  });
}
