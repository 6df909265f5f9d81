/** The Sidecar's `outboundTrafficPolicy` (validateSidecarOutboundTrafficPolicy). */
import { isSet, stringOf } from '../../json';
import { validateFQDN } from '../common/hosts';
import { Findings } from '../types';
import { checkDestination } from '../virtual-service/destinations';

/**
 * validateSidecarOutboundTrafficPolicy: an egress proxy only with ALLOW_ANY (a missing mode is
 * REGISTRY_ONLY, the zero value), with an FQDN host and a port, then the Destination rules.
 */
export function validateOutboundTrafficPolicy(policy: any, findings: Findings): void {
  if (!isSet(policy) || !isSet(policy.egressProxy)) return;
  const path = 'spec.outboundTrafficPolicy.egressProxy';
  const proxy = policy.egressProxy;
  if ((stringOf(policy.mode) || 'REGISTRY_ONLY') !== 'ALLOW_ANY') {
    findings.error(path, 'sidecar: egress_proxy must be set only with ALLOW_ANY outbound_traffic_policy mode');
    return;
  }
  const fqdnError = validateFQDN(stringOf(proxy.host));
  if (fqdnError) findings.error(`${path}.host`, fqdnError);
  if (!isSet(proxy.port)) {
    findings.error(`${path}.port`, 'sidecar: egress_proxy port must be non-nil');
    return;
  }
  // validateDestination, as for any route destination.
  checkDestination(findings, path, proxy);
}
