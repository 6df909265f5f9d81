/**
 * The seed spec's routing examples (test/fixtures/seed/objects.yaml), each on its own (the seed is
 * a catalogue, not one mesh: canary-deployment and reviews-route both claim reviews), through the
 * public API: RouteSimulator and RouteExpectation from the package root.
 * Istio's rules (istio.io VirtualService reference): rules are tried in order and the first match
 * wins; match blocks are ORed, conditions inside one are ANDed; regexes are RE2, full match.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { Chart, Testing } from 'cdk8s';
import { loadAll } from 'js-yaml';
import { networking, RouteSimulator } from '../../src';

const seed = loadAll(readFileSync(join(__dirname, '..', 'fixtures', 'seed', 'objects.yaml'), 'utf8')) as any[];
function seedSim(...names: string[]): RouteSimulator {
  return RouteSimulator.fromObjects(seed.filter(o => names.includes(o.metadata.name)));
}

describe('reviews-route: user-agent regex, uri prefix, query parameter, method and source labels (AND)', () => {
  const sim = seedSim('reviews-route');
  const v2Request = {
    host: 'reviews',
    path: '/api/reviews/1?version=beta',
    headers: { 'user-agent': 'Mozilla/5.0 (iPhone) Mobile Safari' },
    sourceLabels: { app: 'productpage', version: 'v1' },
  };

  test('a request meeting every condition reaches v2, with rewrite, fault, timeout and retries', () => {
    const result = sim.expect(v2Request).toSubset('reviews', 'v2').toVirtualService('reviews-route', 'reviews-v2-route').result;
    expect(result.destinations).toEqual([{ host: 'reviews.default.svc.cluster.local', subset: 'v2', port: 9080, weight: 100 }]);
    expect(result.rewrite).toEqual({ uri: '/reviews', authority: 'reviews-internal.svc.cluster.local', path: '/reviews/1?version=beta' });
    expect(result.fault).toEqual({ fixedDelay: '5s', delayPercent: 10, abortHttpStatus: 503, abortPercent: 5 });
    expect(result.timeout).toBe('10s');
    expect(result.retries).toEqual({ attempts: 3, perTryTimeout: '2s', retryOn: '5xx,reset,connect-failure,refused-stream', meshDefault: false });
  });

  test.each([
    ['user-agent without Mobile (regex is a full match)', { headers: { 'user-agent': 'curl/8' } }, /headers\[user-agent\]: "curl\/8" is not regex/],
    ['no user-agent header', { headers: {} }, /headers\[user-agent\]: absent/],
    ['another path', { path: '/api/ratings?version=beta' }, /uri: .* does not start with "\/api\/reviews"/],
    ['query parameter version=stable', { path: '/api/reviews?version=stable' }, /queryParams\[version\]: "stable" is not exact "beta"/],
    ['method POST', { method: 'POST' }, /method: "POST" is not exact "GET"/],
    ['client without the labels', { sourceLabels: { app: 'productpage' } }, /sourceLabels\[version\]: absent/],
  ])('%s: the default route, 80/20 between v1 and v3', (_, change, reason) => {
    const result = sim.route({ ...v2Request, ...change });
    expect(result.route?.name).toBe('reviews-default-route');
    expect(result.destinations).toEqual([
      { host: 'reviews.default.svc.cluster.local', subset: 'v1', port: 80, weight: 80 },
      { host: 'reviews.default.svc.cluster.local', subset: 'v3', port: 80, weight: 20 },
    ]);
    expect(result.considered[0].reason).toMatch(reason);
    expect(result.retries?.meshDefault).toBe(true);
  });

  test('at the ingress gateway the source labels are the gateway proxy\'s, so v2 is never reached there', () => {
    // sourceMatchHTTP compares sourceLabels with the labels of the proxy the routes are built for.
    const result = sim.route({ ...v2Request, sourceLabels: undefined, gateway: 'default/ingress-gateway', host: 'reviews.default.svc.cluster.local' });
    expect(result.route?.name).toBe('reviews-default-route');
    expect(result.considered[0].reason).toMatch(/sourceLabels\[app\]: absent .*decided when istiod builds/);
  });
});

test('version-routing and header-routing: exact header values pick the subset, anything else the default', () => {
  const sim = seedSim('version-routing', 'header-routing');
  sim.expect({ host: 'api', headers: { 'x-api-version': 'v2' } }).toSubset('api', 'v2');
  sim.expect({ host: 'api', headers: { 'x-api-version': 'V2' } }).toSubset('api', 'v1');
  sim.expect({ host: 'webapp', headers: { 'x-user-role': 'beta-tester' } }).toSubset('webapp', 'canary');
  sim.expect({ host: 'webapp', headers: { 'X-User-Role': 'internal' } }).toSubset('webapp', 'staging');
  sim.expect({ host: 'webapp' }).toSubset('webapp', 'stable');
});

describe('ab-testing: cookie regexes (RE2, full match)', () => {
  const sim = seedSim('ab-testing');
  test.each([
    ['experiment=variant-a', 'variant-a'],
    ['session=1;experiment=variant-b', 'variant-b'],
    ['experiment=variant-b;theme=dark', 'variant-b'],
    // Browsers separate cookies with "; " — the seed's regex has no room for the space.
    ['session=1; experiment=variant-a', 'control'],
    ['experiment=variant-c', 'control'],
  ])('cookie %s -> %s', (cookie, subset) => {
    sim.expect({ host: 'frontend.default.svc.cluster.local', headers: { cookie } }).toSubset('frontend', subset);
  });
  test('no cookie -> control', () => {
    sim.expect({ host: 'frontend' }).toSubset('frontend', 'control');
  });
});

describe('multi-dimensional-routing: the order decides', () => {
  const sim = seedSim('multi-dimensional-routing');
  test.each([
    [{ 'x-user-tier': 'premium' }, { app: 'mobile-app', version: 'v2' }, 'ml-enhanced'],
    [{ 'x-user-tier': 'premium' }, { app: 'mobile-app', version: 'v1' }, 'advanced'],
    [{ 'x-user-tier': 'premium' }, {}, 'advanced'],
    [{}, { app: 'mobile-app', version: 'v2' }, 'mobile-optimized'],
    [{ 'x-user-tier': 'basic' }, { app: 'web' }, 'standard'],
  ])('headers %j from %j -> %s', (headers, sourceLabels, subset) => {
    sim.expect({ host: 'recommendation', headers, sourceLabels }).toSubset('recommendation', subset);
  });
});

test('canary-deployment, blue-green and canary-with-mirror: weights and mirrors', () => {
  const sim = seedSim('canary-deployment', 'blue-green', 'canary-with-mirror');
  sim.expect({ host: 'reviews' }).toDestination('reviews', 'v1', 90).toDestination('reviews', 'v2', 10);
  sim.expect({ host: 'payment' }).toSubset('payment', 'green');
  const result = sim.expect({ host: 'analytics' }).toDestination('analytics', 'stable', 95).toDestination('analytics', 'canary', 5).result;
  expect(result.mirrors).toEqual([{ host: 'analytics.default.svc.cluster.local', subset: 'canary', port: 80, percentage: 100 }]);
});

test('redirect-example: /old-api redirects, other paths have no route (404)', () => {
  const sim = seedSim('redirect-example');
  const result = sim.expect({ host: 'oldservice.example.com', path: '/old-api/items' }).toRedirect('/new-api').result;
  expect(result.redirect).toEqual({ uri: '/new-api', authority: 'newservice.example.com', scheme: 'https', redirectCode: 301 });
  expect(result.destinations).toEqual([]);
  const other = sim.expect({ host: 'oldservice.example.com', path: '/api' }).toNoRoute().result;
  expect(other.fallback).toMatch(/404/);
});

test('root-vs -> reviews-vs as the seed writes it: the delegate has hosts, so istiod drops both delegating rules', () => {
  // A corrected version is in test/fixtures/route/delegation.yaml (engine.test.ts).
  const sim = seedSim('root-vs', 'reviews-vs');
  const result = sim.expect({ host: 'api.example.com', gateway: 'default/api-gateway', path: '/reviews/v2' }).toNoRoute().result;
  expect(result.considered.map(c => c.reason)).toEqual([
    'delegate reviews-ns/reviews-vs has hosts, so istiod treats it as a root VirtualService, not a delegate; istiod drops this rule',
    'delegate ratings-ns/ratings-vs is not in the input; istiod drops this rule',
  ]);
  // reviews-vs itself is a root for the mesh.
  sim.expect({ host: 'api.example.com', path: '/reviews/v2' }).toSubset('reviews.reviews-ns.svc.cluster.local', 'v2');
});

test('a failed expectation throws with the explanation', () => {
  const sim = seedSim('header-routing');
  expect(() => sim.expect({ host: 'webapp' }).toSubset('webapp', 'canary'))
    .toThrow(/expected every request to go to subset canary of webapp, but:\n.*VirtualService default\/header-routing http\[2\][\s\S]*considered:[\s\S]*x-user-role/);
  expect(() => sim.expect({ host: 'webapp' }).toNoRoute()).toThrow(/expected no route/);
  expect(() => sim.expect({ host: 'webapp' }).toRedirect()).toThrow(/expected a redirect/);
  expect(() => sim.expect({ host: 'webapp' }).toVirtualService('other')).toThrow(/expected VirtualService other/);
  expect(() => sim.expect({ host: 'webapp' }).toDestination('webapp', 'canary')).toThrow(/expected a destination webapp subset canary/);
  expect(sim.explain({ host: 'webapp' })).toContain('MATCH default/header-routing http[2]');
});

test('fromApp: the objects a cdk8s app renders (L1 here; L2 renders the same)', () => {
  const app = Testing.app();
  const chart = new Chart(app, 'c', { namespace: 'shop' });
  new networking.VirtualService(chart, 'vs', {
    metadata: { name: 'cart' },
    spec: {
      hosts: ['cart'],
      http: [
        { match: [{ uri: { prefix: '/v2' } }], route: [{ destination: { host: 'cart', subset: 'v2' } }] },
        { route: [{ destination: { host: 'cart', subset: 'v1' } }] },
      ],
    },
  });
  const sim = RouteSimulator.fromApp(app);
  expect(sim.virtualServiceCount).toBe(1);
  sim.expect({ host: 'cart', sourceNamespace: 'shop', path: '/v2/items' }).toSubset('cart.shop.svc.cluster.local', 'v2');
  sim.expect({ host: 'cart.shop', path: '/' }).toSubset('cart', 'v1');
  RouteSimulator.fromApp(chart).expect({ host: 'cart.shop.svc.cluster.local' }).toSubset('cart', 'v1');
});
