/**
 * A DestinationRule's host is a known service, and each subset selects some workload.
 * Istio: pkg/config/analysis/analyzers/destinationrule/subset.go (PodNotSelectedAnalyzer) — IST0174
 * for an unknown host, IST0173 for a subset whose labels (merged over the ServiceEntry's
 * workloadSelector) match no pod in any namespace. Offline: IST0174 only when the set has Services
 * (as IST0101 for destination hosts), IST0173 only when it has workloads (core/workloads.ts). Pods
 * are matched with the labels istiod adds (the topology labels of their Node, from Node objects of
 * the set, and `kubernetes.io/hostname`: Workloads.withNodeLabels).
 */
import { FieldPath } from '../field-path';
import { Findings } from '../findings';
import { isRecord, listOf, stringMap, strings } from '../json';
import { IstioMessages } from './core/messages';
import { Group, ObjectSet } from './core/object-set';
import { ServiceRegistry } from './core/registry';
import { Workloads } from './core/workloads';

export function analyzeDestinationRuleSubsets(set: ObjectSet, findings: Findings): void {
  const registry = ServiceRegistry.of(set);
  const workloads = Workloads.withNodeLabels(set);
  const knowsServices = set.of(Group.CORE, 'Service').length > 0;
  for (const rule of set.of(Group.NETWORKING, 'DestinationRule')) {
    const host = typeof rule.spec.host === 'string' ? rule.spec.host : '';
    const service = registry.lookup(rule.namespace, strings(rule.spec.exportTo), host);
    if (!service) {
      if (knowsServices) findings.report(rule, IstioMessages.UnknownDestinationRuleHost, FieldPath.at('spec', 'host'), host);
      continue;
    }
    if (!workloads.any) continue;
    listOf(rule.spec.subsets).forEach((subset, i) => {
      if (!isRecord(subset)) return;
      const selector = { ...service.workloadSelector, ...stringMap(subset.labels) };
      if (!workloads.selectsAny(selector)) {
        const name = typeof subset.name === 'string' ? subset.name : '';
        findings.report(rule, IstioMessages.DestinationRuleSubsetNotSelectPods, FieldPath.at('spec', 'subsets').index(i), name);
      }
    });
  }
}
