import { Duration } from 'cdk8s';
import { firstEngineError } from './core/engine-check';
import { factoryError, rangeProblem, shown } from './core/errors';
import { FieldPath } from './validation/field-path';
import { validateRetry } from './validation/webhook/virtual-service/retry';

/**
 * A condition under which a request is retried: Envoy's `x-envoy-retry-on` and
 * `x-envoy-retry-grpc-on` policies, or an HTTP status code.
 *
 * @example [RetryOn.GATEWAY_ERROR, RetryOn.CONNECT_FAILURE, RetryOn.httpStatus(409)]
 */
export class RetryOn {
  /** Any 5xx response, a connect failure, a reset or a refused stream (`5xx`). */
  public static readonly FIVE_XX = new RetryOn('5xx');
  /** A 502, 503 or 504 response (`gateway-error`). */
  public static readonly GATEWAY_ERROR = new RetryOn('gateway-error');
  /** The upstream did not respond: disconnect, reset, read timeout (`reset`). */
  public static readonly RESET = new RetryOn('reset');
  /** As `reset`, but only when the request was not yet sent upstream (`reset-before-request`). */
  public static readonly RESET_BEFORE_REQUEST = new RetryOn('reset-before-request');
  /** The connection to the upstream failed (`connect-failure`). */
  public static readonly CONNECT_FAILURE = new RetryOn('connect-failure');
  /** A 409 response (`retriable-4xx`). */
  public static readonly RETRIABLE_4XX = new RetryOn('retriable-4xx');
  /** The upstream reset the stream with REFUSED_STREAM (`refused-stream`). */
  public static readonly REFUSED_STREAM = new RetryOn('refused-stream');
  /** A status listed in the request's `x-envoy-retriable-status-codes` header (`retriable-status-codes`). */
  public static readonly RETRIABLE_STATUS_CODES = new RetryOn('retriable-status-codes');
  /** A response header listed in `x-envoy-retriable-header-names` (`retriable-headers`). */
  public static readonly RETRIABLE_HEADERS = new RetryOn('retriable-headers');
  /** The upstream answered with `x-envoy-ratelimited` (`envoy-ratelimited`). */
  public static readonly ENVOY_RATELIMITED = new RetryOn('envoy-ratelimited');
  /** An HTTP/3 connection failed after it was established; retried over another protocol (`http3-post-connect-failure`). */
  public static readonly HTTP3_POST_CONNECT_FAILURE = new RetryOn('http3-post-connect-failure');
  /** gRPC status CANCELLED (`cancelled`). */
  public static readonly CANCELLED = new RetryOn('cancelled');
  /** gRPC status DEADLINE_EXCEEDED (`deadline-exceeded`). */
  public static readonly DEADLINE_EXCEEDED = new RetryOn('deadline-exceeded');
  /** gRPC status INTERNAL (`internal`). */
  public static readonly INTERNAL = new RetryOn('internal');
  /** gRPC status RESOURCE_EXHAUSTED (`resource-exhausted`). */
  public static readonly RESOURCE_EXHAUSTED = new RetryOn('resource-exhausted');
  /** gRPC status UNAVAILABLE (`unavailable`). */
  public static readonly UNAVAILABLE = new RetryOn('unavailable');

  /**
   * Responses with this HTTP status (Istio passes it to Envoy as a retriable status code).
   * @example RetryOn.httpStatus(503)
   */
  public static httpStatus(status: number): RetryOn {
    const problem = rangeProblem('status', status, 100, 599, true);
    if (problem) throw factoryError('RetryOn.httpStatus()', `${problem}; give an HTTP status such as 503`);
    return RetryOn.checked(String(status), 'RetryOn.httpStatus()');
  }

  /**
   * A policy by its name in Envoy's `x-envoy-retry-on` / `x-envoy-retry-grpc-on` lists, for one this
   * class has no constant for; checked against the list Istio accepts.
   * @example RetryOn.of('gateway-error')
   */
  public static of(policy: string): RetryOn {
    return RetryOn.checked(policy, 'RetryOn.of()');
  }

  private static checked(policy: string, factory: string): RetryOn {
    if (typeof policy !== 'string' || policy === '' || policy.includes(',')) {
      throw factoryError(factory, `policy must be one policy name, got ${shown(policy)}; give each condition as its own RetryOn`);
    }
    const finding = firstEngineError(findings => validateRetry(FieldPath.at('retries'), findings, { attempts: 1, retryOn: policy }));
    if (finding) {
      throw factoryError(factory, `${finding.message}; use one of Envoy's retry-on policies (5xx, gateway-error, reset, connect-failure, `
        + 'retriable-4xx, refused-stream, ...), a gRPC status (cancelled, deadline-exceeded, internal, resource-exhausted, unavailable) or an HTTP status');
    }
    return new RetryOn(policy);
  }

  private constructor(
    /** The policy as Istio's `retryOn` lists it. */
    public readonly policy: string) {}
}

/**
 * How failed requests are retried: Istio's HTTPRetry.
 *
 * @example
 * const httpRetry: HttpRetry = { attempts: 3, perTryTimeout: Duration.seconds(2), retryOn: [RetryOn.GATEWAY_ERROR, RetryOn.CONNECT_FAILURE] };
 */
export interface HttpRetry {
  /** How many times a request is retried; 0 turns retries off. */
  readonly attempts: number;

  /**
   * The timeout of each attempt, the first one included.
   * @default - the route's timeout
   */
  readonly perTryTimeout?: Duration;

  /**
   * The conditions under which a request is retried.
   * @default - Istio's default: connect-failure, refused-stream, unavailable, cancelled and retriable-status-codes
   */
  readonly retryOn?: RetryOn[];

  /**
   * Whether retries may go to endpoints in other localities.
   * @default - Istio's default (false)
   */
  readonly retryRemoteLocalities?: boolean;

  /**
   * Whether retries avoid the hosts already tried.
   * @default - Istio's default (true)
   */
  readonly retryIgnorePreviousHosts?: boolean;

  /**
   * The base interval between retries (Envoy backs off exponentially from it).
   * @default - Envoy's default: 25ms
   */
  readonly backoff?: Duration;
}
