/**
 * Go's strconv as Istio calls it: ParseUint, Atoi, ParseBool — whether a text parses, its value, and
 * the error text Istio passes through to the user.
 */
import { goQuote } from './format';

const MAX_INT64 = BigInt(2) ** BigInt(63) - BigInt(1);

function numError(fn: string, input: string, reason: 'invalid syntax' | 'value out of range'): string {
  return `strconv.${fn}: parsing ${goQuote(input)}: ${reason}`;
}

/**
 * strconv.ParseUint(s, 10, bitSize): its error text, undefined when it parses. It stops at the first
 * byte that is no digit (syntax) or overflows (range), whichever comes first.
 */
export function parseUintError(s: string, bitSize: number): string | undefined {
  if (s === '') return numError('ParseUint', s, 'invalid syntax');
  const max = BigInt(2) ** BigInt(bitSize) - BigInt(1);
  let n = BigInt(0);
  for (const c of Buffer.from(s, 'utf8')) {
    if (c < 0x30 || c > 0x39) return numError('ParseUint', s, 'invalid syntax');
    n = n * BigInt(10) + BigInt(c - 0x30);
    if (n > max) return numError('ParseUint', s, 'value out of range');
  }
  return undefined;
}

const INT_SYNTAX = /^[+-]?[0-9]+$/;

/** strconv.Atoi's value, or undefined when it fails (without building the error text: rules call it often). */
export function atoi(s: string): number | undefined {
  if (!INT_SYNTAX.test(s)) return undefined;
  // 18 digits always fit in an int64; longer text may overflow
  if (s.length >= 19 && atoiError(s) !== undefined) return undefined;
  return Number(s);
}

/** strconv.ParseUint(s, 10, bitSize)'s value, or undefined when it fails. */
export function parseUint(s: string, bitSize: number): bigint | undefined {
  return parseUintError(s, bitSize) === undefined ? BigInt(s) : undefined;
}

/**
 * strconv.Atoi (64-bit int): its error text, undefined when it parses. A sign is allowed. Past 18
 * bytes Go scans like ParseUint (64 bits), so an overflow before a bad byte reports the range.
 */
export function atoiError(s: string): string | undefined {
  const negative = s.startsWith('-');
  const digits = negative || s.startsWith('+') ? s.slice(1) : s;
  if (s.length < 19) return /^[0-9]+$/.test(digits) ? undefined : numError('Atoi', s, 'invalid syntax');
  const uint64 = parseUintError(digits, 64);
  if (uint64?.endsWith('invalid syntax')) return numError('Atoi', s, 'invalid syntax');
  const tooBig = uint64 !== undefined || BigInt(digits) > (negative ? MAX_INT64 + BigInt(1) : MAX_INT64);
  return tooBig ? numError('Atoi', s, 'value out of range') : undefined;
}

const GO_BOOLS = new Set(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False']);

/** strconv.ParseBool: its error text, undefined for the spellings Go accepts. */
export function parseBoolError(s: string): string | undefined {
  return GO_BOOLS.has(s) ? undefined : numError('ParseBool', s, 'invalid syntax');
}
