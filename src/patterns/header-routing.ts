import { Construct } from 'constructs';
import { shown } from '../core/errors';
import { nonEmptyMap } from '../core/render';
import { checkHeaderNames, checkSourceLabels, distinctVersions, PatternError, patternError } from '../core/version-routing-pattern';
import { addRoutes, appliesToMesh, versionedMetadata, versionsDestinationRule, versionsVirtualService } from '../core/versioned-routing';
import { DestinationRule, Subset } from '../destination-rule';
import { StringMatch } from '../string-match';
import { FieldPath } from '../validation/field-path';
import { VirtualService } from '../virtual-service';
import { ResilienceProfile } from './resilience-profile';
import { ServiceVersion } from './service-version';
import { VersionedServiceProps } from './versioned-service';

/**
 * A rule of a HeaderRouting: requests that meet all its conditions (headers and the caller's labels)
 * go to its version.
 *
 * @example
 * const premiumMobile: HeaderRoutingRule = {
 *   headers: { 'x-user-tier': StringMatch.exact('premium') },
 *   sourceLabels: { app: 'mobile-app' },
 *   version: ServiceVersion.named('ml-enhanced'),
 * };
 */
export interface HeaderRoutingRule {
  /** The version the matching requests go to. */
  readonly version: ServiceVersion;

  /**
   * Request headers (lowercase names) and how their values must match; a request without one of
   * them does not match.
   * @default - no header condition (then `sourceLabels` is required)
   */
  readonly headers?: { [name: string]: StringMatch };

  /**
   * Labels the calling workload must have (applies to callers in the mesh, through their sidecars).
   * At a gateway the caller is the gateway's own proxy, so a rule with source labels does not match
   * there: with `gateways` listing `Gateway.MESH` and a gateway, it routes only between sidecars; with
   * gateways but not `Gateway.MESH`, it is an error (it could never match).
   * @default - any caller (then `headers` is required)
   */
  readonly sourceLabels?: { [key: string]: string };

  /**
   * The route's name, shown in access logs and stats, and in this pattern's errors.
   * @default - none
   */
  readonly name?: string;
}

/** Props of a HeaderRouting. */
export interface HeaderRoutingProps extends VersionedServiceProps {
  /** The version of every request no rule matches (the last route). */
  readonly defaultVersion: ServiceVersion;

  /**
   * The rules. They are ordered for you, most specific first (best practice 1), see `HeaderRouting`;
   * among equally specific rules your order is kept. Two rules with the same conditions are an error.
   * @default - none: every request goes to `defaultVersion`
   */
  readonly rules?: HeaderRoutingRule[];
}

/** One condition of a rule as the ordering compares it: a regex that is a plain string counts as exact (or prefix with `.*`). */
interface Condition {
  readonly key: string;
  readonly kind: 'exact' | 'prefix' | 'regex';
  readonly value: string;
  /** The condition as written, for messages: `header x-user-role exact "internal"`. */
  readonly written: string;
  /** How specific the condition is: exact, then prefix (longer first), then regex. */
  readonly rank: [number, number];
}

/** A rule with its conditions, as the user gave it (`index`). */
interface CheckedRule {
  readonly rule: HeaderRoutingRule;
  readonly index: number;
  readonly conditions: Condition[];
  /** The ranks of the conditions, most specific first. */
  readonly ranks: [number, number][];
  /** The conditions as a set, for finding duplicates. */
  readonly key: string;
}

/**
 * Version routing by request headers and by caller: rules that send matching requests to a version,
 * and a default version for everyone else (the seed's version-based, header-based and
 * multi-dimensional routing). Creates the DestinationRule that declares the versions as subsets
 * (ISTIO_MUTUAL, outlier detection) and the VirtualService with one route per rule, then the default.
 *
 * Istio takes the first route whose conditions a request meets, so the rules are ordered for you,
 * most specific first:
 * 1. rules with more conditions first (each header and each source label is one condition);
 * 2. then, comparing the rules' conditions from the strongest down: an exact value before a prefix,
 *    a longer prefix before a shorter one, a prefix before a regex;
 * 3. rules equal on both keep your order.
 * A regex that is a plain string (`v2`, `^v2$`) counts as an exact value, and a plain string followed
 * by `.*` as a prefix.
 *
 * This order puts every rule before the rules that cover it (a rule covers another when every
 * request the other matches meets its conditions: the same header conditions or fewer, each the same,
 * or a prefix of an exact value or longer prefix), so no rule is left unreachable by a more general
 * one. What remains unreachable is a rule whose conditions equal another's: that is an error, naming
 * both. Regexes are compared as written: a regex that covers another regex, or a prefix, is not
 * detected (Istio's analysis does not either); give such rules distinct conditions.
 *
 * Anything not typed here: `ApiObject.of(routing.virtualService).addJsonPatch(...)`.
 *
 * @example
 * new HeaderRouting(chart, 'Api', {
 *   host: Host.fromService('api', 'shop'),
 *   defaultVersion: ServiceVersion.named('v1'),
 *   rules: [{ headers: { 'x-api-version': StringMatch.exact('v2') }, version: ServiceVersion.named('v2') }],
 * });
 */
export class HeaderRouting extends Construct {
  /** The VirtualService: one route per rule, most specific first, then the default version's. */
  public readonly virtualService: VirtualService;

  /** The DestinationRule: one subset per version, client TLS, outlier detection. */
  public readonly destinationRule: DestinationRule;

  /** The default version's subset. */
  public readonly defaultSubset: Subset;

  /** Every version's subset: the default version's first, then the rules' versions in the order of `rules`. */
  public readonly subsets: Subset[];

  /** The rules in the order they are routed (most specific first). */
  public readonly orderedRules: HeaderRoutingRule[];

  constructor(scope: Construct, id: string, props: HeaderRoutingProps) {
    super(scope, id);
    const fail = patternError('HeaderRouting', this);
    const metadata = versionedMetadata('HeaderRouting', this, props);
    if (!(props.defaultVersion instanceof ServiceVersion)) {
      throw fail("defaultVersion is required: the version of every request no rule matches, e.g. ServiceVersion.named('v1')");
    }
    const profile = props.resilience ?? ResilienceProfile.standard();
    const rules = orderRules((props.rules ?? []).map((rule, i) => checkRule(rule, i, fail)), fail);
    if (!appliesToMesh(props)) {
      const atIndex = (props.rules ?? []).findIndex(rule => Object.keys(rule.sourceLabels ?? {}).length > 0);
      if (atIndex >= 0) {
        throw fail(`rules[${atIndex}].sourceLabels can never match: the routes apply only at gateways (no Gateway.MESH in gateways), `
          + 'where the caller is the gateway\'s proxy, not the workload; route it by headers, or add Gateway.MESH to gateways');
      }
    }
    this.orderedRules = rules.map(r => r.rule);

    const versions = distinctVersions([props.defaultVersion, ...(props.rules ?? []).map(r => r.version)], fail);
    const { rule: destinationRule, subsets } = versionsDestinationRule(this, metadata, props, profile, versions);
    this.destinationRule = destinationRule;
    this.subsets = subsets;
    const subsetOf = (version: ServiceVersion) => subsets[versions.findIndex(v => v.name === version.name)];
    this.defaultSubset = subsets[0];

    const defaultRoute = [{ subset: this.defaultSubset }];
    this.virtualService = versionsVirtualService('HeaderRouting', this, metadata, props);
    addRoutes('HeaderRouting', this, this.virtualService, props, profile, defaultRoute, [
      ...rules.map(({ rule }) => ({
        name: rule.name,
        match: [{ headers: nonEmptyMap(rule.headers), sourceLabels: nonEmptyMap(rule.sourceLabels) }],
        route: [{ subset: subsetOf(rule.version) }],
      })),
      { route: defaultRoute },
    ]);
  }
}

/** The rule's conditions, checked: header names, source labels, at least one condition, a version. */
function checkRule(rule: HeaderRoutingRule, index: number, fail: PatternError): CheckedRule {
  const path = FieldPath.at('rules').index(index);
  const where = path.toString();
  if (!(rule?.version instanceof ServiceVersion)) throw fail(`${where}.version is required: the ServiceVersion the matching requests go to`);
  const headers = Object.entries(rule.headers ?? {});
  const labels = Object.entries(rule.sourceLabels ?? {});
  if (headers.length === 0 && labels.length === 0) {
    throw fail(`${where} has no condition, so it would take every request; give headers or sourceLabels, or make "${rule.version.name}" the defaultVersion`);
  }
  checkHeaderNames(headers.map(([name]) => name), `${where}.headers`, fail);
  for (const [name, match] of headers) {
    if (!(match instanceof StringMatch)) throw fail(`${where}.headers[${name}] must be a StringMatch (StringMatch.exact('v2')), got ${shown(match)}`);
  }
  checkSourceLabels(rule.sourceLabels ?? {}, path.child('sourceLabels'), fail);
  const conditions = [
    ...headers.map(([name, match]) => condition(`header ${name}`, match)),
    ...labels.map(([key, value]) => condition(`source label ${key}`, StringMatch.exact(value))),
  ].sort((a, b) => a.key.localeCompare(b.key));
  const ranks = conditions.map(c => c.rank).sort((a, b) => compareRank(b, a));
  return { rule, index, conditions, ranks, key: JSON.stringify(conditions.map(c => [c.key, c.kind, c.value])) };
}

/** The rules most specific first (see HeaderRouting); fails on two rules with the same conditions. */
function orderRules(rules: CheckedRule[], fail: PatternError): CheckedRule[] {
  const seen = new Map<string, CheckedRule>();
  for (const rule of rules) {
    const earlier = seen.get(rule.key);
    if (earlier) {
      throw fail(`${describe(rule)} has the same conditions as ${describe(earlier)}, so it could never match: `
        + 'every request it matches takes the other rule; remove one, or make their conditions differ');
    }
    seen.set(rule.key, rule);
  }
  // Array.prototype.sort is stable: equally specific rules keep the user's order.
  return [...rules].sort((a, b) => b.ranks.length - a.ranks.length || compareRanks(b.ranks, a.ranks));
}

function compareRank(a: [number, number], b: [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
}

function compareRanks(a: [number, number][], b: [number, number][]): number {
  for (let i = 0; i < a.length; i++) {
    const c = compareRank(a[i], b[i]);
    if (c !== 0) return c;
  }
  return 0;
}

function condition(key: string, match: StringMatch): Condition {
  const [[type, value]] = Object.entries(match._toIstio());
  const { kind, text } = type === 'regex' ? plainRegex(value) : { kind: type as Condition['kind'], text: value };
  const rank: [number, number] = kind === 'exact' ? [3, 0] : kind === 'prefix' ? [2, text.length] : [1, 0];
  return { key, kind, value: text, rank, written: `${key} ${type} ${shown(value)}` };
}

/** Characters with a meaning in RE2; any other character stands for itself. */
const RE2_META = new Set('\\.+*?()|[]{}^$'.split(''));

/**
 * A regex that is a plain string (`v2`, `^v2$`, `v2\.1`) as the exact value it matches, a plain string
 * followed by `.*` as a prefix (header values hold no newline); any other regex as written.
 */
function plainRegex(pattern: string): { kind: Condition['kind']; text: string } {
  const tokens: { literal: boolean; char: string }[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      const next = pattern[i + 1];
      if (next === undefined || /[0-9A-Za-z]/.test(next)) return { kind: 'regex', text: pattern };
      tokens.push({ literal: true, char: next });
      i++;
    } else {
      tokens.push({ literal: !RE2_META.has(char), char });
    }
  }
  if (tokens[0] && !tokens[0].literal && tokens[0].char === '^') tokens.shift();
  const last = tokens[tokens.length - 1];
  if (last && !last.literal && last.char === '$') tokens.pop();
  const anyRest = tokens.length >= 2 && !tokens[tokens.length - 2].literal && tokens[tokens.length - 2].char === '.'
    && !tokens[tokens.length - 1].literal && tokens[tokens.length - 1].char === '*';
  const body = anyRest ? tokens.slice(0, -2) : tokens;
  if (body.length === 0 || body.some(t => !t.literal)) return { kind: 'regex', text: pattern };
  return { kind: anyRest ? 'prefix' : 'exact', text: body.map(t => t.char).join('') };
}

/** `rules[1] "beta" (header x-user-role exact "beta-tester")`. */
function describe(rule: CheckedRule): string {
  const name = rule.rule.name ? ` ${shown(rule.rule.name)}` : '';
  const conditions = rule.conditions.map(c => c.written).join(', ');
  return `rules[${rule.index}]${name} (${conditions})`;
}
