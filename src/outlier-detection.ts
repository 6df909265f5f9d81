import { Duration } from 'cdk8s';

/**
 * Outlier detection (Istio's `OutlierDetection`): hosts that keep failing are ejected from the load
 * balancing pool for a while, a passive circuit breaker.
 *
 * Istio counts errors of HTTP traffic as 5xx responses and of TCP traffic as connect failures and
 * timeouts. Set `splitExternalLocalOriginErrors` to count local-origin failures (resets, timeouts,
 * connect failures) separately, with `consecutiveLocalOriginFailures`; Istio rejects that count without
 * the split (reported when the app synthesizes).
 *
 * @example
 * const outlier: OutlierDetection = {
 *   consecutive5xxErrors: 5,
 *   interval: Duration.seconds(30),
 *   baseEjectionTime: Duration.seconds(30),
 *   maxEjectionPercent: 50,
 * };
 */
export interface OutlierDetection {
  /**
   * 5xx responses (and, for TCP, connect failures) in a row after which a host is ejected; 0 turns it off.
   * @default 5
   */
  readonly consecutive5xxErrors?: number;

  /**
   * Gateway errors (502, 503, 504 and connect failures) in a row after which a host is ejected; 0 turns it off.
   * @default - off
   */
  readonly consecutiveGatewayErrors?: number;

  /**
   * Locally originated failures in a row after which a host is ejected; needs `splitExternalLocalOriginErrors`.
   * @default 5 (when the split is on)
   */
  readonly consecutiveLocalOriginFailures?: number;

  /**
   * Count local-origin failures (resets, timeouts, connect errors) apart from the upstream's responses.
   * @default false
   */
  readonly splitExternalLocalOriginErrors?: boolean;

  /**
   * Time between ejection sweeps (at least 1ms).
   * @default Duration.seconds(10)
   */
  readonly interval?: Duration;

  /**
   * Minimum ejection time; a host ejected again stays out for this times the number of ejections (at least 1ms).
   * @default Duration.seconds(30)
   */
  readonly baseEjectionTime?: Duration;

  /**
   * Maximum share of the pool's hosts ejected at a time, as a percentage (0–100).
   * @default 10
   */
  readonly maxEjectionPercent?: number;

  /**
   * Outlier detection is on only while at least this percentage of hosts is healthy (0–100; 0 keeps it always on).
   * @default 0
   */
  readonly minHealthPercent?: number;

  /**
   * The old name of `consecutiveGatewayErrors` and `consecutive5xxErrors`: Istio warns that it is deprecated.
   * @default - not set
   * @deprecated use `consecutiveGatewayErrors` or `consecutive5xxErrors`
   */
  readonly consecutiveErrors?: number;
}
