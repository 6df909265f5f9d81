/**
 * Checks and renderers shared by the L2 value structs (traffic policies, connection pools): each takes
 * the field's path for its message and a `fail` that turns the message into the caller's error (a
 * construct's, so it names the construct path). Internal: not exported from the package.
 */
import { Duration } from 'cdk8s';
import { goDuration } from './duration';
import { rangeProblem, shown } from './errors';
import { checkDuration } from '../validation/webhook/common/duration';

/** Turns a message into the error to throw (e.g. a construct's `error()`). */
export type Fail = (message: string) => Error;

const INT32_MAX = 2_147_483_647;
export const UINT32_MAX = 4_294_967_295;

/** A count: an integer in 0..max (int32 unless told); undefined stays undefined. */
export function count(field: string, value: number | undefined, fail: Fail, max: number = INT32_MAX): number | undefined {
  if (value === undefined) return undefined;
  const problem = rangeProblem(field, value, 0, max, true);
  if (problem) throw fail(problem);
  return value;
}

/** A number in min..max (a percentage by default); undefined stays undefined. */
export function ranged(field: string, value: number | undefined, fail: Fail, min = 0, max = 100, integer = false): number | undefined {
  if (value === undefined) return undefined;
  const problem = rangeProblem(field, value, min, max, integer);
  if (problem) throw fail(problem);
  return value;
}

/**
 * A Duration as Istio's Go duration string, checked with Istio's rule for durations (at least 1ms, in
 * whole milliseconds). `allowZero` accepts `0s` where Istio reads zero as "off".
 */
export function duration(field: string, value: Duration | undefined, fail: Fail, allowZero = false): string | undefined {
  if (value === undefined) return undefined;
  const text = goDuration(value);
  if (allowZero && value.toMilliseconds({ integral: false }) === 0) return text;
  const problem = checkDuration(text);
  if (problem) throw fail(`${field}: ${problem}, got ${text}`);
  return text;
}

/** A string that, when given, may not be empty. */
export function nonEmptyString(field: string, value: string | undefined, fail: Fail): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw fail(`${field} must not be empty, got ${shown(value)}; leave it out instead`);
  return value;
}
