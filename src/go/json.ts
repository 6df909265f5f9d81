/**
 * Go's encoding/json syntax check (the scanner behind json.Unmarshal's checkValid): the same
 * grammar as JSON.parse, but with Go's error messages, which Istio passes on for an inline `jwks`.
 */
import { goQuote } from './format';

/** Go's quoteChar: a byte in single quotes, escaped like strconv.Quote. */
function quoteChar(c: number): string {
  if (c === 0x27) return "'\\''";
  if (c === 0x22) return "'\"'";
  const quoted = goQuote(String.fromCharCode(c));
  return `'${quoted.slice(1, -1)}'`;
}

type Container = 'object-key' | 'object-value' | 'array';
type Step = (c: number) => string | undefined;

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
const ch = (s: string) => s.charCodeAt(0);

/** The scanner: a stack of open containers and the state for the next byte. Errors are Go's messages. */
class Scanner {
  /** True once a complete top-level value was read. */
  public done = false;
  private readonly stack: Container[] = [];
  /** The state: what the next byte may be. */
  public step: Step = c => this.beginValue(c);

  private fail(c: number, context: string): string {
    this.step = () => undefined;
    return `invalid character ${quoteChar(c)} ${context}`;
  }

  private beginValue(c: number): string | undefined {
    if (isSpace(c)) return undefined;
    if (c === ch('{')) return this.open('object-key', c, c2 => this.beginKeyOrEnd(c2));
    if (c === ch('[')) return this.open('array', c, c2 => this.beginValueOrEnd(c2));
    if (c === ch('"')) return this.go(c2 => this.inString(c2));
    if (c === ch('-')) return this.go(c2 => this.negative(c2));
    if (c === ch('0')) return this.go(c2 => this.zero(c2));
    if (isDigit(c)) return this.go(c2 => this.integer(c2));
    for (const literal of ['true', 'false', 'null']) {
      if (c === ch(literal)) return this.go(this.literal(literal, 1));
    }
    return this.fail(c, 'looking for beginning of value');
  }

  private go(next: Step): undefined {
    this.step = next;
    return undefined;
  }

  private open(container: Container, c: number, next: Step): string | undefined {
    this.stack.push(container);
    if (this.stack.length > 10000) return this.fail(c, 'exceeded max depth');
    return this.go(next);
  }

  private beginValueOrEnd(c: number): string | undefined {
    if (isSpace(c)) return undefined;
    return c === ch(']') ? this.endValue(c) : this.beginValue(c);
  }

  private beginKeyOrEnd(c: number): string | undefined {
    if (isSpace(c)) return undefined;
    if (c === ch('}')) {
      this.stack[this.stack.length - 1] = 'object-value';
      return this.endValue(c);
    }
    return this.beginKey(c);
  }

  private beginKey(c: number): string | undefined {
    if (isSpace(c)) return undefined;
    if (c === ch('"')) return this.go(c2 => this.inString(c2));
    return this.fail(c, 'looking for beginning of object key string');
  }

  private endValue(c: number): string | undefined {
    const top = this.stack[this.stack.length - 1];
    if (top === undefined) {
      this.done = true;
      this.step = c2 => this.endTop(c2);
      return this.endTop(c);
    }
    if (isSpace(c)) return this.go(c2 => this.endValue(c2));
    if (top === 'object-key') {
      if (c !== ch(':')) return this.fail(c, 'after object key');
      this.stack[this.stack.length - 1] = 'object-value';
      return this.go(c2 => this.beginValue(c2));
    }
    const [separator, close, context]: [string, string, string] = top === 'object-value'
      ? [',', '}', 'after object key:value pair'] : [',', ']', 'after array element'];
    if (c === ch(separator)) {
      if (top === 'object-value') this.stack[this.stack.length - 1] = 'object-key';
      return this.go(top === 'object-value' ? c2 => this.beginKey(c2) : c2 => this.beginValue(c2));
    }
    if (c !== ch(close)) return this.fail(c, context);
    this.stack.pop();
    if (this.stack.length === 0) {
      this.done = true;
      return this.go(c2 => this.endTop(c2));
    }
    return this.go(c2 => this.endValue(c2));
  }

  private endTop(c: number): string | undefined {
    return isSpace(c) ? undefined : this.fail(c, 'after top-level value');
  }

  private inString(c: number): string | undefined {
    if (c === ch('"')) return this.go(c2 => this.endValue(c2));
    if (c === ch('\\')) return this.go(c2 => this.escape(c2));
    return c < 0x20 ? this.fail(c, 'in string literal') : undefined;
  }

  private escape(c: number): string | undefined {
    if ('bfnrt\\/"'.includes(String.fromCharCode(c))) return this.go(c2 => this.inString(c2));
    if (c === ch('u')) return this.go(this.unicode(4));
    return this.fail(c, 'in string escape code');
  }

  private unicode(remaining: number): Step {
    return c => {
      if (!isHex(c)) return this.fail(c, 'in \\u hexadecimal character escape');
      return this.go(remaining === 1 ? c2 => this.inString(c2) : this.unicode(remaining - 1));
    };
  }

  private negative(c: number): string | undefined {
    if (c === ch('0')) return this.go(c2 => this.zero(c2));
    if (isDigit(c)) return this.go(c2 => this.integer(c2));
    return this.fail(c, 'in numeric literal');
  }

  private integer(c: number): string | undefined {
    return isDigit(c) ? undefined : this.zero(c);
  }

  private zero(c: number): string | undefined {
    if (c === ch('.')) return this.go(c2 => isDigit(c2) ? this.go(c3 => this.fraction(c3)) : this.fail(c2, 'after decimal point in numeric literal'));
    if (c === ch('e') || c === ch('E')) return this.go(c2 => this.exponent(c2, true));
    return this.endValue(c);
  }

  private fraction(c: number): string | undefined {
    if (isDigit(c)) return undefined;
    if (c === ch('e') || c === ch('E')) return this.go(c2 => this.exponent(c2, true));
    return this.endValue(c);
  }

  private exponent(c: number, signAllowed: boolean): string | undefined {
    if (signAllowed && (c === ch('+') || c === ch('-'))) return this.go(c2 => this.exponent(c2, false));
    if (!isDigit(c)) return this.fail(c, 'in exponent of numeric literal');
    return this.go(c2 => isDigit(c2) ? undefined : this.endValue(c2));
  }

  private literal(word: string, at: number): Step {
    return c => {
      if (c !== ch(word[at])) return this.fail(c, `in literal ${word} (expecting ${quoteChar(ch(word[at]))})`);
      return this.go(at === word.length - 1 ? c2 => this.endValue(c2) : this.literal(word, at + 1));
    };
  }
}

/** json.Unmarshal's syntax error for `text` (as UTF-8 bytes), undefined for valid JSON. */
export function goJsonSyntaxError(text: string): string | undefined {
  const scanner = new Scanner();
  for (const c of Buffer.from(text, 'utf8')) {
    const error = scanner.step(c);
    if (error) return error;
  }
  // At the end Go feeds a space, which completes a number or fails anything else unfinished.
  const error = scanner.step(0x20);
  if (error) return error;
  return scanner.done ? undefined : 'unexpected end of JSON input';
}

/** encoding/json's name for the kind of a decoded JSON value (UnmarshalTypeError.Value). */
function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'bool';
  return typeof value === 'object' ? 'object' : typeof value;
}

/**
 * json.Unmarshal's *UnmarshalTypeError text for `value` decoded into the Go type `goType`:
 * `into Go value of type T`, or `into Go struct field S.F of type T` when `structField` ('S.F') is given.
 */
export function unmarshalTypeError(value: unknown, goType: string, structField?: string): string {
  const into = structField === undefined ? 'Go value' : `Go struct field ${structField}`;
  return `json: cannot unmarshal ${jsonKind(value)} into ${into} of type ${goType}`;
}
