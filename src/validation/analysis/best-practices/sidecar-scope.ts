/**
 * Best practice 3, "Limit Sidecar Scope": CI2007 (info), a namespace with workloads (Pods, or the pod
 * templates of Deployments, StatefulSets, ...) in the set and no Sidecar, where no Sidecar without
 * workloadSelector in the root namespace (`istio-system`) applies mesh-wide either. Reported once per
 * namespace, on its first workload in the input. An info: the gain (a smaller proxy configuration) matters in
 * large meshes, whose size the set does not show.
 */
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { BestPracticeMessages } from '../core/messages';
import { Group, isOpaque, ObjectSet } from '../core/object-set';
import { Workloads } from '../core/workloads';

/** Istio's root namespace without a MeshConfig: a Sidecar there without selector is the mesh default. */
const ROOT_NAMESPACE = 'istio-system';

export function analyzeSidecarScope(set: ObjectSet, findings: Findings): void {
  const sidecars = set.targets(Group.NETWORKING, 'Sidecar');
  const meshDefault = sidecars.some(sidecar => sidecar.namespace === ROOT_NAMESPACE && sidecar.spec.workloadSelector === undefined);
  if (meshDefault) return;
  const covered = new Set(sidecars.map(sidecar => sidecar.namespace));
  const reported = new Set<string>();
  const inInputOrder = [...Workloads.of(set).all].sort((a, b) => a.source.index - b.source.index);
  for (const workload of inInputOrder) {
    if (covered.has(workload.namespace) || reported.has(workload.namespace) || isOpaque(workload.source)) continue;
    reported.add(workload.namespace);
    findings.report(workload.source, BestPracticeMessages.NamespaceWithoutSidecar, FieldPath.ROOT, workload.namespace);
  }
}
