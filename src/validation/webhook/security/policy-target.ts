/**
 * What a security policy applies to, as the three security kinds' webhook checks it: one of
 * `selector`, `targetRef`, `targetRefs` (validateOneOfSelectorType), each target reference
 * (validatePolicyTargetReference) and the workload selector (validateWorkloadSelector).
 */
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { isSet, listOf, messageOf, stringOf } from '../../json';
import { validateWorkloadSelector } from '../common/labels';

/**
 * Kinds a policy may target (allowedTargetRefs; Go prints them as group/version/kind, the core group
 * as "core"). Versions as 1.30.3's gvk package has them (gvk.KubernetesGateway, gvk.GatewayClass: v1).
 */
const ALLOWED_TARGETS = [
  { group: 'core', version: 'v1', kind: 'Service' },
  { group: 'networking.istio.io', version: 'v1', kind: 'ServiceEntry' },
  { group: 'gateway.networking.k8s.io', version: 'v1', kind: 'Gateway' },
  { group: 'gateway.networking.k8s.io', version: 'v1', kind: 'GatewayClass' },
];
const ALLOWED_TEXT = `[${ALLOWED_TARGETS.map(t => `${t.group}/${t.version}/${t.kind}`).join(' ')}]`;

/** validatePolicyTargetReference: a name, no namespace, an allowed group and kind. */
function validateTargetRef(path: FieldPath, findings: Findings, ref: unknown): void {
  const target = messageOf(ref);
  const group = stringOf(target.group);
  const kind = stringOf(target.kind);
  if (stringOf(target.name) === '') findings.error(path.child('name'), 'targetRef name must be set');
  if (stringOf(target.namespace) !== '') {
    findings.error(path.child('namespace'), 'targetRef namespace must not be set; cross namespace referencing is not supported');
  }
  const canonicalGroup = group === '' ? 'core' : group;
  if (!ALLOWED_TARGETS.some(t => t.kind === kind && t.group === canonicalGroup)) {
    findings.error(path, `targetRef must be to one of ${ALLOWED_TEXT} but was ${group}/${kind}`);
  }
}

/**
 * The target checks every security kind runs first, in Istio's order: one selector type, the
 * workload selector (its empty-labels warning included), `targetRef`, then each of `targetRefs`.
 * `path` is the spec's.
 */
export function validatePolicyTargets(path: FieldPath, findings: Findings, spec: any): void {
  const targetRefs = listOf(spec.targetRefs);
  const kinds = [isSet(spec.selector), isSet(spec.targetRef), targetRefs.length > 0].filter(Boolean).length;
  if (kinds > 1) findings.error(path, 'only one of targetRefs or workloadSelector can be set');
  validateWorkloadSelector(path.child('selector'), findings, spec.selector);
  if (isSet(spec.targetRef)) validateTargetRef(path.child('targetRef'), findings, spec.targetRef);
  targetRefs.forEach((ref, i) => {
    if (isSet(ref)) validateTargetRef(path.child('targetRefs').index(i), findings, ref);
  });
}
