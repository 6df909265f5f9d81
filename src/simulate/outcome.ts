/**
 * What an HTTP route does with a request it matched, as istiod translates the rule
 * (TranslateRoute, applyHTTPRouteDestination, ApplyRedirect, ApplyDirectResponse, MirrorPercent,
 * TranslateFault in pilot/pkg/networking/core/route/route.go; retry.ConvertPolicy for retries).
 */
import { pathOnly } from './match';
import { ServiceModel } from './model';
import {
  RoutedDestination, RouteDirectResponse, RouteFault, RouteMirror, RouteRedirect, RouteRetries, RouteRewrite,
} from './types';
import { mustCompileRegexp } from '../go/regexp';
import { isRecord, listOf, messageOf, stringOf } from '../validation/json';

/** Istio's retry policy when a route sets none (retry.DefaultPolicy: 2 attempts). */
export const MESH_DEFAULT_RETRY_ON = 'connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes';

/** The outcome fields of a RouteResult. */
export interface HttpOutcome {
  readonly destinations: RoutedDestination[];
  readonly redirect?: RouteRedirect;
  readonly directResponse?: RouteDirectResponse;
  readonly rewrite?: RouteRewrite;
  readonly fault?: RouteFault;
  readonly mirrors: RouteMirror[];
  readonly timeout?: string;
  readonly retries?: RouteRetries;
}

/** Looks up the registry service of a host (for the port of a destination without one). */
export type ServiceLookup = (host: string) => ServiceModel | undefined;

/**
 * The outcome of `rule` for a request on `port` with `path`; `matchedUri` is the uri of the match
 * block that matched (a prefix rewrite replaces that prefix).
 */
export function httpOutcome(
  rule: Record<string, any>, port: number, path: string, matchedUri: unknown, lookup: ServiceLookup, tls: boolean,
): HttpOutcome {
  const fault = faultOf(rule.fault);
  if (isRecord(rule.redirect)) {
    // A redirect (or direct response) replaces the route action: no destinations, mirrors, retries.
    return { destinations: [], redirect: redirectOf(rule.redirect, port, tls), fault, mirrors: [] };
  }
  if (isRecord(rule.directResponse)) {
    const body = rule.directResponse.body;
    let text: string | undefined;
    if (isRecord(body) && typeof body.string === 'string') text = body.string;
    else if (isRecord(body) && typeof body.bytes === 'string') text = Buffer.from(body.bytes, 'base64').toString('utf8');
    const directResponse = { status: Number(rule.directResponse.status), ...(text !== undefined ? { body: text } : {}) };
    return { destinations: [], directResponse, fault, mirrors: [] };
  }
  const routes: any[] = Array.isArray(rule.route) ? rule.route.filter(isRecord) : [];
  // One destination takes all the traffic whatever its weight; of several, weight 0 ones are dropped.
  const kept = routes.length === 1 ? routes : routes.filter(r => typeof r.weight === 'number' && r.weight > 0);
  const destinations = kept.map(r => ({ ...destinationOf(r.destination, port, lookup), weight: routes.length === 1 ? 100 : r.weight as number }));
  const mirrors: RouteMirror[] = [];
  if (isRecord(rule.mirror)) {
    // MirrorPercent: mirrorPercentage, else the deprecated mirrorPercent, else 100; 0 turns it off.
    const percentage = isRecord(rule.mirrorPercentage) ? Number(rule.mirrorPercentage.value ?? 0)
      : typeof rule.mirrorPercent === 'number' ? rule.mirrorPercent : 100;
    if (percentage > 0) mirrors.push({ ...destinationOf(rule.mirror, port, lookup), percentage });
  }
  for (const mirror of listOf(rule.mirrors)) {
    if (!isRecord(mirror) || !isRecord(mirror.destination)) continue;
    const percentage = isRecord(mirror.percentage) ? Number(mirror.percentage.value ?? 0) : 100;
    if (percentage > 0) mirrors.push({ ...destinationOf(mirror.destination, port, lookup), percentage });
  }
  return {
    destinations,
    rewrite: rewriteOf(rule.rewrite, path, matchedUri),
    fault,
    mirrors,
    ...(typeof rule.timeout === 'string' ? { timeout: rule.timeout } : {}),
    retries: retriesOf(rule.retries),
  };
}

/** GetDestinationCluster: the route's port, else the service's only port, else the listener port. */
function destinationOf(destination: unknown, port: number, lookup: ServiceLookup): Omit<RoutedDestination, 'weight'> {
  const d = messageOf(destination);
  const host = stringOf(d.host);
  const service = lookup(host);
  const number = isRecord(d.port) && typeof d.port.number === 'number' && d.port.number > 0 ? d.port.number
    : service && service.ports.length === 1 ? service.ports[0].number : port;
  return { host, ...(typeof d.subset === 'string' && d.subset !== '' ? { subset: d.subset } : {}), port: number };
}

function redirectOf(redirect: Record<string, any>, port: number, tls: boolean): RouteRedirect {
  let redirectPort: number | undefined;
  if (typeof redirect.port === 'number') redirectPort = redirect.port;
  else if (redirect.derivePort === 'FROM_REQUEST_PORT') redirectPort = port;
  if (redirectPort !== undefined) {
    // ApplyRedirect: no explicit :80 for http nor :443 for https.
    const scheme = typeof redirect.scheme === 'string' && redirect.scheme !== '' ? redirect.scheme : tls ? 'https' : 'http';
    if ((redirectPort === 80 && scheme === 'http') || (redirectPort === 443 && scheme === 'https')) redirectPort = undefined;
  }
  return {
    ...(typeof redirect.uri === 'string' && redirect.uri !== '' ? { uri: redirect.uri } : {}),
    ...(typeof redirect.authority === 'string' && redirect.authority !== '' ? { authority: redirect.authority } : {}),
    ...(typeof redirect.scheme === 'string' && redirect.scheme !== '' ? { scheme: redirect.scheme } : {}),
    ...(redirectPort !== undefined ? { port: redirectPort } : {}),
    redirectCode: typeof redirect.redirectCode === 'number' && redirect.redirectCode !== 0 ? redirect.redirectCode : 301,
  };
}

/**
 * The rewrite and the path the destination receives: Envoy's prefix_rewrite swaps the matched
 * prefix (or the whole path of an exact match); regex_rewrite replaces every RE2 match.
 */
function rewriteOf(rewrite: unknown, path: string, matchedUri: unknown): RouteRewrite | undefined {
  if (!isRecord(rewrite)) return undefined;
  const query = path.slice(pathOnly(path).length);
  let newPath = path;
  const regex = isRecord(rewrite.uriRegexRewrite) ? rewrite.uriRegexRewrite : undefined;
  if (regex && typeof regex.match === 'string') {
    newPath = re2ReplaceAll(regex.match, pathOnly(path), stringOf(regex.rewrite)) + query;
  } else if (typeof rewrite.uri === 'string' && rewrite.uri !== '') {
    const uri = messageOf(matchedUri);
    if (typeof uri.exact === 'string') newPath = rewrite.uri + query;
    else if (typeof uri.prefix === 'string') newPath = rewrite.uri + path.slice(uri.prefix.length);
    else if (typeof uri.regex === 'string') newPath = rewrite.uri + query; // Envoy swaps the whole path
    else newPath = rewrite.uri + path.slice(1); // no uri match: the prefix is '/'
  }
  return {
    ...(typeof rewrite.uri === 'string' && rewrite.uri !== '' ? { uri: rewrite.uri } : {}),
    ...(regex && typeof regex.match === 'string' ? { uriRegexMatch: regex.match, uriRegexRewrite: String(regex.rewrite ?? '') } : {}),
    ...(typeof rewrite.authority === 'string' && rewrite.authority !== '' ? { authority: rewrite.authority } : {}),
    path: newPath,
  };
}

/** RE2 global replace with Envoy's `\1` references (the matcher's replacement uses `$1`). */
function re2ReplaceAll(pattern: string, input: string, substitution: string): string {
  const replacement = substitution.replace(/\$/g, '\\$').replace(/\\(\d)/g, '$$$1');
  try {
    return mustCompileRegexp(pattern).replaceAll(input, replacement);
  } catch {
    return input;
  }
}

function percentOf(value: Record<string, any>): number | undefined {
  if (isRecord(value.percentage)) return Number(value.percentage.value ?? 0);
  if (typeof value.percent === 'number') return value.percent;
  return undefined;
}

/** TranslateFault: fixed delays and HTTP/gRPC aborts (exponential delays are not supported by Istio). */
function faultOf(fault: unknown): RouteFault | undefined {
  if (!isRecord(fault)) return undefined;
  const out: Record<string, unknown> = {};
  if (isRecord(fault.delay) && typeof fault.delay.fixedDelay === 'string') {
    out.fixedDelay = fault.delay.fixedDelay;
    const p = percentOf(fault.delay);
    if (p !== undefined) out.delayPercent = p;
  }
  if (isRecord(fault.abort)) {
    if (typeof fault.abort.httpStatus === 'number') out.abortHttpStatus = fault.abort.httpStatus;
    if (typeof fault.abort.grpcStatus === 'string') out.abortGrpcStatus = fault.abort.grpcStatus;
    const p = percentOf(fault.abort);
    if (p !== undefined && (out.abortHttpStatus !== undefined || out.abortGrpcStatus !== undefined)) out.abortPercent = p;
  }
  return Object.keys(out).length > 0 ? out as RouteFault : undefined;
}

/** ConvertPolicy: no policy → the mesh default (2 attempts); attempts 0 → retries off. */
function retriesOf(retries: unknown): RouteRetries {
  if (!isRecord(retries)) return { attempts: 2, retryOn: MESH_DEFAULT_RETRY_ON, meshDefault: true };
  const attempts = typeof retries.attempts === 'number' ? retries.attempts : 0;
  if (attempts <= 0) return { attempts: 0, meshDefault: false };
  return {
    attempts,
    ...(typeof retries.perTryTimeout === 'string' ? { perTryTimeout: retries.perTryTimeout } : {}),
    retryOn: typeof retries.retryOn === 'string' && retries.retryOn !== '' ? retries.retryOn : MESH_DEFAULT_RETRY_ON,
    meshDefault: false,
  };
}
