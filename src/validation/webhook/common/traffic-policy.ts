/**
 * validateTrafficPolicy and validatePortTrafficPolicies of Istio's webhook (DestinationRule top level
 * and subsets), with validateTunnelSettings and validateProxyProtocol.
 */
import { validateClientTLS } from './client-tls';
import { validateConnectionPool } from './connection-pool';
import { checkFQDN, checkIPAddress } from './hosts';
import { validateLoadBalancer } from './load-balancer';
import { validateOutlierDetection } from './outlier-detection';
import { checkPort } from './ports';
import { Severity } from '../../diagnostic';
import { FieldPath } from '../../field-path';
import { Finding, Findings } from '../../findings';
import { isSet, listOf, numberOf, stringOf } from '../../json';

/**
 * Findings that keep only errors. Where Istio joins results with appendErrors (subsets, port-level
 * settings) their warnings are dropped, so the user never sees them.
 */
export class ErrorsOnly extends Findings {
  constructor(private readonly target: Findings) {
    super();
  }

  public error(path: FieldPath, message: string): void {
    this.target.error(path, message);
  }

  public warn(): void {
    // dropped, as Istio's appendErrors does
  }

  public add(finding: Finding): void {
    if (finding.severity === Severity.ERROR) this.target.add(finding);
  }
}

// TrafficPolicy.ProxyProtocol.VERSION numbers, for the %d of Istio's message.
const PROXY_PROTOCOL_VERSIONS: Record<string, number> = { V1: 0, V2: 1 };

/** validateProxyProtocol: V1 or V2 (the CRD enum makes anything else unreachable from YAML). */
function validateProxyProtocol(path: FieldPath, findings: Findings, proxyProtocol: any): void {
  if (!isSet(proxyProtocol) || !isSet(proxyProtocol.version)) return;
  const version = typeof proxyProtocol.version === 'number' ? proxyProtocol.version : PROXY_PROTOCOL_VERSIONS[proxyProtocol.version];
  if (version !== 0 && version !== 1) findings.error(path.child('version'), `proxy protocol version is invalid: ${version ?? proxyProtocol.version}`);
}

/** validateTunnelSettings. */
function validateTunnelSettings(path: FieldPath, findings: Findings, tunnel: any): void {
  if (!isSet(tunnel)) return;
  const protocol = stringOf(tunnel.protocol);
  if (protocol !== '' && protocol !== 'CONNECT' && protocol !== 'POST') {
    findings.error(path.child('protocol'), 'tunnel protocol must be "CONNECT" or "POST"');
  }
  const targetHost = stringOf(tunnel.targetHost);
  const fqdnError = checkFQDN(targetHost);
  const ipError = checkIPAddress(targetHost);
  if (fqdnError && ipError) findings.error(path.child('targetHost'), `tunnel target host must be valid FQDN or IP address: ${fqdnError}; ${ipError}`);
  const portError = checkPort(numberOf(tunnel.targetPort));
  if (portError) findings.error(path.child('targetPort'), `tunnel target port is invalid: ${portError}`);
}

/** The settings a traffic policy shares with its port-level policies: outlier detection, pool, load balancer, TLS. */
function validateSharedSettings(path: FieldPath, findings: Findings, namespace: string, policy: any): void {
  validateOutlierDetection(path.child('outlierDetection'), findings, policy.outlierDetection);
  validateConnectionPool(path.child('connectionPool'), findings, policy.connectionPool);
  validateLoadBalancer(path.child('loadBalancer'), findings, policy.loadBalancer, isSet(policy.outlierDetection));
  validateClientTLS(path.child('tls'), findings, namespace, policy.tls);
}

/** validatePortTrafficPolicies: each portLevelSettings entry, errors only. */
function validatePortTrafficPolicies(path: FieldPath, findings: Findings, namespace: string, settings: unknown): void {
  const errors = new ErrorsOnly(findings);
  const policies = listOf(settings);
  policies.forEach((policy, i) => {
    const at = path.index(i);
    if (!isSet(policy)) {
      errors.error(at, 'traffic policy may not be null');
      return;
    }
    if (!isSet(policy.port)) errors.error(at.child('port'), 'portTrafficPolicy must have valid port');
    if (!isSet(policy.outlierDetection) && !isSet(policy.connectionPool) && !isSet(policy.loadBalancer) && !isSet(policy.tls)) {
      errors.error(at, 'port traffic policy must have at least one field');
      return;
    }
    validateSharedSettings(at, errors, namespace, policy);
  });
}

const POLICY_FIELDS = ['outlierDetection', 'connectionPool', 'loadBalancer', 'tls', 'tunnel', 'proxyProtocol', 'retryBudget'];

/** validateTrafficPolicy: `namespace` is the object's namespace ('' when unknown). */
export function validateTrafficPolicy(path: FieldPath, findings: Findings, namespace: string, policy: any): void {
  if (!isSet(policy)) return;
  const hasPortLevel = listOf(policy.portLevelSettings).length > 0;
  if (!hasPortLevel && POLICY_FIELDS.every(field => !isSet(policy[field]))) {
    findings.error(path, 'traffic policy must have at least one field');
    return;
  }
  if (isSet(policy.tunnel) && isSet(policy.proxyProtocol)) {
    findings.error(path, 'tunnel and proxyProtocol must not be set together');
    return;
  }
  validateSharedSettings(path, findings, namespace, policy);
  validatePortTrafficPolicies(path.child('portLevelSettings'), findings, namespace, policy.portLevelSettings);
  validateTunnelSettings(path.child('tunnel'), findings, policy.tunnel);
  validateProxyProtocol(path.child('proxyProtocol'), findings, policy.proxyProtocol);
}
