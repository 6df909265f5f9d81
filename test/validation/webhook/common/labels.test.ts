import { stringMap } from '../../../../src/validation/json';
import { checkAlphaWorkloadSelector, checkSubsetName, validateLabels, validateWorkloadSelector } from '../../../../src/validation/webhook/common/labels';
import { at, collect, err, warn } from '../../../support/objects';

describe('labels.Instance.Validate', () => {
  test('valid keys and values, including prefixed keys and empty values', () => {
    // Istio's prefix pattern has no per-label length limit; only the whole prefix is limited (253).
    expect(collect(findings => validateLabels(at('l'), findings, { [`${'a'.repeat(253)}/x`]: 'v', 'app': 'reviews', 'app.kubernetes.io/name': 'x_y.z', 'k': '', 'x': 'a'.repeat(100) }))).toEqual([]);
  });
  test.each([
    ['bad key', 'invalid tag key: "bad key"'],
    ['-a', 'invalid tag key: "-a"'],
    ['a/', 'invalid tag key: "a/"'],
    [`${'a'.repeat(254)}/x`, `invalid tag key: "${'a'.repeat(254)}/x" (DNS prefix is too long)`],
    ['a'.repeat(64), `invalid tag key: "${'a'.repeat(64)}" (name is too long)`],
  ])('key %p', (key, expected) => {
    expect(collect(findings => validateLabels(at('l'), findings, { [key]: 'v' }))).toEqual([err(`l[${key}]`, expected)]);
  });
  test('values', () => {
    expect(collect(findings => validateLabels(at('l'), findings, { b: 'x y', a: '.x' }))).toEqual([
      err('l[a]', 'invalid tag value: ".x"'), err('l[b]', 'invalid tag value: "x y"'),
    ]);
  });
  test('absent labels', () => expect(collect(findings => validateLabels(at('l'), findings, undefined))).toEqual([]));
});

describe('validateWorkloadSelector (matchLabels)', () => {
  test('absent or with labels: valid', () => {
    expect(collect(findings => validateWorkloadSelector(at('s'), findings, undefined))).toEqual([]);
    expect(collect(findings => validateWorkloadSelector(at('s'), findings, { matchLabels: { app: 'a' } }))).toEqual([]);
  });
  test('no labels: warning', () => {
    expect(collect(findings => validateWorkloadSelector(at('s'), findings, { matchLabels: {} }))).toEqual([warn('s', 'workload selector specified without labels')]);
  });
  test('wildcards in keys and values', () => {
    expect(collect(findings => validateWorkloadSelector(at('s'), findings, { matchLabels: { 'a*': 'b' } })))
      .toEqual([err('s.matchLabels[a*]', 'wildcard is not supported in selector: "a*=b"')]);
  });
});

describe('ValidateAlphaWorkloadSelector (labels)', () => {
  test('absent selector', () => expect(checkAlphaWorkloadSelector(undefined)).toEqual({ errors: [] }));
  test('labels', () => expect(checkAlphaWorkloadSelector({ labels: { app: 'a' } })).toEqual({ errors: [] }));
  test('no labels', () => expect(checkAlphaWorkloadSelector({})).toEqual({ errors: [], warning: 'workload selector specified without labels' }));
  test('empty key with a wildcard value: both errors', () => {
    expect(checkAlphaWorkloadSelector({ labels: { '': '*' } }).errors).toEqual([
      { key: '', message: 'empty key is not supported in selector: "=*"' },
      { key: '', message: 'wildcard is not supported in selector: "=*"' },
    ]);
  });
});

describe('checkSubsetName and helpers', () => {
  test('subset names', () => {
    expect(checkSubsetName('v1')).toBeUndefined();
    expect(checkSubsetName('')).toBe('subset name cannot be empty');
    expect(checkSubsetName('v.1')).toBe('subset name is invalid: v.1');
  });
  test('helpers', () => {
    expect(at('spec', 'selector').key('app').toString()).toBe('spec.selector[app]');
    expect(stringMap(null)).toEqual({});
  });
});
