/**
 * VirtualService delegation as istiod merges it before building any route (mergeVirtualServices in
 * pilot/pkg/model/virtualservice_controller.go, MergeHTTPRoutes / mergeHTTPMatchRequests /
 * hasConflict in pilot/pkg/model/virtualservice.go, Istio 1.30):
 * - a delegate is a VirtualService without hosts; one with hosts is a root and never a delegate;
 * - a delegate must be exported to the root's namespace, else the root rule is dropped;
 * - each delegate rule becomes one rule in place of the root rule, in the delegate's order; its
 *   match blocks are every (root block, delegate block) pair that does not conflict, merged with
 *   the delegate's fields winning; a delegate rule conflicting with every root block is dropped;
 * - the delegate rule inherits what it leaves unset (rewrite, timeout, retries, fault, mirrors,
 *   headers, CORS, direct response) from the root rule; names join as `<root>-<delegate>`.
 */
import { isRecord, listOf, messageOf, stringOf } from '../validation/json';

/** A rule of a root VirtualService after delegation, with where it came from. */
export interface MergedHttpRule {
  /** The rule as istiod sees it after merging. */
  readonly rule: Record<string, any>;
  /** Index in the root's `http`. */
  readonly index: number;
  /** `namespace/name` of the delegate. */
  readonly delegate?: string;
  /** Index in the delegate's `http`. */
  readonly delegateIndex?: number;
  /** Why istiod drops this rule (a missing or unusable delegate, a conflicting match), or undefined. */
  readonly dropped?: string;
}

/** A delegate VirtualService: namespace, spec, exportTo. */
export interface DelegateSpec {
  readonly namespace: string;
  readonly spec: Record<string, any>;
}

/** The `http` rules of a root VirtualService in `namespace`, delegation resolved. */
export function mergeDelegates(
  namespace: string, http: readonly unknown[], findDelegate: (namespace: string, name: string) => DelegateSpec | string,
): MergedHttpRule[] {
  const out: MergedHttpRule[] = [];
  http.forEach((rule, index) => {
    if (!isRecord(rule)) return;
    if (!isRecord(rule.delegate)) {
      out.push({ rule, index });
      return;
    }
    const delegateNamespace = typeof rule.delegate.namespace === 'string' && rule.delegate.namespace !== '' ? rule.delegate.namespace : namespace;
    const name = stringOf(rule.delegate.name);
    const reference = `${delegateNamespace}/${name}`;
    const delegate = findDelegate(delegateNamespace, name);
    if (typeof delegate === 'string') {
      out.push({ rule, index, delegate: reference, dropped: `delegate ${reference} ${delegate}; istiod drops this rule` });
      return;
    }
    const rules = listOf(delegate.spec.http);
    rules.forEach((sub: unknown, delegateIndex: number) => {
      if (!isRecord(sub)) return;
      const merged = mergeHttpRoute(rule, sub);
      if (typeof merged === 'string') {
        out.push({ rule: sub, index, delegate: reference, delegateIndex, dropped: `${merged}; istiod drops this delegate rule` });
      } else if (isRecord(merged.delegate)) {
        out.push({ rule: merged, index, delegate: reference, delegateIndex, dropped: 'the delegate delegates further; Istio supports one level of delegation' });
      } else {
        out.push({ rule: merged, index, delegate: reference, delegateIndex });
      }
    });
  });
  return out;
}

const INHERITED = ['rewrite', 'directResponse', 'timeout', 'retries', 'fault', 'mirror', 'mirrorPercent', 'mirrorPercentage', 'corsPolicy', 'mirrors', 'headers'];

/** mergeHTTPRoute: the merged rule, or why the delegate rule conflicts with the root. */
function mergeHttpRoute(root: Record<string, any>, delegate: Record<string, any>): Record<string, any> | string {
  const rootMatches: any[] = Array.isArray(root.match) ? root.match.filter(isRecord) : [];
  const delegateMatches: any[] = Array.isArray(delegate.match) ? delegate.match.filter(isRecord) : [];
  let match: any[] | undefined;
  if (rootMatches.length === 0) {
    match = delegateMatches;
  } else if (delegateMatches.length === 0) {
    match = rootMatches;
  } else {
    match = [];
    for (const sub of delegateMatches) {
      const merged = rootMatches.filter(rootMatch => conflict(rootMatch, sub) === undefined).map(rootMatch => mergeMatch(rootMatch, sub));
      if (merged.length === 0) return `its match ${JSON.stringify(sub)} conflicts with every match of the root rule (${conflict(rootMatches[0], sub)})`;
      match.push(...merged);
    }
  }
  const out: Record<string, any> = { ...delegate, match };
  if (match.length === 0) delete out.match;
  const rootName = stringOf(root.name);
  if (typeof delegate.name !== 'string' || delegate.name === '') {
    if (rootName) out.name = rootName;
  } else if (rootName) {
    out.name = `${rootName}-${delegate.name}`;
  }
  for (const field of INHERITED) if (out[field] === undefined && root[field] !== undefined) out[field] = root[field];
  return out;
}

function mergeMatch(root: Record<string, any>, delegate: Record<string, any>): Record<string, any> {
  const out: Record<string, any> = { ...delegate };
  const rootName = stringOf(root.name);
  if (typeof out.name !== 'string' || out.name === '') {
    if (rootName) out.name = rootName;
  } else if (rootName) {
    out.name = `${rootName}-${out.name}`;
  }
  for (const field of ['uri', 'scheme', 'method', 'authority', 'sourceNamespace', 'statPrefix']) {
    if ((out[field] === undefined || out[field] === '') && root[field] !== undefined) out[field] = root[field];
  }
  if (!out.port && root.port) out.port = root.port;
  for (const field of ['headers', 'withoutHeaders', 'queryParams', 'sourceLabels']) {
    if (isRecord(root[field]) || isRecord(delegate[field])) out[field] = { ...(root[field] ?? {}), ...(delegate[field] ?? {}) };
  }
  if (listOf(out.gateways).length === 0 && Array.isArray(root.gateways)) out.gateways = root.gateways;
  return out;
}

/** hasConflict: why a delegate match block is not a subset of a root block, or undefined. */
function conflict(root: Record<string, any>, leaf: Record<string, any>): string | undefined {
  for (const field of ['uri', 'scheme', 'method', 'authority']) {
    if (stringMatchConflict(root[field], leaf[field])) return `${field} is not narrower than the root's`;
  }
  for (const field of ['headers', 'withoutHeaders', 'queryParams']) {
    const leafMap = messageOf(leaf[field]);
    const rootMap = messageOf(root[field]);
    for (const key of Object.keys(leafMap)) if (stringMatchConflict(rootMap[key], leafMap[key])) return `${field}[${key}] is not narrower than the root's`;
  }
  if ((root.ignoreUriCase === true) !== (leaf.ignoreUriCase === true)) return 'ignoreUriCase differs';
  if (root.port > 0 && leaf.port > 0 && root.port !== leaf.port) return 'port differs';
  if (root.sourceNamespace && leaf.sourceNamespace !== root.sourceNamespace) return 'sourceNamespace differs';
  const rootLabels = messageOf(root.sourceLabels);
  for (const [key, value] of Object.entries(messageOf(leaf.sourceLabels))) {
    if (key in rootLabels && rootLabels[key] !== value) return `sourceLabels[${key}] differs`;
  }
  const rootGateways: string[] = listOf(root.gateways);
  const leafGateways: string[] = listOf(leaf.gateways);
  if (rootGateways.length > 0 && leafGateways.length > 0 && leafGateways.some(g => !rootGateways.includes(g))) return 'gateways are not a subset of the root\'s';
  return undefined;
}

/** stringMatchConflict: a delegate exact/prefix must lie inside the root's; regexes only alone. */
function stringMatchConflict(root: any, leaf: any): boolean {
  if (!isRecord(root) || !isRecord(leaf)) return false;
  if (stringOf(root.regex) !== '' && (stringOf(leaf.regex) !== '' || stringOf(leaf.prefix) !== '' || stringOf(leaf.exact) !== '')) return true;
  if (stringOf(leaf.regex) !== '' && (stringOf(root.regex) !== '' || stringOf(root.prefix) !== '' || stringOf(root.exact) !== '')) return true;
  const exact = stringOf(root.exact);
  if (exact !== '') {
    if (stringOf(leaf.prefix) !== '') return true;
    return stringOf(leaf.exact) !== exact;
  }
  const prefix = stringOf(root.prefix);
  if (prefix !== '') {
    if (stringOf(leaf.prefix) !== '') return !stringOf(leaf.prefix).startsWith(prefix);
    if (stringOf(leaf.exact) !== '') return !stringOf(leaf.exact).startsWith(prefix);
  }
  return true;
}
