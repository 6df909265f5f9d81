/**
 * Gateway names: the name a Gateway object may have (ValidateGateway) and the gateway references a
 * VirtualService lists in `gateways` (validateGatewayNames).
 */
import { checkFQDN, isDNS1123Label } from './hosts';
import { goQuote } from '../../../go/format';
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { isRecord } from '../../json';

/** Annotation istiod sets on Gateways it converts from the Kubernetes Gateway API; it relaxes some rules. */
export const GATEWAY_SEMANTICS_ANNOTATION = 'internal.istio.io/gateway-semantics';

/** True when the object carries istiod's Gateway API semantics marker (`internal.istio.io/gateway-semantics: gateway`). */
export function hasGatewaySemantics(metadata: Record<string, unknown>): boolean {
  const annotations = metadata.annotations;
  return isRecord(annotations) && annotations[GATEWAY_SEMANTICS_ANNOTATION] === 'gateway';
}

/**
 * ValidateGateway's name rule: a Gateway name is a DNS-1123 label (no dots), because VirtualServices
 * refer to it as `namespace/name`. Returns Istio's message, or undefined when valid.
 */
export function checkGatewayName(name: string, gatewaySemantics: boolean): string | undefined {
  if (isDNS1123Label(name) || gatewaySemantics) return undefined;
  return `invalid gateway name: ${goQuote(name)}`;
}

/**
 * validateGatewayNames: VirtualService gateway references, `namespace/name` or the legacy FQDN form.
 * `path` is the path of the list (`spec.gateways`). As in Istio, a reference without '/' ends the
 * check: the references after it are not looked at.
 */
export function validateGatewayNames(path: FieldPath, findings: Findings, names: readonly string[], gatewaySemantics: boolean): void {
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    const where = path.index(i);
    const slash = name.indexOf('/');
    if (slash < 0) {
      if (name.includes('.')) {
        const parts = name.split('.');
        const recommended = `${parts[1]}/${parts[0]}`;
        findings.warn(where, `using legacy gatewayName format ${goQuote(name)}; prefer the <namespace>/<name> format: ${goQuote(recommended)}`);
      }
      findings.errorIfAny(where, checkFQDN(name));
      return;
    }
    const namespace = name.slice(0, slash);
    const gateway = name.slice(slash + 1);
    if (namespace === '' || gateway === '') findings.error(where, 'config namespace and gateway name cannot be empty');
    if (!isDNS1123Label(namespace)) findings.error(where, `invalid value for namespace: ${goQuote(namespace)}`);
    if (!isDNS1123Label(gateway) && !gatewaySemantics) findings.error(where, `invalid value for gateway name: ${goQuote(gateway)}`);
  }
}
