import { ROUTE, routeFindings } from './helpers';
import { err } from '../../../support/objects';

const M = 'spec.http[0].match[0]';
const RE2_HINT = 'Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)';
const withMatch = (...match: unknown[]) => routeFindings({ match, route: ROUTE });

describe('validateHTTPRouteMatchRequest', () => {
  test('a match using every field is valid', () => {
    expect(withMatch({
      name: 'm',
      uri: { prefix: '' },
      scheme: { exact: 'https' },
      method: { regex: 'GET|POST' },
      authority: { prefix: 'api.' },
      headers: { 'x-user': { exact: 'alice' }, ':authority': { prefix: 'a' } },
      withoutHeaders: { 'x-debug': { regex: '*' }, 'x-canary': {} },
      queryParams: { v: { regex: '^[0-9]+$' } },
      port: 8080,
      sourceLabels: { 'app': 'ratings', 'example.com/tier': 'backend' },
      gateways: ['mesh'],
      sourceNamespace: 'prod',
      ignoreUriCase: true,
    }, null)).toEqual([]);
  });

  describe('headers', () => {
    test('a header match may not be null, and its name must be a header name', () => {
      expect(withMatch({ headers: { 'x-a': null, 'x b': { exact: 'v' }, '': { exact: 'v' } } })).toEqual([
        err(`${M}.headers[x-a]`, 'header match x-a cannot be null'),
        err(`${M}.headers[x b]`, 'header name x b is not a valid header name'),
        err(`${M}.headers[]`, 'header name cannot be empty'),
      ]);
    });

    test('empty prefixes and bad regexes', () => {
      expect(withMatch({ headers: { 'x-a': { prefix: '' }, 'x-b': { regex: '' }, 'x-c': { regex: '(' } } })).toEqual([
        err(`${M}.headers[x-a].prefix`, '"headers": prefix string match should not be empty'),
        err(`${M}.headers[x-b].regex`, '"headers": regex string match should not be empty'),
        err(`${M}.headers[x-c].regex`, `"headers": error parsing regexp: missing closing ): \`(\`; ${RE2_HINT}`),
      ]);
    });
  });

  describe('withoutHeaders', () => {
    test('names and string matches; regex * is a presence match, not a regex', () => {
      expect(withMatch({ withoutHeaders: { 'x-a': { regex: '*' }, 'x b': { exact: 'v' }, 'x-c': { prefix: '' }, 'x-d': { regex: '**' } } })).toEqual([
        err(`${M}.withoutHeaders[x b]`, 'header name x b is not a valid header name'),
        err(`${M}.withoutHeaders[x-c].prefix`, '"withoutHeaders": prefix string match should not be empty'),
        err(`${M}.withoutHeaders[x-d].regex`, `"withoutHeaders": error parsing regexp: missing argument to repetition operator: \`*\`; ${RE2_HINT}`),
      ]);
    });

    test('a null withoutHeaders entry is skipped', () => {
      expect(withMatch({ withoutHeaders: { 'x-a': null } })).toEqual([]);
    });
  });

  test('uri: an empty prefix is fine, regexes are checked', () => {
    expect(withMatch({ uri: { prefix: '' } })).toEqual([]);
    expect(withMatch({ uri: { regex: '' } })).toEqual([err(`${M}.uri.regex`, '"uri": regex string match should not be empty')]);
    expect(withMatch({ uri: { regex: '\\C' } })).toEqual([err(`${M}.uri.regex`, `"uri": error parsing regexp: invalid escape sequence: \`\\C\`; ${RE2_HINT}`)]);
  });

  test.each(['scheme', 'method', 'authority'])('%s: empty prefixes and bad regexes', field => {
    expect(withMatch({ [field]: { prefix: '' } })).toEqual([err(`${M}.${field}.prefix`, `"${field}": prefix string match should not be empty`)]);
    expect(withMatch({ [field]: { regex: '[z-a]' } })).toEqual([
      err(`${M}.${field}.regex`, `"${field}": error parsing regexp: invalid character class range: \`z-a\`; ${RE2_HINT}`),
    ]);
  });

  test('queryParams', () => {
    expect(withMatch({ queryParams: { a: { prefix: '' }, b: { regex: 'a{2000}' } } })).toEqual([
      err(`${M}.queryParams[a].prefix`, '"queryParams": prefix string match should not be empty'),
      err(`${M}.queryParams[b].regex`, `"queryParams": error parsing regexp: invalid repeat count: \`{2000}\`; ${RE2_HINT}`),
    ]);
  });

  test('port', () => {
    expect(withMatch({ port: 0 })).toEqual([]);
    expect(withMatch({ port: 65536 })).toEqual([err(`${M}.port`, 'port number 65536 must be in the range 1..65535')]);
  });

  test('sourceLabels', () => {
    expect(withMatch({ sourceLabels: { 'a b': 'x', 'app': 'bad value' } })).toEqual([
      err(`${M}.sourceLabels[a b]`, 'invalid tag key: "a b"'),
      err(`${M}.sourceLabels[app]`, 'invalid tag value: "bad value"'),
    ]);
  });

  test('gateways', () => {
    expect(withMatch({ gateways: ['ns/gw', 'n_s/gw'] })).toEqual([err(`${M}.gateways[1]`, 'invalid value for namespace: "n_s"')]);
  });

  test('sourceNamespace', () => {
    expect(withMatch({ sourceNamespace: 'prod.ns' })).toEqual([err(`${M}.sourceNamespace`, 'sourceNamespace match prod.ns is invalid')]);
  });

  test('string matches of every match come before the ports, labels, gateways and namespaces', () => {
    expect(withMatch({ port: 70000 }, { uri: { regex: '' } }).map(finding => finding.path)).toEqual(['spec.http[0].match[1].uri.regex', `${M}.port`]);
  });
});
