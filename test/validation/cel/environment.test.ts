import { compileRule, isEvalError } from '../../../src/validation/cel/environment';

const evaluate = (rule: string, self: unknown) => {
  const result = compileRule(rule)(self);
  return isEvalError(result) ? `error: ${result.message}` : result;
};

describe('the CEL environment of CRD rules', () => {
  test.each([
    // Go duration syntax, as Kubernetes' duration() parses it.
    ["duration(self) >= duration('1ms')", '1h2m3.5s', true],
    ["duration(self) >= duration('1ms')", '0', false],
    ["duration(self) >= duration('1ms')", '1us', false],
    ["duration(self) >= duration('1ms')", '1µs', false],
    ["duration(self) >= duration('1ms')", '1d', 'error: Failed to parse duration: invalid syntax'],
    // Integers arrive as CEL int (bigint) and compare with int literals.
    ['0 < self && self <= 65535', 8080n, true],
    ['0 < self && self <= 65535', 70000n, false],
    ['self.all(key, 0 < int(key) && int(key) <= 65535)', { 8080: 'x' }, true],
    ['self.all(key, 0 < int(key) && int(key) <= 65535)', { 0: 'x' }, false],
    // Strings extension.
    ["self.startsWith('unix://') ? self.substring(7, 8) == '/' : true", 'unix:///var/run/x.sock', true],
    ["self.startsWith('unix://') ? self.substring(7, 8) == '/' : true", 'unix://relative', false],
    // Macros.
    ['self.all(l1, self.exists_one(l2, l1.number == l2.number))', [{ number: 80n }, { number: 443n }], true],
    ['self.all(l1, self.exists_one(l2, l1.number == l2.number))', [{ number: 80n }, { number: 80n }], false],
    ['has(self.address) || has(self.network)', { network: 'n1' }, true],
    ['has(self.address) || has(self.network)', {}, false],
  ])('%s with %p', (rule, self, expected) => {
    expect(evaluate(rule, self)).toEqual(expected);
  });

  test('matches() is RE2: JavaScript-only syntax such as lookahead is an error, not a match', () => {
    expect(evaluate("self.matches('^[a-z]+$')", 'abc')).toBe(true);
    expect(evaluate("self.matches('^(?=a)a$')", 'a')).toMatch(/^error: /);
  });

  test('URL library: url(), isURL(), getScheme(), getHost() and friends', () => {
    expect(evaluate("url(self).getScheme() in ['http', 'https']", 'https://example.com/x')).toBe(true);
    expect(evaluate("url(self).getScheme() in ['http', 'https']", 'ftp://example.com/x')).toBe(false);
    expect(evaluate('url(self).getHost()', 'https://example.com:8443/x')).toBe('example.com:8443');
    expect(evaluate('url(self).getHostname()', 'https://example.com:8443/x')).toBe('example.com');
    expect(evaluate('url(self).getPort()', 'https://example.com:8443/x')).toBe('8443');
    expect(evaluate('url(self).getEscapedPath()', 'https://example.com/a/b?q=1')).toBe('/a/b');
    expect(evaluate('url(self).getQuery()', 'https://example.com/a/b?q=1')).toBe('q=1');
    expect(evaluate('isURL(self)', 'oci://registry/image:tag')).toBe(true);
    expect(evaluate('isURL(self)', 'registry/image:tag')).toBe(false);
    expect(evaluate('url(self).getScheme()', 'registry/image')).toMatch(/^error: .*invalid URI for request/);
  });
});
