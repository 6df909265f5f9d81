/** The Sidecar's `outboundTrafficPolicy` (validateSidecarOutboundTrafficPolicy). */
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { isSet, stringOf } from '../../json';
import { checkFQDN } from '../common/hosts';
import { validateDestination } from '../virtual-service/destinations';

/**
 * validateSidecarOutboundTrafficPolicy: an egress proxy only with ALLOW_ANY (a missing mode is
 * REGISTRY_ONLY, the zero value), with an FQDN host and a port, then the Destination rules. `path` is
 * the policy's (`spec.outboundTrafficPolicy`).
 */
export function validateOutboundTrafficPolicy(path: FieldPath, findings: Findings, policy: any): void {
  if (!isSet(policy) || !isSet(policy.egressProxy)) return;
  const at = path.child('egressProxy');
  const proxy = policy.egressProxy;
  if ((stringOf(policy.mode) || 'REGISTRY_ONLY') !== 'ALLOW_ANY') {
    findings.error(at, 'sidecar: egress_proxy must be set only with ALLOW_ANY outbound_traffic_policy mode');
    return;
  }
  findings.errorIfAny(at.child('host'), checkFQDN(stringOf(proxy.host)));
  if (!isSet(proxy.port)) {
    findings.error(at.child('port'), 'sidecar: egress_proxy port must be non-nil');
    return;
  }
  // validateDestination, as for any route destination.
  validateDestination(at, findings, proxy);
}
