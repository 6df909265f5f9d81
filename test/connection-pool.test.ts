import { Duration, Testing } from 'cdk8s';
import { ConnectionPoolSettings, H2UpgradePolicy, IstioValidation, networking } from '../src';
import { renderConnectionPool } from '../src/core/render-connection-pool';

const fail = (message: string) => new Error(`Test: ${message}`);
const render = (settings: ConnectionPoolSettings | undefined) => renderConnectionPool(settings, 'connectionPool', fail);

/** A chart holding one L1 DestinationRule with the pool, synthesized (validation runs at synth). */
function synthWithPool(settings: ConnectionPoolSettings) {
  const chart = Testing.chart();
  new networking.DestinationRule(chart, 'Rule', {
    metadata: { name: 'pool', namespace: 'shop' },
    spec: { host: 'reviews', trafficPolicy: { connectionPool: render(settings) } },
  });
  return Testing.synth(chart);
}

const FULL: ConnectionPoolSettings = {
  tcp: {
    maxConnections: 100,
    connectTimeout: Duration.millis(30),
    tcpKeepalive: { probes: 3, time: Duration.seconds(7200), interval: Duration.seconds(75) },
    maxConnectionDuration: Duration.hours(1),
    idleTimeout: Duration.minutes(30),
  },
  http: {
    http1MaxPendingRequests: 50,
    http2MaxRequests: 100,
    maxRequestsPerConnection: 2,
    maxRetries: 3,
    idleTimeout: Duration.seconds(3600),
    h2UpgradePolicy: H2UpgradePolicy.UPGRADE,
    useClientProtocol: false,
    maxConcurrentStreams: 1000,
  },
};

describe('ConnectionPoolSettings', () => {
  test('every field is rendered in Istio\'s vocabulary, durations in the unit given', () => {
    expect(render(FULL)).toEqual({
      tcp: {
        maxConnections: 100,
        connectTimeout: '30ms',
        tcpKeepalive: { probes: 3, time: '7200s', interval: '75s' },
        maxConnectionDuration: '1h',
        idleTimeout: '30m',
      },
      http: {
        http1MaxPendingRequests: 50,
        http2MaxRequests: 100,
        maxRequestsPerConnection: 2,
        maxRetries: 3,
        idleTimeout: '3600s',
        h2UpgradePolicy: 'UPGRADE',
        useClientProtocol: false,
        maxConcurrentStreams: 1000,
      },
    });
  });

  test('only what is set is rendered: nothing, or empty parts, render as nothing', () => {
    expect(render(undefined)).toBeUndefined();
    expect(render({})).toBeUndefined();
    expect(render({ tcp: {}, http: {} })).toBeUndefined();
    expect(render({ tcp: { maxConnections: 0 }, http: {} })).toEqual({ tcp: { maxConnections: 0 } });
    expect(render({ tcp: { tcpKeepalive: {} } })).toEqual({ tcp: { tcpKeepalive: {} } });
  });

  test('a TCP idle timeout of zero turns the timeout off and is accepted', () => {
    expect(render({ tcp: { idleTimeout: Duration.seconds(0) } })).toEqual({ tcp: { idleTimeout: '0s' } });
  });

  test('synth validation accepts the rendered pool', () => {
    const manifest = synthWithPool(FULL);
    expect(IstioValidation.validate(manifest)).toEqual([]);
    expect(manifest).toMatchSnapshot();
  });

  test.each([
    ['tcp.maxConnections', { tcp: { maxConnections: -1 } }, /connectionPool.tcp.maxConnections must be an integer between 0 and 2147483647, got -1/],
    ['tcp.maxConnections', { tcp: { maxConnections: 1.5 } }, /maxConnections must be an integer between 0 and 2147483647, got 1.5/],
    ['tcpKeepalive.probes', { tcp: { tcpKeepalive: { probes: -3 } } }, /tcp.tcpKeepalive.probes must be an integer between 0 and 4294967295, got -3/],
    ['http1MaxPendingRequests', { http: { http1MaxPendingRequests: -1 } }, /http.http1MaxPendingRequests must be an integer between 0/],
    ['http2MaxRequests', { http: { http2MaxRequests: 2 ** 31 } }, /http.http2MaxRequests must be an integer between 0 and 2147483647, got 2147483648/],
    ['maxRequestsPerConnection', { http: { maxRequestsPerConnection: -2 } }, /http.maxRequestsPerConnection must be an integer/],
    ['maxRetries', { http: { maxRetries: NaN } }, /http.maxRetries must be an integer between 0 and 2147483647, got NaN/],
    ['maxConcurrentStreams', { http: { maxConcurrentStreams: -1 } }, /http.maxConcurrentStreams must be an integer/],
    ['connectTimeout', { tcp: { connectTimeout: Duration.millis(0) } }, /Test: connectionPool.tcp.connectTimeout: duration must be greater than 1ms, got 0ms/],
    ['tcpKeepalive.time', { tcp: { tcpKeepalive: { time: Duration.millis(0.5) } } }, /tcp.tcpKeepalive.time: duration must be greater than 1ms, got 0.5ms/],
    ['tcpKeepalive.interval', { tcp: { tcpKeepalive: { interval: Duration.millis(1.5) } } },
      /tcp.tcpKeepalive.interval: only durations to ms precision are supported, got 1.5ms/],
    ['maxConnectionDuration', { tcp: { maxConnectionDuration: Duration.seconds(0) } }, /tcp.maxConnectionDuration: duration must be greater than 1ms/],
    ['tcp.idleTimeout', { tcp: { idleTimeout: Duration.millis(0.5) } }, /tcp.idleTimeout: duration must be greater than 1ms, got 0.5ms/],
    ['http.idleTimeout', { http: { idleTimeout: Duration.seconds(0) } }, /http.idleTimeout: duration must be greater than 1ms, got 0s/],
  ])('fails early on a wrong %s', (_, settings, message) => {
    expect(() => render(settings as ConnectionPoolSettings)).toThrow(message);
  });

  test('useClientProtocol with UPGRADE is a contradiction the validation reports at synth, with Istio\'s message', () => {
    const settings = { http: { h2UpgradePolicy: H2UpgradePolicy.UPGRADE, useClientProtocol: true } };
    expect(render(settings)).toEqual({ http: { h2UpgradePolicy: 'UPGRADE', useClientProtocol: true } });
    expect(() => synthWithPool(settings)).toThrow(/use client protocol must not be true when H2UpgradePolicy is UPGRADE/);
  });
});
