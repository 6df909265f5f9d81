import { destinationRule, err, objectDiagnostics, warn, webhookFindings } from '../../../support/objects';

const drPolicy = (trafficPolicy: unknown) => webhookFindings(destinationRule('x', { host: 'reviews', trafficPolicy }, 'ns'));

const B = 'spec.trafficPolicy.loadBalancer';
const H = `${B}.consistentHash`;

describe('validateLoadBalancer', () => {
  test('valid load balancers', () => {
    expect(drPolicy({ loadBalancer: { simple: 'ROUND_ROBIN', warmup: { duration: '60s', minimumPercent: 10, aggression: 1.5 } } })).toEqual([]);
    expect(drPolicy({ loadBalancer: { consistentHash: { httpCookie: { name: 'user', ttl: '0s', attributes: [{ name: 'SameSite', value: 'Strict' }] } } } })).toEqual([]);
    expect(drPolicy({ loadBalancer: { consistentHash: { useSourceIp: true, maglev: { tableSize: 65537 } } } })).toEqual([]);
    expect(drPolicy({ loadBalancer: { consistentHash: { httpHeaderName: 'x', ringHash: { minimumRingSize: 1024 } } } })).toEqual([]);
  });

  test('cookie name and attributes', () => {
    expect(drPolicy({ loadBalancer: { consistentHash: { httpCookie: { name: '', attributes: [{ name: '' }, { name: 'a' }, { name: 'a' }] } } } })).toEqual([
      err(`${H}.httpCookie.name`, 'name required for HttpCookie'),
      err(`${H}.httpCookie.attributes[0].name`, 'cookie attribute name cannot be empty'),
      err(`${H}.httpCookie.attributes[2].name`, 'duplicate cookie attribute name: a'),
    ]);
  });

  test('deprecated minimumRingSize: warning; with maglev or ringHash: also an error', () => {
    const deprecated = warn(`${H}.minimumRingSize`, "consistent hash MinimumRingSize is deprecated, use ConsistentHashLB's RingHash configuration instead");
    expect(drPolicy({ loadBalancer: { consistentHash: { useSourceIp: true, minimumRingSize: 1024 } } })).toEqual([deprecated]);
    expect(drPolicy({ loadBalancer: { consistentHash: { useSourceIp: true, minimumRingSize: 1024, ringHash: {} } } })).toEqual([
      deprecated, err(`${H}.minimumRingSize`, 'only one of MinimumRingSize or Maglev/Ringhash can be specified'),
    ]);
  });

  test.each([
    [0, ['tableSize must be set for maglev', 'tableSize must be a prime number for maglev']],
    [undefined, ['tableSize must be set for maglev', 'tableSize must be a prime number for maglev']],
    [5000011, ['tableSize must be less than 5000011 for maglev']],
    [65536, ['tableSize must be a prime number for maglev']],
    [9, ['tableSize must be a prime number for maglev']],
    [2, []],
    [3, []],
    [4999999, []],
    [1000001, ['tableSize must be a prime number for maglev']],
  ])('maglev tableSize %p', (tableSize, messages) => {
    expect(drPolicy({ loadBalancer: { consistentHash: { useSourceIp: true, maglev: { tableSize } } } }))
      .toEqual(messages.map(m => err(`${H}.maglev.tableSize`, m)));
  });

  test('warmup', () => {
    expect(drPolicy({ loadBalancer: { warmup: {} } })).toEqual([err(`${B}.warmup.duration`, 'duration is required')]);
    expect(drPolicy({ loadBalancer: { warmup: { duration: '1.5ms', minimumPercent: 101, aggression: 0.5 } } })).toEqual([
      err(`${B}.warmup.duration`, 'only durations to ms precision are supported'),
      err(`${B}.warmup.minimumPercent`, 'minimumPercent value should be less than or equal to 100'),
      err(`${B}.warmup.aggression`, 'aggression should be greater than or equal to 1'),
    ]);
  });

  test('locality settings are checked with the policy\'s outlier detection', () => {
    expect(drPolicy({ loadBalancer: { localityLbSetting: { failover: [{ from: 'a', to: 'b' }] } }, outlierDetection: {} })).toEqual([]);
    expect(drPolicy({ loadBalancer: { localityLbSetting: { failover: [{ from: 'a', to: 'b' }] } } }))
      .toEqual([warn(`${B}.localityLbSetting`, 'outlier detection policy must be provided for failover')]);
  });

  test('end to end: maglev table size and aggression', () => {
    const diagnostics = objectDiagnostics([destinationRule('r', { host: 'r', trafficPolicy: { loadBalancer: { consistentHash: { useSourceIp: true, maglev: { tableSize: 1000 } }, warmup: { duration: '10s', aggression: 0.1 } } } })]);
    expect(diagnostics.map(d => [d.path, d.message])).toEqual([
      [`${H}.maglev.tableSize`, 'tableSize must be a prime number for maglev'],
      [`${B}.warmup.aggression`, 'aggression should be greater than or equal to 1'],
    ]);
  });
});
