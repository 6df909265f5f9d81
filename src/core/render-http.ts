/**
 * Rendering and early checks of what an HTTP route carries besides its destinations: CORS policy
 * (src/cors.ts), fault injection (src/fault.ts), matches (src/http-match.ts), redirect, direct
 * response and rewrite (src/redirect.ts), retries (src/retries.ts). Not part of the public API
 * (src/index.ts does not re-export it).
 */
import { goDuration, optionalGoDuration } from './duration';
import { rangeProblem, shown } from './errors';
import { gatewayReference } from './gateway-reference';
import { compact, nonEmpty, nonEmptyMap } from './render';
import { renderPercentage } from './render-routes';
import { CorsPolicy } from '../cors';
import { FaultAbort, FaultDelay, HttpFault } from '../fault';
import { HttpMatch } from '../http-match';
import { HttpDirectResponse, HttpRedirect, HttpRewrite } from '../redirect';
import { HttpRetry } from '../retries';
import { StringMatch } from '../string-match';
import { checkCorsHttpHeaderName } from '../validation/webhook/common/headers';
import { checkPort } from '../validation/webhook/common/ports';
import { checkStringRegexp } from '../validation/webhook/common/regex';
import { checkHttpStatus } from '../validation/webhook/virtual-service/cors-fault';

/**
 * Istio's CorsPolicy; fails on no allowed origin, a header name Istio rejects, and a maxAge finer
 * than seconds.
 */
export function renderCorsPolicy(cors: CorsPolicy, fail: (message: string) => Error, where: string): any {
  if (!cors.allowOrigins || cors.allowOrigins.length === 0) {
    throw fail(`${where}.allowOrigins is empty: no origin would be allowed; give at least one, e.g. StringMatch.exact('https://example.com')`);
  }
  for (const field of ['allowHeaders', 'exposeHeaders'] as const) {
    (cors[field] ?? []).forEach((name, i) => {
      const problem = checkCorsHttpHeaderName(name);
      if (problem) throw fail(`${where}.${field}[${i}]: ${problem}`);
    });
  }
  if (cors.maxAge && cors.maxAge.toMilliseconds() % 1000 !== 0) {
    throw fail(`${where}.maxAge must be whole seconds (browsers count in seconds), got ${cors.maxAge.toMilliseconds()}ms`);
  }
  return compact({
    allowOrigins: cors.allowOrigins.map(o => o._toIstio()),
    allowMethods: nonEmpty(cors.allowMethods ? [...new Set(cors.allowMethods)] : undefined),
    allowHeaders: nonEmpty(cors.allowHeaders),
    exposeHeaders: nonEmpty(cors.exposeHeaders),
    maxAge: cors.maxAge ? goDuration(cors.maxAge) : undefined,
    allowCredentials: cors.allowCredentials,
    unmatchedPreflights: cors.unmatchedPreflights,
  });
}

/**
 * Istio's HTTPFaultInjection; fails on a fault with neither delay nor abort, an abort with no or two
 * error types, an HTTP status out of range, a percentage out of range.
 */
export function renderFault(fault: HttpFault, fail: (message: string) => Error, where: string): any {
  const { delay, abort } = fault;
  if (!delay && !abort) throw fail(`${where} has neither delay nor abort; give at least one of them`);
  return compact({
    delay: delay ? renderDelay(delay, fail, `${where}.delay`) : undefined,
    abort: abort ? renderAbort(abort, fail, `${where}.abort`) : undefined,
  });
}

function renderDelay(delay: FaultDelay, fail: (message: string) => Error, where: string): any {
  if (!delay.fixedDelay) throw fail(`${where} needs fixedDelay, e.g. Duration.seconds(5)`);
  return {
    fixedDelay: goDuration(delay.fixedDelay),
    percentage: renderPercentage(delay.percentage ?? 100, fail, `${where}.percentage`),
  };
}

function renderAbort(abort: FaultAbort, fail: (message: string) => Error, where: string): any {
  const { httpStatus, grpcStatus } = abort;
  if (httpStatus === undefined && grpcStatus === undefined) {
    throw fail(`${where} has no error to answer with; give httpStatus (e.g. 503) or grpcStatus (e.g. GrpcStatus.UNAVAILABLE)`);
  }
  if (httpStatus !== undefined && grpcStatus !== undefined) {
    throw fail(`${where} has both httpStatus ${httpStatus} and grpcStatus ${grpcStatus}; give one of them`);
  }
  if (httpStatus !== undefined) {
    const problem = Number.isInteger(httpStatus) ? checkHttpStatus(httpStatus) : `HTTP status ${shown(httpStatus)} is not an integer`;
    if (problem) throw fail(`${where}.httpStatus: ${problem}`);
  }
  return compact({
    httpStatus,
    grpcStatus,
    percentage: renderPercentage(abort.percentage ?? 100, fail, `${where}.percentage`),
  });
}

/**
 * The gateways a match names, for `IstioResource._refersTo()`.
 */
export function httpMatchReferences(match: HttpMatch): object[] {
  return [...(match.gateways ?? [])];
}

/**
 * Istio's HTTPMatchRequest. Fails on a header named both as a value match and as present (or both
 * without a value and absent), and on a port out of range. String matches were checked by their
 * factories; the rest is the engine's at synth.
 */
export function renderHttpMatch(match: HttpMatch, namespace: string | undefined, fail: (message: string) => Error, where: string): any {
  const headers = withPresence(match.headers, match.presentHeaders, fail, `${where}.headers`, 'presentHeaders');
  const withoutHeaders = withPresence(match.withoutHeaders, match.absentHeaders, fail, `${where}.withoutHeaders`, 'absentHeaders');
  if (match.port !== undefined) {
    const problem = Number.isInteger(match.port) ? checkPort(match.port) : `port number ${shown(match.port)} must be an integer in the range 1..65535`;
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

/**
 * Istio's HTTPRedirect; fails on nothing to redirect to, both `port` and `derivePort`, a code that
 * is not 3xx, or a port out of range.
 */
export function renderRedirect(redirect: HttpRedirect, fail: (message: string) => Error, where: string): any {
  const { uri, authority, port, derivePort, scheme, redirectCode } = redirect;
  if (uri === undefined && authority === undefined && port === undefined && derivePort === undefined && scheme === undefined) {
    throw fail(`${where} changes nothing; give at least one of uri, authority, port, derivePort or scheme`);
  }
  if (port !== undefined && derivePort !== undefined) {
    throw fail(`${where} has both port ${port} and derivePort ${derivePort}; give one of them`);
  }
  if (port !== undefined) {
    const problem = Number.isInteger(port) ? checkPort(port) : `port number ${shown(port)} must be an integer in the range 1..65535`;
    if (problem) throw fail(`${where}.port: ${problem}`);
  }
  if (redirectCode !== undefined) {
    const problem = rangeProblem('redirectCode', redirectCode, 300, 399, true);
    if (problem) throw fail(`${where}: ${problem} (a 3xx redirect status, e.g. 301, 302, 307, 308)`);
  }
  return compact({ uri, authority, port, derivePort, scheme, redirectCode });
}

/**
 * Istio's HTTPDirectResponse; fails on a status outside Istio's range or on two bodies.
 */
export function renderDirectResponse(response: HttpDirectResponse, fail: (message: string) => Error, where: string): any {
  const { status, body, bodyBytes } = response;
  const statusProblem = Number.isInteger(status) ? checkHttpStatus(status) : `HTTP status ${shown(status)} is not an integer`;
  if (statusProblem) throw fail(`${where}.status: ${statusProblem}`);
  if (body !== undefined && bodyBytes !== undefined) {
    throw fail(`${where} has both body and bodyBytes; give the body once, as text (body) or as base64 (bodyBytes)`);
  }
  if (bodyBytes !== undefined && !/^[A-Za-z0-9+/]*={0,2}$/.test(bodyBytes)) {
    throw fail(`${where}.bodyBytes must be base64-encoded, got ${shown(bodyBytes)}; encode with Buffer.from(data).toString('base64')`);
  }
  const rendered = body !== undefined ? { string: body } : bodyBytes !== undefined ? { bytes: bodyBytes } : undefined;
  return compact({ status, body: rendered });
}

/**
 * Istio's HTTPRewrite; fails on nothing to rewrite, on both `uri` and `uriRegexRewrite`, and on a
 * regex RE2 rejects.
 */
export function renderRewrite(rewrite: HttpRewrite, fail: (message: string) => Error, where: string): any {
  const { uri, uriRegexRewrite, authority } = rewrite;
  if (uri === undefined && uriRegexRewrite === undefined && authority === undefined) {
    throw fail(`${where} changes nothing; give uri, uriRegexRewrite or authority`);
  }
  if (uri !== undefined && uriRegexRewrite !== undefined) {
    throw fail(`${where} has both uri and uriRegexRewrite; give one of them`);
  }
  if (uriRegexRewrite) {
    if (!uriRegexRewrite.match || uriRegexRewrite.rewrite === undefined || uriRegexRewrite.rewrite === '') {
      throw fail(`${where}.uriRegexRewrite needs both match and rewrite, got ${shown(uriRegexRewrite)}`);
    }
    const problem = checkStringRegexp(uriRegexRewrite.match, 'HTTPRewrite.UriRegexRewrite.Match');
    if (problem) throw fail(`${where}.uriRegexRewrite.match: ${problem}`);
  }
  return compact({
    uri,
    uriRegexRewrite: uriRegexRewrite ? { match: uriRegexRewrite.match, rewrite: uriRegexRewrite.rewrite } : undefined,
    authority,
  });
}

/**
 * Istio's HTTPRetry; fails on a negative or fractional attempt count and on settings given with
 * retries turned off (attempts 0), which Istio rejects.
 */
export function renderRetry(retry: HttpRetry, fail: (message: string) => Error, where: string): any {
  const problem = rangeProblem('attempts', retry.attempts, 0, 2 ** 31 - 1, true);
  if (problem) throw fail(`${where}: ${problem}`);
  const retryOn = [...new Set((retry.retryOn ?? []).map(r => r.policy))];
  if (retry.attempts === 0 && (retry.perTryTimeout || retryOn.length > 0 || retry.retryRemoteLocalities !== undefined)) {
    throw fail(`${where}: attempts is 0, which turns retries off, yet perTryTimeout, retryOn or retryRemoteLocalities is set; `
      + 'give attempts > 0, or leave the others out');
  }
  return compact({
    attempts: retry.attempts,
    perTryTimeout: optionalGoDuration(retry.perTryTimeout),
    retryOn: retryOn.length > 0 ? retryOn.join(',') : undefined,
    retryRemoteLocalities: retry.retryRemoteLocalities,
    retryIgnorePreviousHosts: retry.retryIgnorePreviousHosts,
    backoff: optionalGoDuration(retry.backoff),
  });
}
