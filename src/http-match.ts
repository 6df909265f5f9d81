import { IGateway } from './references';
import { StringMatch } from './string-match';

/**
 * The conditions of an HTTP route: a request must meet all of them (a route with several matches
 * applies when any of them is met). Istio's HTTPMatchRequest.
 *
 * @example
 * const match: HttpMatch = { uri: StringMatch.prefix('/api/'), headers: { 'x-beta': StringMatch.exact('on') } };
 */
export interface HttpMatch {
  /**
   * A name for the match, concatenated with the route's name in access logs and stats.
   * @default - none
   */
  readonly name?: string;

  /**
   * The request's path (without query string).
   * @default - any path
   */
  readonly uri?: StringMatch;

  /**
   * Whether `uri` is matched regardless of case (exact and prefix matches only).
   * @default false
   */
  readonly ignoreUriCase?: boolean;

  /**
   * The URI scheme (`http`, `https`).
   * @default - any scheme
   */
  readonly scheme?: StringMatch;

  /**
   * The HTTP method (`GET`, `POST`...).
   * @default - any method
   */
  readonly method?: StringMatch;

  /**
   * The Authority (Host) header.
   * @default - any authority
   */
  readonly authority?: StringMatch;

  /**
   * Request headers and how their values must match; names are lowercase (`x-user-role`). A JWT claim
   * is matched as `@request.auth.claims.<name>` (on gateways only).
   * @default - no header condition
   */
  readonly headers?: { [name: string]: StringMatch };

  /**
   * Request headers that must be present, whatever their value (Istio's header match `{}`).
   * @default - none
   */
  readonly presentHeaders?: string[];

  /**
   * Request headers whose value must NOT match (a request without the header meets the condition).
   * @default - no such condition
   */
  readonly withoutHeaders?: { [name: string]: StringMatch };

  /**
   * Request headers that must be absent (Istio's `withoutHeaders` entry `{}`).
   * @default - none
   */
  readonly absentHeaders?: string[];

  /**
   * Query parameters and how their values must match (`StringMatch.exact('')` for `?key` without value).
   * @default - no query parameter condition
   */
  readonly queryParams?: { [name: string]: StringMatch };

  /**
   * The port the request is addressed to, for hosts with several ports.
   * @default - any port
   */
  readonly port?: number;

  /**
   * Labels the calling workload must have (sidecars only; ignored on gateways).
   * @default - any caller
   */
  readonly sourceLabels?: { [key: string]: string };

  /**
   * The namespace of the calling workload.
   * @default - any namespace
   */
  readonly sourceNamespace?: string;

  /**
   * Gateways this match applies to, overriding the VirtualService's `gateways` for this match.
   * @default - the VirtualService's gateways
   */
  readonly gateways?: IGateway[];

  /**
   * A human-readable prefix for the statistics Envoy emits for this route.
   * @default - none
   */
  readonly statPrefix?: string;
}
