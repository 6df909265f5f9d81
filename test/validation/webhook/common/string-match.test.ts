import {
  stringMatchType, StringMatchType, stringMatchValue, validateStringMatch, validateStringMatchRegexp,
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

describe('validateStringMatch', () => {
  test.each([undefined, {}, { exact: '' }, { prefix: '/' }, { regex: '^a$' }])('%p is valid', sm => {
    expect(validateStringMatch(sm, 'method')).toBeUndefined();
  });

  test('an empty prefix', () => {
    expect(validateStringMatch({ prefix: '' }, 'method')).toEqual({ field: 'prefix', message: '"method": prefix string match should not be empty' });
  });

  test('an empty regex', () => {
    expect(validateStringMatch({ regex: '' }, 'headers')).toEqual({ field: 'regex', message: '"headers": regex string match should not be empty' });
  });

  test('an invalid regex', () => {
    expect(validateStringMatch({ regex: '[' }, 'authority')?.message).toMatch(/^"authority": error parsing regexp: missing closing \]: `\[`; Istio uses RE2/);
  });
});

describe('validateStringMatchRegexp', () => {
  test('only regexes are checked: an empty prefix is fine', () => {
    expect(validateStringMatchRegexp({ prefix: '' }, 'uri')).toBeUndefined();
    expect(validateStringMatchRegexp(undefined, 'uri')).toBeUndefined();
  });

  test('an empty regex', () => {
    expect(validateStringMatchRegexp({ regex: '' }, 'uri')).toEqual({ field: 'regex', message: '"uri": regex string match should not be empty' });
  });

  test('a regex too long', () => {
    expect(validateStringMatchRegexp({ regex: 'a'.repeat(1025) }, 'uri')).toEqual({ field: 'regex', message: '"uri": regex is too large, max length allowed is 1024' });
  });
});
