/**
 * Percentages (ValidatePercent, validatePercentage) and Go's formatting of the numbers Istio prints
 * in their messages (`%v` and `%f` of a float64).
 */

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

/** ValidatePercent: an int32 percentage in 0..100. */
export function validatePercent(value: number): string | undefined {
  if (value < 0 || value > 100) return `percentage ${value} is not in range 0..100`;
  return undefined;
}

/**
 * validatePercentage: a `Percent` message (`{value: <double>}`) is 0, or in [0.0001, 100].
 * Absent (undefined/null) is valid.
 */
export function validatePercentage(percentage: unknown): string | undefined {
  if (percentage === undefined || percentage === null || typeof percentage !== 'object') return undefined;
  const raw = (percentage as { value?: unknown }).value;
  const value = typeof raw === 'number' ? raw : 0;
  if (value < 0 || value > 100 || (value > 0 && value < 0.0001)) {
    return `percentage ${goFloatV(value)} is neither 0.0, nor in range [0.0001, 100.0]`;
  }
  return undefined;
}
