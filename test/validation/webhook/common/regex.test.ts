import { checkStringRegexp, MAX_REGEX_LENGTH } from '../../../../src/validation/webhook/common/regex';

const RE2_HINT = 'Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)';

describe('checkStringRegexp', () => {
  test('a valid regex', () => {
    expect(checkStringRegexp('^/a.*', 'uri')).toBeUndefined();
  });

  test('an RE2 syntax error, with Istio\'s hint', () => {
    expect(checkStringRegexp('(abc', 'uri')).toBe(`"uri": error parsing regexp: missing closing ): \`(abc\`; ${RE2_HINT}`);
  });

  test('a regex JavaScript accepts but RE2 does not', () => {
    expect(checkStringRegexp('(?!x)y', 'headers')).toBe(`"headers": error parsing regexp: invalid or unsupported Perl syntax: \`(?!\`; ${RE2_HINT}`);
  });

  test('1024 bytes are allowed, more are not (bytes, not characters)', () => {
    expect(checkStringRegexp('a'.repeat(MAX_REGEX_LENGTH), 'uri')).toBeUndefined();
    expect(checkStringRegexp('a'.repeat(MAX_REGEX_LENGTH + 1), 'uri')).toBe('"uri": regex is too large, max length allowed is 1024');
    expect(checkStringRegexp('\u00e9'.repeat(513), 'uri')).toBe('"uri": regex is too large, max length allowed is 1024');
  });
});
