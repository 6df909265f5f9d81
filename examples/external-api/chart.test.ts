import { Testing } from 'cdk8s';
import { ExternalApiChart } from './chart';
import { RouteSimulator } from '../../src';
import { synthAndValidate } from '../../test/support/synth-and-validate';

describe('examples/external-api: an external HTTPS API with TLS origination, directly and through the egress gateway', () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  afterAll(() => warn.mockRestore());
  const chart = new ExternalApiChart(Testing.app(), 'external-api');
  const manifest = Testing.synth(chart);
  const find = (kind: string, namespace?: string) =>
    manifest.filter(o => o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace));

  test('synth prints no warning', () => {
    expect(warn.mock.calls).toEqual([]);
  });

  test('payments: sidecar TLS origination, verified against the public CAs', () => {
    const [se] = find('ServiceEntry').filter(o => o.spec.hosts[0] === 'api.payments.example.com');
    expect(se.spec.ports).toEqual([{ number: 80, name: 'http-80', protocol: 'HTTP', targetPort: 443 }, { number: 443, name: 'https-443', protocol: 'HTTPS' }]);
    expect(se.spec.exportTo).toEqual(['.']);
    const rule = find('DestinationRule', 'shop').find(o => o.spec.host === 'api.payments.example.com');
    expect(rule.spec.trafficPolicy.portLevelSettings).toEqual([{
      port: { number: 80 },
      tls: { mode: 'SIMPLE', caCertificates: '/etc/ssl/certs/ca-certificates.crt', subjectAltNames: ['api.payments.example.com'], sni: 'api.payments.example.com' },
    }]);
  });

  test('partner: the Gateway, VirtualService and DestinationRules Istio documents for an egress gateway', () => {
    expect(find('Gateway').map(o => o.spec.servers[0].tls)).toEqual([{ mode: 'ISTIO_MUTUAL' }]);
    const [origination] = find('DestinationRule', 'istio-system');
    expect(origination.spec).toMatchObject({ host: 'api.partner.example.com', workloadSelector: { matchLabels: { istio: 'egressgateway' } } });
    const vs = find('VirtualService').find(o => o.spec.hosts[0] === 'api.partner.example.com');
    expect(vs.spec.gateways).toEqual(['api-partner-example-com', 'mesh']);
    expect(vs.spec.http.map((r: any) => r.route[0].destination.host)).toEqual(['istio-egressgateway.istio-system.svc.cluster.local', 'api.partner.example.com']);
  });

  test('eight objects', () => {
    expect(manifest.map(o => o.kind).sort()).toEqual(['DestinationRule', 'DestinationRule', 'DestinationRule', 'Gateway', 'ServiceEntry', 'ServiceEntry', 'VirtualService', 'VirtualService']);
  });

  test('matches its snapshot', () => {
    expect(manifest).toMatchSnapshot();
  });

  test('app.synth() writes YAML that `cdk8s-istio validate` accepts with no error and no warning', () => {
    const verdict = synthAndValidate(app => new ExternalApiChart(app, 'external-api'));
    expect(verdict).toEqual({ objects: 8, status: 0, out: expect.stringContaining('0 errors, 0 warnings') });
  });

  describe('routing', () => {
    const routes = RouteSimulator.fromApp(chart);
    const payments = { host: 'api.payments.example.com', sourceNamespace: 'shop' };
    const partner = { host: 'api.partner.example.com', sourceNamespace: 'shop' };

    test('payments: plain HTTP from the sidecars of shop goes to the API on port 80 (the DestinationRule opens TLS), with the standard timeout and retries', () => {
      routes.expect(payments).toVirtualService('shop/api-payments-example-com').toDestination('api.payments.example.com', undefined, 100);
      expect(routes.route(payments)).toMatchObject({ destinations: [{ port: 80 }], timeout: '10s', retries: { attempts: 2, meshDefault: false } });
    });

    test('partner: the sidecars of shop send it to the egress gateway', () => {
      routes.expect(partner).toSubset('istio-egressgateway.istio-system.svc.cluster.local', 'api-partner-example-com');
    });

    test('partner: the egress gateway sends it to the API on port 443', () => {
      routes.expect({ host: 'api.partner.example.com', gateway: 'shop/api-partner-example-com' })
        .toVirtualService('shop/api-partner-example-com').toDestination('api.partner.example.com');
      expect(routes.route({ host: 'api.partner.example.com', gateway: 'shop/api-partner-example-com' }).destinations[0].port).toBe(443);
    });

    test('the routes are not exported beyond shop (and istio-system): a client in default gets none of them', () => {
      routes.expect({ ...payments, sourceNamespace: 'default' }).toNoRoute();
      routes.expect({ ...partner, sourceNamespace: 'default' }).toNoRoute();
    });
  });
});
