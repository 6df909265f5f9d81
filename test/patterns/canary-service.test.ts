import { Duration, Testing, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-32';
import * as fc from 'fast-check';
import {
  CanaryService, CanaryServiceProps, Gateway, Host, LoadBalancer,
  ResilienceProfile, RouteSimulator, ServiceVersion, StringMatch, TlsMode,
} from '../../src';
import { synthIstio } from '../support/synth-clean';

/** A chart with what a user deploys next to the pattern: the Service `reviews` in `shop` and one Deployment per version. */
function appChart(versions: string[] = ['v1', 'v2']): { chart: Chart; host: ReturnType<typeof Host.fromKubeService>; deployments: kplus.Deployment[] } {
  const chart = Testing.chart();
  const service = new kplus.Service(chart, 'Service', { metadata: { name: 'reviews', namespace: 'shop' }, ports: [{ port: 9080, name: 'http' }] });
  service.selectLabel('app', 'reviews');
  const deployments = versions.map(version => new kplus.Deployment(chart, `reviews-${version}`, {
    metadata: { namespace: 'shop' },
    podMetadata: { labels: { app: 'reviews', version } },
    containers: [{ image: `example/reviews:${version}`, portNumber: 9080 }],
  }));
  return { chart, host: Host.fromKubeService(service), deployments };
}

const V1 = ServiceVersion.named('v1');
const V2 = ServiceVersion.named('v2');


function build(props: Partial<CanaryServiceProps> = {}, versions?: string[]) {
  const { chart, host } = appChart(versions);
  const canary = new CanaryService(chart, 'Reviews', { host, namespace: 'shop', stable: V1, canary: V2, ...props });
  const [rule, vs] = synthIstio(chart);
  return { chart, canary, rule, vs };
}

const dest = (subset: string) => ({ host: 'reviews.shop.svc.cluster.local', subset });
const RESILIENCE = {
  timeout: '10s',
  retries: { attempts: 2, perTryTimeout: '3s', retryOn: 'connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes' },
};

describe('CanaryService', () => {
  test('defaults: named after the host, 100/0 split, ISTIO_MUTUAL, the standard profile', () => {
    const { canary, rule, vs } = build();

    expect(rule).toEqual({
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name: 'reviews', namespace: 'shop' },
      spec: {
        host: 'reviews.shop.svc.cluster.local',
        trafficPolicy: {
          tls: { mode: 'ISTIO_MUTUAL' },
          outlierDetection: { consecutive5xxErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 50 },
        },
        subsets: [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v2' } }],
      },
    });
    expect(vs.metadata).toEqual({ name: 'reviews', namespace: 'shop' });
    expect(vs.spec).toEqual({
      hosts: ['reviews.shop.svc.cluster.local'],
      http: [{ name: 'primary', route: [{ destination: dest('v1'), weight: 100 }, { destination: dest('v2'), weight: 0 }], ...RESILIENCE }],
    });
    expect([canary.routeName, canary.routeNames, canary.canaryWeight]).toEqual(['primary', ['primary'], 0]);
    expect([canary.stableSubset.subsetName, canary.canarySubset.subsetName]).toEqual(['v1', 'v2']);
    expect([canary.destinationRule.name, canary.virtualService.name]).toEqual(['reviews', 'reviews']);
  });

  test('default versions are stable and canary, selected by their version label', () => {
    const { rule } = build({ stable: undefined, canary: undefined }, ['stable', 'canary']);
    expect(rule.spec.subsets).toEqual([{ name: 'stable', labels: { version: 'stable' } }, { name: 'canary', labels: { version: 'canary' } }]);
  });

  test('canaryWeight splits the traffic, the stable version gets the rest', () => {
    const { vs } = build({ canaryWeight: 10 });
    expect(vs.spec.http[0].route).toEqual([{ destination: dest('v1'), weight: 90 }, { destination: dest('v2'), weight: 10 }]);
  });

  test('versions from cdk8s-plus Deployments', () => {
    const { chart, host, deployments } = appChart();
    new CanaryService(chart, 'Reviews', {
      host,
      namespace: 'shop',
      stable: ServiceVersion.fromWorkload('v1', deployments[0]),
      canary: ServiceVersion.fromWorkload('v2', deployments[1]),
      canaryWeight: 25,
    });
    const [rule] = synthIstio(chart);
    expect(rule.spec.subsets).toEqual([{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v2' } }]);
  });

  test('canaryHeaders and canaryCookie: one opt-in route to the canary ahead of the split', () => {
    const { canary, vs } = build({ canaryWeight: 5, canaryHeaders: { 'x-canary': StringMatch.exact('always') }, canaryCookie: 'canary=always' });
    expect(canary.routeNames).toEqual(['canary-opt-in', 'primary']);
    expect(vs.spec.http[0]).toEqual({
      name: 'canary-opt-in',
      match: [
        { headers: { 'x-canary': { exact: 'always' } } },
        { headers: { cookie: { regex: '^(.*?;\\s*)?(canary=always)(;.*)?$' } } },
      ],
      route: [{ destination: dest('v2') }],
      ...RESILIENCE,
    });
  });

  test('the cookie regex escapes the cookie and finds it among others', () => {
    const { vs } = build({ canaryCookie: 'beta.user=a+b' });
    const regex = vs.spec.http[0].match[0].headers.cookie.regex;
    expect(regex).toBe('^(.*?;\\s*)?(beta\\.user=a\\+b)(;.*)?$');
    const re = new RegExp(regex);
    expect(['beta.user=a+b', 'sid=1; beta.user=a+b', 'sid=1;beta.user=a+b; x=y'].every(c => re.test(c))).toBe(true);
    expect(['betaXuser=a+b', 'beta.user=a+bb', 'xbeta.user=a+b'].some(c => re.test(c))).toBe(false);
  });

  test('mirrorPercentage copies the split route\'s requests to the canary', () => {
    const { vs } = build({ canaryWeight: 5, mirrorPercentage: 100 });
    expect(vs.spec.http[0].mirrors).toEqual([{ destination: dest('v2'), percentage: { value: 100 } }]);
  });

  test('sessionAffinity: the canary sets a cookie, a route ahead of the split sends it back to the canary', () => {
    const { canary, vs } = build({ canaryWeight: 20, sessionAffinity: {} });
    expect(canary.routeNames).toEqual(['canary-sticky', 'primary']);
    expect(vs.spec.http[0]).toEqual({
      name: 'canary-sticky',
      match: [{ headers: { cookie: { regex: '^(.*?;\\s*)?(canary-session=v2)(;.*)?$' } } }],
      route: [{ destination: dest('v2') }],
      ...RESILIENCE,
    });
    expect(vs.spec.http[1].route).toEqual([
      { destination: dest('v1'), weight: 80 },
      { destination: dest('v2'), weight: 20, headers: { response: { add: { 'set-cookie': 'canary-session=v2; Max-Age=86400; Path=/' } } } },
    ]);
  });

  test('sessionAffinity with a cookie of your own', () => {
    const { vs } = build({ canaryWeight: 20, sessionAffinity: { cookieName: 'pin', cookieValue: 'rel-42', maxAge: Duration.hours(1) } });
    expect(vs.spec.http[0].match[0].headers.cookie.regex).toBe('^(.*?;\\s*)?(pin=rel-42)(;.*)?$');
    expect(vs.spec.http[1].route[1].headers.response.add['set-cookie']).toBe('pin=rel-42; Max-Age=3600; Path=/');
  });

  test.each([0, 100])('sessionAffinity is not rendered at a weight of %d', weight => {
    const { canary, vs } = build({ canaryWeight: weight, sessionAffinity: {} });
    expect(canary.routeNames).toEqual(['primary']);
    expect(vs.spec.http[0].route.every((d: any) => d.headers === undefined)).toBe(true);
  });

  test('order: fault injection, opt-in, sticky, split', () => {
    const { canary } = build({
      canaryWeight: 50,
      canaryHeaders: { 'x-canary': StringMatch.exact('always') },
      sessionAffinity: {},
      faultInjection: { match: [{ headers: { 'x-chaos': StringMatch.exact('on') } }], abort: { httpStatus: 503 } },
    });
    expect(canary.routeNames).toEqual(['fault-injection', 'canary-opt-in', 'canary-sticky', 'primary']);
  });

  test('a scoped fault injection gets its own first route, with the split\'s destinations', () => {
    const { vs } = build({ canaryWeight: 10, faultInjection: { match: [{ headers: { 'x-chaos': StringMatch.exact('on') } }], delay: { fixedDelay: Duration.seconds(2) } } });
    expect(vs.spec.http[0]).toEqual({
      name: 'fault-injection',
      match: [{ headers: { 'x-chaos': { exact: 'on' } } }],
      route: [{ destination: dest('v1'), weight: 90 }, { destination: dest('v2'), weight: 10 }],
      fault: { delay: { fixedDelay: '2s', percentage: { value: 100 } } },
      ...RESILIENCE,
    });
  });

  test('an unscoped fault injection (with percentages) is set on every route', () => {
    const { canary, vs } = build({ canaryCookie: 'canary=always', faultInjection: { abort: { httpStatus: 503, percentage: 1 } } });
    expect(canary.routeNames).toEqual(['canary-opt-in', 'primary']);
    expect(vs.spec.http.map((r: any) => r.fault)).toEqual([
      { abort: { httpStatus: 503, percentage: { value: 1 } } },
      { abort: { httpStatus: 503, percentage: { value: 1 } } },
    ]);
  });

  test('resilience: the profile\'s timeout and retries on the routes, its outlier detection and pool on the rule', () => {
    const { rule, vs } = build({
      resilience: ResilienceProfile.latencySensitive().with({ connectionPool: { http: { http1MaxPendingRequests: 100 } } }),
    });
    expect(vs.spec.http[0].timeout).toBe('2s');
    expect(vs.spec.http[0].retries.perTryTimeout).toBe('500ms');
    expect(rule.spec.trafficPolicy.outlierDetection.consecutive5xxErrors).toBe(3);
    expect(rule.spec.trafficPolicy.connectionPool).toEqual({ http: { http1MaxPendingRequests: 100 } });
  });

  test('ResilienceProfile.none() leaves timeout, retries and outlier detection to Istio', () => {
    const { rule, vs } = build({ resilience: ResilienceProfile.none() });
    expect(vs.spec.http[0].timeout).toBeUndefined();
    expect(vs.spec.http[0].retries).toBeUndefined();
    expect(rule.spec.trafficPolicy).toEqual({ tls: { mode: 'ISTIO_MUTUAL' } });
  });

  test('trafficPolicy: kept, its TLS and outlier detection win over the defaults', () => {
    const { rule } = build({
      trafficPolicy: {
        loadBalancer: LoadBalancer.leastRequest(),
        tls: { mode: TlsMode.DISABLE },
        outlierDetection: { consecutive5xxErrors: 9 },
      },
    });
    expect(rule.spec.trafficPolicy).toEqual({
      loadBalancer: { simple: 'LEAST_REQUEST' },
      tls: { mode: 'DISABLE' },
      outlierDetection: { consecutive5xxErrors: 9 },
    });
  });

  test('name, exportTo and routeName', () => {
    const { canary, rule, vs } = build({ name: 'reviews-canary', exportTo: ['*'], routeName: 'split' });
    expect([rule.metadata.name, vs.metadata.name]).toEqual(['reviews-canary', 'reviews-canary']);
    expect([rule.spec.exportTo, vs.spec.exportTo]).toEqual([['*'], ['*']]);
    expect([canary.routeName, vs.spec.http[0].name]).toEqual(['split', 'split']);
  });

  test('argoRollouts: the split starts at 100/0 with the names a Rollout points at', () => {
    const { chart, host } = appChart([]);
    // One Rollout runs both versions: the subsets select its pods, Argo adds the pod-template hash.
    const podLabels = { app: 'reviews' };
    const canary = new CanaryService(chart, 'Reviews', {
      host,
      namespace: 'shop',
      stable: ServiceVersion.fromLabels('stable', podLabels),
      canary: ServiceVersion.fromLabels('canary', podLabels),
      argoRollouts: true,
    });
    const [rule, vs] = synthIstio(chart);
    const rollout = {
      virtualService: { name: canary.virtualService.name, routes: [canary.routeName] },
      destinationRule: {
        name: canary.destinationRule.name,
        canarySubsetName: canary.canarySubset.subsetName,
        stableSubsetName: canary.stableSubset.subsetName,
      },
    };
    expect(rollout).toEqual({
      virtualService: { name: 'reviews', routes: ['primary'] },
      destinationRule: { name: 'reviews', canarySubsetName: 'canary', stableSubsetName: 'stable' },
    });
    expect(vs.spec.http[0].route).toEqual([{ destination: dest('stable'), weight: 100 }, { destination: dest('canary'), weight: 0 }]);
    expect(rule.spec.subsets.map((s: any) => s.name)).toEqual(['stable', 'canary']);
  });

  test('snapshot: every option', () => {
    const { chart } = build({
      canaryWeight: 25,
      canaryHeaders: { 'x-canary': StringMatch.exact('always') },
      canaryCookie: 'canary=always',
      mirrorPercentage: 50,
      sessionAffinity: { maxAge: Duration.hours(2) },
      faultInjection: { match: [{ headers: { 'x-chaos': StringMatch.exact('on') } }], abort: { httpStatus: 503, percentage: 50 } },
    });
    expect(Testing.synth(chart).filter(obj => obj.apiVersion === 'networking.istio.io/v1')).toMatchSnapshot();
  });

  test('snapshot: the defaults at 10%', () => {
    const { chart } = build({ canaryWeight: 10 });
    expect(Testing.synth(chart).filter(obj => obj.apiVersion === 'networking.istio.io/v1')).toMatchSnapshot();
  });

  describe('fails', () => {
    const { chart, host } = appChart();
    const props = { host, stable: V1, canary: V2 };
    let n = 0;
    const make = (extra: Partial<CanaryServiceProps>) => () => new CanaryService(chart, `C${n++}`, { ...props, ...extra });

    test('on a weight outside 0..100 or not an integer', () => {
      expect(make({ canaryWeight: 120 })).toThrow(/^CanaryService 'test\/C\d+': canaryWeight must be an integer between 0 and 100, got 120$/);
      expect(make({ canaryWeight: 2.5 })).toThrow('canaryWeight must be an integer between 0 and 100, got 2.5');
    });

    test('on a mirror percentage outside 0..100', () => {
      expect(make({ mirrorPercentage: -1 })).toThrow('mirrorPercentage must be a number between 0 and 100, got -1');
    });

    test('on a mirror at a weight of 100', () => {
      expect(make({ canaryWeight: 100, mirrorPercentage: 10 })).toThrow(
        'mirrorPercentage with canaryWeight 100: the canary already answers every request, a mirror would send each twice; leave mirrorPercentage out');
    });

    test('on two versions of one name', () => {
      expect(make({ canary: ServiceVersion.fromLabels('v1', { track: 'canary' }) })).toThrow(
        'stable and canary are both named "v1"; give the versions different names (e.g. \'v1\' and \'v2\')');
    });

    test('on a weight with argoRollouts', () => {
      expect(make({ argoRollouts: true, canaryWeight: 10 })).toThrow(
        'canaryWeight is 10 with argoRollouts: Argo Rollouts sets the weights at runtime and the route must start at 100/0; leave canaryWeight out');
    });

    test('on session affinity with argoRollouts', () => {
      expect(make({ argoRollouts: true, sessionAffinity: {} })).toThrow(
        'sessionAffinity with argoRollouts: Argo Rollouts would not remove the sticky route when it aborts a rollout; leave one of them out');
    });

    test('on empty canaryHeaders', () => {
      expect(make({ canaryHeaders: {} })).toThrow(
        "canaryHeaders is empty: give at least one header, e.g. { 'x-canary': StringMatch.exact('always') }, or leave it out");
    });

    test('on a canaryCookie that is not name=value', () => {
      expect(make({ canaryCookie: 'canary' })).toThrow('canaryCookie must be name=value, e.g. \'canary=always\', got "canary"');
      expect(make({ canaryCookie: '=x' })).toThrow('canaryCookie must be name=value');
      expect(make({ canaryCookie: 'a b=x' })).toThrow('canaryCookie: cookie name must be a token');
      expect(make({ canaryCookie: 'a=x;y' })).toThrow('canaryCookie: cookie value must be non-empty, without spaces, quotes, commas, semicolons or backslashes, got "x;y"');
    });

    test('on a bad session cookie or max age', () => {
      expect(make({ sessionAffinity: { cookieName: 'a:b' } })).toThrow('sessionAffinity: cookie name must be a token');
      expect(make({ sessionAffinity: { maxAge: Duration.millis(1500) } })).toThrow('sessionAffinity.maxAge must be a whole number of seconds above 0, got 1.5s');
    });

    test('on a routeName the pattern uses itself, or empty', () => {
      expect(make({ routeName: 'canary-sticky' })).toThrow(
        "routeName must be a non-empty name other than the pattern's own routes (fault-injection, canary-opt-in, canary-sticky), got \"canary-sticky\"");
      expect(make({ routeName: '' })).toThrow('routeName must be a non-empty name');
    });

    test('on a host it cannot name the objects after', () => {
      expect(make({ host: Host.fromName('*.example.com') })).toThrow(
        'cannot name the objects after host "*.example.com": its first label is not a DNS-1123 label; give name (e.g. name: \'reviews\')');
    });

    test('on a fault injection that would hit every request', () => {
      expect(make({ faultInjection: { abort: { httpStatus: 503 } } })).toThrow(/faultInjection: abort has no percentage and no match limits it/);
    });
  });

  describe('steps', () => {
    test('returns the weights when they go up from 0 to 100', () => {
      expect(CanaryService.steps([5, 25, 50, 100])).toEqual([5, 25, 50, 100]);
      expect(CanaryService.steps([0])).toEqual([0]);
    });

    test('fails on an empty list, a weight out of range, or weights that do not go up', () => {
      expect(() => CanaryService.steps([])).toThrow('CanaryService.steps(): give at least one weight, e.g. [5, 25, 50, 100], got []');
      expect(() => CanaryService.steps([5, 150])).toThrow('CanaryService.steps(): weights[1] must be an integer between 0 and 100, got 150');
      expect(() => CanaryService.steps([5, 50, 25])).toThrow(
        'CanaryService.steps(): weights must go up: weights[2] is 25, after 50; list them in the order they are rolled out, e.g. [5, 25, 50, 100]');
      expect(() => CanaryService.steps([5, 5])).toThrow('weights must go up');
    });
  });

  test('property: any valid props synthesize without error or warning', () => {
    const cookieToken = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
    fc.assert(fc.property(
      fc.record({
        canaryWeight: fc.integer({ min: 0, max: 100 }),
        mirror: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        header: fc.option(fc.constantFrom('x-canary', 'x-beta'), { nil: undefined }),
        cookie: fc.option(fc.tuple(cookieToken, cookieToken), { nil: undefined }),
        sticky: fc.boolean(),
        fault: fc.constantFrom('none', 'scoped', 'unscoped'),
        profile: fc.constantFrom(
          ResilienceProfile.standard(), ResilienceProfile.latencySensitive(), ResilienceProfile.longRunning(), ResilienceProfile.none()),
        argo: fc.boolean(),
      }),
      p => {
        const { chart, host } = appChart();
        const argo = p.argo && !p.sticky;
        new CanaryService(chart, 'Reviews', {
          host,
          namespace: 'shop',
          stable: V1,
          canary: V2,
          canaryWeight: argo ? 0 : p.canaryWeight,
          mirrorPercentage: !argo && p.canaryWeight === 100 ? undefined : p.mirror,
          canaryHeaders: p.header ? { [p.header]: StringMatch.exact('on') } : undefined,
          canaryCookie: p.cookie ? `${p.cookie[0]}=${p.cookie[1]}` : undefined,
          sessionAffinity: p.sticky ? {} : undefined,
          faultInjection: p.fault === 'scoped' ? { match: [{ headers: { 'x-chaos': StringMatch.exact('on') } }], abort: { httpStatus: 503 } }
            : p.fault === 'unscoped' ? { delay: { fixedDelay: Duration.millis(100), percentage: 1 } } : undefined,
          resilience: p.profile,
          argoRollouts: argo,
        });
        synthIstio(chart);
      },
    ), { numRuns: 60 });
  });
});

describe('CanaryService at a gateway (gateways, externalHosts)', () => {
  /** The Istio objects of the chart by kind, checked to synthesize without a warning or an error. */
  function byKind(chart: Chart): { [kind: string]: any } {
    return Object.fromEntries(synthIstio(chart).map(obj => [obj.kind, obj]));
  }

  test('a Gateway construct of the app: hosts and gateways rendered, clean, a request at the gateway reaches the canary (snapshot)', () => {
    const { chart, host } = appChart();
    const web = new Gateway(chart, 'Web', { metadata: { name: 'public', namespace: 'istio-system' } });
    web.addHttpsServer({ hosts: ['shop.example.com'], credentialName: 'shop-cert' });
    new CanaryService(chart, 'Reviews', {
      host,
      namespace: 'shop',
      stable: V1,
      canary: V2,
      canaryWeight: 10,
      canaryHeaders: { 'x-canary': StringMatch.exact('always') },
      gateways: [web],
      externalHosts: ['shop.example.com'],
    });
    const { VirtualService: vs } = byKind(chart);
    expect(vs.spec.hosts).toEqual(['reviews.shop.svc.cluster.local', 'shop.example.com']);
    expect(vs.spec.gateways).toEqual(['istio-system/public']);
    expect(Testing.synth(chart)).toMatchSnapshot();

    const routes = RouteSimulator.fromApp(chart);
    const atGateway = { gateway: 'istio-system/public', host: 'shop.example.com', scheme: 'https' };
    routes.expect({ ...atGateway, headers: { 'x-canary': 'always' } }).toSubset('reviews.shop.svc.cluster.local', 'v2');
    routes.expect(atGateway).toDestination('reviews.shop.svc.cluster.local', 'v2', 10);
    // bound to the gateway only: between sidecars the routes no longer apply
    expect(routes.route({ host: 'reviews.shop.svc.cluster.local', sourceNamespace: 'shop', headers: { 'x-canary': 'always' } }).virtualService).toBeUndefined();
  });

  test('an imported gateway and Gateway.MESH: the same split at the edge and between sidecars', () => {
    const { chart, host } = appChart();
    const publicGateway = Gateway.fromGatewayName(chart, 'Public', 'istio-system/public');
    new CanaryService(chart, 'Reviews', {
      host,
      namespace: 'shop',
      stable: V1,
      canary: V2,
      canaryWeight: 100,
      gateways: [publicGateway, Gateway.MESH],
      externalHosts: ['shop.example.com'],
    });
    const { VirtualService: vs } = byKind(chart);
    expect(vs.spec.gateways).toEqual(['istio-system/public', 'mesh']);
    const routes = RouteSimulator.fromApp(chart);
    routes.expect({ gateway: 'istio-system/public', host: 'shop.example.com' }).toSubset('reviews.shop.svc.cluster.local', 'v2');
    routes.expect({ host: 'reviews.shop.svc.cluster.local', sourceNamespace: 'shop' }).toSubset('reviews.shop.svc.cluster.local', 'v2');
  });

  test('left out: no gateways rendered, the service host only (today\'s output)', () => {
    const { vs } = build({ canaryWeight: 10 });
    expect(vs.spec.gateways).toBeUndefined();
    expect(vs.spec.hosts).toEqual(['reviews.shop.svc.cluster.local']);
  });

  test('externalHosts without gateways: extra names routed between sidecars too', () => {
    const { vs } = build({ externalHosts: ['reviews.example.com'] });
    expect(vs.spec.hosts).toEqual(['reviews.shop.svc.cluster.local', 'reviews.example.com']);
  });

  test('* as an external host: refused in the mesh, and at a gateway (it overlaps the service host)', () => {
    expect(() => build({ externalHosts: ['*'] })).toThrow(/externalHosts\[0\]: wildcard host \* is not allowed for routes that apply to the mesh/);
    const { chart, host } = appChart();
    const gateways = [Gateway.fromGatewayName(chart, 'Public', 'istio-system/public')];
    expect(() => new CanaryService(chart, 'Reviews', { host, namespace: 'shop', gateways, externalHosts: ['*'] }))
      .toThrow(/externalHosts\[0\] "\*" overlaps host "reviews.shop.svc.cluster.local"/);
  });

  test('errors: empty gateways, a bad or overlapping external host', () => {
    expect(() => build({ gateways: [] })).toThrow(/CanaryService '.*Reviews': gateways is empty: list the gateways/);
    expect(() => build({ gateways: [undefined as any] })).toThrow(/gateways\[0\] must be a Gateway/);
    expect(() => build({ externalHosts: ['shop example.com'] })).toThrow(/externalHosts\[0\]: /);
    expect(() => build({ externalHosts: [42 as any] })).toThrow(/externalHosts\[0\] must be a host name/);
    expect(() => build({ externalHosts: 'shop.example.com' as any })).toThrow(/externalHosts must be a list/);
    expect(() => build({ externalHosts: ['*.example.com', 'shop.example.com'] }))
      .toThrow(/externalHosts\[1\] "shop.example.com" overlaps externalHosts\[0\] "\*.example.com": Istio rejects/);
    expect(() => build({ externalHosts: ['*.svc.cluster.local'] })).toThrow(/overlaps host "reviews.shop.svc.cluster.local"/);
  });
});
