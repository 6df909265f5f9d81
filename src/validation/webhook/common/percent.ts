/** Percentages as Istio's webhook checks them (ValidatePercent, validatePercentage). */
import { goFloatV } from '../../../go/format';

/** ValidatePercent: an int32 percentage in 0..100. */
export function checkPercent(value: number): string | undefined {
  if (value < 0 || value > 100) return `percentage ${value} is not in range 0..100`;
  return undefined;
}

/**
 * validatePercentage: a `Percent` message (`{value: <double>}`) is 0, or in [0.0001, 100].
 * Absent (undefined/null) is valid.
 */
export function checkPercentage(percentage: unknown): string | undefined {
  if (percentage === undefined || percentage === null || typeof percentage !== 'object') return undefined;
  const raw = (percentage as { value?: unknown }).value;
  const value = typeof raw === 'number' ? raw : 0;
  if (value < 0 || value > 100 || (value > 0 && value < 0.0001)) {
    return `percentage ${goFloatV(value)} is neither 0.0, nor in range [0.0001, 100.0]`;
  }
  return undefined;
}
