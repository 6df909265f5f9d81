import { readFileSync } from 'fs';
import { join } from 'path';
import { Duration, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { loadAll } from 'js-yaml';
import {
  DestinationRule, Gateway, Host, HttpMethod, HttpRoute, IstioValidation,
  RedirectScheme, RetryOn, StringMatch, TcpRoute, TlsRoute, VirtualService,
} from '../src';

const EXTERNAL = 'cdk8s-istio.dev/external-references';
const reviews = Host.fromName('reviews');

describe('VirtualService', () => {
  test('the common case: hosts and one destination, rendered as networking.istio.io/v1 with no weight', () => {
    const chart = Testing.chart();
    const host = Host.fromExternalName(chart, 'ReviewsHost', 'reviews'); // a Service the app does not declare
    new VirtualService(chart, 'Reviews', { hosts: [host], http: [{ route: [{ host }] }] });

    const [vs] = Testing.synth(chart);
    expect(vs.apiVersion).toBe('networking.istio.io/v1');
    expect(vs.kind).toBe('VirtualService');
    expect(vs.spec).toEqual({ hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews' } }] }] });
    expect(vs).toMatchSnapshot();
  });

  test('a canary over the subsets of a real DestinationRule: the rule is applied first, analysis passes', () => {
    const chart = Testing.chart();
    const host = Host.fromService('reviews', 'shop');
    const vs = new VirtualService(chart, 'Reviews', { hosts: [host], metadata: { namespace: 'shop' } });
    const rule = new DestinationRule(chart, 'ReviewsRule', { host, metadata: { namespace: 'shop' } });
    const v1 = rule.addSubset('v1', { labels: { version: 'v1' } });
    const v2 = rule.addSubset('v2', { labels: { version: 'v2' } });

    vs.addHttpRoute({ route: [{ subset: v1, weight: 90 }, { subset: v2, weight: 10 }] });

    const manifest = Testing.synth(chart);
    expect(manifest.map(o => o.kind)).toEqual(['DestinationRule', 'VirtualService']);
    expect(manifest[1].spec.http).toEqual([{
      route: [
        { destination: { host: 'reviews.shop.svc.cluster.local', subset: 'v1' }, weight: 90 },
        { destination: { host: 'reviews.shop.svc.cluster.local', subset: 'v2' }, weight: 10 },
      ],
    }]);
    expect(IstioValidation.validate(manifest).filter(d => d.severity === 'error')).toEqual([]);
    expect(manifest).toMatchSnapshot();
  });

  test('gateways: the mesh, an imported gateway in another namespace, one in the same namespace', () => {
    const chart = Testing.chart();
    const vs = new VirtualService(chart, 'Shop', {
      metadata: { namespace: 'shop' },
      hosts: [Host.fromName('shop.example.com')],
      gateways: [Gateway.MESH, Gateway.fromGatewayName(chart, 'Public', 'istio-system/public'), Gateway.fromGatewayName(chart, 'Own', 'shop/own')],
      http: [{ route: [{ host: Host.fromExternalName(chart, 'Web', 'web.shop.svc.cluster.local') }] }],
    });

    const [obj] = Testing.synth(chart); // no IST0101 for the imports: analysis stays on
    expect(obj.spec.gateways).toEqual(['mesh', 'istio-system/public', 'own']);
    expect(obj.metadata.annotations[EXTERNAL]).toBe('Gateway istio-system/public, Gateway shop/own, Host web.shop.svc.cluster.local');
    expect(vs.virtualServiceNamespace).toBe('shop');
  });

  test('a gateway that is neither in the app nor imported is still reported (IST0101)', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    const chart = Testing.chart();
    new VirtualService(chart, 'Shop', {
      hosts: [Host.fromName('shop.example.com')],
      gateways: [{ gatewayName: 'public', gatewayNamespace: 'istio-system' }],
      http: [{ route: [{ host: Host.fromName('web') }] }],
    });
    expect(() => Testing.synth(chart)).toThrow(/IST0101.*istio-system\/public/s);
    warn.mockRestore();
  });

  test('exportTo is rendered; an entry Istio rejects fails at once', () => {
    const chart = Testing.chart();
    IstioValidation.disableAnalysis(chart);
    new VirtualService(chart, 'Vs', { hosts: [reviews], exportTo: ['.'], http: [{ route: [{ host: reviews }] }] });
    expect(Testing.synth(chart)[0].spec.exportTo).toEqual(['.']);
    expect(() => new VirtualService(chart, 'Bad', { hosts: [reviews], exportTo: ['~'] }))
      .toThrow("VirtualService 'test/Bad': exportTo[0]: exportTo ~ (none) is not allowed for Istio configuration objects, got [\"~\"]");
  });

  test('routes added after construction count, in order; each add method returns its route', () => {
    const chart = Testing.chart();
    IstioValidation.disableAnalysis(chart);
    const vs = new VirtualService(chart, 'Vs', { hosts: [Host.fromName('db.example.com')], http: [{ name: 'first', route: [{ host: reviews }] }] });
    const second = vs.addHttpRoute({ name: 'second', route: [{ host: reviews }] });
    const tcp = vs.addTcpRoute({ route: [{ host: Host.fromName('db'), port: 5432 }] });
    const tls = vs.addTlsRoute({ match: [{ sniHosts: ['db.example.com'] }], route: [{ host: Host.fromName('db') }] });

    expect(second).toBeInstanceOf(HttpRoute);
    expect(second.name).toBe('second');
    expect(tcp).toBeInstanceOf(TcpRoute);
    expect(tls).toBeInstanceOf(TlsRoute);
    const spec = Testing.synth(chart)[0].spec;
    expect(spec.http.map((r: any) => r.name)).toEqual(['first', 'second']);
    expect(spec.tcp).toEqual([{ route: [{ destination: { host: 'db', port: { number: 5432 } } }] }]);
    expect(spec.tls).toEqual([{ match: [{ sniHosts: ['db.example.com'] }], route: [{ destination: { host: 'db' } }] }]);
  });

  describe('delegation', () => {
    test('to a delegate of the app: rendered with its name and namespace, applied first', () => {
      const chart = Testing.chart();
      const root = new VirtualService(chart, 'Root', { hosts: [Host.fromName('api.example.com')] });
      const delegate = new VirtualService(chart, 'Reviews', {
        metadata: { name: 'reviews', namespace: 'reviews-ns' },
        http: [{ route: [{ host: Host.fromExternalName(chart, 'ReviewsHost', 'reviews.reviews-ns.svc.cluster.local') }] }],
      });
      root.addHttpRoute({ match: [{ uri: StringMatch.prefix('/reviews') }], delegate });

      const manifest = Testing.synth(chart);
      expect(manifest.map(o => o.metadata.name)).toEqual(['reviews', root.name]);
      expect(manifest[1].spec.http[0].delegate).toEqual({ name: 'reviews', namespace: 'reviews-ns' });
    });

    test('to an imported VirtualService: declared to the analysis', () => {
      const chart = Testing.chart();
      const ratings = VirtualService.fromVirtualServiceName(chart, 'Ratings', 'ratings-ns/ratings-vs');
      const local = VirtualService.fromVirtualServiceName(chart, 'Local', 'local-vs');
      new VirtualService(chart, 'Root', {
        hosts: [Host.fromName('api.example.com')],
        http: [
          { match: [{ uri: StringMatch.prefix('/ratings') }], delegate: ratings },
          { delegate: local },
        ],
      });

      const [obj] = Testing.synth(chart);
      expect(obj.spec.http.map((r: any) => r.delegate)).toEqual([{ name: 'ratings-vs', namespace: 'ratings-ns' }, { name: 'local-vs' }]);
      expect(obj.metadata.annotations[EXTERNAL]).toBe('VirtualService local-vs, VirtualService ratings-ns/ratings-vs');
    });

    test.each(['', 'a/b/c', 'Ratings', 'ns/', 'n_s/vs'])('an import named %j fails', name => {
      expect(() => VirtualService.fromVirtualServiceName(Testing.chart(), 'X', name))
        .toThrow(`VirtualService.fromVirtualServiceName(): expected 'name' or 'namespace/name' (DNS-1123 names), got ${JSON.stringify(name)}`);
    });
  });

  describe('fails at once', () => {
    test('on a host listed twice', () => {
      expect(() => new VirtualService(Testing.chart(), 'Vs', { hosts: [reviews, Host.fromName('reviews')] }))
        .toThrow("VirtualService 'test/Vs': hosts lists \"reviews\" twice; give each host once");
    });

    test('on gateways without hosts (a delegate takes its root\'s gateways)', () => {
      expect(() => new VirtualService(Testing.chart(), 'Vs', { gateways: [Gateway.MESH] }))
        .toThrow(/VirtualService 'test\/Vs': has gateways but no hosts: a VirtualService without hosts is a delegate/);
    });

    test.each([
      ['tcp', (vs: VirtualService) => vs.addTcpRoute({ route: [{ host: reviews }] })],
      ['tls', (vs: VirtualService) => vs.addTlsRoute({ match: [{ sniHosts: ['a.com'] }], route: [{ host: reviews }] })],
    ])('on a %s route in a delegate', (section, add) => {
      const vs = new VirtualService(Testing.chart(), 'Vs');
      expect(() => add(vs)).toThrow(`VirtualService 'test/Vs': a VirtualService without hosts is a delegate, which holds HTTP routes only; give the hosts to add a ${section} route`);
    });

    test('on a route the webhook rejects: a delegate route that delegates again', () => {
      const chart = Testing.chart();
      const vs = new VirtualService(chart, 'Vs');
      expect(() => vs.addHttpRoute({ delegate: VirtualService.fromVirtualServiceName(chart, 'Other', 'other') }))
        .toThrow("VirtualService 'test/Vs': http[0].delegate: delegate HTTP route cannot contain delegate (Istio's webhook rejects this)");
    });

    test('on a match the webhook rejects: an invalid header name', () => {
      const vs = new VirtualService(Testing.chart(), 'Vs', { hosts: [reviews] });
      expect(() => vs.addHttpRoute({ match: [{ headers: { 'bad header': StringMatch.exact('x') } }], route: [{ host: reviews }] }))
        .toThrow("VirtualService 'test/Vs': http[0].match[0].headers[bad header]: header name bad header is not a valid header name (Istio's webhook rejects this)");
    });

    test('on a TLS SNI name no host covers', () => {
      const vs = new VirtualService(Testing.chart(), 'Vs', { hosts: [Host.fromName('a.example.com')] });
      expect(() => vs.addTlsRoute({ match: [{ sniHosts: ['b.example.com'] }], route: [{ host: reviews }] }))
        .toThrow(/tls\[0\]\.match\[0\]\.sniHosts\[0\]: SNI host "b.example.com" is not a compatible subset of any of the virtual service hosts/);
    });
  });
});

/** The seed's VirtualServices built with the L2 API; subsets, gateways and delegates it does not define are imported. */
const SEED: { [name: string]: (scope: Construct) => void } = {
  'reviews-route': scope => {
    const host = Host.fromName('reviews.default.svc.cluster.local');
    const subset = (name: string) => DestinationRule.fromSubsetName(scope, `Subset-${name}`, host, name);
    new VirtualService(scope, 'Vs', {
      metadata: { name: 'reviews-route', namespace: 'default' },
      hosts: [host],
      gateways: [Gateway.MESH, Gateway.fromGatewayName(scope, 'Ingress', 'ingress-gateway')],
      http: [
        {
          name: 'reviews-v2-route',
          match: [{
            headers: { 'user-agent': StringMatch.regex('.*Mobile.*') },
            uri: StringMatch.prefix('/api/reviews'),
            queryParams: { version: StringMatch.exact('beta') },
            method: StringMatch.exact('GET'),
            sourceLabels: { app: 'productpage', version: 'v1' },
          }],
          route: [{
            subset: subset('v2'),
            port: 9080,
            weight: 100,
            headers: {
              request: { add: { 'x-custom-header': 'mobile-user' }, set: { 'x-envoy-upstream-rq-timeout-ms': '1000' }, remove: ['x-legacy-header'] },
              response: { add: { 'x-response-source': 'reviews-v2' } },
            },
          }],
          rewrite: { uri: '/reviews', authority: 'reviews-internal.svc.cluster.local' },
          timeout: Duration.seconds(10),
          retries: {
            attempts: 3,
            perTryTimeout: Duration.seconds(2),
            retryOn: [RetryOn.FIVE_XX, RetryOn.RESET, RetryOn.CONNECT_FAILURE, RetryOn.REFUSED_STREAM],
            retryRemoteLocalities: false,
          },
          fault: {
            delay: { percentage: 10, fixedDelay: Duration.seconds(5) },
            abort: { percentage: 5, httpStatus: 503 },
          },
          corsPolicy: {
            allowOrigins: [StringMatch.exact('https://example.com'), StringMatch.prefix('https://*.example.com')],
            allowMethods: [HttpMethod.GET, HttpMethod.POST, HttpMethod.OPTIONS],
            allowHeaders: ['content-type', 'authorization'],
            maxAge: Duration.hours(24),
            allowCredentials: true,
          },
        },
        {
          name: 'reviews-default-route',
          route: [{ subset: subset('v1'), weight: 80 }, { subset: subset('v3'), weight: 20 }],
        },
      ],
    });
  },
  'redirect-example': scope => new VirtualService(scope, 'Vs', {
    metadata: { name: 'redirect-example' },
    hosts: [Host.fromName('oldservice.example.com')],
    http: [{
      match: [{ uri: StringMatch.prefix('/old-api') }],
      redirect: { uri: '/new-api', authority: 'newservice.example.com', scheme: RedirectScheme.HTTPS, redirectCode: 301 },
    }],
  }),
  'root-vs': scope => new VirtualService(scope, 'Vs', {
    metadata: { name: 'root-vs' },
    hosts: [Host.fromName('api.example.com')],
    gateways: [Gateway.fromGatewayName(scope, 'Api', 'api-gateway')],
    http: [
      { match: [{ uri: StringMatch.prefix('/reviews') }], delegate: VirtualService.fromVirtualServiceName(scope, 'Reviews', 'reviews-ns/reviews-vs') },
      { match: [{ uri: StringMatch.prefix('/ratings') }], delegate: VirtualService.fromVirtualServiceName(scope, 'Ratings', 'ratings-ns/ratings-vs') },
    ],
  }),
  'reviews-vs': scope => {
    const host = Host.fromService('reviews', 'reviews-ns');
    new VirtualService(scope, 'Vs', {
      metadata: { name: 'reviews-vs', namespace: 'reviews-ns' },
      hosts: [Host.fromName('api.example.com')],
      http: [
        { match: [{ uri: StringMatch.prefix('/reviews/v2') }], route: [{ subset: DestinationRule.fromSubsetName(scope, 'V2', host, 'v2') }] },
        { route: [{ subset: DestinationRule.fromSubsetName(scope, 'V1', host, 'v1') }] },
      ],
    });
  },
  'api-vs': scope => new VirtualService(scope, 'Vs', {
    metadata: { name: 'api-vs' },
    hosts: [Host.fromName('api.example.com')],
    gateways: [Gateway.fromGatewayName(scope, 'Ingress', 'istio-system/ingress-gateway'), Gateway.MESH],
    http: [{ match: [{ uri: StringMatch.prefix('/v1') }], route: [{ host: Host.fromExternalName(scope, 'ApiV1', 'api-v1.default.svc.cluster.local'), port: 8080 }] }],
  }),
  'version-routing': scope => headerRouting(scope, 'version-routing', 'api', 'x-api-version', [['v2', 'v2']], 'v1'),
  'header-routing': scope => headerRouting(scope, 'header-routing', 'webapp', 'x-user-role', [['beta-tester', 'canary'], ['internal', 'staging']], 'stable'),
  'canary-deployment': scope => {
    const host = Host.fromService('reviews', 'default');
    new VirtualService(scope, 'Vs', {
      metadata: { name: 'canary-deployment' },
      hosts: [host],
      http: [{ route: [{ subset: DestinationRule.fromSubsetName(scope, 'V1', host, 'v1'), weight: 90 }, { subset: DestinationRule.fromSubsetName(scope, 'V2', host, 'v2'), weight: 10 }] }],
    });
  },
  'blue-green': scope => {
    const host = Host.fromService('payment', 'default');
    new VirtualService(scope, 'Vs', {
      metadata: { name: 'blue-green' },
      hosts: [host],
      http: [{ route: [{ subset: DestinationRule.fromSubsetName(scope, 'Green', host, 'green'), weight: 100 }] }],
    });
  },
  'ab-testing': scope => {
    const host = Host.fromService('frontend', 'default');
    const subset = (name: string) => DestinationRule.fromSubsetName(scope, name, host, name);
    const cookie = (variant: string) => StringMatch.regex(`^(.*?;)?(experiment=${variant})(;.*)?$`);
    new VirtualService(scope, 'Vs', {
      metadata: { name: 'ab-testing' },
      hosts: [host],
      http: [
        { match: [{ headers: { cookie: cookie('variant-a') } }], route: [{ subset: subset('variant-a') }] },
        { match: [{ headers: { cookie: cookie('variant-b') } }], route: [{ subset: subset('variant-b') }] },
        { route: [{ subset: subset('control') }] },
      ],
    });
  },
  'canary-with-mirror': scope => {
    const host = Host.fromService('analytics', 'default');
    const stable = DestinationRule.fromSubsetName(scope, 'Stable', host, 'stable');
    const canary = DestinationRule.fromSubsetName(scope, 'Canary', host, 'canary');
    new VirtualService(scope, 'Vs', {
      metadata: { name: 'canary-with-mirror' },
      hosts: [host],
      http: [{ route: [{ subset: stable, weight: 95 }, { subset: canary, weight: 5 }], mirror: { subset: canary, percentage: 100 } }],
    });
  },
  'multi-dimensional-routing': scope => {
    const host = Host.fromService('recommendation', 'default');
    const subset = (name: string) => DestinationRule.fromSubsetName(scope, name, host, name);
    const premium = { 'x-user-tier': StringMatch.exact('premium') };
    new VirtualService(scope, 'Vs', {
      metadata: { name: 'multi-dimensional-routing' },
      hosts: [host],
      http: [
        { match: [{ headers: premium, sourceLabels: { app: 'mobile-app', version: 'v2' } }], route: [{ subset: subset('ml-enhanced') }] },
        { match: [{ headers: premium }], route: [{ subset: subset('advanced') }] },
        { match: [{ sourceLabels: { app: 'mobile-app' } }], route: [{ subset: subset('mobile-optimized') }] },
        { route: [{ subset: subset('standard') }] },
      ],
    });
  },
};

/** Routes on one header's exact values to subsets, then a default subset. */
function headerRouting(scope: Construct, name: string, service: string, header: string, cases: string[][], fallback: string): void {
  const host = Host.fromService(service, 'default');
  const subset = (s: string) => DestinationRule.fromSubsetName(scope, `Subset-${s}`, host, s);
  new VirtualService(scope, 'Vs', {
    metadata: { name },
    hosts: [host],
    http: [
      ...cases.map(([value, target]) => ({ match: [{ headers: { [header]: StringMatch.exact(value) } }], route: [{ subset: subset(target) }] })),
      { route: [{ subset: subset(fallback) }] },
    ],
  });
}

describe('the seed VirtualServices', () => {
  const seed = (loadAll(readFileSync(join(__dirname, 'fixtures', 'seed', 'objects.yaml'), 'utf-8')) as any[])
    .filter(obj => obj?.kind === 'VirtualService');

  test('are twelve, each built here', () => {
    expect(seed.map(obj => obj.metadata.name).sort()).toEqual(Object.keys(SEED).sort());
  });

  test.each(seed.map(obj => [obj.metadata.name, obj]))('%s: same spec and name, synthesized with analysis on', (name, obj) => {
    const chart = Testing.chart();
    SEED[name](chart);
    const [vs] = Testing.synth(chart);
    expect(vs.spec).toEqual(obj.spec);
    expect(vs.metadata.name).toBe(obj.metadata.name);
    expect(vs.metadata.namespace).toBe(obj.metadata.namespace);
  });
});
