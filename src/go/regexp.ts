/**
 * Go's `regexp` (RE2 syntax), reproduced with re2js, a port of the same parser and matcher, so what
 * compiles, what matches and the error text are Go's. JavaScript's RegExp never decides.
 *
 * re2js loads on the first pattern compiled, never at module load (the library's cold `require` is
 * measured). Each pattern compiles once: the program, or RE2's refusal, is cached.
 */
import type { RE2JS } from 're2js';

/** A compiled pattern, as its callers match with it. */
export interface Regexp {
  /** regexp.MatchString: a match anywhere in `text` (OpenAPI `pattern`, CEL `matches()`). */
  test(text: string): boolean;
  /** The whole of `text` matches (RE2::FullMatch: Envoy's `safe_regex` matchers). */
  fullMatch(text: string): boolean;
  /** Every match in `text` replaced by `replacement`, in re2js' syntax (`$1` for a group). */
  replaceAll(text: string, replacement: string): string;
}

/** What re2js throws when RE2 rejects a pattern (RE2JSSyntaxException and its kin). */
type Re2Error = { message: string; error?: string; input?: string | null };

class Program implements Regexp {
  public constructor(private readonly re: RE2JS) {}

  public test(text: string): boolean {
    return this.re.matcher(text).find();
  }

  public fullMatch(text: string): boolean {
    return this.re.matches(text);
  }

  public replaceAll(text: string, replacement: string): string {
    return this.re.matcher(text).replaceAll(replacement);
  }
}

/** Why RE2 rejected a pattern: the exception re2js threw, kept to throw again. */
class Rejected {
  public constructor(public readonly error: Re2Error) {}
}

let re2: typeof RE2JS | undefined;
const compiled = new Map<string, Program | Rejected>();

function compile(pattern: string): Program | Rejected {
  let result = compiled.get(pattern);
  if (result === undefined) {
    if (!re2) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      re2 = (require('re2js') as typeof import('re2js')).RE2JS;
    }
    try {
      result = new Program(re2.compile(pattern));
    } catch (e) {
      result = new Rejected(e as Re2Error);
    }
    compiled.set(pattern, result);
  }
  return result;
}

/** regexp.MustCompile: the compiled pattern; throws re2js' error when RE2 rejects it. */
export function mustCompileRegexp(pattern: string): Regexp {
  const result = compile(pattern);
  if (result instanceof Rejected) throw result.error;
  return result;
}

/** The compiled pattern, undefined when RE2 rejects it. */
export function compileRegexp(pattern: string): Regexp | undefined {
  const result = compile(pattern);
  return result instanceof Rejected ? undefined : result;
}

/** Go's `regexp.Compile(pattern)` error text (`error parsing regexp: ...`), undefined when valid. */
export function regexpCompileError(pattern: string): string | undefined {
  const result = compile(pattern);
  return result instanceof Rejected ? goSyntaxError(result.error, pattern) : undefined;
}

/**
 * Go's `*syntax.Error` text is always "error parsing regexp: <code>: `<expr>`". re2js leaves the
 * expr out where Go's is empty (trailing backslash) or the whole pattern (too large, nests too deeply).
 */
function goSyntaxError(e: Re2Error, pattern: string): string {
  if (e.error === undefined) return e.message;
  if (e.input !== null && e.input !== undefined) return e.message;
  const expr = e.error === 'trailing backslash at end of expression' ? '' : pattern;
  return `error parsing regexp: ${e.error}: \`${expr}\``;
}
