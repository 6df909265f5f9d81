/**
 * validateTrafficPolicy and validatePortTrafficPolicies of Istio's webhook (DestinationRule top level
 * and subsets), with validateTunnelSettings and validateProxyProtocol.
 */
import { isSet, numberOf } from '../../json';
import { Findings } from '../types';
import { validateClientTLS } from './client-tls';
import { validateConnectionPool } from './connection-pool';
import { validateFQDN, validateIPAddress } from './hosts';
import { validateLoadBalancer } from './load-balancer';
import { validateOutlierDetection } from './outlier-detection';
import { validatePort } from './ports';

/**
 * Findings that keep only errors. Where Istio joins results with appendErrors (subsets, port-level
 * settings) their warnings are dropped, so the user never sees them.
 */
export class ErrorsOnly extends Findings {
  constructor(private readonly target: Findings) {
    super();
  }

  public error(path: string, message: string): void {
    this.target.error(path, message);
  }

  public warn(): void {
    // dropped, as Istio's appendErrors does
  }
}

// TrafficPolicy.ProxyProtocol.VERSION numbers, for the %d of Istio's message.
const PROXY_PROTOCOL_VERSIONS: Record<string, number> = { V1: 0, V2: 1 };

/** validateProxyProtocol: V1 or V2 (the CRD enum makes anything else unreachable from YAML). */
function validateProxyProtocol(f: Findings, path: string, proxyProtocol: any): void {
  if (!isSet(proxyProtocol) || !isSet(proxyProtocol.version)) return;
  const version = typeof proxyProtocol.version === 'number' ? proxyProtocol.version : PROXY_PROTOCOL_VERSIONS[proxyProtocol.version];
  if (version !== 0 && version !== 1) f.error(`${path}.version`, `proxy protocol version is invalid: ${version ?? proxyProtocol.version}`);
}

/** validateTunnelSettings. */
function validateTunnelSettings(f: Findings, path: string, tunnel: any): void {
  if (!isSet(tunnel)) return;
  const protocol = String(tunnel.protocol ?? '');
  if (protocol !== '' && protocol !== 'CONNECT' && protocol !== 'POST') {
    f.error(`${path}.protocol`, 'tunnel protocol must be "CONNECT" or "POST"');
  }
  const targetHost = String(tunnel.targetHost ?? '');
  const fqdnError = validateFQDN(targetHost);
  const ipError = validateIPAddress(targetHost);
  if (fqdnError && ipError) f.error(`${path}.targetHost`, `tunnel target host must be valid FQDN or IP address: ${fqdnError}; ${ipError}`);
  const portError = validatePort(numberOf(tunnel.targetPort));
  if (portError) f.error(`${path}.targetPort`, `tunnel target port is invalid: ${portError}`);
}

/** The settings a traffic policy shares with its port-level policies: outlier detection, pool, load balancer, TLS. */
function validateSharedSettings(f: Findings, path: string, namespace: string, policy: any): void {
  validateOutlierDetection(f, `${path}.outlierDetection`, policy.outlierDetection);
  validateConnectionPool(f, `${path}.connectionPool`, policy.connectionPool);
  validateLoadBalancer(f, `${path}.loadBalancer`, policy.loadBalancer, isSet(policy.outlierDetection));
  validateClientTLS(f, `${path}.tls`, namespace, policy.tls);
}

/** validatePortTrafficPolicies: each portLevelSettings entry, errors only. */
function validatePortTrafficPolicies(f: Findings, path: string, namespace: string, settings: unknown): void {
  const errors = new ErrorsOnly(f);
  const policies: any[] = Array.isArray(settings) ? settings : [];
  policies.forEach((policy, i) => {
    const at = `${path}[${i}]`;
    if (!isSet(policy)) {
      errors.error(at, 'traffic policy may not be null');
      return;
    }
    if (!isSet(policy.port)) errors.error(`${at}.port`, 'portTrafficPolicy must have valid port');
    if (!isSet(policy.outlierDetection) && !isSet(policy.connectionPool) && !isSet(policy.loadBalancer) && !isSet(policy.tls)) {
      errors.error(at, 'port traffic policy must have at least one field');
      return;
    }
    validateSharedSettings(errors, at, namespace, policy);
  });
}

const POLICY_FIELDS = ['outlierDetection', 'connectionPool', 'loadBalancer', 'tls', 'tunnel', 'proxyProtocol', 'retryBudget'];

/** validateTrafficPolicy: `namespace` is the object's namespace ('' when unknown). */
export function validateTrafficPolicy(f: Findings, path: string, namespace: string, policy: any): void {
  if (!isSet(policy)) return;
  const hasPortLevel = Array.isArray(policy.portLevelSettings) && policy.portLevelSettings.length > 0;
  if (!hasPortLevel && POLICY_FIELDS.every(field => !isSet(policy[field]))) {
    f.error(path, 'traffic policy must have at least one field');
    return;
  }
  if (isSet(policy.tunnel) && isSet(policy.proxyProtocol)) {
    f.error(path, 'tunnel and proxyProtocol must not be set together');
    return;
  }
  validateSharedSettings(f, path, namespace, policy);
  validatePortTrafficPolicies(f, `${path}.portLevelSettings`, namespace, policy.portLevelSettings);
  validateTunnelSettings(f, `${path}.tunnel`, policy.tunnel);
  validateProxyProtocol(f, `${path}.proxyProtocol`, policy.proxyProtocol);
}
