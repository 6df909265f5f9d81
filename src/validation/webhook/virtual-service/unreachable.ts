/**
 * The unreachable-rule analysis ValidateVirtualService ends with (analyzeUnreachableHTTPRules,
 * ...TCPRules, ...TLSRules). The webhook returns its results as warnings typed for istioctl analyze
 * (VirtualServiceUnreachableRule = IST0130, VirtualServiceIneffectiveMatch = IST0131), so they are
 * exposed here with their type rather than mixed into the kind validator's IST0133 warnings.
 */
import { entriesOf, isSet, listOf, messageOf, numberOf, stringOf } from './values';
import { goQuote } from '../shared/headers';
import { stringMatchType, StringMatchType, stringMatchValue } from '../shared/string-match';
import { WebhookFinding } from '../types';

/** The analyzer message type Istio attaches to the warning. */
export enum RouteAnalysisType {
  /** IST0130: a rule no request can reach. */
  UNREACHABLE_RULE = 'VirtualServiceUnreachableRule',
  /** IST0131: a match an earlier rule already takes. */
  INEFFECTIVE_MATCH = 'VirtualServiceIneffectiveMatch',
}

/** A warning of the analysis, with its analyzer type and message parameters. */
export interface RouteAnalysisFinding extends WebhookFinding {
  readonly type: RouteAnalysisType;
  /** ruleno, reason (unreachable) or ruleno, matchno, dupno (ineffective), as Istio formats them. */
  readonly parameters: string[];
}

/** Map fields of match messages: omitted from Istio's JSON comparison when empty. */
const MAP_FIELDS = new Set(['headers', 'queryParams', 'withoutHeaders', 'sourceLabels']);

/** The unreachable rules and ineffective matches of a VirtualService spec, in Istio's order. */
export function analyzeUnreachableRules(spec: unknown): RouteAnalysisFinding[] {
  const s = messageOf(spec);
  const out: RouteAnalysisFinding[] = [];
  analyzeRoutes(out, 'spec.http', listOf(s.http), true);
  analyzeRoutes(out, 'spec.tcp', listOf(s.tcp), false);
  analyzeRoutes(out, 'spec.tls', listOf(s.tls), false);
  return out;
}

function unreachable(out: RouteAnalysisFinding[], path: string, ruleno: string, reason: string): void {
  out.push({ path, message: `virtualService rule ${ruleno} not used (${reason})`, warning: true, type: RouteAnalysisType.UNREACHABLE_RULE, parameters: [ruleno, reason] });
}

function ineffective(out: RouteAnalysisFinding[], path: string, ruleno: string, matchno: string, dupno: string): void {
  out.push({
    path,
    message: `virtualService rule ${ruleno} match ${matchno} is not used (duplicate/overlapping match in rule ${dupno})`,
    warning: true,
    type: RouteAnalysisType.INEFFECTIVE_MATCH,
    parameters: [ruleno, matchno, dupno],
  });
}

/** routeName / requestName: an HTTP route or match by its quoted name, anything else by `#<index>`. */
function nameOf(item: unknown, index: number, http: boolean): string {
  const name = http ? stringOf(messageOf(item).name) : '';
  return name !== '' ? goQuote(name) : `#${index}`;
}

/**
 * analyzeUnreachable{HTTP,TCP,TLS}Rules: a rule without matches must be the last; a match equal to an
 * earlier one is ineffective; (HTTP) a URI prefix match an earlier prefix match covers is ineffective.
 */
function analyzeRoutes(out: RouteAnalysisFinding[], path: string, routes: unknown[], http: boolean): void {
  const seen = new Map<string, number>();
  let emptyMatchAt = -1;
  const prefixMatches: PrefixMatch[] = [];
  routes.forEach((route, rulen) => {
    if (!isSet(route)) return;
    const ruleno = nameOf(route, rulen, http);
    const matches = listOf(messageOf(route).match);
    if (matches.length === 0) {
      if (emptyMatchAt >= 0) unreachable(out, `${path}[${rulen}]`, ruleno, 'only the last rule can have no matches');
      emptyMatchAt = rulen;
      return;
    }
    let duplicates = 0;
    matches.forEach((match, matchn) => {
      if (emptyMatchAt >= 0) {
        unreachable(out, `${path}[${rulen}]`, ruleno, 'route without matches defined before');
        return;
      }
      const key = canonical(match, http);
      const dupn = seen.get(key);
      if (dupn !== undefined) {
        ineffective(out, `${path}[${rulen}].match[${matchn}]`, ruleno, nameOf(match, matchn, http), nameOf(routes[dupn], dupn, http));
        duplicates++;
        return;
      }
      seen.set(key, rulen);
      const prefix = http ? prefixMatchOf(match, ruleno, nameOf(match, matchn, true), `${path}[${rulen}].match[${matchn}]`) : undefined;
      if (prefix) prefixMatches.push(prefix);
    });
    if (duplicates === matches.length) unreachable(out, `${path}[${rulen}]`, ruleno, 'all matches used by prior rules');
  });
  for (let a = 0; a < prefixMatches.length; a++) {
    for (let b = a + 1; b < prefixMatches.length; b++) {
      const earlier = prefixMatches[a];
      const later = prefixMatches[b];
      if (later.prefix === earlier.prefix || !covers(earlier, later)) continue;
      ineffective(out, later.path, later.route, `${later.match} of prefix ${later.prefix}`,
        `${earlier.match} of prefix ${earlier.prefix} on ${earlier.route}`);
    }
  }
}

/**
 * asJSON: Istio compares matches by their Go JSON (name left out): zero scalars, empty lists and
 * maps are omitted, set messages and oneof members are kept, map keys sorted.
 */
function canonical(value: unknown, http: boolean): string {
  return JSON.stringify(normalize(value, http ? new Set(['name']) : new Set()));
}

function normalize(value: unknown, skip: Set<string> = new Set()): unknown {
  if (Array.isArray(value)) return value.map(item => normalize(item));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const field = (value as Record<string, unknown>)[key];
    if (skip.has(key) || field === undefined || field === null || field === '' || field === 0 || field === false) continue;
    if (Array.isArray(field) && field.length === 0) continue;
    if (MAP_FIELDS.has(key) && entriesOf(field).length === 0) continue;
    out[key] = isStringMatch(key) ? normalizeStringMatch(field) : MAP_FIELDS.has(key) ? normalizeMap(field) : normalize(field);
  }
  return out;
}

function isStringMatch(key: string): boolean {
  return key === 'uri' || key === 'scheme' || key === 'method' || key === 'authority';
}

/** A StringMatch: its oneof member is kept even when its value is empty. */
function normalizeStringMatch(sm: unknown): unknown {
  const type = stringMatchType(sm);
  return type ? { [type]: stringMatchValue(sm) } : {};
}

function normalizeMap(map: unknown): unknown {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entriesOf(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    out[key] = typeof value === 'string' ? value : value === null ? null : normalizeStringMatch(value);
  }
  return out;
}

/** OverlappingMatchValidationForHTTPRoute: the parts of a URI prefix match the overlap check compares. */
interface PrefixMatch {
  readonly route: string;
  readonly match: string;
  readonly path: string;
  readonly prefix: string;
  readonly port: number;
  readonly method: string;
  readonly authority: string;
  readonly headers: Map<string, string>;
  readonly queryParams: Map<string, string>;
  readonly withoutHeaders: Map<string, string>;
}

/** assignExactOrPrefix: `exact:<v>`, `prefix:<v>`, or '' (regex, empty or none). */
function exactOrPrefix(sm: unknown): string {
  const type = stringMatchType(sm);
  const value = stringMatchValue(sm);
  if (type === StringMatchType.EXACT && value !== '') return `exact:${value}`;
  if (type === StringMatchType.PREFIX && value !== '') return `prefix:${value}`;
  return '';
}

/** genMatchHTTPRoutes: only matches on a non-empty URI prefix take part. */
function prefixMatchOf(match: unknown, route: string, name: string, path: string): PrefixMatch | undefined {
  const m = messageOf(match);
  if (!isSet(match) || stringMatchType(m.uri) !== StringMatchType.PREFIX || stringMatchValue(m.uri) === '') return undefined;
  const toMap = (field: unknown) => new Map(entriesOf(field).map(([k, v]) => [k, exactOrPrefix(v)]));
  return {
    route,
    match: name,
    path,
    prefix: stringMatchValue(m.uri),
    port: numberOf(m.port),
    method: exactOrPrefix(m.method) || 'exact:GET', // no method: GET
    authority: exactOrPrefix(m.authority),
    headers: toMap(m.headers),
    queryParams: toMap(m.queryParams),
    withoutHeaders: toMap(m.withoutHeaders),
  };
}

/** coveredValidation: the earlier prefix match `a` takes every request the later one `b` would. */
function covers(a: PrefixMatch, b: PrefixMatch): boolean {
  if (!b.prefix.startsWith(a.prefix) || a.port !== b.port) return false;
  const within = (x: string, y: string) => x === y || x.startsWith(y);
  if (!within(a.method, b.method) || !within(a.authority, b.authority)) return false;
  for (const field of ['headers', 'queryParams', 'withoutHeaders'] as const) {
    const am = a[field];
    const bm = b[field];
    if (am.size !== bm.size) return false;
    for (const [key, value] of am) {
      const other = bm.get(key);
      if (other === undefined || !within(value, other)) return false;
    }
  }
  return true;
}
