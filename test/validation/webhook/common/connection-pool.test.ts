import { isSet, numberOf } from '../../../../src/validation/json';
import { validateConnectionPool } from '../../../../src/validation/webhook/common/connection-pool';
import { validateDuration } from '../../../../src/validation/webhook/common/duration';
import { at, collect, destinationRule, err, objectDiagnostics, webhookFindings } from '../../../support/objects';

const drPolicy = (trafficPolicy: unknown) => webhookFindings(destinationRule('x', { host: 'reviews', trafficPolicy }, 'ns'));

const C = 'spec.trafficPolicy.connectionPool';

describe('validateConnectionPool', () => {
  test('valid pools', () => {
    expect(drPolicy({
      connectionPool: {
        http: {
          http1MaxPendingRequests: 0,
          http2MaxRequests: 10,
          maxRequestsPerConnection: 1,
          maxRetries: 3,
          idleTimeout: '1h',
          h2UpgradePolicy: 'UPGRADE',
          useClientProtocol: false,
          maxConcurrentStreams: 100,
        },
        tcp: { maxConnections: 10, connectTimeout: '10ms', maxConnectionDuration: '1m', idleTimeout: '0s', tcpKeepalive: { time: '2h', interval: '75s', probes: 9 } },
      },
    })).toEqual([]);
    expect(drPolicy({ connectionPool: { http: { h2UpgradePolicy: 'DEFAULT', useClientProtocol: true } } })).toEqual([]);
  });

  test('an empty pool', () => {
    expect(drPolicy({ connectionPool: {} })).toEqual([err(C, 'connection pool must have at least one field')]);
  });

  test('negative limits', () => {
    expect(drPolicy({
      connectionPool: {
        http: { http1MaxPendingRequests: -1, http2MaxRequests: -1, maxRequestsPerConnection: -1, maxRetries: -1, maxConcurrentStreams: -1 },
        tcp: { maxConnections: -1 },
      },
    })).toEqual([
      err(`${C}.http.http1MaxPendingRequests`, 'http1 max pending requests must be non-negative'),
      err(`${C}.http.http2MaxRequests`, 'http2 max requests must be non-negative'),
      err(`${C}.http.maxRequestsPerConnection`, 'max requests per connection must be non-negative'),
      err(`${C}.http.maxRetries`, 'max retries must be non-negative'),
      err(`${C}.http.maxConcurrentStreams`, 'max concurrent streams must be non-negative'),
      err(`${C}.tcp.maxConnections`, 'max connections must be non-negative'),
    ]);
  });

  test('useClientProtocol with UPGRADE', () => {
    expect(drPolicy({ connectionPool: { http: { h2UpgradePolicy: 'UPGRADE', useClientProtocol: true } } }))
      .toEqual([err(`${C}.http.useClientProtocol`, 'use client protocol must not be true when H2UpgradePolicy is UPGRADE')]);
  });

  test('durations (ValidateDuration)', () => {
    expect(drPolicy({
      connectionPool: {
        http: { idleTimeout: '1.5ms' },
        tcp: { connectTimeout: '0.5ms', maxConnectionDuration: '1001us', tcpKeepalive: { time: '1ms500us', interval: '100us' } },
      },
    })).toEqual([
      err(`${C}.http.idleTimeout`, 'only durations to ms precision are supported'),
      err(`${C}.tcp.connectTimeout`, 'duration must be greater than 1ms'),
      err(`${C}.tcp.maxConnectionDuration`, 'only durations to ms precision are supported'),
      err(`${C}.tcp.tcpKeepalive.time`, 'only durations to ms precision are supported'),
      err(`${C}.tcp.tcpKeepalive.interval`, 'duration must be greater than 1ms'),
    ]);
  });

  test('tcp idleTimeout: under 1ms disables it and is not checked; otherwise validated', () => {
    expect(drPolicy({ connectionPool: { tcp: { idleTimeout: '0.5ms' } } })).toEqual([]);
    expect(drPolicy({ connectionPool: { tcp: { idleTimeout: '1.5ms' } } }))
      .toEqual([err(`${C}.tcp.idleTimeout`, 'only durations to ms precision are supported')]);
    expect(drPolicy({ connectionPool: { tcp: { idleTimeout: '-5s' } } }))
      .toEqual([err(`${C}.tcp.idleTimeout`, 'duration must be greater than 1ms')]);
    expect(drPolicy({ connectionPool: { tcp: { idleTimeout: 'forever' } } })).toEqual([]);
  });

  test('end to end: a negative idle timeout has no CRD rule and reaches the webhook', () => {
    const diagnostics = objectDiagnostics([{
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name: 'r' },
      spec: { host: 'r', trafficPolicy: { connectionPool: { tcp: { idleTimeout: '-1s' }, http: { maxRetries: -2 } } } },
    }]);
    expect(diagnostics.map(d => [d.path, d.message])).toEqual([
      [`${C}.http.maxRetries`, 'max retries must be non-negative'],
      [`${C}.tcp.idleTimeout`, 'duration must be greater than 1ms'],
    ]);
  });

  test('helpers', () => {
    expect(isSet(null)).toBe(false);
    expect(numberOf('3')).toBe(0);
    expect(collect(findings => validateDuration(at('d'), findings, 3))).toEqual([]);
    expect(collect(findings => validateConnectionPool(at('p'), findings, null))).toEqual([]);
  });
});
