/**
 * Go's strconv as Istio calls it: ParseUint, Atoi, ParseBool — whether a text parses, its value, and
 * the error text Istio passes through to the user.
 */
import { goQuote } from './format';

const MAX_INT64 = BigInt(2) ** BigInt(63) - BigInt(1);

type NumErrorReason = 'invalid syntax' | 'value out of range';

function numError(fn: string, input: string, reason: NumErrorReason): string {
  return `strconv.${fn}: parsing ${goQuote(input)}: ${reason}`;
}

/**
 * strconv.ParseUint(s, 10, bitSize)'s scan: the value, or why it fails. It stops at the first byte
 * that is no digit (syntax) or overflows (range), whichever comes first.
 */
function scanUint(s: string, bitSize: number): bigint | NumErrorReason {
  if (s === '') return 'invalid syntax';
  const max = BigInt(2) ** BigInt(bitSize) - BigInt(1);
  let n = BigInt(0);
  for (const c of Buffer.from(s, 'utf8')) {
    if (c < 0x30 || c > 0x39) return 'invalid syntax';
    n = n * BigInt(10) + BigInt(c - 0x30);
    if (n > max) return 'value out of range';
  }
  return n;
}

/** strconv.ParseUint(s, 10, bitSize): its error text, undefined when it parses. */
export function parseUintError(s: string, bitSize: number): string | undefined {
  const scanned = scanUint(s, bitSize);
  return typeof scanned === 'string' ? numError('ParseUint', s, scanned) : undefined;
}

/** strconv.ParseUint(s, 10, bitSize)'s value, or undefined when it fails. */
export function parseUint(s: string, bitSize: number): bigint | undefined {
  const scanned = scanUint(s, bitSize);
  return typeof scanned === 'string' ? undefined : scanned;
}

const INT_SYNTAX = /^[+-]?[0-9]+$/;

/**
 * strconv.Atoi's scan on a 64-bit platform: the value, or why it fails. A sign is allowed. Under 19
 * bytes no value overflows (Go's fast path); from 19 bytes on Go scans like ParseUint (64 bits), so
 * an overflow before a bad byte reports the range.
 */
function scanAtoi(s: string): bigint | NumErrorReason {
  if (s.length < 19) return INT_SYNTAX.test(s) ? BigInt(s) : 'invalid syntax';
  const negative = s.startsWith('-');
  const uint64 = scanUint(negative || s.startsWith('+') ? s.slice(1) : s, 64);
  if (typeof uint64 === 'string') return uint64;
  if (uint64 > (negative ? MAX_INT64 + BigInt(1) : MAX_INT64)) return 'value out of range';
  return negative ? -uint64 : uint64;
}

/** strconv.Atoi's value as an int64 (every digit kept), or undefined when it fails. */
export function parseInt64(s: string): bigint | undefined {
  const scanned = scanAtoi(s);
  return typeof scanned === 'string' ? undefined : scanned;
}

/**
 * strconv.Atoi's value as a number (rounded past 2^53), or undefined when it fails, without building
 * the error text: rules call it often.
 */
export function atoi(s: string): number | undefined {
  if (!INT_SYNTAX.test(s)) return undefined;
  // 18 digits always fit in an int64; longer text may overflow
  return s.length < 19 || parseInt64(s) !== undefined ? Number(s) : undefined;
}

/** strconv.Atoi (64-bit int): its error text, undefined when it parses. */
export function atoiError(s: string): string | undefined {
  const scanned = scanAtoi(s);
  return typeof scanned === 'string' ? numError('Atoi', s, scanned) : undefined;
}

const GO_BOOLS = new Set(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False']);

/** strconv.ParseBool: its error text, undefined for the spellings Go accepts. */
export function parseBoolError(s: string): string | undefined {
  return GO_BOOLS.has(s) ? undefined : numError('ParseBool', s, 'invalid syntax');
}
