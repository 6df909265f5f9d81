import { checkLocalities, validateLocalityLbSetting } from '../../../../src/validation/webhook/common/locality';
import { at, collect, destinationRule, err, objectDiagnostics, warn } from '../../../support/objects';

const check = (lb: any, outlier = true) => collect(findings => validateLocalityLbSetting(at('l'), findings, lb, outlier));

describe('checkLocalities', () => {
  test.each([
    [['region1', 'region2/zone1', 'region2/zone2/sub1', 'region2/zone2/sub2', 'region3/zone1/*']],
    [['*']],
    [['r/z/s/extra']],
    [[]],
  ])('%p is valid', localities => expect(checkLocalities(localities)).toBeUndefined());

  test.each([
    [['a/*/c'], "locality a/*/c wildcard '*' number can not exceed 1 and must be in the end"],
    [['a/*/*'], "locality a/*/* wildcard '*' number can not exceed 1 and must be in the end"],
    [['*', 'a'], 'locality a overlap with previous specified ones'],
    [['a//b'], 'locality a//b must not contain empty region/zone/subzone info'],
    [[''], 'locality  must not contain empty region/zone/subzone info'],
    [['a', 'a'], 'locality a overlap with previous specified ones'],
    [['a', 'a/z'], 'locality a/z overlap with previous specified ones'],
    [['a/z', 'a/z'], 'locality a/z overlap with previous specified ones'],
    [['a', 'a/z/s'], 'locality a/z/s overlap with previous specified ones'],
    [['a/z', 'a/z/s'], 'locality a/z/s overlap with previous specified ones'],
    [['a/z/s', 'a/z/s'], 'locality a/z/s overlap with previous specified ones'],
    [['a/z/s', 'a/z'], 'locality a/z overlap with previous specified ones'],
  ])('%p: %s', (localities, message) => expect(checkLocalities(localities)).toBe(message));

  test('subzones of a new zone in a known region', () => {
    expect(checkLocalities(['a/z1/s', 'a/z2/s', 'a/z3'])).toBeUndefined();
  });
});

describe('ValidateLocalityLbSetting', () => {
  test('valid settings', () => {
    expect(check(undefined)).toEqual([]);
    expect(check({ distribute: [{ from: 'us-west/zone1/*', to: { 'us-west/zone1/*': 80, 'us-west/zone2/*': 20 } }] })).toEqual([]);
    expect(check({ failover: [{ from: 'us-east', to: 'eu-west' }], failoverPriority: ['topology.istio.io/network'] })).toEqual([]);
  });

  test('distribute with failover: that error alone', () => {
    expect(check({ distribute: [{ from: 'a', to: { b: 200 } }], failover: [{ from: 'a', to: 'a' }] }))
      .toEqual([err('l', "can not simultaneously specify 'distribute' and 'failover'")]);
  });

  test('failover with a topology label in failoverPriority', () => {
    expect(check({ failover: [{ from: 'a', to: 'b' }], failoverPriority: ['x', 'topology.kubernetes.io/zone'] }))
      .toEqual([err('l.failoverPriority[1]', "can not simultaneously set 'failover' and topology label 'topology.kubernetes.io/zone' in 'failover_priority'")]);
    expect(check({ failoverPriority: ['topology.kubernetes.io/zone'] })).toEqual([]);
  });

  test('weights: each in [1, 100] and summing to 100; the first bad weight stops the check', () => {
    expect(check({ distribute: [{ from: 'a', to: { b: 0, c: 100 } }, { from: 'x/y/z/w' }] }))
      .toEqual([err('l.distribute[0].to[b]', 'locality weight must be in range [1, 100]')]);
    expect(check({ distribute: [{ from: 'a', to: { b: 50, c: 40 } }] })).toEqual([err('l.distribute[0].to', 'total locality weight 90 != 100')]);
  });

  test('overlapping destinations and sources', () => {
    expect(check({ distribute: [{ from: 'a', to: { 'b': 50, 'b/z': 50 } }, { from: 'a', to: { c: 100 } }] })).toEqual([
      err('l.distribute[0].to', 'locality b/z overlap with previous specified ones'),
      err('l.distribute', 'locality a overlap with previous specified ones'),
    ]);
  });

  test('failover without outlier detection: warning', () => {
    expect(check({ failoverPriority: ['topology.istio.io/network'] }, false))
      .toEqual([warn('l', 'outlier detection policy must be provided for failover')]);
  });

  test('failover regions', () => {
    expect(check({ failover: [{ from: 'a', to: 'a' }, { from: 'a/z', to: 'b' }, { from: '*', to: 'b' }] })).toEqual([
      err('l.failover[0]', 'locality lb failover settings must specify different regions'),
      err('l.failover[1]', 'locality lb failover only specify region'),
      err('l.failover[2]', "locality lb failover region should not contain '*' wildcard"),
    ]);
  });

  test('end to end', () => {
    const diagnostics = objectDiagnostics([destinationRule('r', { host: 'r', trafficPolicy: { outlierDetection: {}, loadBalancer: { localityLbSetting: { distribute: [{ from: 'a', to: { b: 60, c: 30 } }] } } } })]);
    expect(diagnostics.map(d => [d.path, d.message])).toEqual([
      ['spec.trafficPolicy.loadBalancer.localityLbSetting.distribute[0].to', 'total locality weight 90 != 100'],
    ]);
  });
});
