/** Istio's webhook rules for Sidecar (ValidateSidecar in istio/pkg/config/validation). */
import { isSet, listOf } from '../json';
import { validateConnectionPool } from './common/connection-pool';
import { checkAlphaWorkloadSelector } from './common/labels';
import { validateEgress } from './sidecar/egress';
import { validateIngress } from './sidecar/ingress';
import { validateOutboundTrafficPolicy } from './sidecar/outbound';
import { Findings, KindValidator } from './types';

export const validateSidecar: KindValidator = (obj) => {
  const findings = new Findings();
  const spec = obj.spec;

  // A bad selector rejects the object on its own: Istio returns before any other check.
  if (!checkAlphaWorkloadSelector(findings, spec.workloadSelector, 'sidecar')) return findings.list;

  const ingress = listOf(spec.ingress);
  const egress = listOf(spec.egress);
  if (ingress.length === 0 && egress.length === 0 && !isSet(spec.outboundTrafficPolicy) && !isSet(spec.inboundConnectionPool)) {
    // Istio returns this error alone (the selector warning is dropped with it).
    return [{ path: 'spec', message: 'sidecar: empty configuration provided' }];
  }

  validateIngress(ingress, findings);
  validateConnectionPool(findings, 'spec.inboundConnectionPool', spec.inboundConnectionPool);
  validateEgress(egress, obj.namespace, findings);
  validateOutboundTrafficPolicy(spec.outboundTrafficPolicy, findings);
  return findings.list;
};
