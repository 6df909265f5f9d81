/** Istio's webhook rules for Sidecar (ValidateSidecar in istio/pkg/config/validation). */
import { FieldPath } from '../field-path';
import { Findings } from '../findings';
import { isSet, listOf } from '../json';
import { validateConnectionPool } from './common/connection-pool';
import { validateAlphaWorkloadSelector } from './common/labels';
import { validateEgress } from './sidecar/egress';
import { validateIngress } from './sidecar/ingress';
import { validateOutboundTrafficPolicy } from './sidecar/outbound';
import { KindValidator } from './types';

const SPEC = FieldPath.at('spec');

export const validateSidecar: KindValidator = (obj, findings) => {
  const spec = obj.spec;

  // A bad selector rejects the object on its own: Istio returns before any other check.
  const selector = new Findings();
  const selectorValid = validateAlphaWorkloadSelector(SPEC.child('workloadSelector'), selector, spec.workloadSelector, 'sidecar');
  const ingress = listOf(spec.ingress);
  const egress = listOf(spec.egress);
  if (selectorValid && ingress.length === 0 && egress.length === 0 && !isSet(spec.outboundTrafficPolicy) && !isSet(spec.inboundConnectionPool)) {
    // Istio returns this error alone (the selector warning is dropped with it).
    findings.error(SPEC, 'sidecar: empty configuration provided');
    return;
  }
  selector.list.forEach(finding => findings.add(finding));
  if (!selectorValid) return;

  validateIngress(SPEC.child('ingress'), findings, ingress);
  validateConnectionPool(SPEC.child('inboundConnectionPool'), findings, spec.inboundConnectionPool);
  validateEgress(SPEC.child('egress'), findings, egress, obj.namespace);
  validateOutboundTrafficPolicy(SPEC.child('outboundTrafficPolicy'), findings, spec.outboundTrafficPolicy);
};
