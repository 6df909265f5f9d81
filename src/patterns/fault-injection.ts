import { FaultAbort, FaultDelay } from '../fault';
import { HttpMatch } from '../http-match';

/**
 * Faults a pattern injects into its own traffic, to test how callers cope (best practice 10), scoped
 * so that it never hits all traffic by accident: either `match` limits it to some requests (a test
 * header, a test client), or every fault names the percentage of all requests it hits.
 *
 * A fault limited by `match` gets a route of its own, ahead of the pattern's other routes, with the
 * destinations of the pattern's default route; a fault on a percentage of all requests is set on every
 * route of the pattern (a route of its own without a match would take every request).
 *
 * @example
 * const chaos: FaultInjection = {
 *   match: [{ headers: { 'x-chaos': StringMatch.exact('on') } }],
 *   abort: { httpStatus: 503 },
 * };
 */
export interface FaultInjection {
  /**
   * The requests the faults apply to.
   * @default - all requests: then `delay.percentage` and `abort.percentage` are required
   */
  readonly match?: HttpMatch[];

  /**
   * Delay requests.
   * @default - no delay
   */
  readonly delay?: FaultDelay;

  /**
   * Fail requests.
   * @default - no abort
   */
  readonly abort?: FaultAbort;
}
