import { Duration } from 'cdk8s';

/** Whether HTTP/1.1 connections to the destination are upgraded to HTTP/2 (Istio's `h2UpgradePolicy`). */
export enum H2UpgradePolicy {
  /** The mesh-wide default (`meshConfig.h2UpgradePolicy`, itself DO_NOT_UPGRADE unless changed). */
  DEFAULT = 'DEFAULT',
  /** Do not upgrade HTTP/1.1 connections to HTTP/2. */
  DO_NOT_UPGRADE = 'DO_NOT_UPGRADE',
  /** Upgrade HTTP/1.1 connections to HTTP/2 (not allowed together with `useClientProtocol`). */
  UPGRADE = 'UPGRADE',
}

/** TCP keepalive probes on the upstream socket (Istio's `tcpKeepalive`, sets SO_KEEPALIVE). */
export interface TcpKeepalive {
  /**
   * Unanswered probes after which the connection is considered dead.
   * @default - the operating system's setting (9 on Linux)
   */
  readonly probes?: number;

  /**
   * How long a connection must be idle before probes start.
   * @default - the operating system's setting (2 hours on Linux)
   */
  readonly time?: Duration;

  /**
   * Time between two probes.
   * @default - the operating system's setting (75 seconds on Linux)
   */
  readonly interval?: Duration;
}

/** Settings shared by HTTP and TCP upstream connections (Istio's `connectionPool.tcp`). */
export interface TcpConnectionPool {
  /**
   * Maximum number of HTTP/1 or TCP connections to one destination host.
   * @default - 2^32-1 (Envoy's limit: effectively none)
   */
  readonly maxConnections?: number;

  /**
   * TCP connect timeout (at least 1ms).
   * @default Duration.seconds(10)
   */
  readonly connectTimeout?: Duration;

  /**
   * Keepalive probes on the socket.
   * @default - no keepalive
   */
  readonly tcpKeepalive?: TcpKeepalive;

  /**
   * Maximum lifetime of a connection, after which it is drained and closed (at least 1ms).
   * @default - no limit
   */
  readonly maxConnectionDuration?: Duration;

  /**
   * Time without upstream or downstream activity after which a TCP connection is closed;
   * `Duration.seconds(0)` turns the timeout off.
   * @default Duration.hours(1)
   */
  readonly idleTimeout?: Duration;
}

/** HTTP connection pool settings (Istio's `connectionPool.http`). */
export interface HttpConnectionPool {
  /**
   * Maximum number of requests queued while waiting for a connection (HTTP/1.1 and HTTP/2).
   * @default - 2^32-1 (effectively none)
   */
  readonly http1MaxPendingRequests?: number;

  /**
   * Maximum number of active requests to a destination (HTTP/1.1 and HTTP/2).
   * @default - 2^32-1 (effectively none)
   */
  readonly http2MaxRequests?: number;

  /**
   * Maximum number of requests per connection; 1 turns keep-alive off.
   * @default 0 (no limit)
   */
  readonly maxRequestsPerConnection?: number;

  /**
   * Maximum number of retries outstanding to all hosts of the cluster at a time.
   * @default - 2^32-1 (effectively none)
   */
  readonly maxRetries?: number;

  /**
   * Idle timeout of upstream connections: a connection without active requests for this long is
   * closed (at least 1ms). Applies to HTTP/1.1 and HTTP/2.
   * @default Duration.hours(1)
   */
  readonly idleTimeout?: Duration;

  /**
   * Whether HTTP/1.1 connections are upgraded to HTTP/2.
   * @default H2UpgradePolicy.DEFAULT
   */
  readonly h2UpgradePolicy?: H2UpgradePolicy;

  /**
   * Keep the client's protocol (HTTP/1.1 or HTTP/2) towards the backend; Istio rejects it together
   * with `H2UpgradePolicy.UPGRADE`.
   * @default false
   */
  readonly useClientProtocol?: boolean;

  /**
   * Maximum number of concurrent streams on one HTTP/2 connection.
   * @default - 2^31-1 (Envoy's default)
   */
  readonly maxConcurrentStreams?: number;
}

/**
 * Connection pool settings of an upstream host (Istio's `ConnectionPoolSettings`): limits on TCP
 * connections and HTTP requests, for circuit breaking. Used by DestinationRule traffic policies and
 * Sidecar ingress listeners.
 *
 * @example
 * const pool: ConnectionPoolSettings = {
 *   tcp: { maxConnections: 100, connectTimeout: Duration.millis(30) },
 *   http: { http1MaxPendingRequests: 50, maxRequestsPerConnection: 10 },
 * };
 */
export interface ConnectionPoolSettings {
  /**
   * TCP settings (also apply to HTTP connections).
   * @default - Envoy's defaults
   */
  readonly tcp?: TcpConnectionPool;

  /**
   * HTTP settings.
   * @default - Envoy's defaults
   */
  readonly http?: HttpConnectionPool;
}
