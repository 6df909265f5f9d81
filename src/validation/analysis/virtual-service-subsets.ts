/**
 * A VirtualService destination's subset is defined by a DestinationRule for its host.
 * Istio: pkg/config/analysis/analyzers/virtualservice/destinationrules.go (DestinationRuleAnalyzer) —
 * IST0101 with reftype "host+subset in destinationrule" (routes) or "mirror+subset in
 * destinationrule" (mirrors) and refval `host+subset`.
 */
import { Findings } from '../findings';
import { isRecord, listOf } from '../json';
import { resourceNameFromHost } from './core/hosts';
import { IstioMessages } from './core/messages';
import { Group, ObjectSet } from './core/object-set';
import { allDestinations, destinationHost } from './core/routes';

export function analyzeVirtualServiceSubsets(set: ObjectSet, findings: Findings): void {
  // As istioctl: a host names `namespace/name` (short names in the object's namespace), and a
  // DestinationRule's subsets count wherever it is, whatever its exportTo or workloadSelector.
  const defined = new Set<string>();
  // Hosts of refused DestinationRules: any subset of them counts as defined (the rule's own errors are reported).
  const trusted = new Set<string>();
  for (const rule of set.targets(Group.NETWORKING, 'DestinationRule')) {
    const host = resourceNameFromHost(rule.namespace, typeof rule.spec.host === 'string' ? rule.spec.host : '');
    if (rule.refused) trusted.add(host);
    for (const subset of listOf(rule.spec.subsets)) if (isRecord(subset)) defined.add(`${host}\n${subset.name ?? ''}`);
  }
  for (const vs of set.of(Group.NETWORKING, 'VirtualService')) {
    for (const target of allDestinations(set, vs)) {
      const subset = typeof target.destination.subset === 'string' ? target.destination.subset : '';
      if (subset === '') continue;
      const host = destinationHost(target.destination);
      const name = resourceNameFromHost(vs.namespace, host);
      if (trusted.has(name) || defined.has(`${name}\n${subset}`)) continue;
      const reftype = target.mirror ? 'mirror+subset in destinationrule' : 'host+subset in destinationrule';
      findings.report(vs, IstioMessages.ReferencedResourceNotFound, target.path.child('subset'), reftype, `${host}+${subset}`);
    }
  }
}
