/** validateConnectionPool of Istio's webhook (DestinationRule traffic policies, Sidecar inbound pools). */
import { parseGoDuration } from '../../../go/time';
import { isSet, numberOf } from '../../json';
import { Findings } from '../types';
import { checkDuration } from './duration';

const MILLISECOND = BigInt(1_000_000);

/** validateConnectionPool. */
export function validateConnectionPool(f: Findings, path: string, settings: any): void {
  if (!isSet(settings)) return;
  if (!isSet(settings.http) && !isSet(settings.tcp)) {
    f.error(path, 'connection pool must have at least one field');
    return;
  }
  const http = settings.http;
  if (isSet(http)) {
    const at = `${path}.http`;
    if (numberOf(http.http1MaxPendingRequests) < 0) f.error(`${at}.http1MaxPendingRequests`, 'http1 max pending requests must be non-negative');
    if (numberOf(http.http2MaxRequests) < 0) f.error(`${at}.http2MaxRequests`, 'http2 max requests must be non-negative');
    if (numberOf(http.maxRequestsPerConnection) < 0) f.error(`${at}.maxRequestsPerConnection`, 'max requests per connection must be non-negative');
    if (numberOf(http.maxRetries) < 0) f.error(`${at}.maxRetries`, 'max retries must be non-negative');
    checkDuration(f, `${at}.idleTimeout`, http.idleTimeout);
    if (http.h2UpgradePolicy === 'UPGRADE' && http.useClientProtocol === true) {
      f.error(`${at}.useClientProtocol`, 'use client protocol must not be true when H2UpgradePolicy is UPGRADE');
    }
    if (numberOf(http.maxConcurrentStreams) < 0) f.error(`${at}.maxConcurrentStreams`, 'max concurrent streams must be non-negative');
  }
  const tcp = settings.tcp;
  if (isSet(tcp)) {
    const at = `${path}.tcp`;
    if (numberOf(tcp.maxConnections) < 0) f.error(`${at}.maxConnections`, 'max connections must be non-negative');
    checkDuration(f, `${at}.connectTimeout`, tcp.connectTimeout);
    checkDuration(f, `${at}.maxConnectionDuration`, tcp.maxConnectionDuration);
    // An idle timeout under 1ms (Go's Milliseconds() == 0, e.g. "0s") disables the timeout: not checked.
    if (typeof tcp.idleTimeout === 'string') {
      const nanos = parseGoDuration(tcp.idleTimeout);
      if (nanos !== undefined && nanos / MILLISECOND !== BigInt(0)) checkDuration(f, `${at}.idleTimeout`, tcp.idleTimeout);
    }
    if (isSet(tcp.tcpKeepalive)) {
      checkDuration(f, `${at}.tcpKeepalive.time`, tcp.tcpKeepalive.time);
      checkDuration(f, `${at}.tcpKeepalive.interval`, tcp.tcpKeepalive.interval);
    }
  }
}
