import { Duration, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import {
  ClientTlsSettings, ConsistentHashKey, DestinationRule, DestinationRuleProps, H2UpgradePolicy, HashAlgorithm, Host, IstioValidation, LoadBalancer,
  LocalityLbSetting, ProxyProtocolVersion, TlsMode, TrafficPolicy, Warmup,
} from '../src';
import { seedObjects } from './support/pinned';

/** The seed's DestinationRules, in the spec's order (two are named reviews-destination). */
const SEED = seedObjects().filter(obj => obj.kind === 'DestinationRule');

function seedRule(index: number, name: string): any {
  const obj = SEED[index];
  expect(obj.metadata.name).toBe(name);
  return obj;
}

/** Builds a rule in a fresh chart and returns the chart's synthesized manifest (validation runs). */
function synth(props: DestinationRuleProps, build?: (rule: DestinationRule) => void): any[] {
  const chart = Testing.chart();
  const rule = new DestinationRule(chart, 'Rule', props);
  build?.(rule);
  return Testing.synth(chart);
}

/** Synthesizes while capturing console warnings (validation prints webhook warnings at synth). */
function synthWarnings(props: DestinationRuleProps): { manifest: any[]; warnings: string[] } {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    const manifest = synth(props);
    return { manifest, warnings: warn.mock.calls.map(call => String(call[0])) };
  } finally {
    warn.mockRestore();
  }
}

/** The seed object's spec as our synthesized object has it: same metadata, spec compared whole. */
function expectSeed(manifest: any[], seed: any): void {
  expect(manifest).toHaveLength(1);
  expect(manifest[0].apiVersion).toBe('networking.istio.io/v1');
  expect(manifest[0].metadata).toEqual(seed.metadata);
  expect(manifest[0].spec).toEqual(seed.spec);
}

describe('DestinationRule', () => {
  test('renders host, exportTo, workloadSelector, traffic policy and subsets', () => {
    const manifest = synth({
      metadata: { name: 'reviews', namespace: 'shop' },
      host: Host.fromService('reviews', 'shop'),
      exportTo: ['.'],
      workloadSelector: { app: 'productpage' },
      trafficPolicy: { loadBalancer: LoadBalancer.leastRequest() },
      subsets: [{ name: 'v1', labels: { version: 'v1' } }],
    }, rule => rule.addSubset('v2', { labels: { version: 'v2' }, trafficPolicy: { loadBalancer: LoadBalancer.roundRobin() } }));
    expect(manifest[0].spec).toEqual({
      host: 'reviews.shop.svc.cluster.local',
      exportTo: ['.'],
      workloadSelector: { matchLabels: { app: 'productpage' } },
      trafficPolicy: { loadBalancer: { simple: 'LEAST_REQUEST' } },
      subsets: [
        { name: 'v1', labels: { version: 'v1' } },
        { name: 'v2', labels: { version: 'v2' }, trafficPolicy: { loadBalancer: { simple: 'ROUND_ROBIN' } } },
      ],
    });
    expect(IstioValidation.validate(manifest)).toEqual([]);
    expect(manifest).toMatchSnapshot();
  });

  test('renders only the host when nothing else is set; empty lists, maps and policies are left out; TLS is not defaulted', () => {
    const manifest = synth({ metadata: { name: 'plain' }, host: Host.fromName('reviews'), exportTo: [], trafficPolicy: {}, subsets: [] },
      rule => rule.addSubset('all', { labels: {}, trafficPolicy: { connectionPool: {} } }));
    expect(manifest[0].spec).toEqual({ host: 'reviews', subsets: [{ name: 'all' }] });
  });

  test('addSubset returns a Subset of the rule\'s host; subsets lists them in order', () => {
    const chart = Testing.chart();
    const host = Host.fromService('reviews', 'shop');
    const rule = new DestinationRule(chart, 'Rule', { host, subsets: [{ name: 'v1', labels: { version: 'v1' } }] });
    const v2 = rule.addSubset('v2', { labels: { version: 'v2' } });
    expect(v2.subsetName).toBe('v2');
    expect(v2.host).toBe(host);
    expect(v2.labels).toEqual({ version: 'v2' });
    expect(rule.host).toBe(host);
    expect(rule.subsets.map(s => s.subsetName)).toEqual(['v1', 'v2']);
  });

  test('a subset added after construction is rendered (lazy spec)', () => {
    const chart = Testing.chart();
    const rule = new DestinationRule(chart, 'Rule', { host: Host.fromName('reviews') });
    rule.addSubset('late', { labels: { version: 'late' } });
    expect(Testing.synth(chart)[0].spec.subsets).toEqual([{ name: 'late', labels: { version: 'late' } }]);
  });

  test('fromSubsetName imports a subset: its host and name, no object emitted', () => {
    const chart = Testing.chart();
    const host = Host.fromName('reviews.shop.svc.cluster.local');
    const subset = DestinationRule.fromSubsetName(chart, 'V3', host, 'v3');
    expect(subset.subsetName).toBe('v3');
    expect(subset.host).toBe(host);
    expect(Testing.synth(chart)).toEqual([]);
  });

  test('an external host is listed in the annotation the analysis reads', () => {
    const chart = Testing.chart();
    new DestinationRule(chart, 'Rule', { metadata: { name: 'ext' }, host: Host.fromExternalName(chart, 'Api', 'api.example.com') });
    expect(Testing.synth(chart)[0].metadata.annotations).toEqual({ 'cdk8s-istio.dev/external-references': 'Host api.example.com' });
  });

  describe('fails early', () => {
    test.each([
      ['an empty subset name', '', /DestinationRule 'test\/Rule': subset name cannot be empty \(got ""\); a subset name is a DNS-1123 label/],
      ['an invalid subset name', 'V_1', /DestinationRule 'test\/Rule': subset name is invalid: V_1 \(got "V_1"\)/],
    ])('on %s', (_, name, message) => {
      const chart = Testing.chart();
      const rule = new DestinationRule(chart, 'Rule', { host: Host.fromName('reviews') });
      expect(() => rule.addSubset(name)).toThrow(message);
    });

    test('on a duplicate subset, from props or addSubset', () => {
      const chart = Testing.chart();
      const rule = new DestinationRule(chart, 'Rule', { host: Host.fromName('reviews'), subsets: [{ name: 'v1' }] });
      expect(() => rule.addSubset('v1')).toThrow(/DestinationRule 'test\/Rule': subset "v1" is already declared; give each subset a unique name/);
      expect(() => new DestinationRule(chart, 'Twice', { host: Host.fromName('reviews'), subsets: [{ name: 'a' }, { name: 'a' }] }))
        .toThrow(/subset "a" is already declared/);
    });

    test('on invalid subset labels', () => {
      const chart = Testing.chart();
      const rule = new DestinationRule(chart, 'Rule', { host: Host.fromName('reviews') });
      expect(() => rule.addSubset('v1', { labels: { version: 'not valid' } })).toThrow(/subsets\[v1\].labels\[version\]: invalid tag value: "not valid"/);
    });

    test('on a wrong subset traffic policy, naming the subset', () => {
      const chart = Testing.chart();
      const rule = new DestinationRule(chart, 'Rule', { host: Host.fromName('reviews') });
      expect(() => rule.addSubset('v1', { trafficPolicy: { outlierDetection: { maxEjectionPercent: 120 } } }))
        .toThrow(/subsets\[v1\].trafficPolicy.outlierDetection.maxEjectionPercent must be an integer between 0 and 100, got 120/);
    });

    test('on a missing host', () => {
      expect(() => new DestinationRule(Testing.chart(), 'Rule', {} as any)).toThrow(/DestinationRule 'test\/Rule': host is required/);
    });

    test('on an invalid exportTo entry', () => {
      expect(() => new DestinationRule(Testing.chart(), 'Rule', { host: Host.fromName('reviews'), exportTo: ['~'] }))
        .toThrow(/exportTo\[0\]: exportTo ~ \(none\) is not allowed for Istio configuration objects \(got "~"; use '.', '\*' or a namespace name\)/);
      expect(() => new DestinationRule(Testing.chart(), 'Rule', { host: Host.fromName('reviews'), exportTo: ['Not_A_Namespace'] }))
        .toThrow(/only .,\*, or a valid DNS 1123 label is allowed as exportTo entry/);
      expect(() => new DestinationRule(Testing.chart(), 'Rule', { host: Host.fromName('reviews'), exportTo: ['.', '~'] }))
        .toThrow(/'test\/Rule': exportTo\[1\]: exportTo ~ \(none\)/);
    });

    test('on an empty or wildcard workloadSelector', () => {
      expect(() => new DestinationRule(Testing.chart(), 'Rule', { host: Host.fromName('reviews'), workloadSelector: {} }))
        .toThrow(/workloadSelector is empty: give at least one label/);
      expect(() => new DestinationRule(Testing.chart(), 'Rule', { host: Host.fromName('reviews'), workloadSelector: { app: '*' } }))
        .toThrow(/workloadSelector.matchLabels\[app\]: wildcard is not supported in selector: "app=\*"/);
    });

    test('fromSubsetName on an invalid name', () => {
      expect(() => DestinationRule.fromSubsetName(Testing.chart(), 'X', Host.fromName('reviews'), 'Bad Name'))
        .toThrow(/DestinationRule.fromSubsetName\(\): subset name is invalid: Bad Name/);
    });
  });

  describe('contradictions are reported at synth with Istio\'s message', () => {
    test('exportTo with "*" and another entry', () => {
      expect(() => synth({ host: Host.fromName('reviews'), exportTo: ['*', 'shop'] }))
        .toThrow(/cannot have both public \(\*\) and non-public exportTo values for a resource/);
    });

    test('a workloadSelector with exportTo beyond the rule\'s namespace', () => {
      expect(() => synth({ metadata: { namespace: 'shop' }, host: Host.fromName('reviews'), workloadSelector: { app: 'a' }, exportTo: ['*'] }))
        .toThrow(/destination rule with workload selector cannot have exportTo beyond current namespace/);
    });
  });
});

describe('the seed spec\'s 14 DestinationRules, built with DestinationRule', () => {
  test('the fixture holds 14 DestinationRules', () => {
    expect(SEED).toHaveLength(14);
  });

  test('reviews-destination (namespace default), corrected: splitExternalLocalOriginErrors set, as Istio requires with consecutiveLocalOriginFailures', () => {
    const seed = seedRule(0, 'reviews-destination');
    const manifest = synth({
      metadata: { name: 'reviews-destination', namespace: 'default' },
      host: Host.fromService('reviews', 'default'),
      trafficPolicy: {
        loadBalancer: LoadBalancer.consistentHash({ key: ConsistentHashKey.httpHeader('x-user-id') }),
        connectionPool: {
          tcp: {
            maxConnections: 100,
            connectTimeout: Duration.millis(30),
            tcpKeepalive: { time: Duration.seconds(7200), interval: Duration.seconds(75) },
          },
          http: {
            http1MaxPendingRequests: 50,
            http2MaxRequests: 100,
            maxRequestsPerConnection: 2,
            maxRetries: 3,
            h2UpgradePolicy: H2UpgradePolicy.UPGRADE,
            idleTimeout: Duration.seconds(3600),
          },
        },
        outlierDetection: {
          consecutive5xxErrors: 5,
          interval: Duration.seconds(30),
          baseEjectionTime: Duration.seconds(30),
          maxEjectionPercent: 50,
          minHealthPercent: 40,
          consecutiveGatewayErrors: 5,
          consecutiveLocalOriginFailures: 5,
          splitExternalLocalOriginErrors: true,
        },
        tls: {
          mode: TlsMode.ISTIO_MUTUAL,
          sni: 'reviews.default.svc.cluster.local',
          subjectAltNames: ['spiffe://cluster.local/ns/default/sa/reviews'],
        },
      },
      subsets: [
        { name: 'v1', labels: { version: 'v1' }, trafficPolicy: { loadBalancer: LoadBalancer.roundRobin() } },
        {
          name: 'v2',
          labels: { version: 'v2' },
          trafficPolicy: { loadBalancer: LoadBalancer.leastRequest(), connectionPool: { tcp: { maxConnections: 200 } } },
        },
        { name: 'v3', labels: { version: 'v3' }, trafficPolicy: { loadBalancer: LoadBalancer.random() } },
      ],
    });
    const corrected = structuredClone(seed);
    corrected.spec.trafficPolicy.outlierDetection.splitExternalLocalOriginErrors = true;
    expectSeed(manifest, corrected);
    expect(IstioValidation.validate(manifest)).toEqual([]);
    expect(manifest).toMatchSnapshot();
  });

  test('reviews-destination as written (local-origin failures without the split) fails at synth with Istio\'s message', () => {
    expect(() => synth({
      host: Host.fromService('reviews', 'default'),
      trafficPolicy: { outlierDetection: { consecutiveLocalOriginFailures: 5 } },
    })).toThrow(/outlier detection consecutive local origin failures is specified, but split external local origin errors is set to false/);
  });

  test.each([
    [1, 'lb-examples', 'myservice', LoadBalancer.leastRequest()],
    [3, 'load-balancer-examples', 'myservice', LoadBalancer.roundRobin()],
    [4, 'user-session-affinity', 'webapp', LoadBalancer.consistentHash({ key: ConsistentHashKey.httpHeader('x-user-id') })],
    [5, 'cookie-affinity', 'webapp',
      LoadBalancer.consistentHash({ key: ConsistentHashKey.httpCookie('session-id', { ttl: Duration.seconds(3600), path: '/api' }) })],
    [6, 'source-ip-affinity', 'stateful-service', LoadBalancer.consistentHash({ key: ConsistentHashKey.sourceIp() })],
    [7, 'query-param-affinity', 'api', LoadBalancer.consistentHash({ key: ConsistentHashKey.queryParameter('tenant-id') })],
  ])('%s: %s', (index, name, service, loadBalancer) => {
    const manifest = synth({ metadata: { name }, host: Host.fromService(service, 'default'), trafficPolicy: { loadBalancer } });
    expectSeed(manifest, seedRule(index, name));
  });

  test('tls-example (SIMPLE with a CA; a MUTUAL subset with files)', () => {
    const manifest = synth({
      metadata: { name: 'tls-example' },
      host: Host.fromName('external-service.com'),
      trafficPolicy: { tls: { mode: TlsMode.SIMPLE, caCertificates: '/etc/certs/ca.crt', sni: 'external-service.com' } },
      subsets: [{
        name: 'mtls-subset',
        trafficPolicy: {
          tls: {
            mode: TlsMode.MUTUAL,
            clientCertificate: '/etc/certs/client.crt',
            privateKey: '/etc/certs/client.key',
            caCertificates: '/etc/certs/ca.crt',
          },
        },
      }],
    });
    expectSeed(manifest, seedRule(2, 'tls-example'));
  });

  test('ring-hash-config, with the deprecated minimumRingSize as written: synth prints Istio\'s deprecation warning', () => {
    const { manifest, warnings } = synthWarnings({
      metadata: { name: 'ring-hash-config' },
      host: Host.fromService('distributed-cache', 'default'),
      trafficPolicy: {
        // eslint-disable-next-line @typescript-eslint/no-deprecated
        loadBalancer: LoadBalancer.consistentHash({ key: ConsistentHashKey.httpHeader('x-cache-key'), minimumRingSize: 1024 }),
      },
    });
    expectSeed(manifest, seedRule(8, 'ring-hash-config'));
    expect(warnings).toEqual([
      '[test/Rule/Resource] warning: IST0133 DestinationRule ring-hash-config: spec.trafficPolicy.loadBalancer.consistentHash.minimumRingSize: '
      + "consistent hash MinimumRingSize is deprecated, use ConsistentHashLB's RingHash configuration instead",
    ]);
  });

  test('locality-lb, corrected: distribute only (Istio rejects distribute together with failover)', () => {
    const seed = seedRule(9, 'locality-lb');
    const distribute = [{ from: 'us-east-1/us-east-1a/*', to: { 'us-east-1/us-east-1a/*': 80, 'us-east-1/us-east-1b/*': 20 } }];
    const manifest = synth({
      metadata: { name: 'locality-lb' },
      host: Host.fromService('global-service', 'default'),
      trafficPolicy: { localityLbSetting: { enabled: true, distribute } },
    });
    const corrected = structuredClone(seed);
    delete corrected.spec.trafficPolicy.loadBalancer.localityLbSetting.failover;
    expectSeed(manifest, corrected);
  });

  test('locality-lb as written (distribute and failover) fails at synth with Istio\'s message', () => {
    expect(() => synth({
      host: Host.fromService('global-service', 'default'),
      trafficPolicy: {
        localityLbSetting: {
          enabled: true,
          distribute: [{ from: 'us-east-1/us-east-1a/*', to: { 'us-east-1/us-east-1a/*': 80, 'us-east-1/us-east-1b/*': 20 } }],
          failover: [{ from: 'us-east-1', to: 'us-west-1' }],
        },
        outlierDetection: { consecutive5xxErrors: 5 },
      },
    })).toThrow(/spec.trafficPolicy.loadBalancer.localityLbSetting: can not simultaneously specify 'distribute' and 'failover'/);
  });

  test.each([
    [10, 'api-subsets', 'api', ['v1', 'v2']],
    [11, 'reviews-destination', 'reviews', ['v1', 'v2']],
    [12, 'payment-destination', 'payment', ['blue', 'green']],
    [13, 'frontend-destination', 'frontend', ['control', 'variant-a', 'variant-b']],
  ])('%s: %s (subsets by version label, added with addSubset)', (index, name, service, versions) => {
    const manifest = synth({ metadata: { name }, host: Host.fromService(service, 'default') }, rule => {
      for (const version of versions) rule.addSubset(version, { labels: { version } });
    });
    expectSeed(manifest, seedRule(index, name));
  });
});

describe('property: any valid props synthesize to an object the validator accepts', () => {
  const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}[a-z0-9]$/);
  const duration = fc.oneof(fc.integer({ min: 1, max: 100_000 }).map(ms => Duration.millis(ms)),
    fc.integer({ min: 1, max: 3600 }).map(s => Duration.seconds(s)));
  const count = fc.integer({ min: 0, max: 2 ** 31 - 1 });
  const percent = fc.integer({ min: 0, max: 100 });
  const key = fc.oneof(
    label.map(name => ConsistentHashKey.httpHeader(`x-${name}`)),
    fc.record({ name: label, ttl: fc.option(duration, { nil: undefined }), path: fc.option(fc.constant('/'), { nil: undefined }) })
      .map(({ name, ttl, path }) => ConsistentHashKey.httpCookie(name, { ttl, path })),
    fc.constant(ConsistentHashKey.sourceIp()),
    label.map(name => ConsistentHashKey.queryParameter(name)),
  );
  const algorithm = fc.option(fc.oneof(
    fc.option(fc.integer({ min: 1, max: 8_388_608 }), { nil: undefined }).map(size => HashAlgorithm.ringHash(size)),
    fc.constantFrom(HashAlgorithm.maglev(), HashAlgorithm.maglev(5003), HashAlgorithm.maglev(4999963)),
  ), { nil: undefined });
  const loadBalancer = fc.oneof(
    fc.constantFrom(LoadBalancer.roundRobin(), LoadBalancer.leastRequest(), LoadBalancer.random(), LoadBalancer.passthrough()),
    fc.tuple(key, algorithm).map(([k, a]) => LoadBalancer.consistentHash({ key: k, algorithm: a })),
  );
  const region = fc.constantFrom('us-east', 'us-west', 'eu-west', 'ap-south');
  const localityLbSetting: fc.Arbitrary<LocalityLbSetting> = fc.oneof(
    fc.tuple(region, fc.integer({ min: 1, max: 99 }), fc.boolean()).map(([from, weight, enabled]): LocalityLbSetting => ({
      enabled, distribute: [{ from: `${from}/*`, to: { [`${from}/a/*`]: weight, [`${from}/b/*`]: 100 - weight } }],
    })),
    fc.uniqueArray(region, { minLength: 2, maxLength: 2 }).map(([from, to]): LocalityLbSetting => ({ failover: [{ from, to }] })),
    fc.constant<LocalityLbSetting>({ failoverPriority: ['topology.istio.io/network', 'topology.kubernetes.io/region'] }),
  );
  const warmup: fc.Arbitrary<Warmup> = fc.record({
    duration,
    aggression: fc.option(fc.double({ min: 1, max: 10, noNaN: true }), { nil: undefined }),
    minimumPercent: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: undefined }),
  });
  const connectionPool = fc.record({
    tcp: fc.record({
      maxConnections: count,
      connectTimeout: duration,
      idleTimeout: duration,
      maxConnectionDuration: duration,
      tcpKeepalive: fc.record({ probes: fc.integer({ min: 0, max: 2 ** 32 - 1 }), time: duration, interval: duration }, { requiredKeys: [] }),
    }, { requiredKeys: [] }),
    http: fc.record({
      http1MaxPendingRequests: count,
      http2MaxRequests: count,
      maxRequestsPerConnection: count,
      maxRetries: count,
      idleTimeout: duration,
      h2UpgradePolicy: fc.constantFrom(H2UpgradePolicy.DEFAULT, H2UpgradePolicy.DO_NOT_UPGRADE, H2UpgradePolicy.UPGRADE),
      maxConcurrentStreams: count,
    }, { requiredKeys: [] }),
  }, { requiredKeys: [] });
  const outlierDetection = fc.record({
    consecutive5xxErrors: count,
    consecutiveGatewayErrors: count,
    interval: duration,
    baseEjectionTime: duration,
    maxEjectionPercent: percent,
    minHealthPercent: percent,
  }, { requiredKeys: [] });
  const tls = fc.constantFrom<ClientTlsSettings>({ mode: TlsMode.ISTIO_MUTUAL }, { mode: TlsMode.DISABLE },
    { mode: TlsMode.SIMPLE, caCertificates: '/etc/ca.crt' }, { mode: TlsMode.MUTUAL, clientCertificate: '/c.pem', privateKey: '/k.pem', caCertificates: '/ca.pem' });
  const portPolicy = fc.record({ loadBalancer, localityLbSetting, warmup, connectionPool, outlierDetection, tls }, { requiredKeys: [] })
    .filter(options => Object.keys(options).length > 0);
  const policy: fc.Arbitrary<TrafficPolicy> = fc.record({
    loadBalancer,
    localityLbSetting,
    warmup,
    connectionPool,
    outlierDetection,
    tls,
    portLevelSettings: fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 65535 }), portPolicy).map(([port, options]) => ({ port, ...options })),
      { selector: p => p.port, maxLength: 2 }),
    proxyProtocol: fc.constantFrom(ProxyProtocolVersion.V1, ProxyProtocolVersion.V2),
    retryBudget: fc.record({ percent: fc.double({ min: 0, max: 100, noNaN: true }), minRetryConcurrency: count }, { requiredKeys: [] }),
  }, { requiredKeys: [] }).chain(p => p.proxyProtocol ? fc.constant(p) : fc.option(
    fc.record({ targetHost: fc.constantFrom('proxy.example.com', '10.0.0.1'), targetPort: fc.integer({ min: 1, max: 65535 }) }),
    { nil: undefined }).map(tunnel => ({ ...p, tunnel })));

  test('synth succeeds and IstioValidation.validate reports no error', () => {
    // Warnings (failover without outlier detection, TLS without a CA) are allowed: kept off the output.
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      fc.assert(fc.property(
        fc.record({
          host: label,
          exportTo: fc.option(fc.constantFrom(['.'], ['*'], ['shop']).map(list => [...list]), { nil: undefined }),
          trafficPolicy: fc.option(policy, { nil: undefined }),
          subsets: fc.uniqueArray(
            fc.record({ name: label, labels: fc.dictionary(label, label, { maxKeys: 2 }), trafficPolicy: fc.option(policy, { nil: undefined }) }),
            { selector: s => s.name, maxLength: 3 }),
        }),
        props => {
          const manifest = synth({ ...props, metadata: { namespace: 'shop' }, host: Host.fromService(props.host, 'shop') });
          const errors = IstioValidation.validate(manifest).filter(d => d.severity === 'error');
          expect(errors).toEqual([]);
        },
      ), { numRuns: 100 });
    } finally {
      warn.mockRestore();
    }
  });
});
