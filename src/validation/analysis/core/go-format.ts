/**
 * Go's fmt verbs as istioctl fills its message templates, so our messages read byte for byte like
 * `istioctl analyze` output.
 */

/** Go's `%q` of a string (strconv.Quote): double quotes, Go escapes, printable Unicode kept. */
export function goQuote(value: string): string {
  let out = '"';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (SHORT_ESCAPES[code] !== undefined) out += SHORT_ESCAPES[code];
    else if (code < 0x20 || code === 0x7f) out += `\\x${hex(code, 2)}`;
    // Go escapes non-printable runes; the C1 controls and the unassigned/format ranges are the ones
    // that occur in practice (Unicode's full printability table is not worth carrying here).
    else if ((code >= 0x80 && code < 0xa0) || code === 0xad || code === 0xfeff) out += `\\u${hex(code, 4)}`;
    else out += char;
  }
  return `${out}"`;
}

const SHORT_ESCAPES: Record<number, string> = { 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v' };

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}

/** Go's `%v` of a slice (`[]string`, `[]int`): `[a b c]`. */
export function goList(items: readonly (string | number)[]): string {
  return `[${items.join(' ')}]`;
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
