/**
 * Rules a VirtualService can never reach and matches that never apply: a rule after a catch-all
 * rule, a match identical to an earlier one, an HTTP URI-prefix match covered by an earlier one.
 * Istio runs this in its webhook (analyzeUnreachableHTTPRules / TCP / TLS in
 * pkg/config/validation/virtualservice.go), as warnings of type VirtualServiceUnreachableRule and
 * VirtualServiceIneffectiveMatch that istioctl analyze reports as IST0130 and IST0131.
 */
import { goQuote } from '../../go/format';
import { FieldPath } from '../field-path';
import { Findings } from '../findings';
import { isRecord, listOf } from '../json';
import { IstioMessages } from './core/messages';
import { Entry, Group, ObjectSet } from './core/object-set';
import { stringMatchType, StringMatchType, stringMatchValue } from '../webhook/common/string-match';

export function analyzeUnreachableRules(set: ObjectSet, findings: Findings): void {
  for (const vs of set.of(Group.NETWORKING, 'VirtualService')) {
    for (const section of ['http', 'tcp', 'tls'] as const) validateReachability(FieldPath.at('spec', section), findings, vs, section);
  }
}

/** An HTTP match on a URI prefix, reduced to what the overlap check compares (genMatchHTTPRoutes). */
interface PrefixMatch {
  readonly rule: string;
  readonly match: string;
  readonly path: FieldPath;
  readonly prefix: string;
  readonly port: number;
  readonly method: string;
  readonly authority: string;
  readonly headers: Map<string, string>;
  readonly queryParams: Map<string, string>;
  readonly withoutHeaders: Map<string, string>;
}

/**
 * analyzeUnreachableHTTPRules, analyzeUnreachableTCPRules, analyzeUnreachableTLSRules
 * (pkg/config/validation/virtualservice.go): the rules of one section of `vs`, at `path`.
 */
function validateReachability(path: FieldPath, findings: Findings, vs: Entry, section: 'http' | 'tcp' | 'tls'): void {
  const rules = listOf(vs.spec[section]);
  const unused = (at: FieldPath, rule: string, reason: string) => findings.report(vs, IstioMessages.VirtualServiceUnreachableRule, at, rule, reason);
  const ineffective = (at: FieldPath, rule: string, match: string, earlier: string) =>
    findings.report(vs, IstioMessages.VirtualServiceIneffectiveMatch, at, rule, match, earlier);
  const seen = new Map<string, number>();
  const prefixMatches: PrefixMatch[] = [];
  let catchAll = -1;
  rules.forEach((rule, i) => {
    if (!isRecord(rule)) return;
    const rulePath = path.index(i);
    const matches = listOf(rule.match);
    if (matches.length === 0) {
      if (catchAll >= 0) unused(rulePath, ruleName(section, rule, i), 'only the last rule can have no matches');
      catchAll = i;
      return;
    }
    let duplicates = 0;
    matches.forEach((match, j) => {
      const matchPath = rulePath.child('match').index(j);
      // Istio reports this once per match of the rule.
      if (catchAll >= 0) return unused(matchPath, ruleName(section, rule, i), 'route without matches defined before');
      const key = canonicalMatch(section, match);
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        ineffective(matchPath, ruleName(section, rule, i), matchName(section, match, j), ruleName(section, rules[earlier], earlier));
        duplicates++;
        return;
      }
      seen.set(key, i);
      const prefix = section === 'http' ? prefixMatch(rule, i, match, j, matchPath) : undefined;
      if (prefix) prefixMatches.push(prefix);
    });
    if (duplicates === matches.length) unused(rulePath, ruleName(section, rule, i), 'all matches used by prior rules');
  });
  // Each prefix match against every later one with a different prefix (bounded by one object's size).
  prefixMatches.forEach((earlier, a) => {
    for (const later of prefixMatches.slice(a + 1)) {
      if (later.prefix === earlier.prefix || !covers(earlier, later)) continue;
      ineffective(later.path, later.rule, `${later.match} of prefix ${later.prefix}`, `${earlier.match} of prefix ${earlier.prefix} on ${earlier.rule}`);
    }
  });
}

/** `"name"` for a named HTTP rule, else `#index` (TCP and TLS rules have no names). */
function ruleName(section: string, rule: any, index: number): string {
  return section === 'http' && typeof rule?.name === 'string' && rule.name !== '' ? goQuote(rule.name) : `#${index}`;
}

function matchName(section: string, match: any, index: number): string {
  return section === 'http' && typeof match?.name === 'string' && match.name !== '' ? goQuote(match.name) : `#${index}`;
}

/** Fields of a match request that are maps (an empty map is the same as none). */
const MAP_FIELDS = new Set(['headers', 'queryParams', 'withoutHeaders', 'sourceLabels']);

/** Fields of an HTTP match request that are StringMatch oneofs. */
const STRING_MATCH_FIELDS = new Set(['uri', 'scheme', 'method', 'authority']);

/**
 * A key equal for matches Istio compares equal (asJSON: Go's JSON of the match, an HTTP match's
 * `name` left out): keys sorted, zero scalars and empty lists and maps left out as omitempty does;
 * a message that is set is kept, and so is the member of a StringMatch oneof that is set, even empty.
 */
function canonicalMatch(section: string, match: unknown): string {
  return JSON.stringify(normalize(match, section === 'http' ? 'name' : undefined) ?? null);
}

function normalize(value: unknown, skip?: string): unknown {
  if (Array.isArray(value)) return value.map(item => normalize(item));
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const field = value[key];
    if (key === skip || isZero(field) || (MAP_FIELDS.has(key) && isRecord(field) && Object.keys(field).length === 0)) continue;
    out[key] = STRING_MATCH_FIELDS.has(key) ? normalizeStringMatch(field) : MAP_FIELDS.has(key) ? normalizeMap(field) : normalize(field);
  }
  return out;
}

function isZero(value: unknown): boolean {
  return value === undefined || value === null || value === false || value === 0 || value === ''
    || (Array.isArray(value) && value.length === 0);
}

/** A StringMatch as its set member, `{}` when none is. */
function normalizeStringMatch(match: unknown): unknown {
  const type = stringMatchType(match);
  return type ? { [type]: stringMatchValue(match) } : {};
}

/** A map of strings (sourceLabels) or of StringMatches (headers, query parameters), keys sorted. */
function normalizeMap(map: unknown): unknown {
  if (!isRecord(map)) return normalize(map);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(map).sort()) {
    const value = map[key];
    out[key] = isRecord(value) ? normalizeStringMatch(value) : value ?? null;
  }
  return out;
}

function prefixMatch(rule: any, ruleIndex: number, match: any, matchIndex: number, path: FieldPath): PrefixMatch | undefined {
  const prefix = isRecord(match) && stringMatchType(match.uri) === StringMatchType.PREFIX ? stringMatchValue(match.uri) : '';
  if (prefix === '') return undefined;
  return {
    rule: ruleName('http', rule, ruleIndex),
    match: matchName('http', match, matchIndex),
    path,
    prefix,
    port: Number(match.port ?? 0),
    // Istio takes a match without a method as one on GET.
    method: exactOrPrefix(match.method) || 'exact:GET',
    authority: exactOrPrefix(match.authority),
    headers: stringMatches(match.headers),
    queryParams: stringMatches(match.queryParams),
    withoutHeaders: stringMatches(match.withoutHeaders),
  };
}

/** `exact:v` / `prefix:v` for those StringMatch kinds, '' for a regex or none (assignExactOrPrefix). */
function exactOrPrefix(match: unknown): string {
  const type = stringMatchType(match);
  const value = stringMatchValue(match);
  return value !== '' && (type === StringMatchType.EXACT || type === StringMatchType.PREFIX) ? `${type}:${value}` : '';
}

function stringMatches(value: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (isRecord(value)) for (const [key, match] of Object.entries(value)) out.set(key, exactOrPrefix(match));
  return out;
}

/**
 * coveredValidation: the later match's prefix starts with the earlier one's, same port, and each
 * other condition of the earlier match equal to, or starting with, the later one's.
 */
function covers(earlier: PrefixMatch, later: PrefixMatch): boolean {
  if (!later.prefix.startsWith(earlier.prefix) || later.port !== earlier.port) return false;
  if (!earlier.method.startsWith(later.method) || !earlier.authority.startsWith(later.authority)) return false;
  return mapCovers(earlier.headers, later.headers)
    && mapCovers(earlier.queryParams, later.queryParams)
    && mapCovers(earlier.withoutHeaders, later.withoutHeaders);
}

function mapCovers(earlier: Map<string, string>, later: Map<string, string>): boolean {
  if (earlier.size !== later.size) return false;
  for (const [key, value] of earlier) {
    const other = later.get(key);
    if (other === undefined || !value.startsWith(other)) return false;
  }
  return true;
}
