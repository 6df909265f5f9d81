/**
 * Deprecated fields that still parse but are ignored or replaced.
 * Istio: pkg/config/analysis/analyzers/deprecation/deprecation.go (FieldAnalyzer) — IST0002 for a
 * VirtualService fault delay `percent` (replaced by `percentage`) and a Sidecar
 * `outboundTrafficPolicy.egressProxy` (ignored). Its other checks are about CRDs and removed kinds
 * (rbac.istio.io), which do not occur in a set of Istio 1.30 objects.
 */
import { FieldPath } from '../field-path';
import { Findings } from '../findings';
import { isRecord, listOf } from '../json';
import { IstioMessages } from './core/messages';
import { Group, ObjectSet } from './core/object-set';

export function analyzeDeprecation(set: ObjectSet, findings: Findings): void {
  for (const vs of set.of(Group.NETWORKING, 'VirtualService')) {
    listOf(vs.spec.http).forEach((rule, i) => {
      const percent = isRecord(rule) && isRecord(rule.fault) && isRecord(rule.fault.delay) ? Number(rule.fault.delay.percent ?? 0) : 0;
      if (percent > 0) {
        findings.report(vs, IstioMessages.Deprecated, FieldPath.at('spec', 'http').index(i).child('fault', 'delay', 'percent'),
          'HTTPRoute.fault.delay.percent is deprecated; use HTTPRoute.fault.delay.percentage');
      }
    });
  }
  for (const sidecar of set.of(Group.NETWORKING, 'Sidecar')) {
    const policy = sidecar.spec.outboundTrafficPolicy;
    if (isRecord(policy) && policy.egressProxy !== undefined && policy.egressProxy !== null) {
      findings.report(sidecar, IstioMessages.Deprecated, FieldPath.at('spec', 'outboundTrafficPolicy', 'egressProxy'), 'OutboundTrafficPolicy.EgressProxy ignored');
    }
  }
}
