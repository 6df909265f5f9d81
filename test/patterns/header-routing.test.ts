import { Chart, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-32';
import * as fc from 'fast-check';
import {
  Gateway, HeaderRouting, HeaderRoutingProps, HeaderRoutingRule, Host, IHost,
  ResilienceProfile, RouteSimulator, ServiceVersion, StringMatch, TlsMode,
} from '../../src';
import { synthIstio } from '../support/synth-clean';

/** A chart with the Service `recommendation` in `shop` and one Deployment per version. */
function appChart(versions: string[]): { chart: Chart; host: IHost } {
  const chart = Testing.chart();
  const service = new kplus.Service(chart, 'Service', { metadata: { name: 'recommendation', namespace: 'shop' }, ports: [{ port: 8080, name: 'http' }] });
  service.selectLabel('app', 'recommendation');
  versions.forEach(version => new kplus.Deployment(chart, `recommendation-${version}`, {
    metadata: { namespace: 'shop' },
    podMetadata: { labels: { app: 'recommendation', version } },
    containers: [{ image: `example/recommendation:${version}`, portNumber: 8080 }],
  }));
  return { chart, host: Host.fromKubeService(service) };
}


const v = (name: string) => ServiceVersion.named(name);
const VERSIONS = ['standard', 'ml-enhanced', 'advanced', 'mobile-optimized', 'v2', 'v3'];

function build(props: Partial<HeaderRoutingProps> = {}) {
  const { chart, host } = appChart(VERSIONS);
  const routing = new HeaderRouting(chart, 'Recommendation', { host, namespace: 'shop', defaultVersion: v('standard'), ...props });
  const [rule, vs] = synthIstio(chart);
  return { chart, routing, rule, vs };
}

/** Builds the routing and returns the subsets its routes go to, in route order. */
function routeOrder(rules: HeaderRoutingRule[]): string[] {
  const { vs } = build({ rules, resilience: ResilienceProfile.none() });
  return vs.spec.http.map((r: any) => r.route[0].destination.subset);
}

const dest = (subset: string) => [{ destination: { host: 'recommendation.shop.svc.cluster.local', subset } }];
const RESILIENCE = {
  timeout: '10s',
  retries: { attempts: 2, perTryTimeout: '3s', retryOn: 'connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes' },
};
const premium = { 'x-user-tier': StringMatch.exact('premium') };

/** Requests over the property test's headers and caller labels: every header absent or one of a few values. */
const VALUES = [undefined, '1', '12', '13', '123', '2', '23', '3', 'v2.1', 'v2.12', 'v3'];
const LABELS = [undefined, 'web', 'mobile'];
const REQUESTS = VALUES.flatMap(a => VALUES.flatMap(b => VALUES.flatMap(c => LABELS.flatMap(app => LABELS.map(track => ({
  headers: { 'x-a': a, 'x-b': b, 'x-c': c } as Record<string, string | undefined>,
  labels: { app, track } as Record<string, string | undefined>,
}))))));

/** Whether a request meets a rule, as Envoy decides it (RE2 and JavaScript agree on the test's regexes). */
function meets(rule: HeaderRoutingRule, request: typeof REQUESTS[number]): boolean {
  const headerOk = Object.entries(rule.headers ?? {}).every(([name, match]) => {
    const value = request.headers[name];
    if (value === undefined) return false;
    const [[type, expected]] = Object.entries(match._toIstio());
    return type === 'exact' ? value === expected : type === 'prefix' ? value.startsWith(expected) : new RegExp(`^(?:${expected})$`).test(value);
  });
  return headerOk && Object.entries(rule.sourceLabels ?? {}).every(([key, value]) => request.labels[key] === value);
}

describe('HeaderRouting', () => {
  test('defaults: the seed\'s multi-dimensional routing — most specific first, default last, ISTIO_MUTUAL, the standard profile', () => {
    const { routing, rule, vs } = build({
      rules: [
        // Given least specific first: the pattern orders them.
        { sourceLabels: { app: 'mobile-app' }, version: v('mobile-optimized') },
        { headers: premium, version: v('advanced') },
        { headers: premium, sourceLabels: { app: 'mobile-app', version: 'v2' }, version: v('ml-enhanced') },
      ],
    });

    expect(rule).toEqual({
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name: 'recommendation', namespace: 'shop' },
      spec: {
        host: 'recommendation.shop.svc.cluster.local',
        trafficPolicy: {
          tls: { mode: 'ISTIO_MUTUAL' },
          outlierDetection: { consecutive5xxErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 50 },
        },
        subsets: ['standard', 'mobile-optimized', 'advanced', 'ml-enhanced'].map(name => ({ name, labels: { version: name } })),
      },
    });
    expect(vs.spec).toEqual({
      hosts: ['recommendation.shop.svc.cluster.local'],
      http: [
        { match: [{ headers: { 'x-user-tier': { exact: 'premium' } }, sourceLabels: { app: 'mobile-app', version: 'v2' } }], route: dest('ml-enhanced'), ...RESILIENCE },
        { match: [{ sourceLabels: { app: 'mobile-app' } }], route: dest('mobile-optimized'), ...RESILIENCE },
        { match: [{ headers: { 'x-user-tier': { exact: 'premium' } } }], route: dest('advanced'), ...RESILIENCE },
        { route: dest('standard'), ...RESILIENCE },
      ],
    });
    expect(routing.defaultSubset.subsetName).toEqual('standard');
    expect(routing.subsets.map(s => s.subsetName)).toEqual(['standard', 'mobile-optimized', 'advanced', 'ml-enhanced']);
    expect(routing.orderedRules.map(r => r.version.name)).toEqual(['ml-enhanced', 'mobile-optimized', 'advanced']);
  });

  test('the whole manifest (snapshot)', () => {
    const { chart } = build({
      rules: [
        { name: 'premium-mobile', headers: premium, sourceLabels: { app: 'mobile-app', version: 'v2' }, version: v('ml-enhanced') },
        { name: 'premium', headers: premium, version: v('advanced') },
      ],
    });
    expect(Testing.synth(chart)).toMatchSnapshot();
  });

  test('no rules: every request to the default version', () => {
    const { vs } = build();
    expect(vs.spec.http).toEqual([{ route: dest('standard'), ...RESILIENCE }]);
  });

  describe('the order', () => {
    test('more conditions first', () => {
      expect(routeOrder([
        { headers: { 'x-a': StringMatch.exact('1') }, version: v('v2') },
        { headers: { 'x-a': StringMatch.regex('.+'), 'x-b': StringMatch.regex('.+') }, version: v('v3') },
      ])).toEqual(['v3', 'v2', 'standard']);
    });

    test('exact before prefix before regex, on the same header', () => {
      expect(routeOrder([
        { headers: { 'x-v': StringMatch.regex('v[0-9]+') }, version: v('v3') },
        { headers: { 'x-v': StringMatch.prefix('v') }, version: v('v2') },
        { headers: { 'x-v': StringMatch.exact('v2') }, version: v('advanced') },
      ])).toEqual(['advanced', 'v2', 'v3', 'standard']);
    });

    test('a longer prefix before a shorter one', () => {
      expect(routeOrder([
        { headers: { 'x-v': StringMatch.prefix('v') }, version: v('v2') },
        { headers: { 'x-v': StringMatch.prefix('v3.') }, version: v('v3') },
      ])).toEqual(['v3', 'v2', 'standard']);
    });

    test('the strongest condition decides between rules with as many conditions', () => {
      expect(routeOrder([
        { headers: { 'x-a': StringMatch.exact('1'), 'x-b': StringMatch.regex('.*') }, version: v('v2') },
        { headers: { 'x-a': StringMatch.exact('1'), 'x-b': StringMatch.exact('2') }, version: v('v3') },
      ])).toEqual(['v3', 'v2', 'standard']);
    });

    test('equally specific rules keep the order given', () => {
      const rules = [
        { headers: { 'x-user-role': StringMatch.exact('beta-tester') }, version: v('v2') },
        { headers: { 'x-user-role': StringMatch.exact('internal') }, version: v('v3') },
        { sourceLabels: { app: 'mobile-app' }, version: v('advanced') },
      ];
      expect(routeOrder(rules)).toEqual(['v2', 'v3', 'advanced', 'standard']);
      expect(routeOrder([rules[2], rules[1], rules[0]])).toEqual(['advanced', 'v3', 'v2', 'standard']);
    });

    test('a regex that is a plain string counts as the exact value; with .* as a prefix', () => {
      expect(routeOrder([
        { headers: { 'x-v': StringMatch.prefix('v3') }, version: v('v3') },
        { headers: { 'x-v': StringMatch.regex('^v2\\.1$') }, version: v('v2') },
      ])).toEqual(['v2', 'v3', 'standard']);
      expect(routeOrder([
        { headers: { 'x-v': StringMatch.prefix('v') }, version: v('v3') },
        { headers: { 'x-v': StringMatch.regex('v2.*') }, version: v('v2') },
      ])).toEqual(['v2', 'v3', 'standard']);
    });
  });

  test('rules with names: the routes carry them; several rules may share a version', () => {
    const { rule, vs } = build({
      rules: [
        { name: 'beta', headers: { 'x-user-role': StringMatch.exact('beta-tester') }, version: v('v2') },
        { name: 'qa', headers: { 'x-user-role': StringMatch.exact('qa') }, version: v('v2') },
      ],
    });
    expect(vs.spec.http.map((r: any) => r.name)).toEqual(['beta', 'qa', undefined]);
    expect(rule.spec.subsets.map((s: any) => s.name)).toEqual(['standard', 'v2']);
  });

  test('name, exportTo and traffic policy', () => {
    const { rule, vs } = build({ name: 'multi-dimensional-routing', exportTo: ['*'], trafficPolicy: { tls: { mode: TlsMode.DISABLE } } });
    expect([rule.metadata.name, vs.metadata.name]).toEqual(['multi-dimensional-routing', 'multi-dimensional-routing']);
    expect([rule.spec.exportTo, vs.spec.exportTo]).toEqual([['*'], ['*']]);
    expect(rule.spec.trafficPolicy).toEqual({
      tls: { mode: 'DISABLE' },
      outlierDetection: { consecutive5xxErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 50 },
    });
  });

  test('resilience: another profile on every route and on the rule', () => {
    const { rule, vs } = build({ rules: [{ headers: premium, version: v('advanced') }], resilience: ResilienceProfile.longRunning() });
    expect(vs.spec.http.map((r: any) => [r.timeout, r.retries.attempts])).toEqual([['60s', 1], ['60s', 1]]);
    expect(rule.spec.trafficPolicy.outlierDetection.consecutive5xxErrors).toEqual(5);
  });

  test('faultInjection with a match: a route of its own, first, to the default version', () => {
    const { vs } = build({
      rules: [{ headers: premium, version: v('advanced') }],
      faultInjection: { match: [{ headers: { 'x-chaos': StringMatch.exact('delay') } }], delay: { fixedDelay: Duration.seconds(3) } },
    });
    expect(vs.spec.http[0]).toEqual({
      name: 'fault-injection',
      match: [{ headers: { 'x-chaos': { exact: 'delay' } } }],
      fault: { delay: { fixedDelay: '3s', percentage: { value: 100 } } },
      route: dest('standard'),
      ...RESILIENCE,
    });
    expect(vs.spec.http).toHaveLength(3);
  });

  test('faultInjection without a match: the fault on every route', () => {
    const { vs } = build({ rules: [{ headers: premium, version: v('advanced') }], faultInjection: { abort: { httpStatus: 500, percentage: 2 } } });
    expect(vs.spec.http.map((r: any) => r.fault)).toEqual([
      { abort: { httpStatus: 500, percentage: { value: 2 } } },
      { abort: { httpStatus: 500, percentage: { value: 2 } } },
    ]);
  });

  describe('errors', () => {
    test.each<[string, Partial<HeaderRoutingProps>, string]>([
      ['no defaultVersion', { defaultVersion: undefined },
        "HeaderRouting 'test/Recommendation': defaultVersion is required: the version of every request no rule matches, e.g. ServiceVersion.named('v1')"],
      ['a rule without version', { rules: [{ headers: premium } as any] },
        "HeaderRouting 'test/Recommendation': rules[0].version is required: the ServiceVersion the matching requests go to"],
      ['a rule without conditions', { rules: [{ headers: {}, version: v('v2') }] },
        'HeaderRouting \'test/Recommendation\': rules[0] has no condition, so it would take every request; give headers or sourceLabels, '
        + 'or make "v2" the defaultVersion'],
      ['an uppercase header name', { rules: [{ headers: { 'X-User': StringMatch.exact('a') }, version: v('v2') }] },
        'HeaderRouting \'test/Recommendation\': rules[0].headers: header name "X-User" has uppercase letters; Istio asks for header names in lowercase: write "x-user"'],
      ['an invalid header name', { rules: [{ headers: { 'x user': StringMatch.exact('a') }, version: v('v2') }] },
        "HeaderRouting 'test/Recommendation': rules[0].headers: header name x user is not a valid header name; a header name is a token such as \"x-user-role\""],
      ['a header condition that is no StringMatch', { rules: [{ headers: { 'x-user': 'a' as any }, version: v('v2') }] },
        "HeaderRouting 'test/Recommendation': rules[0].headers[x-user] must be a StringMatch (StringMatch.exact('v2')), got \"a\""],
      ['an invalid source label', { rules: [{ sourceLabels: { app: 'mobile app' }, version: v('v2') }] },
        'HeaderRouting \'test/Recommendation\': rules[0].sourceLabels[app]: invalid tag value: "mobile app"'],
      ['a version named twice with other labels', { rules: [{ headers: premium, version: ServiceVersion.fromLabels('standard', { track: 'std' }) }] },
        'HeaderRouting \'test/Recommendation\': version "standard" is given with two sets of labels, {"version":"standard"} and {"track":"std"}; '
        + 'a subset name selects one set of pods: use the same ServiceVersion, or another name'],
    ])('fails on %s', (_, props, message) => {
      expect(() => build(props)).toThrow(message);
    });

    test('fails on two rules with the same conditions, naming both', () => {
      expect(() => build({
        rules: [
          { name: 'beta', headers: { 'x-user-role': StringMatch.exact('beta-tester') }, version: v('v2') },
          { headers: premium, version: v('advanced') },
          { headers: { 'x-user-role': StringMatch.exact('beta-tester') }, version: v('v3') },
        ],
      })).toThrow('HeaderRouting \'test/Recommendation\': rules[2] (header x-user-role exact "beta-tester") has the same conditions as '
        + 'rules[0] "beta" (header x-user-role exact "beta-tester"), so it could never match: every request it matches takes the other rule; '
        + 'remove one, or make their conditions differ');
    });

    test('fails on a regex that says the same as an exact value or a prefix', () => {
      expect(() => build({
        rules: [
          { headers: { 'x-v': StringMatch.exact('v2') }, sourceLabels: { app: 'web' }, version: v('v2') },
          { sourceLabels: { app: 'web' }, headers: { 'x-v': StringMatch.regex('^v2$') }, version: v('v3') },
        ],
      })).toThrow('HeaderRouting \'test/Recommendation\': rules[1] (header x-v regex "^v2$", source label app exact "web") has the same conditions as '
        + 'rules[0] (header x-v exact "v2", source label app exact "web")');
      expect(() => build({
        rules: [
          { headers: { 'x-v': StringMatch.prefix('v2.') }, version: v('v2') },
          { headers: { 'x-v': StringMatch.regex('v2\\..*') }, version: v('v3') },
        ],
      })).toThrow(/rules\[1\] \(header x-v regex "v2\\\\\.\.\*"\) has the same conditions as rules\[0\] \(header x-v prefix "v2\."\)/);
    });
  });

  test('property: whatever the rules, every route is reachable and the output is clean', () => {
    const header = fc.constantFrom('x-a', 'x-b', 'x-c');
    const value = fc.constantFrom('1', '12', '2', 'v2.1');
    const match = fc.oneof(
      value.map(s => StringMatch.exact(s)),
      value.map(s => StringMatch.prefix(s)),
      fc.constantFrom('[0-9]+', 'v.*', '1', '^1.*$').map(s => StringMatch.regex(s)),
    );
    const rule = fc.record({
      headers: fc.dictionary(header, match, { maxKeys: 2 }),
      sourceLabels: fc.dictionary(fc.constantFrom('app', 'track'), fc.constantFrom('web', 'mobile'), { maxKeys: 2 }),
      version: fc.constantFrom(...VERSIONS).map(v),
    }).filter(r => Object.keys(r.headers).length + Object.keys(r.sourceLabels).length > 0);
    fc.assert(fc.property(
      fc.array(rule, { maxLength: 6 }),
      fc.constantFrom('standard', 'latencySensitive', 'none'),
      fc.constantFrom('none', 'scoped', 'unscoped'),
      (rules, profile, fault) => {
        const { chart, host } = appChart(VERSIONS);
        let routing: HeaderRouting;
        try {
          routing = new HeaderRouting(chart, 'R', {
            host,
            namespace: 'shop',
            defaultVersion: v('standard'),
            rules,
            resilience: (ResilienceProfile as any)[profile](),
            faultInjection: fault === 'none' ? undefined
              : fault === 'scoped' ? { match: [{ headers: { 'x-chaos': StringMatch.exact('on') } }], abort: { httpStatus: 503 } }
                : { abort: { httpStatus: 503, percentage: 1 } },
          });
        } catch (e) {
          // Our one refusal for valid rules: two with the same conditions.
          expect((e as Error).message).toMatch(/has the same conditions as rules\[\d+\]/);
          return;
        }
        const [, vs] = synthIstio(chart);
        expect(vs.spec.http).toHaveLength(routing.orderedRules.length + 1 + (fault === 'scoped' ? 1 : 0));
        // Every rule takes some request: one that meets it and no rule before it.
        const ordered = routing.orderedRules;
        ordered.forEach((r, j) => {
          const witness = REQUESTS.find(request => meets(r, request) && !ordered.slice(0, j).some(earlier => meets(earlier, request)));
          expect([j, r, witness !== undefined]).toEqual([j, r, true]);
        });
      }), { numRuns: 60 });
  });
});

describe('HeaderRouting at a gateway (gateways, externalHosts)', () => {
  const HOST = 'recommendation.shop.svc.cluster.local';

  test('a Gateway construct of the app: header rules route at the edge, clean (snapshot)', () => {
    const { chart, host } = appChart(VERSIONS);
    const web = new Gateway(chart, 'Web', { metadata: { name: 'public', namespace: 'istio-system' } });
    web.addHttpsServer({ hosts: ['shop.example.com'], credentialName: 'shop-cert' });
    new HeaderRouting(chart, 'Recommendation', {
      host,
      namespace: 'shop',
      defaultVersion: v('standard'),
      rules: [{ headers: { 'x-user-tier': StringMatch.exact('premium') }, version: v('ml-enhanced') }],
      gateways: [web],
      externalHosts: ['shop.example.com'],
    });
    const vs = synthIstio(chart).find(obj => obj.kind === 'VirtualService');
    expect(vs.spec.hosts).toEqual([HOST, 'shop.example.com']);
    expect(vs.spec.gateways).toEqual(['istio-system/public']);
    expect(Testing.synth(chart)).toMatchSnapshot();

    const routes = RouteSimulator.fromApp(chart);
    const atGateway = { gateway: 'istio-system/public', host: 'shop.example.com', scheme: 'https' };
    routes.expect({ ...atGateway, headers: { 'x-user-tier': 'premium' } }).toSubset(HOST, 'ml-enhanced');
    routes.expect(atGateway).toSubset(HOST, 'standard');
  });

  test('with Gateway.MESH too: a sourceLabels rule routes between sidecars only, never at the gateway', () => {
    const { chart, host } = appChart(VERSIONS);
    new HeaderRouting(chart, 'Recommendation', {
      host,
      namespace: 'shop',
      defaultVersion: v('standard'),
      rules: [{ sourceLabels: { app: 'mobile-app' }, version: v('mobile-optimized') }],
      gateways: [Gateway.fromGatewayName(chart, 'Public', 'istio-system/public'), Gateway.MESH],
      externalHosts: ['shop.example.com'],
    });
    synthIstio(chart);
    const routes = RouteSimulator.fromApp(chart);
    routes.expect({ host: HOST, sourceLabels: { app: 'mobile-app' } }).toSubset(HOST, 'mobile-optimized');
    routes.expect({ gateway: 'istio-system/public', host: 'shop.example.com' }).toSubset(HOST, 'standard');
  });

  test('fails on a sourceLabels rule when the routes apply only at gateways', () => {
    const { chart, host } = appChart(VERSIONS);
    expect(() => new HeaderRouting(chart, 'Recommendation', {
      host,
      defaultVersion: v('standard'),
      rules: [
        { headers: { 'x-user-tier': StringMatch.exact('premium') }, version: v('ml-enhanced') },
        { sourceLabels: { app: 'mobile-app' }, version: v('mobile-optimized') },
      ],
      gateways: [Gateway.fromGatewayName(chart, 'Public', 'istio-system/public')],
    })).toThrow(/HeaderRouting '.*Recommendation': rules\[1\].sourceLabels can never match: the routes apply only at gateways/);
  });
});
