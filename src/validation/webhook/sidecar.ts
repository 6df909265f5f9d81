/** Istio's webhook rules for Sidecar (ValidateSidecar in istio/pkg/config/validation). */
import { validateConnectionPool } from './shared/connection-pool';
import { keyPath, validateAlphaWorkloadSelector } from './shared/labels';
import { validateEgress } from './sidecar/egress';
import { validateIngress } from './sidecar/ingress';
import { validateOutboundTrafficPolicy } from './sidecar/outbound';
import { Findings, KindValidator } from './types';

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export const validateSidecar: KindValidator = (obj) => {
  const findings = new Findings();
  const spec = obj.spec;

  // A bad selector rejects the object on its own: Istio returns before any other check.
  const selector = validateAlphaWorkloadSelector(spec.workloadSelector);
  if (selector.errors.length > 0) {
    for (const { key, message } of selector.errors) findings.error(keyPath('spec.workloadSelector.labels', key), message);
    return findings.list;
  }
  if (selector.warning) {
    findings.warn('spec.workloadSelector', `sidecar: ${selector.warning}, will be applied to all services in namespace`);
  }

  const ingress = list(spec.ingress);
  const egress = list(spec.egress);
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
