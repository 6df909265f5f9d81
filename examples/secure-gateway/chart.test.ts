import { Testing } from 'cdk8s';
import { buildApp } from './chart';
import { RouteSimulator } from '../../src';
import { synthValidateAndRead } from '../../test/support/synth-and-validate';

describe('examples/secure-gateway', () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  afterAll(() => warn.mockRestore());
  const app = buildApp(Testing.app());
  const objects = app.charts.flatMap(chart => Testing.synth(chart));
  const istio = objects.filter(o => o.apiVersion === 'networking.istio.io/v1');
  const find = (kind: string, name: string) => istio.find(o => o.kind === kind && o.metadata.name === name);

  test('synth prints no validation warning', () => {
    expect(warn).not.toHaveBeenCalled();
  });

  test('matches its snapshot', () => {
    expect(objects).toMatchSnapshot();
  });

  test('one HTTPS server for both namespaced hosts, the redirect, the passthrough server', () => {
    expect(find('Gateway', 'ingress-gateway').spec.servers.map((s: any) => [s.port.name, s.hosts, s.tls])).toEqual([
      ['https-443', ['shop/example.com', 'api/api.example.com'], { mode: 'SIMPLE', credentialName: 'example-com-cert', minProtocolVersion: 'TLSV1_2' }],
      ['http-80', ['shop/example.com', 'api/api.example.com'], { httpsRedirect: true }],
      ['tls-443', ['legacy/passthrough.example.com'], { mode: 'PASSTHROUGH' }],
    ]);
    expect(find('Gateway', 'internal-gateway').spec.servers[0].tls.mode).toBe('MUTUAL');
  });

  test('each VirtualService lives in the namespace its host is delegated to, bound to istio-system/<gateway>', () => {
    expect(istio.filter(o => o.kind === 'VirtualService').map(o => [o.metadata.namespace, o.metadata.name, o.spec.gateways])).toEqual([
      ['shop', 'example-com', ['istio-system/ingress-gateway']],
      ['api', 'api-example-com', ['istio-system/ingress-gateway']],
      ['legacy', 'passthrough-example-com', ['istio-system/ingress-gateway']],
      ['api', 'internal-example-com', ['istio-system/internal-gateway']],
    ]);
    expect(find('VirtualService', 'api-example-com').spec.http[0].timeout).toBe('15s');
  });

  test('app.synth() writes YAML the CLI validates with no errors and no warnings', () => {
    const { verdict, documents } = synthValidateAndRead(buildApp);
    expect(documents).toEqual(objects);
    expect({ status: verdict.status, out: verdict.out }).toEqual({ status: 0, out: expect.stringContaining('0 errors, 0 warnings') });
  });

  describe('routing', () => {
    const routes = RouteSimulator.fromApp(app);
    const https = (host: string, path = '/') => ({ gateway: 'istio-system/ingress-gateway', scheme: 'https', host, path });

    test('https://example.com reaches shop/web, with the standard timeout and retries', () => {
      routes.expect(https('example.com', '/cart')).toVirtualService('shop/example-com').toDestination('web.shop.svc.cluster.local', undefined, 100);
      expect(routes.route(https('example.com', '/cart'))).toMatchObject({ timeout: '10s', retries: { attempts: 2, perTryTimeout: '3s' } });
    });

    test('https://api.example.com/v1/... reaches api/api-v1, with the 15s timeout', () => {
      routes.expect(https('api.example.com', '/v1/orders')).toVirtualService('api/api-example-com').toDestination('api-v1.api.svc.cluster.local');
      expect(routes.route(https('api.example.com', '/v1/orders')).timeout).toBe('15s');
    });

    test('api.example.com outside the /v1 prefix gets a 404', () => {
      routes.expect(https('api.example.com', '/v2/orders')).toNoRoute();
    });

    test('plain HTTP is redirected to HTTPS', () => {
      routes.expect({ ...https('example.com', '/cart'), scheme: 'http' }).toRedirect();
      expect(routes.route({ ...https('api.example.com', '/v1/orders'), scheme: 'http' }).redirect).toEqual({ scheme: 'https', redirectCode: 301 });
    });

    test('passthrough.example.com is routed by SNI, still encrypted, to legacy/legacy (a TLS route: no timeout, no retries)', () => {
      const result = routes.route({ gateway: 'istio-system/ingress-gateway', host: 'passthrough.example.com', port: 443 });
      expect([result.protocol, result.virtualService, result.destinations, result.timeout, result.retries]).toEqual(['TLS', 'legacy/passthrough-example-com',
        [{ host: 'legacy.legacy.svc.cluster.local', port: 443, weight: 100 }], undefined, undefined]);
    });

    test('internal.example.com is served by the internal gateway only', () => {
      routes.expect({ ...https('internal.example.com'), gateway: 'istio-system/internal-gateway' }).toDestination('api-v1.api.svc.cluster.local');
      routes.expect(https('internal.example.com')).toNoRoute();
    });

    test('a VirtualService of another namespace cannot take example.com (the host is delegated to shop)', () => {
      const steal = {
        apiVersion: 'networking.istio.io/v1',
        kind: 'VirtualService',
        metadata: { name: 'steal', namespace: 'rogue' },
        spec: { hosts: ['example.com'], gateways: ['istio-system/ingress-gateway'], http: [{ route: [{ destination: { host: 'evil.rogue.svc.cluster.local' } }] }] },
      };
      RouteSimulator.fromObjects([...objects, steal]).expect(https('example.com')).toVirtualService('shop/example-com');
    });
  });
});
