import { Duration } from 'cdk8s';
import { StringMatch } from './string-match';

/** HTTP methods a CORS policy can allow. */
export enum HttpMethod {
  /** GET */
  GET = 'GET',
  /** HEAD */
  HEAD = 'HEAD',
  /** POST */
  POST = 'POST',
  /** PUT */
  PUT = 'PUT',
  /** PATCH */
  PATCH = 'PATCH',
  /** DELETE */
  DELETE = 'DELETE',
  /** CONNECT */
  CONNECT = 'CONNECT',
  /** OPTIONS */
  OPTIONS = 'OPTIONS',
  /** TRACE */
  TRACE = 'TRACE',
  /** Every method (`*`). */
  ALL = '*',
}

/** What happens to a preflight request whose origin the policy does not allow. */
export enum UnmatchedPreflights {
  /** It is forwarded to the destination. */
  FORWARD = 'FORWARD',
  /** It is answered by Envoy and not forwarded. */
  IGNORE = 'IGNORE',
}

/**
 * Cross-Origin Resource Sharing for an HTTP route: Istio's CorsPolicy.
 *
 * @example
 * const cors: CorsPolicy = {
 *   allowOrigins: [StringMatch.exact('https://shop.example.com')],
 *   allowMethods: [HttpMethod.GET],
 *   maxAge: Duration.hours(24),
 * };
 */
export interface CorsPolicy {
  /** The origins allowed to call (`StringMatch.exact('https://example.com')`). */
  readonly allowOrigins: StringMatch[];

  /**
   * The methods allowed.
   * @default - none beyond the CORS-safelisted ones
   */
  readonly allowMethods?: HttpMethod[];

  /**
   * The request headers allowed (`*` for any).
   * @default - none beyond the CORS-safelisted ones
   */
  readonly allowHeaders?: string[];

  /**
   * The response headers the browser may expose to the caller.
   * @default - none beyond the CORS-safelisted ones
   */
  readonly exposeHeaders?: string[];

  /**
   * How long a browser may cache the answer to a preflight request (whole seconds).
   * @default - the browser's default
   */
  readonly maxAge?: Duration;

  /**
   * Whether the caller may send the actual request with credentials (cookies, authorization).
   * @default false - credentials are not allowed
   */
  readonly allowCredentials?: boolean;

  /**
   * What happens to preflight requests from origins not allowed.
   * @default - Istio's default: UnmatchedPreflights.FORWARD
   */
  readonly unmatchedPreflights?: UnmatchedPreflights;
}
