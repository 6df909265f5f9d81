import { Testing } from 'cdk8s';
import { Gateway, Host, IstioValidation, TlsRouteOptions, VirtualService } from '../src';

const hosts = [Host.fromName('*.example.com')];

function tls(options: TlsRouteOptions): any {
  const chart = Testing.chart();
  IstioValidation.disableAnalysis(chart);
  new VirtualService(chart, 'Vs', { hosts, tls: [options] });
  return Testing.synth(chart)[0].spec.tls[0];
}

describe('TlsRoute', () => {
  test('SNI names with the other match fields, on a gateway', () => {
    const chart = Testing.chart();
    const gateway = Gateway.fromGatewayName(chart, 'Passthrough', 'istio-system/passthrough');
    new VirtualService(chart, 'Vs', {
      hosts,
      gateways: [gateway],
      tls: [{
        match: [{ sniHosts: ['login.example.com', '*.example.com'], port: 443, destinationSubnets: ['10.1.0.0/16'], sourceLabels: { app: 'web' }, sourceNamespace: 'web', gateways: [gateway] }],
        route: [{ host: Host.fromExternalName(chart, 'Login', 'login.auth.svc.cluster.local'), port: 8443 }],
      }],
    });
    const [obj] = Testing.synth(chart);
    expect(obj.spec.tls).toEqual([{
      match: [{
        sniHosts: ['login.example.com', '*.example.com'],
        port: 443,
        destinationSubnets: ['10.1.0.0/16'],
        sourceLabels: { app: 'web' },
        sourceNamespace: 'web',
        gateways: ['istio-system/passthrough'],
      }],
      route: [{ destination: { host: 'login.auth.svc.cluster.local', port: { number: 8443 } } }],
    }]);
    expect(obj).toMatchSnapshot();
  });

  test('several matches and weighted destinations', () => {
    const a = Host.fromName('a');
    expect(tls({ match: [{ sniHosts: ['a.example.com'] }, { sniHosts: ['b.example.com'] }], route: [{ host: a, weight: 50 }, { host: Host.fromName('b'), weight: 50 }] }))
      .toEqual({
        match: [{ sniHosts: ['a.example.com'] }, { sniHosts: ['b.example.com'] }],
        route: [{ destination: { host: 'a' }, weight: 50 }, { destination: { host: 'b' }, weight: 50 }],
      });
  });

  describe('fails', () => {
    test('without a match', () => {
      expect(() => tls({ match: [], route: [{ host: Host.fromName('a') }] }))
        .toThrow("VirtualService 'test/Vs': tls[0] has no match; a TLS route matches at least one SNI name");
    });

    test('on a match without SNI names', () => {
      expect(() => tls({ match: [{ sniHosts: [] }], route: [{ host: Host.fromName('a') }] }))
        .toThrow("VirtualService 'test/Vs': tls[0].match[0].sniHosts is empty; give the SNI names this match is for");
    });

    test('without destinations', () => {
      expect(() => tls({ match: [{ sniHosts: ['a.example.com'] }], route: [] }))
        .toThrow("VirtualService 'test/Vs': tls[0] has no destination; a TLS route forwards to at least one");
    });

    test('on a port out of range', () => {
      expect(() => tls({ match: [{ sniHosts: ['a.example.com'], port: 65536 }], route: [{ host: Host.fromName('a') }] }))
        .toThrow("VirtualService 'test/Vs': tls[0].match[0].port: port number 65536 must be in the range 1..65535");
    });
  });
});
