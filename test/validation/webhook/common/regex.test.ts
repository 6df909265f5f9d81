import { MAX_REGEX_LENGTH, regexpCompileError, validateStringRegexp } from '../../../../src/validation/webhook/common/regex';

const RE2_HINT = 'Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)';

describe('regexpCompileError (Go regexp.Compile)', () => {
  test.each(['^/api/v[0-9]+/.*', '(?i)abc', '(?P<name>a)', '(?<name>a)', '\\pL+', 'a{2,1000}', '\\Q.*\\E'])('%s compiles', pattern => {
    expect(regexpCompileError(pattern)).toBeUndefined();
  });

  test.each([
    ['(abc', 'error parsing regexp: missing closing ): `(abc`'],
    ['[a', 'error parsing regexp: missing closing ]: `[a`'],
    ['a**', 'error parsing regexp: invalid nested repetition operator: `**`'],
    ['(?=a)', 'error parsing regexp: invalid or unsupported Perl syntax: `(?=`'],
    ['(?<=a)b', 'error parsing regexp: invalid named capture: `(?<=a)b`'],
    ['\\8', 'error parsing regexp: invalid escape sequence: `\\8`'],
    ['a{1001}', 'error parsing regexp: invalid repeat count: `{1001}`'],
    ['*', 'error parsing regexp: missing argument to repetition operator: `*`'],
    // Go prints an empty expression for a trailing backslash
    ['x\\', 'error parsing regexp: trailing backslash at end of expression: ``'],
  ])('%s: %s', (pattern, message) => {
    expect(regexpCompileError(pattern)).toBe(message);
    expect(regexpCompileError(pattern)).toBe(message); // cached verdict
  });
});

test('Go names the whole pattern of an expression nesting too deeply', () => {
  const pattern = `${'('.repeat(1001)}a${')'.repeat(1001)}`;
  expect(regexpCompileError(pattern)).toBe(`error parsing regexp: expression nests too deeply: \`${pattern}\``);
});

describe('validateStringRegexp', () => {
  test('a valid regex', () => {
    expect(validateStringRegexp('^/a.*', 'uri')).toBeUndefined();
  });

  test('an RE2 syntax error, with Istio\'s hint', () => {
    expect(validateStringRegexp('(abc', 'uri')).toBe(`"uri": error parsing regexp: missing closing ): \`(abc\`; ${RE2_HINT}`);
  });

  test('a regex JavaScript accepts but RE2 does not', () => {
    expect(validateStringRegexp('(?!x)y', 'headers')).toBe(`"headers": error parsing regexp: invalid or unsupported Perl syntax: \`(?!\`; ${RE2_HINT}`);
  });

  test('1024 bytes are allowed, more are not (bytes, not characters)', () => {
    expect(validateStringRegexp('a'.repeat(MAX_REGEX_LENGTH), 'uri')).toBeUndefined();
    expect(validateStringRegexp('a'.repeat(MAX_REGEX_LENGTH + 1), 'uri')).toBe('"uri": regex is too large, max length allowed is 1024');
    expect(validateStringRegexp('\u00e9'.repeat(513), 'uri')).toBe('"uri": regex is too large, max length allowed is 1024');
  });
});
