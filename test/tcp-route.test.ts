import { Testing } from 'cdk8s';
import { Gateway, Host, IstioValidation, TcpRouteOptions, VirtualService } from '../src';

const db = Host.fromName('db.shop.svc.cluster.local');

function tcp(options: TcpRouteOptions): any {
  const chart = Testing.chart();
  IstioValidation.disableAnalysis(chart);
  new VirtualService(chart, 'Vs', { metadata: { namespace: 'shop' }, hosts: [db], tcp: [options] });
  return Testing.synth(chart)[0].spec.tcp[0];
}

describe('TcpRoute', () => {
  test('every match field and weighted destinations', () => {
    const chart = Testing.chart();
    const egress = Gateway.fromGatewayName(chart, 'Egress', 'istio-system/egress');
    const primary = Host.fromExternalName(chart, 'Primary', 'db-primary.shop.svc.cluster.local');
    const replica = Host.fromExternalName(chart, 'Replica', 'db-replica.shop.svc.cluster.local');
    new VirtualService(chart, 'Vs', {
      metadata: { namespace: 'shop' },
      hosts: [db],
      gateways: [egress],
      tcp: [{
        match: [{ destinationSubnets: ['10.0.0.0/16', '192.168.1.4'], port: 5432, sourceLabels: { app: 'billing' }, sourceNamespace: 'billing', gateways: [egress] }],
        route: [{ host: primary, port: 5432, weight: 80 }, { host: replica, port: 5432, weight: 20 }],
      }],
    });
    const [obj] = Testing.synth(chart);
    expect(obj.spec.tcp).toEqual([{
      match: [{ destinationSubnets: ['10.0.0.0/16', '192.168.1.4'], port: 5432, sourceLabels: { app: 'billing' }, sourceNamespace: 'billing', gateways: ['istio-system/egress'] }],
      route: [
        { destination: { host: 'db-primary.shop.svc.cluster.local', port: { number: 5432 } }, weight: 80 },
        { destination: { host: 'db-replica.shop.svc.cluster.local', port: { number: 5432 } }, weight: 20 },
      ],
    }]);
    expect(obj).toMatchSnapshot();
  });

  test('a subset destination without a match', () => {
    expect(tcp({ route: [{ subset: { subsetName: 'v1', host: db } }] })).toEqual({ route: [{ destination: { host: 'db.shop.svc.cluster.local', subset: 'v1' } }] });
  });

  describe('fails', () => {
    test('without destinations', () => {
      expect(() => tcp({ route: [] })).toThrow("VirtualService 'test/Vs': tcp[0] has no destination; a TCP route forwards to at least one (route: [{ host }])");
    });

    test('on a subnet that is not an IP or CIDR', () => {
      expect(() => tcp({ match: [{ destinationSubnets: ['10.0.0.0/33'] }], route: [{ host: db }] }))
        .toThrow(/VirtualService 'test\/Vs': tcp\[0\]\.match\[0\]\.destinationSubnets\[0\]: /);
    });

    test('on a port out of range', () => {
      expect(() => tcp({ match: [{ port: 0 }], route: [{ host: db }] }))
        .toThrow("VirtualService 'test/Vs': tcp[0].match[0].port: port number 0 must be in the range 1..65535");
    });

    test('on a weight out of range', () => {
      expect(() => tcp({ route: [{ host: db, weight: 120 }] }))
        .toThrow("VirtualService 'test/Vs': tcp[0].route[0]: weight must be an integer between 0 and 100, got 120");
    });
  });
});
