/** validateConnectionPool of Istio's webhook (DestinationRule traffic policies, Sidecar inbound pools). */
import { validateDuration } from './duration';
import { parseGoDuration } from '../../../go/time';
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { isSet, numberOf } from '../../json';

const MILLISECOND = BigInt(1_000_000);

/** validateConnectionPool. */
export function validateConnectionPool(path: FieldPath, findings: Findings, settings: any): void {
  if (!isSet(settings)) return;
  if (!isSet(settings.http) && !isSet(settings.tcp)) {
    findings.error(path, 'connection pool must have at least one field');
    return;
  }
  const http = settings.http;
  if (isSet(http)) {
    const at = path.child('http');
    if (numberOf(http.http1MaxPendingRequests) < 0) findings.error(at.child('http1MaxPendingRequests'), 'http1 max pending requests must be non-negative');
    if (numberOf(http.http2MaxRequests) < 0) findings.error(at.child('http2MaxRequests'), 'http2 max requests must be non-negative');
    if (numberOf(http.maxRequestsPerConnection) < 0) findings.error(at.child('maxRequestsPerConnection'), 'max requests per connection must be non-negative');
    if (numberOf(http.maxRetries) < 0) findings.error(at.child('maxRetries'), 'max retries must be non-negative');
    validateDuration(at.child('idleTimeout'), findings, http.idleTimeout);
    if (http.h2UpgradePolicy === 'UPGRADE' && http.useClientProtocol === true) {
      findings.error(at.child('useClientProtocol'), 'use client protocol must not be true when H2UpgradePolicy is UPGRADE');
    }
    if (numberOf(http.maxConcurrentStreams) < 0) findings.error(at.child('maxConcurrentStreams'), 'max concurrent streams must be non-negative');
  }
  const tcp = settings.tcp;
  if (isSet(tcp)) {
    const at = path.child('tcp');
    if (numberOf(tcp.maxConnections) < 0) findings.error(at.child('maxConnections'), 'max connections must be non-negative');
    validateDuration(at.child('connectTimeout'), findings, tcp.connectTimeout);
    validateDuration(at.child('maxConnectionDuration'), findings, tcp.maxConnectionDuration);
    // An idle timeout under 1ms (Go's Milliseconds() == 0, e.g. "0s") disables the timeout: not checked.
    if (typeof tcp.idleTimeout === 'string') {
      const nanos = parseGoDuration(tcp.idleTimeout);
      if (nanos !== undefined && nanos / MILLISECOND !== BigInt(0)) validateDuration(at.child('idleTimeout'), findings, tcp.idleTimeout);
    }
    if (isSet(tcp.tcpKeepalive)) {
      validateDuration(at.child('tcpKeepalive', 'time'), findings, tcp.tcpKeepalive.time);
      validateDuration(at.child('tcpKeepalive', 'interval'), findings, tcp.tcpKeepalive.interval);
    }
  }
}
