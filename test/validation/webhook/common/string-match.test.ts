import {
  checkStringMatch, checkStringMatchRegexp, stringMatchType, StringMatchType, stringMatchValue,
} from '../../../../src/validation/webhook/common/string-match';

describe('stringMatchType / stringMatchValue', () => {
  test.each([
    [{ exact: 'a' }, StringMatchType.EXACT, 'a'],
    [{ prefix: '' }, StringMatchType.PREFIX, ''],
    [{ regex: '.*' }, StringMatchType.REGEX, '.*'],
    [{}, undefined, ''],
    [{ exact: null }, undefined, ''],
    [undefined, undefined, ''],
    ['exact', undefined, ''],
  ])('%p', (sm, type, value) => {
    expect(stringMatchType(sm)).toBe(type);
    expect(stringMatchValue(sm)).toBe(value);
  });
});

describe('checkStringMatch', () => {
  test.each([undefined, {}, { exact: '' }, { prefix: '/' }, { regex: '^a$' }])('%p is valid', sm => {
    expect(checkStringMatch(sm, 'method')).toBeUndefined();
  });

  test('an empty prefix', () => {
    expect(checkStringMatch({ prefix: '' }, 'method')).toEqual({ field: 'prefix', message: '"method": prefix string match should not be empty' });
  });

  test('an empty regex', () => {
    expect(checkStringMatch({ regex: '' }, 'headers')).toEqual({ field: 'regex', message: '"headers": regex string match should not be empty' });
  });

  test('an invalid regex', () => {
    expect(checkStringMatch({ regex: '[' }, 'authority')?.message).toMatch(/^"authority": error parsing regexp: missing closing \]: `\[`; Istio uses RE2/);
  });
});

describe('checkStringMatchRegexp', () => {
  test('only regexes are checked: an empty prefix is fine', () => {
    expect(checkStringMatchRegexp({ prefix: '' }, 'uri')).toBeUndefined();
    expect(checkStringMatchRegexp(undefined, 'uri')).toBeUndefined();
  });

  test('an empty regex', () => {
    expect(checkStringMatchRegexp({ regex: '' }, 'uri')).toEqual({ field: 'regex', message: '"uri": regex string match should not be empty' });
  });

  test('a regex too long', () => {
    expect(checkStringMatchRegexp({ regex: 'a'.repeat(1025) }, 'uri')).toEqual({ field: 'regex', message: '"uri": regex is too large, max length allowed is 1024' });
  });
});
