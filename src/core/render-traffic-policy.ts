/**
 * Renders the traffic-policy structs (TrafficPolicy, port-level policies, outlier detection, client
 * TLS, locality, warmup) as Istio's YAML, checking input wrong on its own. Contradictions between
 * fields that Istio rejects (distribute with failover, tunnel with proxyProtocol, TLS credentials with
 * file paths, local-origin failures without the split) are left to the validation at synth, which
 * reports them with Istio's message. Internal: not exported from the package.
 */
import { compact, nonEmpty } from './render';
import { renderConnectionPool } from './render-connection-pool';
import { count, duration, Fail, nonEmptyString, ranged, UINT32_MAX } from './render-values';
import { ClientTlsSettings, TlsMode } from '../client-tls';
import { LocalityLbSetting, Warmup } from '../load-balancer';
import { OutlierDetection } from '../outlier-detection';
import { PortTrafficPolicyOptions, ProxyProtocolVersion, RetryBudget, TrafficPolicy, TunnelProtocol, TunnelSettings } from '../traffic-policy';
import { firstEngineError } from './engine-check';
import { FieldPath } from '../validation/field-path';
import { Findings } from '../validation/findings';
import { checkFQDN, checkIPAddress } from '../validation/webhook/common/hosts';
import { validateLoadBalancer } from '../validation/webhook/common/load-balancer';
import { validateLocalityLbSetting } from '../validation/webhook/common/locality';
import { checkPort } from '../validation/webhook/common/ports';

type Json = Record<string, any>;

/** Throws the first error the engine's rule `check` finds, at its path. */
function engineErrors(fail: Fail, check: (findings: Findings) => void): void {
  const error = firstEngineError(check);
  if (error) throw fail(`${error.path.toString()}: ${error.message}`);
}

function oneOf<T>(field: string, value: T | undefined, allowed: Record<string, T>, fail: Fail): T | undefined {
  if (value === undefined) return undefined;
  const values = Object.values(allowed);
  if (!values.includes(value)) throw fail(`${field} must be one of ${values.join(', ')}, got ${JSON.stringify(value)}`);
  return value;
}

/** A port number of a destination (1–65535), with Istio's rule. */
function portNumber(field: string, value: number, fail: Fail): number {
  const problem = Number.isInteger(value) ? checkPort(value) : `port number must be an integer, got ${JSON.stringify(value)}`;
  if (problem) throw fail(`${field}: ${problem}`);
  return value;
}

function renderLocality(setting: LocalityLbSetting | undefined, path: FieldPath, fail: Fail): Json | undefined {
  if (!setting) return undefined;
  const field = path.toString();
  const distribute = nonEmpty(setting.distribute)?.map((entry, i) => {
    for (const [locality, weight] of Object.entries(entry.to ?? {})) {
      if (!Number.isInteger(weight)) throw fail(`${field}.distribute[${i}].to[${locality}] must be an integer weight between 1 and 100, got ${weight}`);
    }
    return { from: nonEmptyString(`${field}.distribute[${i}].from`, entry.from, fail) ?? '', to: { ...entry.to } };
  });
  const failover = nonEmpty(setting.failover)?.map(entry => ({ from: entry.from, to: entry.to }));
  // Each list on its own, with the engine's rules; the two together are a contradiction left to synth.
  engineErrors(fail, findings => validateLocalityLbSetting(path, findings, { distribute }, true));
  engineErrors(fail, findings => validateLocalityLbSetting(path, findings, { failover }, true));
  return compact({
    enabled: setting.enabled,
    distribute,
    failover,
    failoverPriority: nonEmpty(setting.failoverPriority)?.map((label, i) => nonEmptyString(`${field}.failoverPriority[${i}]`, label, fail)),
  });
}

/** The `warmup` of the load balancer settings at `loadBalancer`. */
function renderWarmup(warmup: Warmup | undefined, loadBalancer: FieldPath, fail: Fail): Json | undefined {
  if (!warmup) return undefined;
  const field = loadBalancer.child('warmup').toString();
  if (!warmup.duration) throw fail(`${field}.duration is required: set how long new endpoints are warmed up`);
  if (warmup.aggression !== undefined && !Number.isFinite(warmup.aggression)) {
    throw fail(`${field}.aggression must be a finite number, got ${warmup.aggression}`);
  }
  const rendered = compact({
    duration: duration(`${field}.duration`, warmup.duration, fail),
    aggression: warmup.aggression,
    minimumPercent: ranged(`${field}.minimumPercent`, warmup.minimumPercent, fail),
  });
  engineErrors(fail, findings => validateLoadBalancer(loadBalancer, findings, { warmup: rendered }, true));
  return rendered;
}

function renderLoadBalancer(policy: PortTrafficPolicyOptions, path: FieldPath, fail: Fail): Json | undefined {
  const field = path.toString();
  const algorithm = policy.loadBalancer?._toIstio();
  return compact({
    ...algorithm,
    localityLbSetting: renderLocality(policy.localityLbSetting, path.child('localityLbSetting'), fail),
    warmup: renderWarmup(policy.warmup, path, fail),
    warmupDurationSecs: duration(`${field}.warmupDurationSecs`, policy.warmupDurationSecs, fail),
  }, true);
}

/** Outlier detection for the L1 classes (Istio's YAML once they render it); counts and percentages checked. */
function renderOutlierDetection(outlier: OutlierDetection | undefined, field: string, fail: Fail): Json | undefined {
  if (!outlier) return undefined;
  return compact({
    consecutiveErrors: count(`${field}.consecutiveErrors`, outlier.consecutiveErrors, fail),
    // The L1 classes' name for Istio's consecutive5xxErrors (their toJson writes Istio's name).
    consecutive5XxErrors: count(`${field}.consecutive5xxErrors`, outlier.consecutive5xxErrors, fail, UINT32_MAX),
    consecutiveGatewayErrors: count(`${field}.consecutiveGatewayErrors`, outlier.consecutiveGatewayErrors, fail, UINT32_MAX),
    consecutiveLocalOriginFailures: count(`${field}.consecutiveLocalOriginFailures`, outlier.consecutiveLocalOriginFailures, fail, UINT32_MAX),
    splitExternalLocalOriginErrors: outlier.splitExternalLocalOriginErrors,
    interval: duration(`${field}.interval`, outlier.interval, fail),
    baseEjectionTime: duration(`${field}.baseEjectionTime`, outlier.baseEjectionTime, fail),
    maxEjectionPercent: ranged(`${field}.maxEjectionPercent`, outlier.maxEjectionPercent, fail, 0, 100, true),
    minHealthPercent: ranged(`${field}.minHealthPercent`, outlier.minHealthPercent, fail, 0, 100, true),
  });
}

/** Client TLS as Istio's YAML; the mode is required and strings may not be empty. */
function renderClientTls(tls: ClientTlsSettings | undefined, field: string, fail: Fail): Json | undefined {
  if (!tls) return undefined;
  if (tls.mode === undefined) throw fail(`${field}.mode is required: one of ${Object.values(TlsMode).join(', ')}`);
  return compact({
    mode: oneOf(`${field}.mode`, tls.mode, TlsMode, fail),
    clientCertificate: nonEmptyString(`${field}.clientCertificate`, tls.clientCertificate, fail),
    privateKey: nonEmptyString(`${field}.privateKey`, tls.privateKey, fail),
    caCertificates: nonEmptyString(`${field}.caCertificates`, tls.caCertificates, fail),
    credentialName: nonEmptyString(`${field}.credentialName`, tls.credentialName, fail),
    subjectAltNames: nonEmpty(tls.subjectAltNames)?.map((name, i) => nonEmptyString(`${field}.subjectAltNames[${i}]`, name, fail)),
    sni: nonEmptyString(`${field}.sni`, tls.sni, fail),
    insecureSkipVerify: tls.insecureSkipVerify,
    caCrl: nonEmptyString(`${field}.caCrl`, tls.caCrl, fail),
  });
}

/** The settings a policy shares with its port-level policies, in Istio's field order. */
function renderShared(policy: PortTrafficPolicyOptions, path: FieldPath, fail: Fail): Json {
  const field = path.toString();
  return compact({
    loadBalancer: renderLoadBalancer(policy, path.child('loadBalancer'), fail),
    connectionPool: renderConnectionPool(policy.connectionPool, `${field}.connectionPool`, fail),
    outlierDetection: renderOutlierDetection(policy.outlierDetection, `${field}.outlierDetection`, fail),
    tls: renderClientTls(policy.tls, `${field}.tls`, fail),
  })!;
}

function renderTunnel(tunnel: TunnelSettings | undefined, field: string, fail: Fail): Json | undefined {
  if (!tunnel) return undefined;
  const host = tunnel.targetHost;
  const hostProblem = typeof host === 'string' && host !== '' ? checkFQDN(host) : 'the host is empty';
  if (hostProblem && (typeof host !== 'string' || checkIPAddress(host))) {
    throw fail(`${field}.targetHost must be an FQDN or an IP address, got ${JSON.stringify(host)}: ${hostProblem}`);
  }
  return compact({
    protocol: oneOf(`${field}.protocol`, tunnel.protocol, TunnelProtocol, fail),
    targetHost: host,
    targetPort: portNumber(`${field}.targetPort`, tunnel.targetPort, fail),
  });
}

function renderRetryBudget(budget: RetryBudget | undefined, field: string, fail: Fail): Json | undefined {
  if (!budget) return undefined;
  return compact({
    percent: budget.percent === undefined ? undefined : ranged(`${field}.percent`, budget.percent, fail),
    minRetryConcurrency: count(`${field}.minRetryConcurrency`, budget.minRetryConcurrency, fail, UINT32_MAX),
  });
}

/**
 * A traffic policy as Istio's YAML, or undefined when nothing is set.
 *
 * @param policy the policy
 * @param path its field path (`trafficPolicy`, `subsets[v1].trafficPolicy`)
 * @param fail turns a message into the error to throw
 */
export function renderTrafficPolicy(policy: TrafficPolicy | undefined, path: FieldPath, fail: Fail): Json | undefined {
  if (!policy) return undefined;
  const field = path.toString();
  const portLevelSettings = nonEmpty(policy.portLevelSettings)?.map((portPolicy, i) => {
    const portPath = path.child('portLevelSettings').index(i);
    const at = portPath.toString();
    const number = portNumber(`${at}.port`, portPolicy.port, fail);
    const settings = renderShared(portPolicy, portPath, fail);
    if (Object.keys(settings).length === 0) {
      throw fail(`${at} (port ${number}) sets nothing; give it a loadBalancer, localityLbSetting, warmup, connectionPool, outlierDetection or tls, or remove it`);
    }
    return { port: { number }, ...settings };
  });
  const proxyProtocol = oneOf(`${field}.proxyProtocol`, policy.proxyProtocol, ProxyProtocolVersion, fail);
  return compact({
    ...renderShared(policy, path, fail),
    portLevelSettings,
    tunnel: renderTunnel(policy.tunnel, `${field}.tunnel`, fail),
    proxyProtocol: proxyProtocol && { version: proxyProtocol },
    retryBudget: renderRetryBudget(policy.retryBudget, `${field}.retryBudget`, fail),
  }, true);
}
