import { Duration, Testing } from 'cdk8s';
import {
  DestinationRule, H2UpgradePolicy, Host, IstioValidation, LoadBalancer, ProxyProtocolVersion, TlsMode, TrafficPolicy, TunnelProtocol,
} from '../src';

function synthPolicy(trafficPolicy: TrafficPolicy): any[] {
  const chart = Testing.chart();
  new DestinationRule(chart, 'Rule', { metadata: { name: 'policy' }, host: Host.fromName('reviews'), trafficPolicy });
  return Testing.synth(chart);
}

const construct = (trafficPolicy: TrafficPolicy) => () => new DestinationRule(Testing.chart(), 'Rule', { host: Host.fromName('reviews'), trafficPolicy });

describe('TrafficPolicy', () => {
  test('port-level settings, tunnel and retry budget are rendered, and validation accepts them', () => {
    const manifest = synthPolicy({
      loadBalancer: LoadBalancer.leastRequest(),
      connectionPool: { http: { h2UpgradePolicy: H2UpgradePolicy.DO_NOT_UPGRADE } },
      portLevelSettings: [
        { port: 80, loadBalancer: LoadBalancer.roundRobin(), outlierDetection: { consecutive5xxErrors: 3 } },
        { port: 9080, tls: { mode: TlsMode.ISTIO_MUTUAL }, connectionPool: { tcp: { maxConnections: 10 } } },
        { port: 8443, warmup: { duration: Duration.seconds(20) } },
      ],
      tunnel: { protocol: TunnelProtocol.CONNECT, targetHost: 'egress.example.com', targetPort: 3128 },
      retryBudget: { percent: 25, minRetryConcurrency: 5 },
    });
    expect(manifest[0].spec.trafficPolicy).toEqual({
      loadBalancer: { simple: 'LEAST_REQUEST' },
      connectionPool: { http: { h2UpgradePolicy: 'DO_NOT_UPGRADE' } },
      portLevelSettings: [
        { port: { number: 80 }, loadBalancer: { simple: 'ROUND_ROBIN' }, outlierDetection: { consecutive5xxErrors: 3 } },
        { port: { number: 9080 }, tls: { mode: 'ISTIO_MUTUAL' }, connectionPool: { tcp: { maxConnections: 10 } } },
        { port: { number: 8443 }, loadBalancer: { warmup: { duration: '20s' } } },
      ],
      tunnel: { protocol: 'CONNECT', targetHost: 'egress.example.com', targetPort: 3128 },
      retryBudget: { percent: 25, minRetryConcurrency: 5 },
    });
    expect(IstioValidation.validate(manifest)).toEqual([]);
    expect(manifest).toMatchSnapshot();
  });

  test.each([ProxyProtocolVersion.V1, ProxyProtocolVersion.V2])('proxyProtocol %s is rendered as { version }', version => {
    expect(synthPolicy({ proxyProtocol: version })[0].spec.trafficPolicy).toEqual({ proxyProtocol: { version } });
  });

  test('a tunnel to an IP address with POST, and an empty retry budget, are rendered', () => {
    expect(synthPolicy({ tunnel: { protocol: TunnelProtocol.POST, targetHost: '10.0.0.1', targetPort: 8080 }, retryBudget: {} })[0].spec.trafficPolicy)
      .toEqual({ tunnel: { protocol: 'POST', targetHost: '10.0.0.1', targetPort: 8080 }, retryBudget: {} });
  });

  test.each([
    ['a port of 0', { portLevelSettings: [{ port: 0, loadBalancer: LoadBalancer.random() }] },
      /DestinationRule 'test\/Rule': trafficPolicy.portLevelSettings\[0\].port: port number 0 must be in the range 1..65535/],
    ['a fractional port', { portLevelSettings: [{ port: 80.5, loadBalancer: LoadBalancer.random() }] },
      /trafficPolicy.portLevelSettings\[0\].port: port number must be an integer, got 80.5/],
    ['a port-level entry that sets nothing', { portLevelSettings: [{ port: 80 }] },
      /trafficPolicy.portLevelSettings\[0\] \(port 80\) sets nothing; give it a loadBalancer/],
    ['a wrong port-level setting', { portLevelSettings: [{ port: 80, outlierDetection: { maxEjectionPercent: -1 } }] },
      /trafficPolicy.portLevelSettings\[0\].outlierDetection.maxEjectionPercent must be an integer between 0 and 100, got -1/],
    ['an unknown proxy protocol', { proxyProtocol: 'V3' as ProxyProtocolVersion }, /trafficPolicy.proxyProtocol must be one of V1, V2, got "V3"/],
    ['an invalid tunnel host', { tunnel: { targetHost: 'not a host', targetPort: 80 } },
      /trafficPolicy.tunnel.targetHost must be an FQDN or an IP address, got "not a host"/],
    ['an empty tunnel host', { tunnel: { targetHost: '', targetPort: 80 } }, /trafficPolicy.tunnel.targetHost must be an FQDN or an IP address, got "": the host is empty/],
    ['a tunnel port out of range', { tunnel: { targetHost: 'proxy', targetPort: 70000 } },
      /trafficPolicy.tunnel.targetPort: port number 70000 must be in the range 1..65535/],
    ['an unknown tunnel protocol', { tunnel: { protocol: 'GET' as TunnelProtocol, targetHost: 'proxy', targetPort: 80 } },
      /trafficPolicy.tunnel.protocol must be one of CONNECT, POST, got "GET"/],
    ['a retry budget percent over 100', { retryBudget: { percent: 150 } }, /trafficPolicy.retryBudget.percent must be a number between 0 and 100, got 150/],
    ['a negative retry concurrency', { retryBudget: { minRetryConcurrency: -1 } },
      /trafficPolicy.retryBudget.minRetryConcurrency must be an integer between 0 and 4294967295, got -1/],
  ])('fails early on %s', (_, policy, message) => {
    expect(construct(policy as TrafficPolicy)).toThrow(message);
  });

  test('tunnel with proxyProtocol is a contradiction reported at synth with Istio\'s message', () => {
    expect(() => synthPolicy({ proxyProtocol: ProxyProtocolVersion.V2, tunnel: { targetHost: 'proxy.example.com', targetPort: 3128 } }))
      .toThrow(/spec.trafficPolicy: tunnel and proxyProtocol must not be set together/);
  });
});
