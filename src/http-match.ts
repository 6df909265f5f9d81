import { shown } from './core/errors';
import { compact, nonEmpty, nonEmptyMap } from './core/render';
import { gatewayReference, IGateway } from './references';
import { StringMatch } from './string-match';
import { validatePort } from './validation/webhook/common/ports';

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

/**
 * The gateways a match names, for `IstioResource._refersTo()`.
 * @internal
 */
export function httpMatchReferences(match: HttpMatch): object[] {
  return [...(match.gateways ?? [])];
}

/**
 * Istio's HTTPMatchRequest. Fails on a header named both as a value match and as present (or both
 * without a value and absent), and on a port out of range. String matches were checked by their
 * factories; the rest is the engine's at synth.
 * @internal
 */
export function renderHttpMatch(match: HttpMatch, namespace: string | undefined, fail: (message: string) => Error, where: string): any {
  const headers = withPresence(match.headers, match.presentHeaders, fail, `${where}.headers`, 'presentHeaders');
  const withoutHeaders = withPresence(match.withoutHeaders, match.absentHeaders, fail, `${where}.withoutHeaders`, 'absentHeaders');
  if (match.port !== undefined) {
    const problem = Number.isInteger(match.port) ? validatePort(match.port) : `port number ${shown(match.port)} must be an integer in the range 1..65535`;
    if (problem) throw fail(`${where}.port: ${problem}`);
  }
  return compact({
    name: match.name,
    uri: match.uri?._toIstio(),
    ignoreUriCase: match.ignoreUriCase,
    scheme: match.scheme?._toIstio(),
    method: match.method?._toIstio(),
    authority: match.authority?._toIstio(),
    headers,
    withoutHeaders,
    queryParams: stringMatches(match.queryParams),
    port: match.port,
    sourceLabels: nonEmptyMap(match.sourceLabels),
    sourceNamespace: match.sourceNamespace,
    gateways: nonEmpty(match.gateways?.map(g => gatewayReference(g, namespace))),
    statPrefix: match.statPrefix,
  });
}

function stringMatches(map: { [name: string]: StringMatch } | undefined): { [name: string]: any } | undefined {
  return nonEmptyMap(Object.fromEntries(Object.entries(map ?? {}).map(([name, sm]) => [name, sm._toIstio()])));
}

/** Value matches plus presence entries (`{}`); a name in both is a contradiction. */
function withPresence(values: { [name: string]: StringMatch } | undefined, names: string[] | undefined,
  fail: (message: string) => Error, where: string, presenceField: string): { [name: string]: any } | undefined {
  const out = stringMatches(values) ?? {};
  for (const name of names ?? []) {
    if (typeof name !== 'string' || name === '') throw fail(`${where}: ${presenceField} holds an empty header name`);
    if (name in out && Object.keys(out[name]).length > 0) {
      throw fail(`${where}: header ${shown(name)} is given both a value match and in ${presenceField}; keep one of them`);
    }
    out[name] = {};
  }
  return nonEmptyMap(out);
}
