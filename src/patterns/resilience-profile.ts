import { Duration } from 'cdk8s';
import { ConnectionPoolSettings } from '../connection-pool';
import { factoryError } from '../core/errors';
import { OutlierDetection } from '../outlier-detection';
import { HttpRetry, RetryOn } from '../retries';

/** The parts of a resilience profile; what is left out is not set (Istio's default applies). */
export interface ResilienceOptions {
  /**
   * The deadline of a request, retries included (the route's timeout).
   * @default - none: Istio sets no route timeout
   */
  readonly timeout?: Duration;

  /**
   * How failed requests are retried.
   * @default - Istio's default retry policy (2 attempts)
   */
  readonly retries?: HttpRetry;

  /**
   * How unhealthy endpoints are ejected from load balancing.
   * @default - no outlier detection
   */
  readonly outlierDetection?: OutlierDetection;

  /**
   * Limits on connections and requests to the host.
   * @default - Istio's defaults (no limits)
   */
  readonly connectionPool?: ConnectionPoolSettings;
}

/** What Istio itself retries on (its default retryOn), listed explicitly so the YAML says it. */
const ISTIO_DEFAULT_RETRY_ON = [
  RetryOn.CONNECT_FAILURE, RetryOn.REFUSED_STREAM, RetryOn.UNAVAILABLE, RetryOn.CANCELLED, RetryOn.RETRIABLE_STATUS_CODES,
];

/**
 * Timeouts, retries, outlier detection and connection pool as one named choice, used by the patterns
 * (and by `ResilientService`) for the routes and the DestinationRule of a host.
 *
 * Every profile keeps its retries inside its timeout: the first try and each retry may take up to
 * `perTryTimeout` (Envoy applies it to every try), so `(attempts + 1) x perTryTimeout` must not exceed
 * `timeout`, or the last retries could never run.
 *
 * @example
 * const profile = ResilienceProfile.standard().with({ timeout: Duration.seconds(20) });
 */
export class ResilienceProfile {
  /**
   * The default of the patterns, for request/response services: a 10s timeout; 2 retries of up to 3s
   * each on the failures Istio retries by default (connection failures, refused streams, `unavailable`,
   * `cancelled`, retriable status codes); outlier detection ejecting an endpoint for 30s after 5
   * consecutive 5xx errors (checked every 10s, at most half of the endpoints); no connection limits
   * (size them from your service's capacity with `with({ connectionPool })`).
   */
  public static standard(): ResilienceProfile {
    return new ResilienceProfile('standard', {
      timeout: Duration.seconds(10),
      retries: { attempts: 2, perTryTimeout: Duration.seconds(3), retryOn: ISTIO_DEFAULT_RETRY_ON },
      outlierDetection: {
        consecutive5xxErrors: 5,
        interval: Duration.seconds(10),
        baseEjectionTime: Duration.seconds(30),
        maxEjectionPercent: 50,
      },
    });
  }

  /**
   * For services on a user's critical path: a 2s timeout, 2 retries of up to 500ms, and outlier
   * detection that ejects after 3 consecutive 5xx errors, checked every 5s.
   */
  public static latencySensitive(): ResilienceProfile {
    return new ResilienceProfile('latencySensitive', {
      timeout: Duration.seconds(2),
      retries: { attempts: 2, perTryTimeout: Duration.millis(500), retryOn: ISTIO_DEFAULT_RETRY_ON },
      outlierDetection: {
        consecutive5xxErrors: 3,
        interval: Duration.seconds(5),
        baseEjectionTime: Duration.seconds(30),
        maxEjectionPercent: 50,
      },
    });
  }

  /**
   * For slow requests (reports, uploads): a 60s timeout and one retry of up to 25s, on connection
   * failures and refused streams only (the request never reached the service), and the standard
   * outlier detection.
   */
  public static longRunning(): ResilienceProfile {
    return new ResilienceProfile('longRunning', {
      timeout: Duration.seconds(60),
      retries: { attempts: 1, perTryTimeout: Duration.seconds(25), retryOn: [RetryOn.CONNECT_FAILURE, RetryOn.REFUSED_STREAM] },
      outlierDetection: ResilienceProfile.standard().outlierDetection,
    });
  }

  /** Nothing set: Istio's own defaults (no timeout, its default retries, no outlier detection). */
  public static none(): ResilienceProfile {
    return new ResilienceProfile('none', {});
  }

  /**
   * A profile of your own; what you leave out is not set.
   * @param options the timeout, retries, outlier detection and connection pool
   */
  public static custom(options: ResilienceOptions): ResilienceProfile {
    return new ResilienceProfile('custom', options);
  }

  /** The route timeout, if the profile sets one. */
  public readonly timeout?: Duration;
  /** The retry policy, if the profile sets one. */
  public readonly retries?: HttpRetry;
  /** The outlier detection, if the profile sets it. */
  public readonly outlierDetection?: OutlierDetection;
  /** The connection pool, if the profile sets it. */
  public readonly connectionPool?: ConnectionPoolSettings;

  private constructor(
    /** The name of the profile this one is (or is based on). */
    public readonly profileName: string,
    options: ResilienceOptions,
    factory: string = `ResilienceProfile.${profileName}()`) {
    this.timeout = options.timeout;
    this.retries = options.retries;
    this.outlierDetection = options.outlierDetection;
    this.connectionPool = options.connectionPool;
    const problem = retriesOutliveTimeout(options);
    if (problem) throw factoryError(factory, problem);
  }

  /**
   * This profile with some parts replaced.
   * @param overrides the parts to replace; the others are kept
   */
  public with(overrides: ResilienceOptions): ResilienceProfile {
    return new ResilienceProfile(this.profileName, {
      timeout: overrides.timeout ?? this.timeout,
      retries: overrides.retries ?? this.retries,
      outlierDetection: overrides.outlierDetection ?? this.outlierDetection,
      connectionPool: overrides.connectionPool ?? this.connectionPool,
    }, `ResilienceProfile.${this.profileName}().with()`);
  }
}

/** The message when the tries cannot all run within the timeout. */
function retriesOutliveTimeout(options: ResilienceOptions): string | undefined {
  const { timeout, retries } = options;
  if (!timeout || !retries?.perTryTimeout || retries.attempts <= 0) return undefined;
  const tries = retries.attempts + 1;
  const worst = tries * retries.perTryTimeout.toMilliseconds({ integral: false });
  const limit = timeout.toMilliseconds({ integral: false });
  if (worst <= limit) return undefined;
  return `${tries} tries (the first and ${retries.attempts} retries) of up to ${retries.perTryTimeout.toMilliseconds({ integral: false })}ms `
    + `take up to ${worst}ms, more than the ${limit}ms timeout; lower attempts or perTryTimeout, or raise the timeout`;
}
