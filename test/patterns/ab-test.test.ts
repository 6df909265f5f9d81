import { Chart, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-32';
import * as fc from 'fast-check';
import { RE2JS } from 're2js';
import {
  AbTest, AbTestProps, Gateway, Host, IHost, ResilienceProfile, RouteSimulator, ServiceVersion, StringMatch, TlsMode, VariantSelector,
} from '../../src';
import { synthIstio } from '../support/synth-clean';

/** A chart with what a user deploys next to the pattern: the Service `frontend` in `shop` and one Deployment per version. */
function appChart(versions: string[] = ['control', 'variant-a', 'variant-b']): { chart: Chart; host: IHost } {
  const chart = Testing.chart();
  const service = new kplus.Service(chart, 'Service', { metadata: { name: 'frontend', namespace: 'shop' }, ports: [{ port: 8080, name: 'http' }] });
  service.selectLabel('app', 'frontend');
  versions.forEach(version => new kplus.Deployment(chart, `frontend-${version}`, {
    metadata: { namespace: 'shop' },
    podMetadata: { labels: { app: 'frontend', version } },
    containers: [{ image: `example/frontend:${version}`, portNumber: 8080 }],
  }));
  return { chart, host: Host.fromKubeService(service) };
}


const CONTROL = ServiceVersion.named('control');
const VARIANT_A = ServiceVersion.named('variant-a');
const VARIANT_B = ServiceVersion.named('variant-b');

function build(props: Partial<AbTestProps> = {}) {
  const { chart, host } = appChart();
  const test = new AbTest(chart, 'Frontend', {
    host,
    namespace: 'shop',
    selectBy: VariantSelector.cookie('experiment'),
    control: CONTROL,
    variants: [{ version: VARIANT_A }, { version: VARIANT_B }],
    ...props,
  });
  const [rule, vs] = synthIstio(chart);
  return { chart, test, rule, vs };
}

const dest = (subset: string) => [{ destination: { host: 'frontend.shop.svc.cluster.local', subset } }];
const RESILIENCE = {
  timeout: '10s',
  retries: { attempts: 2, perTryTimeout: '3s', retryOn: 'connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes' },
};
const cookie = (pair: string) => ({ headers: { cookie: { regex: `^(.*?;\\s*)?(${pair})(;.*)?$` } } });

describe('AbTest', () => {
  test('defaults: the seed\'s A/B test — cookie variants, control last, ISTIO_MUTUAL, outlier detection, the standard profile', () => {
    const { test, rule, vs } = build();

    expect(rule).toEqual({
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name: 'frontend', namespace: 'shop' },
      spec: {
        host: 'frontend.shop.svc.cluster.local',
        trafficPolicy: {
          tls: { mode: 'ISTIO_MUTUAL' },
          outlierDetection: { consecutive5xxErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 50 },
        },
        subsets: [
          { name: 'control', labels: { version: 'control' } },
          { name: 'variant-a', labels: { version: 'variant-a' } },
          { name: 'variant-b', labels: { version: 'variant-b' } },
        ],
      },
    });
    expect(vs.metadata).toEqual({ name: 'frontend', namespace: 'shop' });
    expect(vs.spec).toEqual({
      hosts: ['frontend.shop.svc.cluster.local'],
      http: [
        { name: 'variant-a', match: [cookie('experiment=variant-a')], route: dest('variant-a'), ...RESILIENCE },
        { name: 'variant-b', match: [cookie('experiment=variant-b')], route: dest('variant-b'), ...RESILIENCE },
        { name: 'control', route: dest('control'), ...RESILIENCE },
      ],
    });
    expect([test.controlSubset.subsetName, ...test.variantSubsets.map(s => s.subsetName)]).toEqual(['control', 'variant-a', 'variant-b']);
    expect(test.virtualService.name).toEqual('frontend');
    expect(test.destinationRule.name).toEqual('frontend');
  });

  test('the whole manifest (snapshot)', () => {
    const { chart } = build();
    expect(Testing.synth(chart)).toMatchSnapshot();
  });

  describe('the cookie regex', () => {
    const regex = (name: string, value: string) => RE2JS.compile(VariantSelector.cookie(name).matchFor(value).headers!.cookie._toIstio().regex);

    test('finds the pair first, among others, or last, as browsers send cookies', () => {
      const re = regex('experiment', 'variant-a');
      for (const header of ['experiment=variant-a', 'experiment=variant-a; session=1', 'session=1; experiment=variant-a', 'a=1;experiment=variant-a;b=2']) {
        expect([header, re.matches(header)]).toEqual([header, true]);
      }
    });

    test('does not take another cookie whose name ends with it, nor a longer value', () => {
      const re = regex('experiment', 'variant-a');
      for (const header of ['myexperiment=variant-a', 'experiment=variant-ab', 'session=experiment=variant-a', '']) {
        expect([header, re.matches(header)]).toEqual([header, false]);
      }
    });

    test('escapes RE2 metacharacters of the name and the value', () => {
      const re = regex('exp.v', 'v1.2+');
      expect(re.matches('exp.v=v1.2+')).toBe(true);
      expect(re.matches('expXv=v1x22')).toBe(false);
      expect(VariantSelector.cookie('exp.v').matchFor('v1.2+').headers!.cookie._toIstio()).toEqual({ regex: '^(.*?;\\s*)?(exp\\.v=v1\\.2\\+)(;.*)?$' });
    });

    test('the seed\'s form misses the cookie after another one (why the regex allows a space)', () => {
      expect(RE2JS.compile('^(.*?;)?(experiment=variant-a)(;.*)?$').matches('session=1; experiment=variant-a')).toBe(false);
    });
  });

  test('selectBy a header: exact values', () => {
    const { vs } = build({ selectBy: VariantSelector.header('x-experiment') });
    expect(vs.spec.http.map((r: any) => r.match)).toEqual([
      [{ headers: { 'x-experiment': { exact: 'variant-a' } } }],
      [{ headers: { 'x-experiment': { exact: 'variant-b' } } }],
      undefined,
    ]);
  });

  test('a variant\'s value other than its version name', () => {
    const { vs } = build({ variants: [{ version: VARIANT_A, value: 'a' }, { version: VARIANT_B, value: 'b' }] });
    expect(vs.spec.http.slice(0, 2).map((r: any) => r.match)).toEqual([[cookie('experiment=a')], [cookie('experiment=b')]]);
  });

  test('name, exportTo and traffic policy', () => {
    const { rule, vs } = build({ name: 'ab-testing', exportTo: ['shop', 'web'], trafficPolicy: { tls: { mode: TlsMode.DISABLE } } });
    expect([rule.metadata.name, vs.metadata.name]).toEqual(['ab-testing', 'ab-testing']);
    expect([rule.spec.exportTo, vs.spec.exportTo]).toEqual([['shop', 'web'], ['shop', 'web']]);
    expect(rule.spec.trafficPolicy.tls).toEqual({ mode: 'DISABLE' });
  });

  test('resilience: another profile on every route and on the rule', () => {
    const { rule, vs } = build({
      resilience: ResilienceProfile.latencySensitive().with({ connectionPool: { http: { http1MaxPendingRequests: 100 } } }),
    });
    expect(vs.spec.http.map((r: any) => r.timeout)).toEqual(['2s', '2s', '2s']);
    expect(rule.spec.trafficPolicy.outlierDetection.consecutive5xxErrors).toEqual(3);
    expect(rule.spec.trafficPolicy.connectionPool).toEqual({ http: { http1MaxPendingRequests: 100 } });
  });

  test('resilience none: no timeout, retries or outlier detection; TLS stays', () => {
    const { rule, vs } = build({ resilience: ResilienceProfile.none() });
    expect(vs.spec.http[0]).toEqual({ name: 'variant-a', match: [cookie('experiment=variant-a')], route: dest('variant-a') });
    expect(rule.spec.trafficPolicy).toEqual({ tls: { mode: 'ISTIO_MUTUAL' } });
  });

  test('faultInjection with a match: a route of its own, first, to the control', () => {
    const { vs } = build({ faultInjection: { match: [{ headers: { 'x-chaos': StringMatch.exact('on') } }], abort: { httpStatus: 503 } } });
    expect(vs.spec.http[0]).toEqual({
      name: 'fault-injection',
      match: [{ headers: { 'x-chaos': { exact: 'on' } } }],
      fault: { abort: { httpStatus: 503, percentage: { value: 100 } } },
      route: dest('control'),
      ...RESILIENCE,
    });
    expect(vs.spec.http.map((r: any) => r.name)).toEqual(['fault-injection', 'variant-a', 'variant-b', 'control']);
  });

  test('faultInjection without a match: the fault, with its percentage, on every route', () => {
    const { vs } = build({ faultInjection: { delay: { fixedDelay: Duration.seconds(2), percentage: 5 } } });
    expect(vs.spec.http.map((r: any) => r.fault)).toEqual(Array(3).fill({ delay: { fixedDelay: '2s', percentage: { value: 5 } } }));
  });

  describe('errors', () => {
    const attempt = (props: Partial<AbTestProps>) => () => build(props);

    test.each<[string, Partial<AbTestProps>, string]>([
      ['no selectBy', { selectBy: undefined }, "AbTest 'test/Frontend': selectBy is required: VariantSelector.cookie(name) or VariantSelector.header(name)"],
      ['no control', { control: undefined }, "AbTest 'test/Frontend': control is required: the version everyone else gets, e.g. ServiceVersion.named('control')"],
      ['no variants', { variants: [] }, "AbTest 'test/Frontend': variants is empty: give at least one variant, e.g. { version: ServiceVersion.named('variant-a') }"],
      ['a variant without version', { variants: [{} as any] }, "AbTest 'test/Frontend': variants[0].version is required: the ServiceVersion that serves the variant"],
      ['a variant on the control', { variants: [{ version: VARIANT_A }, { version: ServiceVersion.named('control') }] },
        'AbTest \'test/Frontend\': variants[1] is the control\'s version "control"; a variant needs a version of its own'],
      ['two variants on one version', { variants: [{ version: VARIANT_A }, { version: VARIANT_A, value: 'a2' }] },
        'AbTest \'test/Frontend\': variants[1] and variants[0] are both version "variant-a"; give each variant a version of its own'],
      ['two variants with one value', { variants: [{ version: VARIANT_A, value: 'x' }, { version: VARIANT_B, value: 'x' }] },
        'AbTest \'test/Frontend\': variants[1] and variants[0] are both selected by the value "x", so variants[1] would never be reached; '
        + 'give each variant a value of its own'],
      ['a cookie value with a space', { variants: [{ version: VARIANT_A, value: 'a b' }] },
        "AbTest 'test/Frontend': variants[0]: VariantSelector.cookie('experiment').matchFor(): value: cookie value must be non-empty, "
        + 'without spaces, quotes, commas, semicolons or backslashes, got "a b"'],
      ['an empty header value', { selectBy: VariantSelector.header('x-experiment'), variants: [{ version: VARIANT_A, value: '' }] },
        "AbTest 'test/Frontend': variants[0]: VariantSelector.header('x-experiment').matchFor(): a header value is a non-empty string "
        + 'without control characters, got ""'],
      ['no host', { host: undefined }, "AbTest 'test/Frontend': host is required"],
    ])('fails on %s', (_, props, message) => {
      expect(attempt(props)).toThrow(message);
    });

    test('VariantSelector factories refuse names that are no cookie or header name', () => {
      expect(() => VariantSelector.cookie('exp;x')).toThrow("VariantSelector.cookie(): name: cookie name must be a token (letters, digits and !#$%&'*+.^_`|~-), got \"exp;x\"");
      expect(() => VariantSelector.header('X-Experiment')).toThrow(
        'VariantSelector.header(): name: header name "X-Experiment" has uppercase letters; Istio asks for header names in lowercase: write "x-experiment"');
      expect(() => VariantSelector.header('x experiment')).toThrow('VariantSelector.header(): name: header name x experiment is not a valid header name');
      expect(() => VariantSelector.header(3 as any)).toThrow('VariantSelector.header(): the header name must be a string, got 3');
      expect(() => VariantSelector.header('cookie')).toThrow(
        'VariantSelector.header(): the cookie header holds several cookies and is never equal to one value: use VariantSelector.cookie(name)');
    });
  });

  test('property: any valid variants, selector, profile and fault synthesize clean', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,6}[a-z0-9]$/);
    const cookieValue = fc.stringMatching(/^[A-Za-z0-9!#$%&'()*+./:<=>?@[\]^_`{|}~-]{1,12}$/);
    fc.assert(fc.property(
      fc.uniqueArray(label, { minLength: 2, maxLength: 5 }),
      fc.boolean(),
      fc.constantFrom('standard', 'latencySensitive', 'longRunning', 'none'),
      fc.constantFrom('none', 'scoped', 'unscoped'),
      fc.array(fc.option(cookieValue, { nil: undefined }), { minLength: 4, maxLength: 4 }),
      (names, byHeader, profile, fault, values) => {
        const { chart, host } = appChart(names);
        const used = new Set<string>();
        const variants = names.slice(1).map((name, i) => {
          const value = values[i] !== undefined && !used.has(values[i]!) && !names.includes(values[i]!) ? values[i] : undefined;
          used.add(value ?? name);
          return { version: ServiceVersion.named(name), value };
        });
        new AbTest(chart, 'Test', {
          host,
          namespace: 'shop',
          selectBy: byHeader ? VariantSelector.header('x-variant') : VariantSelector.cookie('variant'),
          control: ServiceVersion.named(names[0]),
          variants,
          resilience: (ResilienceProfile as any)[profile](),
          faultInjection: fault === 'none' ? undefined
            : fault === 'scoped' ? { match: [{ headers: { 'x-chaos': StringMatch.exact('on') } }], abort: { httpStatus: 503 } }
              : { abort: { httpStatus: 503, percentage: 1 } },
        });
        const [rule, vs] = synthIstio(chart);
        expect(rule.spec.subsets.map((s: any) => s.name)).toEqual(names);
        expect(vs.spec.http).toHaveLength(names.length + (fault === 'scoped' ? 1 : 0));
      }), { numRuns: 50 });
  });
});

describe('AbTest at a gateway (gateways, externalHosts)', () => {
  test('a Gateway construct of the app: the cookie selects the variant at the edge, clean (snapshot)', () => {
    const { chart, host } = appChart();
    const web = new Gateway(chart, 'Web', { metadata: { name: 'public', namespace: 'istio-system' } });
    web.addHttpsServer({ hosts: ['shop.example.com'], credentialName: 'shop-cert' });
    new AbTest(chart, 'Frontend', {
      host,
      namespace: 'shop',
      selectBy: VariantSelector.cookie('experiment'),
      control: CONTROL,
      variants: [{ version: VARIANT_A }, { version: VARIANT_B }],
      gateways: [web],
      externalHosts: ['shop.example.com'],
    });
    const vs = synthIstio(chart).find(obj => obj.kind === 'VirtualService');
    expect(vs.spec.hosts).toEqual(['frontend.shop.svc.cluster.local', 'shop.example.com']);
    expect(vs.spec.gateways).toEqual(['istio-system/public']);
    expect(Testing.synth(chart)).toMatchSnapshot();

    const routes = RouteSimulator.fromApp(chart);
    const atGateway = { gateway: 'istio-system/public', host: 'shop.example.com', scheme: 'https' };
    routes.expect({ ...atGateway, headers: { cookie: 'session=1; experiment=variant-b' } }).toSubset('frontend.shop.svc.cluster.local', 'variant-b');
    routes.expect(atGateway).toSubset('frontend.shop.svc.cluster.local', 'control');
  });

  test('an imported gateway with Gateway.MESH, selected by header: routed at both', () => {
    const { chart, host } = appChart();
    const gateways = [Gateway.fromGatewayName(chart, 'Public', 'istio-system/public'), Gateway.MESH];
    new AbTest(chart, 'Frontend', {
      host,
      namespace: 'shop',
      selectBy: VariantSelector.header('x-experiment'),
      control: CONTROL,
      variants: [{ version: VARIANT_A }],
      gateways,
      externalHosts: ['shop.example.com'],
    });
    const vs = synthIstio(chart).find(obj => obj.kind === 'VirtualService');
    expect(vs.spec.gateways).toEqual(['istio-system/public', 'mesh']);
    const routes = RouteSimulator.fromApp(chart);
    const headers = { 'x-experiment': 'variant-a' };
    routes.expect({ gateway: 'istio-system/public', host: 'shop.example.com', headers }).toSubset('frontend.shop.svc.cluster.local', 'variant-a');
    routes.expect({ host: 'frontend.shop.svc.cluster.local', headers }).toSubset('frontend.shop.svc.cluster.local', 'variant-a');
  });

  test('fails on an empty gateway list', () => {
    expect(() => build({ gateways: [] })).toThrow(/AbTest '.*Frontend': gateways is empty/);
  });
});
