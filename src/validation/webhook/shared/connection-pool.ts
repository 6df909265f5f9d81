/**
 * validateConnectionPool of Istio's webhook (DestinationRule traffic policies, Sidecar inbound pools),
 * and the duration check several traffic-policy fields share.
 */
import { Findings } from '../types';

// TODO(dedupe): shared/duration.ts — private copy of Go duration parsing and ValidateDuration.
const UNIT_NANOS: Record<string, bigint> = {
  ns: 1n,
  us: 1000n,
  µs: 1000n, // U+00B5
  μs: 1000n, // U+03BC
  ms: 1000000n,
  s: 1000000000n,
  m: 60000000000n,
  h: 3600000000000n,
};
const MAX_NANOS = 2n ** 63n;

/**
 * Go's time.ParseDuration (istiod decodes protobuf Durations with it): nanoseconds, or undefined for
 * text Go rejects (istiod would then fail to decode the object before validating it).
 */
export function parseGoDuration(text: string): bigint | undefined {
  let s = text;
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') return undefined;
  let total = 0n;
  while (s !== '') {
    const number = /^([0-9]*)(?:\.([0-9]*))?/.exec(s)!;
    const [whole, intPart, fracPart] = [number[0], number[1], number[2]];
    if (intPart === '' && !fracPart) return undefined; // no digits, e.g. ".s"
    s = s.slice(whole.length);
    const unitText = /^[^0-9.]*/.exec(s)![0];
    if (unitText === '') return undefined; // missing unit
    const unit = UNIT_NANOS[unitText];
    if (unit === undefined) return undefined;
    s = s.slice(unitText.length);
    let value = BigInt(intPart || '0');
    if (value > MAX_NANOS / unit) return undefined;
    value *= unit;
    if (fracPart) {
      // Go keeps up to 19 fraction digits in a uint64 and scales them with float64.
      let fraction = 0n;
      let scale = 1;
      for (const digit of fracPart) {
        if (fraction * 10n + 9n >= MAX_NANOS) break;
        fraction = fraction * 10n + BigInt(digit);
        scale *= 10;
      }
      value += BigInt(Math.floor(Number(fraction) * (Number(unit) / scale)));
      if (value > MAX_NANOS) return undefined;
    }
    total += value;
    if (total > MAX_NANOS) return undefined;
  }
  if (!negative && total > MAX_NANOS - 1n) return undefined;
  return negative ? -total : total;
}

const MILLISECOND = 1000000n;

/** ValidateDuration: at least 1ms, whole milliseconds. Unparsable text is left alone (see parseGoDuration). */
export function validateDuration(f: Findings, path: string, value: unknown): void {
  if (typeof value !== 'string') return;
  const nanos = parseGoDuration(value);
  if (nanos === undefined) return;
  if (nanos < MILLISECOND) f.error(path, 'duration must be greater than 1ms');
  else if (nanos % MILLISECOND !== 0n) f.error(path, 'only durations to ms precision are supported');
}

/** True when a spec field is set (istiod decodes null like an absent field). */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** An int field's value, 0 when absent (the proto zero value). */
export function intValue(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

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
    if (intValue(http.http1MaxPendingRequests) < 0) f.error(`${at}.http1MaxPendingRequests`, 'http1 max pending requests must be non-negative');
    if (intValue(http.http2MaxRequests) < 0) f.error(`${at}.http2MaxRequests`, 'http2 max requests must be non-negative');
    if (intValue(http.maxRequestsPerConnection) < 0) f.error(`${at}.maxRequestsPerConnection`, 'max requests per connection must be non-negative');
    if (intValue(http.maxRetries) < 0) f.error(`${at}.maxRetries`, 'max retries must be non-negative');
    validateDuration(f, `${at}.idleTimeout`, http.idleTimeout);
    if (http.h2UpgradePolicy === 'UPGRADE' && http.useClientProtocol === true) {
      f.error(`${at}.useClientProtocol`, 'use client protocol must not be true when H2UpgradePolicy is UPGRADE');
    }
    if (intValue(http.maxConcurrentStreams) < 0) f.error(`${at}.maxConcurrentStreams`, 'max concurrent streams must be non-negative');
  }
  const tcp = settings.tcp;
  if (isSet(tcp)) {
    const at = `${path}.tcp`;
    if (intValue(tcp.maxConnections) < 0) f.error(`${at}.maxConnections`, 'max connections must be non-negative');
    validateDuration(f, `${at}.connectTimeout`, tcp.connectTimeout);
    validateDuration(f, `${at}.maxConnectionDuration`, tcp.maxConnectionDuration);
    // An idle timeout under 1ms (Go's Milliseconds() == 0, e.g. "0s") disables the timeout: not checked.
    if (typeof tcp.idleTimeout === 'string') {
      const nanos = parseGoDuration(tcp.idleTimeout);
      if (nanos !== undefined && nanos / MILLISECOND !== 0n) validateDuration(f, `${at}.idleTimeout`, tcp.idleTimeout);
    }
    if (isSet(tcp.tcpKeepalive)) {
      validateDuration(f, `${at}.tcpKeepalive.time`, tcp.tcpKeepalive.time);
      validateDuration(f, `${at}.tcpKeepalive.interval`, tcp.tcpKeepalive.interval);
    }
  }
}
