import { Duration, Testing } from 'cdk8s';
import { ConsistentHashKey, DestinationRule, HashAlgorithm, Host, IstioValidation, LoadBalancer, TrafficPolicy } from '../src';

/** The synthesized trafficPolicy.loadBalancer of a rule with `policy` (validation runs at synth). */
function loadBalancerOf(policy: TrafficPolicy): any {
  const chart = Testing.chart();
  new DestinationRule(chart, 'Rule', { metadata: { name: 'lb' }, host: Host.fromName('reviews'), trafficPolicy: policy });
  return Testing.synth(chart)[0].spec.trafficPolicy.loadBalancer;
}

function synthPolicy(policy: TrafficPolicy): any[] {
  const chart = Testing.chart();
  new DestinationRule(chart, 'Rule', { metadata: { name: 'lb' }, host: Host.fromName('reviews'), trafficPolicy: policy });
  return Testing.synth(chart);
}

describe('LoadBalancer', () => {
  test.each([
    ['roundRobin', LoadBalancer.roundRobin(), 'ROUND_ROBIN'],
    ['leastRequest', LoadBalancer.leastRequest(), 'LEAST_REQUEST'],
    ['random', LoadBalancer.random(), 'RANDOM'],
    ['passthrough', LoadBalancer.passthrough(), 'PASSTHROUGH'],
  ])('%s() renders simple: %s', (_, loadBalancer, simple) => {
    expect(loadBalancerOf({ loadBalancer })).toEqual({ simple });
  });

  test.each([
    ['httpHeader', ConsistentHashKey.httpHeader('x-user-id'), { httpHeaderName: 'x-user-id' }],
    ['httpCookie', ConsistentHashKey.httpCookie('session'), { httpCookie: { name: 'session' } }],
    ['httpCookie with options', ConsistentHashKey.httpCookie('session', {
      ttl: Duration.seconds(0), path: '/', attributes: [{ name: 'SameSite', value: 'Strict' }, { name: 'Secure' }],
    }), { httpCookie: { name: 'session', path: '/', ttl: '0s', attributes: [{ name: 'SameSite', value: 'Strict' }, { name: 'Secure' }] } }],
    ['sourceIp', ConsistentHashKey.sourceIp(), { useSourceIp: true }],
    ['queryParameter', ConsistentHashKey.queryParameter('tenant'), { httpQueryParameterName: 'tenant' }],
  ])('consistentHash with key %s', (_, key, rendered) => {
    expect(loadBalancerOf({ loadBalancer: LoadBalancer.consistentHash({ key }) })).toEqual({ consistentHash: rendered });
  });

  test.each([
    ['ringHash()', HashAlgorithm.ringHash(), { ringHash: {} }],
    ['ringHash(2048)', HashAlgorithm.ringHash(2048), { ringHash: { minimumRingSize: 2048 } }],
    ['maglev()', HashAlgorithm.maglev(), { maglev: { tableSize: 65537 } }],
    ['maglev(5003)', HashAlgorithm.maglev(5003), { maglev: { tableSize: 5003 } }],
  ])('consistentHash with algorithm %s', (_, algorithm, rendered) => {
    const loadBalancer = LoadBalancer.consistentHash({ key: ConsistentHashKey.sourceIp(), algorithm });
    expect(loadBalancerOf({ loadBalancer })).toEqual({ consistentHash: { useSourceIp: true, ...rendered } });
  });

  test('locality distribute, failoverPriority and warmup render inside loadBalancer, next to the algorithm; validation accepts them', () => {
    const manifest = synthPolicy({
      loadBalancer: LoadBalancer.roundRobin(),
      localityLbSetting: {
        enabled: true,
        distribute: [{ from: 'us-west/zone1/*', to: { 'us-west/zone1/*': 80, 'us-west/zone2/*': 20 } }],
        failoverPriority: ['topology.istio.io/network'],
      },
      warmup: { duration: Duration.seconds(60), aggression: 2, minimumPercent: 20 },
      outlierDetection: { consecutive5xxErrors: 3 },
    });
    expect(manifest[0].spec.trafficPolicy.loadBalancer).toEqual({
      simple: 'ROUND_ROBIN',
      localityLbSetting: {
        enabled: true,
        distribute: [{ from: 'us-west/zone1/*', to: { 'us-west/zone1/*': 80, 'us-west/zone2/*': 20 } }],
        failoverPriority: ['topology.istio.io/network'],
      },
      warmup: { duration: '60s', aggression: 2, minimumPercent: 20 },
    });
    expect(IstioValidation.validate(manifest)).toEqual([]);
    expect(manifest).toMatchSnapshot();
  });

  test('locality failover and the deprecated warmupDurationSecs render without an algorithm', () => {
    expect(loadBalancerOf({
      localityLbSetting: { failover: [{ from: 'us-east', to: 'us-west' }] },
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      warmupDurationSecs: Duration.seconds(30),
      outlierDetection: { consecutive5xxErrors: 3 },
    })).toEqual({ localityLbSetting: { failover: [{ from: 'us-east', to: 'us-west' }] }, warmupDurationSecs: '30s' });
  });

  describe('factories fail early', () => {
    test.each([
      ['an empty header name', () => ConsistentHashKey.httpHeader(''), /ConsistentHashKey.httpHeader\(\): the header name must not be empty, got ""/],
      ['an empty cookie name', () => ConsistentHashKey.httpCookie(' '), /ConsistentHashKey.httpCookie\(\): the cookie name must not be empty, got " "/],
      ['an empty cookie attribute name', () => ConsistentHashKey.httpCookie('s', { attributes: [{ name: '' }] }),
        /ConsistentHashKey.httpCookie\(\): loadBalancer.consistentHash.httpCookie.attributes\[0\].name: cookie attribute name cannot be empty/],
      ['a duplicate cookie attribute', () => ConsistentHashKey.httpCookie('s', { attributes: [{ name: 'Secure' }, { name: 'Secure' }] }),
        /duplicate cookie attribute name: Secure/],
      ['an empty query parameter', () => ConsistentHashKey.queryParameter(''), /ConsistentHashKey.queryParameter\(\): the query parameter name must not be empty/],
      ['a consistent hash with no key', () => LoadBalancer.consistentHash({} as any),
        /LoadBalancer.consistentHash\(\): a consistent hash needs exactly one key, got undefined; pass key: ConsistentHashKey.httpHeader\(\)/],
      ['a ring size of 0', () => HashAlgorithm.ringHash(0), /HashAlgorithm.ringHash\(\): minimumRingSize must be an integer between 1 and 8388608, got 0/],
      ['a fractional table size', () => HashAlgorithm.maglev(1.5), /HashAlgorithm.maglev\(\): tableSize must be an integer between 1/],
      ['a table size that is not prime', () => HashAlgorithm.maglev(1000), /HashAlgorithm.maglev\(\): loadBalancer.consistentHash.maglev.tableSize: tableSize must be a prime number for maglev/],
      ['a table size too large', () => HashAlgorithm.maglev(5000011), /tableSize must be less than 5000011 for maglev/],
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      ['a deprecated ring size out of range', () => LoadBalancer.consistentHash({ key: ConsistentHashKey.sourceIp(), minimumRingSize: -1 }),
        /LoadBalancer.consistentHash\(\): minimumRingSize must be an integer between 1 and 8388608, got -1/],
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      ['the deprecated ring size with an algorithm', () => LoadBalancer.consistentHash({ key: ConsistentHashKey.sourceIp(), minimumRingSize: 10, algorithm: HashAlgorithm.maglev() }),
        /LoadBalancer.consistentHash\(\): loadBalancer.consistentHash.minimumRingSize: only one of MinimumRingSize or Maglev\/Ringhash can be specified/],
    ])('on %s', (_, factory, message) => {
      expect(factory).toThrow(message);
    });
  });

  describe('locality and warmup fail early', () => {
    test.each([
      ['weights that do not add up to 100', { localityLbSetting: { distribute: [{ from: 'a/*', to: { 'a/*': 50 } }] } },
        /DestinationRule 'test\/Rule': trafficPolicy.loadBalancer.localityLbSetting.distribute\[0\].to: total locality weight 50 != 100/],
      ['a weight out of range', { localityLbSetting: { distribute: [{ from: 'a/*', to: { 'a/*': 0, 'b/*': 100 } }] } },
        /localityLbSetting.distribute\[0\].to\[a\/\*\]: locality weight must be in range \[1, 100\]/],
      ['a fractional weight', { localityLbSetting: { distribute: [{ from: 'a/*', to: { 'a/*': 50.5, 'b/*': 49.5 } }] } },
        /localityLbSetting.distribute\[0\].to\[a\/\*\] must be an integer weight between 1 and 100, got 50.5/],
      ['a misplaced wildcard', { localityLbSetting: { distribute: [{ from: '*/a', to: { 'a/*': 100 } }] } },
        /localityLbSetting.distribute: locality \*\/a wildcard '\*' number can not exceed 1 and must be in the end/],
      ['an empty from', { localityLbSetting: { distribute: [{ from: '', to: { 'a/*': 100 } }] } },
        /localityLbSetting.distribute\[0\].from must not be empty/],
      ['failover to the same region', { localityLbSetting: { failover: [{ from: 'us', to: 'us' }] } },
        /localityLbSetting.failover\[0\]: locality lb failover settings must specify different regions/],
      ['failover between zones', { localityLbSetting: { failover: [{ from: 'us/a', to: 'eu' }] } },
        /localityLbSetting.failover\[0\]: locality lb failover only specify region/],
      ['a warmup aggression under 1', { warmup: { duration: Duration.seconds(10), aggression: 0.5 } },
        /trafficPolicy.loadBalancer.warmup.aggression: aggression should be greater than or equal to 1/],
      ['an infinite warmup aggression', { warmup: { duration: Duration.seconds(10), aggression: Infinity } },
        /warmup.aggression must be a finite number, got Infinity/],
      ['a warmup minimumPercent over 100', { warmup: { duration: Duration.seconds(10), minimumPercent: 101 } },
        /trafficPolicy.loadBalancer.warmup.minimumPercent must be a number between 0 and 100, got 101/],
      ['a warmup without duration', { warmup: {} as any }, /trafficPolicy.loadBalancer.warmup.duration is required/],
      ['a warmup duration under 1ms', { warmup: { duration: Duration.millis(0) } }, /warmup.duration: duration must be greater than 1ms, got 0ms/],
    ])('on %s', (_, policy, message) => {
      expect(() => new DestinationRule(Testing.chart(), 'Rule', { host: Host.fromName('reviews'), trafficPolicy: policy as TrafficPolicy }))
        .toThrow(message);
    });
  });

  test('failover with a topology label in failoverPriority is a contradiction reported at synth with Istio\'s message', () => {
    expect(() => synthPolicy({
      localityLbSetting: { failover: [{ from: 'us-east', to: 'us-west' }], failoverPriority: ['topology.kubernetes.io/region'] },
      outlierDetection: { consecutive5xxErrors: 3 },
    })).toThrow(/can not simultaneously set 'failover' and topology label 'topology.kubernetes.io\/region' in 'failover_priority'/);
  });

  test('failover without outlier detection synthesizes with Istio\'s warning', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      synthPolicy({ localityLbSetting: { failover: [{ from: 'us-east', to: 'us-west' }] } });
      expect(warn.mock.calls.map(call => String(call[0]))).toEqual([
        '[test/Rule/Resource] warning: IST0133 DestinationRule lb: spec.trafficPolicy.loadBalancer.localityLbSetting: outlier detection policy must be provided for failover',
      ]);
    } finally {
      warn.mockRestore();
    }
  });
});
