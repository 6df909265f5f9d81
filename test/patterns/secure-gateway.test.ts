import { Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-32';
import { Construct } from 'constructs';
import * as fc from 'fast-check';
import { Host, IstioValidation, ResilienceProfile, SecureGateway, ServerTlsMode, StringMatch, TlsProtocolVersion } from '../../src';

/** Services of two namespaces, as a user declares them with cdk8s-plus. */
function setup() {
  const chart = Testing.chart();
  const service = (id: string, name: string, namespace: string, port: number) =>
    Host.fromKubeService(new kplus.Service(chart, id, { metadata: { name, namespace }, ports: [{ port }] }));
  return {
    chart,
    web: service('Web', 'web', 'shop', 8080),
    api: service('Api', 'api', 'api', 8080),
    db: service('Db', 'db', 'data', 5432),
  };
}

/** Synthesizes the Istio objects, failing on any validation warning (errors already throw). */
function synth(chart: Construct): any[] {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    const objects = Testing.synth(chart as any);
    expect(warn).not.toHaveBeenCalled();
    expect(IstioValidation.validate(objects)).toEqual([]);
    return objects.filter(o => o.apiVersion === 'networking.istio.io/v1');
  } finally {
    warn.mockRestore();
  }
}

const find = (objects: any[], kind: string, name: string) => objects.find(o => o.kind === kind && o.metadata.name === name);
const RETRIES = { attempts: 2, perTryTimeout: '3s', retryOn: 'connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes' };

describe('SecureGateway', () => {
  test('defaults: one HTTPS server (SIMPLE, TLS 1.2) for the namespaced hosts, HTTP redirect, a VirtualService per host in its namespace', () => {
    const { chart, web, api } = setup();
    const gateway = new SecureGateway(chart, 'Public', { credentialName: 'example-com-cert', hosts: ['shop/shop.example.com', 'api/api.example.com'] });
    gateway.addRoute({ host: 'shop.example.com', service: web });
    const route = gateway.addRoute({ host: 'api.example.com', pathPrefix: '/v1', service: api });
    const objects = synth(chart);
    const gw = find(objects, 'Gateway', 'public');
    expect(gw.metadata).toEqual({ name: 'public', namespace: 'istio-system' });
    expect(gw.spec).toEqual({
      selector: { istio: 'ingressgateway' },
      servers: [
        {
          port: { number: 443, name: 'https-443', protocol: 'HTTPS' },
          hosts: ['shop/shop.example.com', 'api/api.example.com'],
          tls: { mode: 'SIMPLE', credentialName: 'example-com-cert', minProtocolVersion: 'TLSV1_2' },
        },
        { port: { number: 80, name: 'http-80', protocol: 'HTTP' }, hosts: ['shop/shop.example.com', 'api/api.example.com'], tls: { httpsRedirect: true } },
      ],
    });
    const shop = find(objects, 'VirtualService', 'shop-example-com');
    expect(shop.metadata.namespace).toBe('shop');
    expect(shop.spec).toEqual({
      hosts: ['shop.example.com'],
      gateways: ['istio-system/public'],
      http: [{ match: [{ uri: { prefix: '/' } }], route: [{ destination: { host: 'web.shop.svc.cluster.local' } }], timeout: '10s', retries: RETRIES }],
    });
    expect(find(objects, 'VirtualService', 'api-example-com').metadata.namespace).toBe('api');
    expect(gateway.virtualServices.map(vs => vs.name)).toEqual(['shop-example-com', 'api-example-com']);
    expect(gateway.virtualServiceFor('api.example.com')?.namespace).toBe('api');
    expect(gateway.virtualServiceFor('other.example.com')).toBeUndefined();
    expect(gateway.resilience.profileName).toBe('standard');
    expect(route.name).toBeUndefined();
    expect(objects).toMatchSnapshot();
  });

  test('every option: MUTUAL, TLS 1.3, ports, selector, name, namespace, profile, routes and passthrough in props', () => {
    const { chart, web, api, db } = setup();
    const gateway = new SecureGateway(chart, 'Internal', {
      credentialName: 'internal-mtls-cert',
      hosts: ['shop/*.example.com'],
      mode: ServerTlsMode.MUTUAL,
      minProtocolVersion: TlsProtocolVersion.TLSV1_3,
      httpsPort: 8443,
      httpPort: 8080,
      selector: { istio: 'ingressgateway-internal' },
      name: 'internal-gateway',
      namespace: 'gateways',
      resilience: ResilienceProfile.latencySensitive(),
      routes: [
        { host: 'shop.example.com', pathPrefix: '/api/v1', service: api, port: 8080, rewrite: { uri: '/v1' }, timeout: Duration.seconds(5) },
        { host: 'shop.example.com', pathPrefix: '/', service: web, resilience: ResilienceProfile.longRunning() },
      ],
      passthrough: [{ host: 'db.internal.io', service: db, port: 5432 }],
    });
    const objects = synth(chart);
    const gw = find(objects, 'Gateway', 'internal-gateway');
    expect(gw.metadata.namespace).toBe('gateways');
    expect(gw.spec.selector).toEqual({ istio: 'ingressgateway-internal' });
    expect(gw.spec.servers).toEqual([
      {
        port: { number: 8443, name: 'https-8443', protocol: 'HTTPS' },
        hosts: ['shop/*.example.com'],
        tls: { mode: 'MUTUAL', credentialName: 'internal-mtls-cert', minProtocolVersion: 'TLSV1_3' },
      },
      { port: { number: 8080, name: 'http-8080', protocol: 'HTTP' }, hosts: ['shop/*.example.com'], tls: { httpsRedirect: true } },
      { port: { number: 8443, name: 'tls-8443', protocol: 'TLS' }, hosts: ['data/db.internal.io'], tls: { mode: 'PASSTHROUGH' } },
    ]);
    const shop = find(objects, 'VirtualService', 'shop-example-com');
    expect(shop.metadata.namespace).toBe('shop');
    expect(shop.spec.gateways).toEqual(['gateways/internal-gateway']);
    expect(shop.spec.http).toEqual([
      {
        match: [{ uri: { prefix: '/api/v1' } }],
        route: [{ destination: { host: 'api.api.svc.cluster.local', port: { number: 8080 } } }],
        rewrite: { uri: '/v1' },
        timeout: '5s',
        retries: { attempts: 2, perTryTimeout: '500ms', retryOn: RETRIES.retryOn },
      },
      {
        match: [{ uri: { prefix: '/' } }],
        route: [{ destination: { host: 'web.shop.svc.cluster.local' } }],
        timeout: '60s',
        retries: { attempts: 1, perTryTimeout: '25s', retryOn: 'connect-failure,refused-stream' },
      },
    ]);
    const passthrough = find(objects, 'VirtualService', 'db-internal-io');
    expect(passthrough.metadata.namespace).toBe('data');
    expect(passthrough.spec).toEqual({
      hosts: ['db.internal.io'],
      gateways: ['gateways/internal-gateway'],
      tls: [{ match: [{ sniHosts: ['db.internal.io'] }], route: [{ destination: { host: 'db.data.svc.cluster.local', port: { number: 5432 } } }] }],
    });
    expect(gateway.virtualServiceFor('db.internal.io')?.name).toBe('db-internal-io');
    expect(objects).toMatchSnapshot();
  });

  test('httpsRedirect: false leaves the HTTP port closed', () => {
    const { chart, web } = setup();
    new SecureGateway(chart, 'Public', { credentialName: 'c', hosts: ['shop/shop.example.com'], httpsRedirect: false, routes: [{ host: 'shop.example.com', service: web }] });
    expect(find(synth(chart), 'Gateway', 'public').spec.servers.map((s: any) => s.port.protocol)).toEqual(['HTTPS']);
  });

  test('a passthrough host takes its namespace from the option when the service names none', () => {
    const { chart, web } = setup();
    const gateway = new SecureGateway(chart, 'Public', { credentialName: 'c', hosts: ['shop/shop.example.com'], routes: [{ host: 'shop.example.com', service: web }] });
    const legacy = Host.fromExternalName(chart, 'Legacy', 'legacy');
    gateway.addPassthrough({ host: 'legacy.example.com', service: legacy, namespace: 'shop' });
    const vs = find(synth(chart), 'VirtualService', 'legacy-example-com');
    expect(vs.metadata.namespace).toBe('shop');
  });

  test('a fault with a match gets its own route first, scoped to the prefix; one without goes on the route', () => {
    const { chart, web, api } = setup();
    const gateway = new SecureGateway(chart, 'Public', { credentialName: 'c', hosts: ['shop/shop.example.com'] });
    gateway.addRoute({
      host: 'shop.example.com',
      pathPrefix: '/api',
      service: api,
      faultInjection: { match: [{ headers: { 'x-chaos': StringMatch.exact('on') } }], abort: { httpStatus: 503 } },
    });
    gateway.addRoute({ host: 'shop.example.com', service: web, faultInjection: { delay: { fixedDelay: Duration.seconds(1), percentage: 5 } } });
    const http = find(synth(chart), 'VirtualService', 'shop-example-com').spec.http;
    expect(http).toHaveLength(3);
    expect(http[0].match).toEqual([{ headers: { 'x-chaos': { exact: 'on' } }, uri: { prefix: '/api' } }]);
    expect(http[0].fault).toEqual({ abort: { httpStatus: 503, percentage: { value: 100 } } });
    expect(http[1].fault).toBeUndefined();
    expect(http[2].fault).toEqual({ delay: { fixedDelay: '1s', percentage: { value: 5 } } });
    expect(http[2].retries).toEqual(RETRIES);
  });

  describe('errors', () => {
    const make = (props: any = {}) => {
      const { chart, web, db } = setup();
      const gateway = new SecureGateway(chart, 'Public', { credentialName: 'c', hosts: ['shop/shop.example.com'], ...props });
      return { gateway, web, db };
    };
    test.each([
      [{ mode: ServerTlsMode.PASSTHROUGH }, 'mode must be SIMPLE or MUTUAL, got "PASSTHROUGH"; pass TLS through with addPassthrough()'],
      [{ credentialName: '' }, 'credentialName must name the Secret with the certificate, got ""'],
      [{ hosts: [] }, "hosts must list the HTTPS hosts with their namespace, e.g. ['shop/shop.example.com']"],
      [{ hosts: ['shop.example.com'] }, 'hosts: "shop.example.com" must be \'namespace/dnsName\' with the namespace whose VirtualServices may bind to the host (e.g. \'shop/shop.example.com\'); \'*\' and \'.\' are refused so that no other namespace can take the host over'],
      [{ hosts: ['*/shop.example.com'] }, "hosts: \"*/shop.example.com\" must be 'namespace/dnsName'"],
      [{ hosts: ['./shop.example.com'] }, "hosts: \"./shop.example.com\" must be 'namespace/dnsName'"],
    ])('props %j', (props, message) => {
      expect(() => make(props)).toThrow(`SecureGateway 'test/Public': ${message}`);
    });

    test('a host the gateway does not serve', () => {
      const { gateway, web } = make();
      expect(() => gateway.addRoute({ host: 'api.example.com', service: web })).toThrow(
        "SecureGateway 'test/Public': host \"api.example.com\" is not one of the gateway's hosts (shop.example.com); add it to hosts as 'namespace/host'");
    });

    test('a path prefix without a leading slash', () => {
      const { gateway, web } = make();
      expect(() => gateway.addRoute({ host: 'shop.example.com', pathPrefix: 'api', service: web }))
        .toThrow("SecureGateway 'test/Public': pathPrefix must start with '/', got \"api\"");
    });

    test('a route shadowed by an earlier, less specific one', () => {
      const { gateway, web } = make();
      gateway.addRoute({ host: 'shop.example.com', pathPrefix: '/api', service: web });
      expect(() => gateway.addRoute({ host: 'shop.example.com', pathPrefix: '/api/v1', service: web })).toThrow(
        "SecureGateway 'test/Public': the route for shop.example.com/api/v1 comes after the one for prefix \"/api\", which takes all its requests "
        + '(routes are tried in order); add the more specific prefix "/api/v1" first');
    });

    test('a timeout the profile\'s retries do not fit in', () => {
      const { gateway, web } = make();
      expect(() => gateway.addRoute({ host: 'shop.example.com', service: web, timeout: Duration.seconds(5) }))
        .toThrow(/^ResilienceProfile.standard\(\).with\(\): 3 tries/);
    });

    test('a fault match with its own uri', () => {
      const { gateway, web } = make();
      expect(() => gateway.addRoute({
        host: 'shop.example.com', service: web, faultInjection: { match: [{ uri: StringMatch.prefix('/x') }], abort: { httpStatus: 500 } },
      })).toThrow("SecureGateway 'test/Public': faultInjection.match must not set uri: the route's pathPrefix \"/\" applies");
    });

    test('an unscoped fault without percentage', () => {
      const { gateway, web } = make();
      expect(() => gateway.addRoute({ host: 'shop.example.com', service: web, faultInjection: { abort: { httpStatus: 500 } } }))
        .toThrow(/^SecureGateway 'test\/Public': faultInjection: abort has no percentage/);
    });

    test('passthrough: no namespace, twice, or an HTTPS host', () => {
      const { gateway, db } = make();
      expect(() => gateway.addPassthrough({ host: 'x.example.com', service: Host.fromName('x') })).toThrow(
        "SecureGateway 'test/Public': passthrough host \"x.example.com\": the service \"x\" names no namespace; give namespace");
      gateway.addPassthrough({ host: 'db.example.com', service: db });
      expect(() => gateway.addPassthrough({ host: 'db.example.com', service: db }))
        .toThrow("SecureGateway 'test/Public': passthrough host \"db.example.com\" is added twice");
      expect(() => gateway.addPassthrough({ host: 'shop.example.com', service: db })).toThrow(
        "SecureGateway 'test/Public': passthrough host \"shop.example.com\" is also an HTTPS host of the gateway; a host is terminated here or passed through, not both");
    });
  });

  test('property: any hosts, prefixes (most specific first) and profiles synthesize validator-clean', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/);
    const segment = fc.stringMatching(/^[a-z0-9]{1,5}$/);
    const prefix = fc.array(segment, { maxLength: 3 }).map(parts => `/${parts.join('/')}`);
    const profile = fc.constantFrom(
      ResilienceProfile.standard(), ResilienceProfile.latencySensitive(), ResilienceProfile.longRunning(), ResilienceProfile.none());
    const hostSpec = fc.record({ name: label, inApi: fc.boolean(), prefixes: fc.uniqueArray(prefix, { minLength: 1, maxLength: 3 }) });
    fc.assert(fc.property(fc.uniqueArray(hostSpec, { minLength: 1, maxLength: 3, selector: h => h.name }), profile, fc.boolean(), fc.boolean(),
      (hosts, p, mutual, redirect) => {
        const { chart, web, api, db } = setup();
        const gateway = new SecureGateway(chart, 'Public', {
          credentialName: 'cert',
          hosts: hosts.map(h => `${h.inApi ? 'api' : 'shop'}/${h.name}.example.com`),
          mode: mutual ? ServerTlsMode.MUTUAL : ServerTlsMode.SIMPLE,
          httpsRedirect: redirect,
          resilience: p,
        });
        for (const h of hosts) {
          // Most specific first: longer prefixes before the prefixes they start with.
          for (const pathPrefix of [...h.prefixes].sort((a, b) => b.length - a.length)) gateway.addRoute({ host: `${h.name}.example.com`, pathPrefix, service: h.inApi ? api : web });
        }
        gateway.addPassthrough({ host: 'db.passthrough.io', service: db });
        synth(chart);
      }), { numRuns: 25 });
  });
});
