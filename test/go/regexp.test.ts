import { compileRegexp, mustCompileRegexp, regexpCompileError } from '../../src/go/regexp';

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

describe('a compiled pattern', () => {
  test('test: a match anywhere (Go\'s MatchString); fullMatch: the whole text', () => {
    const re = mustCompileRegexp('b+');
    expect([re.test('abbc'), re.test('ac')]).toEqual([true, false]);
    expect([re.fullMatch('bb'), re.fullMatch('abb')]).toEqual([true, false]);
  });

  test('replaceAll: every match, $1 for a group', () => {
    expect(mustCompileRegexp('/v(\\d)/').replaceAll('/v1/x/v2/', '/version-$1/')).toBe('/version-1/x/version-2/');
  });

  test('RE2 syntax, not JavaScript\'s', () => {
    expect(mustCompileRegexp('(?i)abc').fullMatch('ABC')).toBe(true);
    expect(compileRegexp('a(?=b)')).toBeUndefined();
    expect(() => mustCompileRegexp('a(?=b)')).toThrow(/invalid or unsupported Perl syntax/);
  });

  test('each pattern compiles once', () => {
    expect(mustCompileRegexp('x+y')).toBe(mustCompileRegexp('x+y'));
    expect(compileRegexp('x+y')).toBe(mustCompileRegexp('x+y'));
  });
});

test('re2js loads on the first pattern compiled, not with the module', () => {
  jest.isolateModules(() => {
    let loaded = false;
    jest.doMock('re2js', () => {
      loaded = true;
      return jest.requireActual('re2js');
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const regexp = require('../../src/go/regexp') as typeof import('../../src/go/regexp');
    expect(loaded).toBe(false);
    expect(regexp.compileRegexp('a')?.test('a')).toBe(true);
    expect(loaded).toBe(true);
  });
});

