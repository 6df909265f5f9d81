import { Duration } from 'cdk8s';
import { ClientTlsSettings } from './client-tls';
import { ConnectionPoolSettings } from './connection-pool';
import { LoadBalancer, LocalityLbSetting, Warmup } from './load-balancer';
import { OutlierDetection } from './outlier-detection';

/** The PROXY protocol version sent to the upstream (Istio's `proxyProtocol.version`). */
export enum ProxyProtocolVersion {
  /** PROXY protocol version 1 (human readable). */
  V1 = 'V1',
  /** PROXY protocol version 2 (binary). */
  V2 = 'V2',
}

/** The protocol that tunnels TCP to the upstream (Istio's `tunnel.protocol`). */
export enum TunnelProtocol {
  /** HTTP CONNECT. */
  CONNECT = 'CONNECT',
  /** HTTP POST. */
  POST = 'POST',
}

/** Tunnels TCP connections through an HTTP proxy (Istio's `TunnelSettings`). */
export interface TunnelSettings {
  /**
   * The tunneling protocol.
   * @default TunnelProtocol.CONNECT
   */
  readonly protocol?: TunnelProtocol;

  /** Host (FQDN or IP address) the connection is tunneled to. */
  readonly targetHost: string;

  /** Port the connection is tunneled to. */
  readonly targetPort: number;
}

/** A limit on concurrent retries relative to active requests (Istio's `RetryBudget`). */
export interface RetryBudget {
  /**
   * Concurrent retries allowed, as a percentage (0–100) of active and pending requests.
   * @default 20
   */
  readonly percent?: number;

  /**
   * Concurrent retries always allowed, whatever the percentage.
   * @default 3
   */
  readonly minRetryConcurrency?: number;
}

/**
 * The settings a traffic policy can override per port: load balancing, connection pool, outlier
 * detection and TLS. A port-level setting replaces the policy's setting of the same kind entirely (it
 * is not merged field by field).
 */
export interface PortTrafficPolicyOptions {
  /**
   * The load-balancing algorithm.
   * @default - Istio's default, LEAST_REQUEST
   */
  readonly loadBalancer?: LoadBalancer;

  /**
   * Locality-aware load balancing (rendered in `loadBalancer.localityLbSetting`).
   * @default - the mesh's locality settings
   */
  readonly localityLbSetting?: LocalityLbSetting;

  /**
   * Slow start of new endpoints (rendered in `loadBalancer.warmup`).
   * @default - no warmup
   */
  readonly warmup?: Warmup;

  /**
   * The old way of setting a warmup duration (rendered in `loadBalancer.warmupDurationSecs`); Istio
   * treats it as `warmup: { duration }`.
   * @default - not set
   * @deprecated use `warmup: { duration }`
   */
  readonly warmupDurationSecs?: Duration;

  /**
   * Connection limits (circuit breaking).
   * @default - Envoy's defaults (effectively no limits)
   */
  readonly connectionPool?: ConnectionPoolSettings;

  /**
   * Ejection of failing hosts.
   * @default - no outlier detection
   */
  readonly outlierDetection?: OutlierDetection;

  /**
   * TLS to the upstream. Leave it unset inside the mesh: Istio's auto mTLS then picks ISTIO_MUTUAL or
   * plain text per endpoint, which `TlsMode.ISTIO_MUTUAL` here would override.
   * @default - auto mTLS inside the mesh; plain text to hosts outside it
   */
  readonly tls?: ClientTlsSettings;
}

/** A traffic policy for one port of the destination (Istio's `PortTrafficPolicy`). */
export interface PortTrafficPolicy extends PortTrafficPolicyOptions {
  /** The destination port the settings apply to. */
  readonly port: number;
}

/**
 * Traffic policy of a destination or a subset (Istio's `TrafficPolicy`): load balancing, connection
 * pool, outlier detection, TLS, per-port overrides, PROXY protocol, tunneling and retry budget. Nothing
 * is defaulted: an unset field keeps Istio's behaviour (auto mTLS, LEAST_REQUEST, no limits).
 *
 * @example
 * const policy: TrafficPolicy = {
 *   loadBalancer: LoadBalancer.leastRequest(),
 *   connectionPool: { http: { http1MaxPendingRequests: 100 } },
 *   outlierDetection: { consecutive5xxErrors: 5, baseEjectionTime: Duration.seconds(30) },
 * };
 */
export interface TrafficPolicy extends PortTrafficPolicyOptions {
  /**
   * Per-port overrides, each replacing the matching settings of this policy for its port.
   * @default - none
   */
  readonly portLevelSettings?: PortTrafficPolicy[];

  /**
   * Send the PROXY protocol header of this version to the upstream (not with `tunnel`).
   * @default - no PROXY protocol
   */
  readonly proxyProtocol?: ProxyProtocolVersion;

  /**
   * Tunnel TCP connections through an HTTP proxy (not with `proxyProtocol`).
   * @default - no tunnel
   */
  readonly tunnel?: TunnelSettings;

  /**
   * A limit on concurrent retries relative to active requests.
   * @default - Envoy's circuit breaker on retries (connectionPool.http.maxRetries) alone
   */
  readonly retryBudget?: RetryBudget;
}
