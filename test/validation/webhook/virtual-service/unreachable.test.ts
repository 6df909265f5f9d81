import { ROUTE } from './helpers';
import { analyzeUnreachableRules, RouteAnalysisType } from '../../../../src/validation/webhook/virtual-service/unreachable';

const UNREACHABLE = RouteAnalysisType.UNREACHABLE_RULE;
const INEFFECTIVE = RouteAnalysisType.INEFFECTIVE_MATCH;
const messages = (spec: unknown) => analyzeUnreachableRules(spec).map(f => [f.type, f.path, f.message]);

describe('analyzeUnreachableHTTPRules', () => {
  test('distinct matches and a final catch-all are fine', () => {
    expect(analyzeUnreachableRules({
      http: [
        { match: [{ uri: { exact: '/a' } }], route: ROUTE },
        { match: [{ uri: { exact: '/a' }, headers: { 'x-v': { exact: '2' } } }], route: ROUTE },
        { match: [{ uri: { prefix: '/b' }, method: { exact: 'POST' } }], route: ROUTE },
        { match: [{ uri: { prefix: '/bc' } }], route: ROUTE },
        null,
        { route: ROUTE },
      ],
    })).toEqual([]);
  });

  test('only the last rule can have no matches; rules after it are not used', () => {
    expect(analyzeUnreachableRules({
      http: [{ name: 'all', route: ROUTE }, { route: ROUTE }, { match: [{ uri: { exact: '/a' } }, { uri: { exact: '/b' } }], route: ROUTE }],
    })).toEqual([
      { path: 'spec.http[1]', message: 'virtualService rule #1 not used (only the last rule can have no matches)', warning: true, type: UNREACHABLE, parameters: ['#1', 'only the last rule can have no matches'] },
      { path: 'spec.http[2]', message: 'virtualService rule #2 not used (route without matches defined before)', warning: true, type: UNREACHABLE, parameters: ['#2', 'route without matches defined before'] },
      { path: 'spec.http[2]', message: 'virtualService rule #2 not used (route without matches defined before)', warning: true, type: UNREACHABLE, parameters: ['#2', 'route without matches defined before'] },
    ]);
  });

  test('duplicate matches (names aside, zero values aside) are ineffective; a rule of only those is unreachable', () => {
    expect(messages({
      http: [
        { name: 'first', match: [{ name: 'a', uri: { exact: '/a' }, ignoreUriCase: false, headers: {} }], route: ROUTE },
        { name: 'second', match: [{ name: 'b', uri: { exact: '/a' } }], route: ROUTE },
        { match: [{ uri: { exact: '/a' }, port: 0 }, { uri: { exact: '/c' } }], route: ROUTE },
      ],
    })).toEqual([
      [INEFFECTIVE, 'spec.http[1].match[0]', 'virtualService rule "second" match "b" is not used (duplicate/overlapping match in rule "first")'],
      [UNREACHABLE, 'spec.http[1]', 'virtualService rule "second" not used (all matches used by prior rules)'],
      [INEFFECTIVE, 'spec.http[2].match[0]', 'virtualService rule #2 match #0 is not used (duplicate/overlapping match in rule "first")'],
    ]);
  });

  test('set-but-empty members differ from absent ones', () => {
    expect(messages({
      http: [
        { match: [{ uri: { exact: '' } }], route: ROUTE },
        { match: [{ uri: { prefix: '' } }], route: ROUTE },
        { match: [{ uri: {} }], route: ROUTE },
        { match: [{}], route: ROUTE },
        { match: [{ headers: { a: { exact: 'x' } } }], route: ROUTE },
        { match: [{ headers: { a: { prefix: 'x' } } }], route: ROUTE },
      ],
    })).toEqual([]);
  });

  test('a URI prefix covered by an earlier one is ineffective', () => {
    expect(messages({
      http: [
        { name: 'api', match: [{ name: 'm', uri: { prefix: '/api' } }], route: ROUTE },
        { name: 'v1', match: [{ uri: { prefix: '/api/v1' } }], route: ROUTE },
        { match: [{ uri: { prefix: '/api/v2' }, method: { exact: 'POST' } }], route: ROUTE },
        { match: [{ uri: { prefix: '/api/v3' }, port: 8080 }], route: ROUTE },
        { match: [{ uri: { prefix: '/api/v4' }, headers: { 'x-a': { exact: '1' } } }], route: ROUTE },
        { match: [{ uri: { prefix: '/other' } }], route: ROUTE },
      ],
    })).toEqual([
      [INEFFECTIVE, 'spec.http[1].match[0]', 'virtualService rule "v1" match #0 of prefix /api/v1 is not used (duplicate/overlapping match in rule "m" of prefix /api on "api")'],
    ]);
  });

  test('prefix coverage compares method, authority, headers, query parameters and absent headers by prefix', () => {
    const m = (extra: Record<string, unknown>) => ({ match: [{ uri: { prefix: '/a' }, ...extra }], route: ROUTE });
    const n = (extra: Record<string, unknown>) => ({ match: [{ uri: { prefix: '/ab' }, ...extra }], route: ROUTE });
    const paths = (...http: unknown[]) => analyzeUnreachableRules({ http }).map(f => f.path);
    expect(paths(m({ method: { prefix: 'GE' } }), n({ method: { prefix: 'G' } }))).toEqual(['spec.http[1].match[0]']);
    expect(paths(m({ authority: { exact: 'a.com' } }), n({ authority: { exact: 'b.com' } }))).toEqual([]);
    expect(paths(m({ queryParams: { q: { exact: 'ab' } } }), n({ queryParams: { q: { prefix: 'a' } } }))).toEqual([]);
    expect(paths(m({ withoutHeaders: { q: { exact: 'a' } } }), n({ withoutHeaders: { q: { exact: 'a' } } }))).toEqual(['spec.http[1].match[0]']);
    expect(paths(m({ headers: { q: { exact: 'a' } } }), n({ headers: { r: { exact: 'a' } } }))).toEqual([]);
    expect(paths(m({ withoutHeaders: { q: { exact: 'a' } } }), n({}))).toEqual([]);
  });
});

describe('analyzeUnreachable{TCP,TLS}Rules', () => {
  test('TCP: duplicates and rules after a catch-all', () => {
    expect(messages({
      tcp: [
        { match: [{ port: 27017, sourceLabels: {} }], route: ROUTE },
        { match: [{ port: 27017 }], route: ROUTE },
        { route: ROUTE },
        { route: ROUTE },
      ],
    })).toEqual([
      [INEFFECTIVE, 'spec.tcp[1].match[0]', 'virtualService rule #1 match #0 is not used (duplicate/overlapping match in rule #0)'],
      [UNREACHABLE, 'spec.tcp[1]', 'virtualService rule #1 not used (all matches used by prior rules)'],
      [UNREACHABLE, 'spec.tcp[3]', 'virtualService rule #3 not used (only the last rule can have no matches)'],
    ]);
  });

  test('TLS: duplicate SNI matches', () => {
    expect(messages({
      tls: [
        { match: [{ sniHosts: ['a.com'] }], route: ROUTE },
        { match: [{ sniHosts: ['a.com'] }, { sniHosts: ['b.com'] }], route: ROUTE },
        null,
      ],
    })).toEqual([
      [INEFFECTIVE, 'spec.tls[1].match[0]', 'virtualService rule #1 match #0 is not used (duplicate/overlapping match in rule #0)'],
    ]);
  });

  test('no routes at all', () => {
    expect(analyzeUnreachableRules(undefined)).toEqual([]);
  });
});
