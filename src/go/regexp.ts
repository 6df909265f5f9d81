/**
 * Go's `regexp.Compile` (RE2 syntax), reproduced with re2js, a port of the same parser, so the error
 * text is Go's. JavaScript's RegExp never decides what RE2 accepts.
 */

interface Re2Syntax { compile(pattern: string): unknown }

let re2: Re2Syntax | undefined;
const verdicts = new Map<string, string | undefined>();

/** Go's `regexp.Compile(pattern)` error text (`error parsing regexp: ...`), undefined when valid. */
export function regexpCompileError(pattern: string): string | undefined {
  if (verdicts.has(pattern)) return verdicts.get(pattern);
  if (!re2) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    re2 = (require('re2js') as typeof import('re2js')).RE2JS;
  }
  let verdict: string | undefined;
  try {
    re2.compile(pattern);
  } catch (e) {
    verdict = goSyntaxError(e as { message: string; error?: string; input?: string | null }, pattern);
  }
  verdicts.set(pattern, verdict);
  return verdict;
}

/**
 * Go's `*syntax.Error` text is always "error parsing regexp: <code>: `<expr>`". re2js leaves the
 * expr out where Go's is empty (trailing backslash) or the whole pattern (too large, nests too deeply).
 */
function goSyntaxError(e: { message: string; error?: string; input?: string | null }, pattern: string): string {
  if (e.error === undefined) return e.message;
  if (e.input !== null && e.input !== undefined) return e.message;
  const expr = e.error === 'trailing backslash at end of expression' ? '' : pattern;
  return `error parsing regexp: ${e.error}: \`${expr}\``;
}
