/**
 * Renders `ConnectionPoolSettings` as Istio's YAML, checking input wrong on its own (negative or
 * fractional counts, durations under 1ms). Shared by DestinationRule and Sidecar; internal.
 */
import { ConnectionPoolSettings } from '../connection-pool';
import { compact } from './render';
import { count, duration, Fail, UINT32_MAX } from './render-values';

/**
 * The connection pool as Istio's YAML (`{ tcp: {...}, http: {...} }`), or undefined when nothing is
 * set. Contradictions Istio rejects (useClientProtocol with UPGRADE) are left to the validation at synth.
 *
 * @param settings the settings
 * @param field the field path for messages, e.g. `trafficPolicy.connectionPool`
 * @param fail turns a message into the error to throw
 */
export function renderConnectionPool(settings: ConnectionPoolSettings | undefined, field: string, fail: Fail): Record<string, any> | undefined {
  if (!settings) return undefined;
  const tcp = settings.tcp;
  const http = settings.http;
  const keepalive = tcp?.tcpKeepalive;
  const renderedTcp = tcp && compact({
    maxConnections: count(`${field}.tcp.maxConnections`, tcp.maxConnections, fail),
    connectTimeout: duration(`${field}.tcp.connectTimeout`, tcp.connectTimeout, fail),
    tcpKeepalive: keepalive && compact({
      probes: count(`${field}.tcp.tcpKeepalive.probes`, keepalive.probes, fail, UINT32_MAX),
      time: duration(`${field}.tcp.tcpKeepalive.time`, keepalive.time, fail),
      interval: duration(`${field}.tcp.tcpKeepalive.interval`, keepalive.interval, fail),
    }),
    maxConnectionDuration: duration(`${field}.tcp.maxConnectionDuration`, tcp.maxConnectionDuration, fail),
    idleTimeout: duration(`${field}.tcp.idleTimeout`, tcp.idleTimeout, fail, true),
  }, true);
  const renderedHttp = http && compact({
    http1MaxPendingRequests: count(`${field}.http.http1MaxPendingRequests`, http.http1MaxPendingRequests, fail),
    http2MaxRequests: count(`${field}.http.http2MaxRequests`, http.http2MaxRequests, fail),
    maxRequestsPerConnection: count(`${field}.http.maxRequestsPerConnection`, http.maxRequestsPerConnection, fail),
    maxRetries: count(`${field}.http.maxRetries`, http.maxRetries, fail),
    idleTimeout: duration(`${field}.http.idleTimeout`, http.idleTimeout, fail),
    h2UpgradePolicy: http.h2UpgradePolicy,
    useClientProtocol: http.useClientProtocol,
    maxConcurrentStreams: count(`${field}.http.maxConcurrentStreams`, http.maxConcurrentStreams, fail),
  }, true);
  return compact({ tcp: renderedTcp, http: renderedHttp }, true);
}
