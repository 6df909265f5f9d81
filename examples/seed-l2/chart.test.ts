import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { Testing } from 'cdk8s';
import { loadAll } from 'js-yaml';
import { addSeedCharts } from './charts';
import { RouteSimulator } from '../../src';
import { main } from '../../src/cli/main';
import { seedObjects } from '../../test/support/pinned';
import { TempDir } from '../../test/support/temp-dir';

/** `Kind namespace/name`, how a reader finds an object in the seed spec. */
function describeObject(obj: any): string {
  return `${obj.kind} ${obj.metadata.namespace ?? '-'}/${obj.metadata.name}`;
}

// The example's differences from the seed, one function per object it changes (see README.md, "Fixes").
// Each takes a copy of the seed object and returns it as the example writes it.

/** Istio: "only one of WorkloadSelector or Endpoints can be set"; the endpoints stay. */
function legacyVmServiceWithoutSelector(obj: any) {
  delete obj.spec.workloadSelector;
}
/** Istio refuses resolution DNS for a wildcard host without endpoints; NONE forwards to the address the client resolved. */
function externalApiResolvedByClient(obj: any) {
  obj.spec.resolution = 'NONE';
}
/** Istio: consecutiveLocalOriginFailures needs splitExternalLocalOriginErrors. */
function reviewsDestinationSplitsLocalOrigin(obj: any) {
  obj.spec.trafficPolicy.outlierDetection.splitExternalLocalOriginErrors = true;
}
/** Istio: "can not simultaneously specify 'distribute' and 'failover'"; distribute stays. */
function localityLbDistributeOnly(obj: any) {
  delete obj.spec.trafficPolicy.loadBalancer.localityLbSetting.failover;
}
/** Istio: egressProxy only with ALLOW_ANY; REGISTRY_ONLY stays. */
function strictEgressWithoutProxy(obj: any) {
  delete obj.spec.outboundTrafficPolicy.egressProxy;
}
/** Istio: "sidecar: credentialName is not currently supported"; certificate files instead (and TLS 1.2 minimum, the L2 default). */
function ingressConfigWithCertificateFiles(obj: any) {
  obj.spec.ingress[1].tls = {
    mode: 'SIMPLE',
    serverCertificate: '/etc/istio/api-server-cert/tls.crt',
    privateKey: '/etc/istio/api-server-cert/tls.key',
    minProtocolVersion: 'TLSV1_2',
  };
}
/** Istio deprecates consistentHash.minimumRingSize; ringHash.minimumRingSize replaces it. */
function ringHashNotDeprecated(obj: any) {
  const hash = obj.spec.trafficPolicy.loadBalancer.consistentHash;
  hash.ringHash = { minimumRingSize: hash.minimumRingSize };
  delete hash.minimumRingSize;
}
/** The seed's ingress-gateway is in istio-system; mesh routing for its own namespace only (canary-deployment has another). */
function reviewsRouteToIngressGatewayForItsNamespace(obj: any) {
  obj.spec.gateways = ['mesh', 'istio-system/ingress-gateway'];
  obj.spec.exportTo = ['.'];
}
/** A delegate has no hosts. */
function reviewsVsAsDelegate(obj: any) {
  delete obj.spec.hosts;
}
/** The canary of reviews gets a namespace of its own (the seed gives it none), so it does not clash with reviews-route. */
function canaryInItsOwnNamespace(obj: any) {
  obj.metadata.namespace = 'reviews-canary';
  if (obj.kind === 'VirtualService') obj.spec.exportTo = ['.'];
}
/** The L2 default the seed leaves out: HTTPS servers accept TLS 1.2 and above. */
function tls12Minimum(obj: any) {
  obj.spec.servers[0].tls.minProtocolVersion = 'TLSV1_2';
}

const FIXES: Record<string, (obj: any) => void> = {
  'ServiceEntry -/legacy-vm-service': legacyVmServiceWithoutSelector,
  'ServiceEntry -/external-api': externalApiResolvedByClient,
  'DestinationRule default/reviews-destination': reviewsDestinationSplitsLocalOrigin,
  'DestinationRule -/locality-lb': localityLbDistributeOnly,
  'Sidecar secure-namespace/strict-egress': strictEgressWithoutProxy,
  'Sidecar default/ingress-config': ingressConfigWithCertificateFiles,
  'DestinationRule -/ring-hash-config': ringHashNotDeprecated,
  'VirtualService default/reviews-route': reviewsRouteToIngressGatewayForItsNamespace,
  'VirtualService reviews-ns/reviews-vs': reviewsVsAsDelegate,
  'VirtualService -/canary-deployment': canaryInItsOwnNamespace,
  'DestinationRule -/reviews-destination': canaryInItsOwnNamespace,
  'Gateway istio-system/external-gateway': tls12Minimum,
  'Gateway istio-system/internal-gateway': tls12Minimum,
};

/** The seed object as the example writes it: v1, with its fix applied. */
function expected(seedObject: any): any {
  const obj = structuredClone(seedObject);
  FIXES[describeObject(seedObject)]?.(obj);
  return { ...obj, apiVersion: 'networking.istio.io/v1' };
}

/** Istio's two warnings the example keeps (see README.md, "Warnings"). */
const KEPT_WARNINGS = [
  '[service-entry/external-database/Resource] warning: IST0134 ServiceEntry default/external-database: spec.ports[0].protocol: '
  + 'ServiceEntry addresses are required for this protocol.',
  '[service-entry/shared-database/Resource] warning: IST0134 ServiceEntry infrastructure/shared-database: spec.ports[0].protocol: '
  + 'ServiceEntry addresses are required for this protocol.',
];

describe('examples/seed-l2: every object of the seed spec, built with L2 constructs', () => {
  const seed = seedObjects();
  const charts = addSeedCharts(Testing.app());
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  afterAll(() => warn.mockRestore());
  const synthesized = charts.flatMap(chart => Testing.synth(chart));
  const warnings = warn.mock.calls.map(call => String(call[0]));
  const find = (obj: any) => synthesized.filter(s => describeObject(s) === describeObject(obj));

  test('every fix names a seed object', () => {
    expect(Object.keys(FIXES).filter(key => !seed.some(obj => describeObject(obj) === key))).toEqual([]);
  });

  test.each(seed.map(obj => [describeObject(obj), obj]))('%s is synthesized as networking.istio.io/v1, its spec as the seed\'s after the documented fix', (_, obj) => {
    const want = expected(obj);
    const [got, ...others] = find(want);
    expect(others).toEqual([]);
    expect(got.apiVersion).toBe('networking.istio.io/v1');
    expect(got.spec).toEqual(want.spec);
    // Besides the seed's metadata, an object that refers to imports lists them for the analysis.
    const { annotations, ...metadata } = got.metadata;
    expect(metadata).toEqual(want.metadata);
    expect(Object.keys(annotations ?? {}).filter(key => key !== 'cdk8s-istio.dev/external-references')).toEqual([]);
  });

  test('nothing but the 39 seed objects is synthesized', () => {
    expect(synthesized).toHaveLength(39);
    expect(synthesized.map(describeObject).sort()).toEqual(seed.map(obj => describeObject(expected(obj))).sort());
  });

  test('synth prints Istio\'s two IST0134 warnings, and no other', () => {
    expect(new Set(warnings)).toEqual(new Set(KEPT_WARNINGS));
  });

  test.each(charts.map(chart => [chart.node.id, chart]))('chart %s matches its snapshot', (_, chart) => {
    expect(Testing.synth(chart)).toMatchSnapshot();
  });

  test('app.synth() writes the 39 objects, and `cdk8s-istio validate` of those files reports no error', () => {
    const outdir = new TempDir();
    try {
      const app = Testing.app({ outdir: outdir.path });
      addSeedCharts(app);
      app.synth();

      const files = readdirSync(outdir.path).sort();
      // Numbered in apply order: VirtualServices after the Gateways and DestinationRules they name.
      expect(files).toEqual([
        '0000-gateway.k8s.yaml',
        '0001-destination-rule.k8s.yaml',
        '0002-virtual-service.k8s.yaml',
        '0003-service-entry.k8s.yaml',
        '0004-sidecar.k8s.yaml',
        '0005-load-balancing.k8s.yaml',
        '0006-traffic-splitting.k8s.yaml',
      ]);
      const written = files.flatMap(file => loadAll(readFileSync(join(outdir.path, file), 'utf-8')));
      expect(written).toEqual(expect.arrayContaining(synthesized));
      expect(written).toHaveLength(39);

      const out: string[] = [];
      const status = main(['validate', outdir.path], { stdout: text => out.push(text), stderr: text => out.push(text) });
      expect({ status, out: out.join('') }).toEqual({ status: 0, out: expect.stringContaining('0 errors') });
    } finally {
      outdir.remove();
    }
  });

  describe('routing', () => {
    const routes = RouteSimulator.fromApp(charts[0].node.root);

    describe('virtual-service: reviews-route', () => {
      // Matches every condition of reviews-v2-route: user-agent, uri prefix, query parameter, method, source labels.
      const mobileBeta = {
        host: 'reviews',
        path: '/api/reviews/1?version=beta',
        method: 'GET',
        headers: { 'user-agent': 'Mozilla/5.0 (iPhone) Mobile Safari' },
        sourceLabels: { app: 'productpage', version: 'v1' },
      };

      test('the mobile beta request goes to v2 on port 9080, rewritten to /reviews, with the route\'s timeout, retries and faults', () => {
        routes.expect(mobileBeta).toVirtualService('default/reviews-route', 'reviews-v2-route').toSubset('reviews', 'v2');
        expect(routes.route(mobileBeta)).toMatchObject({
          destinations: [{ port: 9080 }],
          rewrite: { uri: '/reviews', authority: 'reviews-internal.svc.cluster.local', path: '/reviews/1?version=beta' },
          timeout: '10s',
          retries: { attempts: 3, perTryTimeout: '2s', retryOn: '5xx,reset,connect-failure,refused-stream' },
          fault: { fixedDelay: '5s', delayPercent: 10, abortHttpStatus: 503, abortPercent: 5 },
        });
      });

      test.each([
        ['a desktop user-agent', { headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64)' } }],
        ['another path', { path: '/api/ratings/1?version=beta' }],
        ['another version parameter', { path: '/api/reviews/1?version=stable' }],
        ['POST', { method: 'POST' }],
        ['another caller', { sourceLabels: { app: 'productpage', version: 'v2' } }],
      ])('with %s, the request misses reviews-v2-route: 80%% to v1, 20%% to v3', (_, change) => {
        routes.expect({ ...mobileBeta, ...change }).toVirtualService('default/reviews-route', 'reviews-default-route')
          .toDestination('reviews', 'v1', 80).toDestination('reviews', 'v3', 20);
      });

      test('clients in reviews-canary get canary-deployment instead (90% v1, 10% v2): each VirtualService is exported to its namespace', () => {
        routes.expect({ host: 'reviews.default.svc.cluster.local', sourceNamespace: 'reviews-canary' })
          .toVirtualService('reviews-canary/canary-deployment').toDestination('reviews', 'v1', 90).toDestination('reviews', 'v2', 10);
      });
    });

    describe('virtual-service: redirect-example and the delegation root-vs -> reviews-vs', () => {
      test('/old-api/... is redirected, with a 301, to https://newservice.example.com/new-api', () => {
        routes.expect({ host: 'oldservice.example.com', path: '/old-api/users' }).toRedirect('/new-api');
        expect(routes.route({ host: 'oldservice.example.com', path: '/old-api/users' }).redirect)
          .toEqual({ uri: '/new-api', authority: 'newservice.example.com', scheme: 'https', redirectCode: 301 });
      });

      test('other paths of oldservice.example.com are not redirected (404)', () => {
        routes.expect({ host: 'oldservice.example.com', path: '/api/users' }).toNoRoute();
      });

      const viaApiGateway = (path: string) => ({ host: 'api.example.com', gateway: 'default/api-gateway', path });

      test('/reviews/v2/... at api-gateway is delegated to reviews-vs, which sends it to v2', () => {
        routes.expect(viaApiGateway('/reviews/v2/1')).toVirtualService('default/root-vs').toSubset('reviews.reviews-ns.svc.cluster.local', 'v2');
        expect(routes.route(viaApiGateway('/reviews/v2/1')).route).toMatchObject({ index: 0, delegate: 'reviews-ns/reviews-vs', delegateIndex: 0 });
      });

      test('other /reviews paths are delegated to reviews-vs\'s default, v1', () => {
        routes.expect(viaApiGateway('/reviews/1')).toSubset('reviews.reviews-ns.svc.cluster.local', 'v1');
      });

      test('/ratings/... does not reach reviews-vs (ratings-vs is an import: without it, istiod drops the rule)', () => {
        routes.expect(viaApiGateway('/ratings/1')).toNoRoute();
      });
    });

    describe('traffic-splitting', () => {
      test.each([
        ['version-routing', { host: 'api', headers: { 'x-api-version': 'v2' } }, 'api', 'v2'],
        ['version-routing', { host: 'api' }, 'api', 'v1'],
        ['header-routing', { host: 'webapp', headers: { 'x-user-role': 'beta-tester' } }, 'webapp', 'canary'],
        ['header-routing', { host: 'webapp', headers: { 'x-user-role': 'internal' } }, 'webapp', 'staging'],
        ['header-routing', { host: 'webapp', headers: { 'x-user-role': 'admin' } }, 'webapp', 'stable'],
        ['blue-green', { host: 'payment' }, 'payment', 'green'],
        ['ab-testing', { host: 'frontend', headers: { cookie: 'experiment=variant-b' } }, 'frontend', 'variant-b'],
        ['ab-testing', { host: 'frontend', headers: { cookie: 'session=1;experiment=variant-a' } }, 'frontend', 'variant-a'],
        // The seed's regex wants no space after `;`: the cookie as browsers send it misses the variant.
        ['ab-testing', { host: 'frontend', headers: { cookie: 'session=1; experiment=variant-a' } }, 'frontend', 'control'],
        ['multi-dimensional-routing', { host: 'recommendation', headers: { 'x-user-tier': 'premium' }, sourceLabels: { app: 'mobile-app', version: 'v2' } }, 'recommendation', 'ml-enhanced'],
        ['multi-dimensional-routing', { host: 'recommendation', headers: { 'x-user-tier': 'premium' } }, 'recommendation', 'advanced'],
        ['multi-dimensional-routing', { host: 'recommendation', sourceLabels: { app: 'mobile-app' } }, 'recommendation', 'mobile-optimized'],
        ['multi-dimensional-routing', { host: 'recommendation' }, 'recommendation', 'standard'],
      ])('%s: %j goes to %s subset %s', (vs, request, host, subset) => {
        routes.expect(request).toVirtualService(`default/${vs}`).toSubset(host, subset);
      });

      test('canary-with-mirror: 95% stable, 5% canary, and a copy of every request to the canary', () => {
        routes.expect({ host: 'analytics' }).toDestination('analytics', 'stable', 95).toDestination('analytics', 'canary', 5);
        expect(routes.route({ host: 'analytics' }).mirrors).toEqual([{ host: 'analytics.default.svc.cluster.local', subset: 'canary', port: 80, percentage: 100 }]);
      });
    });
  });
});
