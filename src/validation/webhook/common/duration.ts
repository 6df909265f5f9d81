/**
 * Durations as istiod sees them: a google.protobuf.Duration decoded from a Go duration string
 * (src/go/time.ts), and Istio's ValidateDuration on it.
 */
import { parseGoDuration } from '../../../go/time';
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';

const NANOS_PER_MILLI = BigInt(1_000_000);
const NANOS_PER_SECOND = BigInt(1_000_000_000);


/**
 * ValidateDuration (agent/validation.go): at least 1ms, whole milliseconds. Returns Istio's message,
 * or undefined when valid or when the text is no Go duration (the CRD schema rejects those first).
 */
export function checkDuration(text: unknown): string | undefined {
  const nanos = typeof text === 'string' ? parseGoDuration(text) : undefined;
  if (nanos === undefined) return undefined;
  if (nanos < NANOS_PER_MILLI) return 'duration must be greater than 1ms';
  if (nanos % NANOS_PER_MILLI !== BigInt(0)) return 'only durations to ms precision are supported';
  return undefined;
}

/** ValidateDuration on a field, reported at its path (unparsable text is left to the decoder, see parseGoDuration). */
export function validateDuration(path: FieldPath, findings: Findings, value: unknown): void {
  findings.errorIfAny(path, checkDuration(value));
}

/** True when a positive duration has a sub-second part (its proto `nanos` field is not 0). */
export function hasFractionalSeconds(text: unknown): boolean {
  const nanos = typeof text === 'string' ? parseGoDuration(text) : undefined;
  return nanos !== undefined && nanos % NANOS_PER_SECOND > BigInt(0);
}
