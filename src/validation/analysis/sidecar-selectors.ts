/**
 * Sidecars of a namespace must not overlap: at most one without a workload selector, no workload
 * selected by two, and a selector should select something. In an ambient namespace or for an
 * ambient pod a Sidecar has no effect at all.
 * Istio: pkg/config/analysis/analyzers/sidecar/selector.go (SelectorAnalyzer, which absorbed
 * defaultselector.go) — IST0111, IST0110, IST0101 with reftype "selector", IST0167.
 * The checks against workloads run only when the set has Pods or pod templates (see
 * core/workloads.ts): without any, istioctl would call every selector dangling.
 */
import { FieldPath } from '../field-path';
import { Findings } from '../findings';
import { stringMap } from '../json';
import { IstioMessages } from './core/messages';
import { Entry, Group, ObjectSet, pushTo } from './core/object-set';
import { selectorString, Workload, Workloads } from './core/workloads';

const AMBIENT_REDIRECTION = 'ambient.istio.io/redirection';
const DATAPLANE_MODE = 'istio.io/dataplane-mode';

const SELECTOR = FieldPath.at('spec', 'workloadSelector');
const SELECTOR_LABELS = SELECTOR.child('labels');

export function analyzeSidecarSelectors(set: ObjectSet, findings: Findings): void {
  const workloads = Workloads.of(set);
  const unselective = new Map<string, Entry[]>();
  const sidecarsOf = new Map<Workload, Entry[]>();
  for (const sidecar of set.of(Group.NETWORKING, 'Sidecar')) {
    const labels = stringMap(sidecar.spec.workloadSelector?.labels);
    if (Object.keys(labels).length === 0) {
      pushTo(unselective, sidecar.namespace, sidecar);
      continue;
    }
    if (!workloads.any) continue;
    const selected = workloads.selectedBy(labels, sidecar.namespace);
    if (selected.length === 0) findings.report(sidecar, IstioMessages.ReferencedResourceNotFound, SELECTOR_LABELS, 'selector', selectorString(labels));
    for (const workload of selected) pushTo(sidecarsOf, workload, sidecar);
  }

  const reported = new Set<Entry>();
  const ineffective = (sidecar: Entry, path: FieldPath, reason: string) => {
    if (reported.has(sidecar)) return;
    reported.add(sidecar);
    findings.report(sidecar, IstioMessages.IneffectivePolicy, path, reason);
  };
  for (const [workload, sidecars] of sidecarsOf) {
    const ambient = workload.annotations[AMBIENT_REDIRECTION] === 'enabled';
    if (ambient) {
      for (const sidecar of sidecars) ineffective(sidecar, SELECTOR_LABELS, 'selected workload is in ambient mode, the policy has no impact');
    } else if (sidecars.length > 1) {
      const names = sidecars.map(sidecar => sidecar.name);
      for (const sidecar of sidecars) {
        findings.report(sidecar, IstioMessages.ConflictingSidecarWorkloadSelectors, SELECTOR_LABELS, names, workload.namespace, workload.name);
      }
    }
  }
  for (const [namespace, sidecars] of unselective) {
    if (namespaceInAmbientMode(set.find(Group.CORE, 'Namespace', 'default', namespace))) {
      for (const sidecar of sidecars) ineffective(sidecar, FieldPath.at('metadata', 'namespace'), 'namespace is in ambient mode, the policy has no impact');
    } else if (sidecars.length > 1) {
      const names = sidecars.map(sidecar => sidecar.name);
      for (const sidecar of sidecars) findings.report(sidecar, IstioMessages.MultipleSidecarsWithoutWorkloadSelectors, SELECTOR, names, namespace);
    }
  }
}

/** util.NamespaceInAmbientMode: dataplane mode ambient, unless sidecar injection is asked for. */
function namespaceInAmbientMode(namespace: Entry | undefined): boolean {
  if (!namespace) return false;
  if (namespace.labels['istio-injection'] === 'enabled' || (namespace.labels['istio.io/rev'] ?? '') !== '') return false;
  return namespace.labels[DATAPLANE_MODE] === 'ambient';
}
