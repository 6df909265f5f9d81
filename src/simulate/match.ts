/**
 * Evaluation of an HTTPMatchRequest against a request, as Envoy evaluates the route match istiod
 * builds from it (TranslateRouteMatch in pilot/pkg/networking/core/route/route.go, Envoy's
 * RouteMatch / HeaderMatcher / QueryParameterMatcher). Every condition of a block must hold (AND);
 * the caller tries the blocks of a rule in order (OR). Each failure names the condition, so the
 * explanation can say why a route did not match.
 */
import { compileRegexp } from '../go/regexp';
import { isRecord, listOf, messageOf } from '../validation/json';

/** The parts of a request the match conditions read, normalised once. */
export interface HttpRequestView {
  /** `:authority` as the client sent it (with the port if it sent one). */
  readonly authority: string;
  readonly method: string;
  readonly scheme: string;
  /** `:path` with the query string. */
  readonly path: string;
  /** Headers by lower-case name. */
  readonly headers: ReadonlyMap<string, string>;
  /** Query parameters by name: the first value of each, undecoded (Envoy's parseQueryString). */
  readonly query: ReadonlyMap<string, string>;
}

/**
 * RE2 full match, as Envoy's `safe_regex` matchers apply it (the whole value must match; JavaScript's
 * RegExp never decides). A pattern RE2 rejects matches nothing (istiod's webhook rejects it anyway).
 */
export function re2FullMatch(pattern: string, input: string): boolean {
  return compileRegexp(pattern)?.fullMatch(input) ?? false;
}

/** The path without its query string. */
export function pathOnly(path: string): string {
  const q = path.indexOf('?');
  return q < 0 ? path : path.slice(0, q);
}

/** Query parameters of a path: first value of each name, as Envoy reads them for matching. */
export function parseQuery(path: string): Map<string, string> {
  const out = new Map<string, string>();
  const q = path.indexOf('?');
  if (q < 0) return out;
  for (const pair of path.slice(q + 1).split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    if (!out.has(name)) out.set(name, eq < 0 ? '' : pair.slice(eq + 1));
  }
  return out;
}

/**
 * istiod turns a StringMatch with no match type, or the regex `*`, into a `present_match`
 * (canBeConvertedToPresentMatch in route.go).
 */
export function isPresentMatch(match: unknown): boolean {
  if (!isRecord(match)) return true;
  if (typeof match.regex === 'string') return match.regex === '*';
  return typeof match.exact !== 'string' && typeof match.prefix !== 'string';
}

/** `exact "v2"`, `prefix "/api"`, `regex ".*Mobile.*"`, `present`. */
export function describeStringMatch(match: unknown): string {
  if (isPresentMatch(match)) return 'present';
  const m = match as Record<string, unknown>;
  if (typeof m.exact === 'string') return `exact ${JSON.stringify(m.exact)}`;
  if (typeof m.prefix === 'string') return `prefix ${JSON.stringify(m.prefix)}`;
  return `regex ${JSON.stringify(m.regex)}`;
}

/** Envoy's StringMatcher on a present value: exact, prefix, or RE2 full match. */
export function stringMatches(match: unknown, value: string, ignoreCase = false): boolean {
  if (!isRecord(match)) return true;
  if (typeof match.exact === 'string') return ignoreCase ? value.toLowerCase() === match.exact.toLowerCase() : value === match.exact;
  if (typeof match.prefix === 'string') return ignoreCase ? value.toLowerCase().startsWith(match.prefix.toLowerCase()) : value.startsWith(match.prefix);
  if (typeof match.regex === 'string') return match.regex === '*' || re2FullMatch(match.regex, value);
  return true;
}

/**
 * A header-like matcher (headers, method, authority, scheme, query parameters): absent fails
 * unless `missingAsEmpty` (withoutHeaders: Envoy's treat_missing_header_as_empty), `present`
 * needs the header, otherwise the StringMatcher decides.
 */
function valueMatches(match: unknown, value: string | undefined, missingAsEmpty = false): boolean {
  if (isPresentMatch(match)) return value !== undefined;
  if (value === undefined) {
    if (!missingAsEmpty) return false;
    value = '';
  }
  return stringMatches(match, value);
}

function shown(value: string | undefined): string {
  return value === undefined ? 'absent' : JSON.stringify(value);
}

/**
 * The condition of an HTTP match block that the request fails, or undefined when every condition
 * holds. Only the conditions Envoy evaluates per request: port, sourceLabels, sourceNamespace and
 * gateways are decided when istiod builds the proxy's routes (see `sourceCondition`).
 */
export function failedRequestCondition(match: Record<string, any>, request: HttpRequestView): string | undefined {
  if (isRecord(match.uri)) {
    const uri = match.uri;
    const ignoreCase = match.ignoreUriCase === true;
    if (typeof uri.exact === 'string') {
      // Envoy `path`: the whole path once the query string is removed.
      if (!stringMatches(uri, pathOnly(request.path), ignoreCase)) return `uri: ${shown(pathOnly(request.path))} is not ${describeStringMatch(uri)}${ignoreCase ? ' (ignoring case)' : ''}`;
    } else if (typeof uri.prefix === 'string') {
      // Envoy `prefix`: the beginning of `:path` (query string included).
      if (!stringMatches(uri, request.path, ignoreCase)) return `uri: ${shown(request.path)} does not start with ${JSON.stringify(uri.prefix)}${ignoreCase ? ' (ignoring case)' : ''}`;
    } else if (typeof uri.regex === 'string') {
      // Envoy `safe_regex`: RE2 full match of the path without the query; case_sensitive is ignored
      // for regexes, so ignoreUriCase has no effect (Istio's docs of ignoreUriCase say so too).
      if (!re2FullMatch(uri.regex, pathOnly(request.path))) return `uri: ${shown(pathOnly(request.path))} does not match regex ${JSON.stringify(uri.regex)}`;
    }
  }
  const pseudo: Array<[string, string, string]> = [['method', ':method', request.method], ['authority', ':authority', request.authority], ['scheme', ':scheme', request.scheme]];
  for (const [field, , value] of pseudo) {
    if (match[field] !== undefined && !valueMatches(match[field], value)) return `${field}: ${shown(value)} is not ${describeStringMatch(match[field])}`;
  }
  // istiod sorts header matchers by name; all must hold, so the order only decides which failure is named.
  for (const name of Object.keys(messageOf(match.headers)).sort()) {
    const value = request.headers.get(name.toLowerCase());
    if (name.startsWith('@request.auth.claims')) return `headers[${name}]: JWT claims are not simulated (no token)`;
    if (!valueMatches(match.headers[name], value)) return `headers[${name}]: ${shown(value)} is not ${describeStringMatch(match.headers[name])}`;
  }
  for (const name of Object.keys(messageOf(match.withoutHeaders)).sort()) {
    const value = request.headers.get(name.toLowerCase());
    const m = match.withoutHeaders[name];
    // Inverted matcher; a missing header counts as empty except for `present` (route.go).
    if (valueMatches(m, value, !isPresentMatch(m))) return `withoutHeaders[${name}]: ${shown(value)} is ${describeStringMatch(m)}`;
  }
  for (const name of Object.keys(messageOf(match.queryParams))) {
    const value = request.query.get(name);
    if (!valueMatches(match.queryParams[name], value)) return `queryParams[${name}]: ${shown(value)} is not ${describeStringMatch(match.queryParams[name])}`;
  }
  return undefined;
}

/** The proxy a route is built for: the sidecar of the client, or the gateway's proxy. */
export interface ProxyView {
  /** `mesh` or `namespace/name`. */
  readonly gateway: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly namespace: string;
  /** The listener port (the request's port). */
  readonly port: number;
}

/**
 * Why istiod leaves this match block out of the proxy's routes, or undefined when it keeps it
 * (TranslateRoute and sourceMatchHTTP in route.go): a `port` other than the listener's; with
 * `gateways` set, only the gateway list counts (sourceLabels and sourceNamespace are then
 * ignored); otherwise sourceLabels must be a subset of the proxy's labels and sourceNamespace its
 * namespace.
 */
export function failedSourceCondition(match: Record<string, any>, proxy: ProxyView): string | undefined {
  if (typeof match.port === 'number' && match.port !== 0 && match.port !== proxy.port) return `port: request port ${proxy.port} is not ${match.port}`;
  const gateways: string[] = listOf(match.gateways);
  if (gateways.length > 0) {
    return gateways.includes(proxy.gateway) ? undefined : `gateways: ${proxy.gateway} is not one of ${gateways.join(', ')}`;
  }
  const labels = messageOf(match.sourceLabels);
  for (const [key, value] of Object.entries(labels)) {
    if (proxy.labels[key] !== value) return `sourceLabels[${key}]: ${shown(proxy.labels[key])} is not ${JSON.stringify(value)}`;
  }
  if (typeof match.sourceNamespace === 'string' && match.sourceNamespace !== '' && match.sourceNamespace !== proxy.namespace) {
    return `sourceNamespace: ${JSON.stringify(proxy.namespace)} is not ${JSON.stringify(match.sourceNamespace)}`;
  }
  return undefined;
}

/**
 * IsCatchAllRoute (route.go) on the route istiod builds from a match block: path prefix `/` (or no
 * uri) or regex `.*`, and no header, pseudo-header or query parameter matcher.
 */
export function isCatchAllMatch(match: Record<string, any> | undefined): boolean {
  if (!match) return true;
  const uri = match.uri;
  const pathCatchAll = !isRecord(uri) || isPresentMatch(uri) || uri.prefix === '/' || uri.regex === '.*';
  const none = (value: unknown) => !isRecord(value) || Object.keys(value).length === 0;
  return pathCatchAll && none(match.headers) && none(match.withoutHeaders) && none(match.queryParams)
    && match.method === undefined && match.authority === undefined && match.scheme === undefined;
}
