/** Go's time.ParseDuration: "1.5s", "300ms", "1h30m", with its overflow rules and float64 rounding. */

const MAX_UNSIGNED = BigInt(2) ** BigInt(63); // Go accumulates in uint64 and rejects more than 1<<63
const MAX_DURATION = MAX_UNSIGNED - BigInt(1);
const MAX_LEADING = BigInt(2) ** BigInt(63) - BigInt(1);

/** A Map, not an object literal: a unit such as `toString` must not find Object.prototype's members. */
const UNITS = new Map<string, number>([
  ['ns', 1],
  ['us', 1e3],
  ['µs', 1e3], // micro sign
  ['μs', 1e3], // Greek mu
  ['ms', 1e6],
  ['s', 1e9],
  ['m', 60e9],
  ['h', 3600e9],
]);

/**
 * Nanoseconds of a Go duration string, exactly as `time.ParseDuration` computes them (including
 * its float64 rounding of fractions); undefined for text Go rejects.
 */
export function parseGoDuration(text: string): bigint | undefined {
  let s = text;
  let negative = false;
  if (s[0] === '-' || s[0] === '+') {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return BigInt(0);
  if (s === '') return undefined;
  let total = BigInt(0);
  while (s !== '') {
    if (!(s[0] === '.' || isDigit(s[0]))) return undefined;
    const whole = leadingInt(s);
    if (!whole) return undefined;
    const hasWhole = whole.rest.length !== s.length;
    s = whole.rest;
    let fraction = { value: 0, scale: 1, rest: s };
    let hasFraction = false;
    if (s[0] === '.') {
      fraction = leadingFraction(s.slice(1));
      hasFraction = fraction.rest.length !== s.length - 1;
      s = fraction.rest;
    }
    if (!hasWhole && !hasFraction) return undefined;
    let i = 0;
    while (i < s.length && s[i] !== '.' && !isDigit(s[i])) i++;
    const unit = UNITS.get(s.slice(0, i));
    if (i === 0 || unit === undefined) return undefined;
    s = s.slice(i);
    const unitBig = BigInt(unit);
    if (whole.value > MAX_UNSIGNED / unitBig) return undefined;
    let value = whole.value * unitBig;
    if (fraction.value > 0) {
      // Go: v += uint64(float64(f) * (float64(unit) / scale)), float64 like JavaScript numbers
      value += BigInt(Math.trunc(fraction.value * (unit / fraction.scale)));
      if (value > MAX_UNSIGNED) return undefined;
    }
    total += value;
    if (total > MAX_UNSIGNED) return undefined;
  }
  if (negative) return -total;
  return total > MAX_DURATION ? undefined : total;
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

function leadingInt(s: string): { value: bigint; rest: string } | undefined {
  let i = 0;
  let value = BigInt(0);
  for (; i < s.length && isDigit(s[i]); i++) {
    if (value > MAX_LEADING / BigInt(10)) return undefined; // overflow
    value = value * BigInt(10) + BigInt(s.charCodeAt(i) - 48);
    if (value > MAX_UNSIGNED) return undefined;
  }
  return { value, rest: s.slice(i) };
}

function leadingFraction(s: string): { value: number; scale: number; rest: string } {
  let i = 0;
  let value = BigInt(0);
  let scale = 1;
  let overflow = false;
  for (; i < s.length && isDigit(s[i]); i++) {
    if (overflow) continue;
    if (value > MAX_LEADING / BigInt(10)) {
      overflow = true;
      continue;
    }
    const next = value * BigInt(10) + BigInt(s.charCodeAt(i) - 48);
    if (next > MAX_UNSIGNED) {
      overflow = true;
      continue;
    }
    value = next;
    scale *= 10;
  }
  return { value: Number(value), scale, rest: s.slice(i) };
}
