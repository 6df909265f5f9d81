import { regexpCompileError } from '../../src/go/regexp';

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
