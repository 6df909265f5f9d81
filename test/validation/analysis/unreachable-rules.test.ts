import { findings, route } from './fixtures';
import { Severity } from '../../../src/validation/diagnostic';
import { object, virtualService } from '../../support/objects';

const vs = (spec: Record<string, unknown>) => virtualService('vs', { hosts: ['reviews'], ...spec }, 'bookinfo');

describe('unreachable rules and ineffective matches (IST0130, IST0131)', () => {
  test('distinct matches, the catch-all last: nothing', () => {
    const http = [
      { match: [{ uri: { prefix: '/api' }, method: { exact: 'POST' } }], ...route('a') },
      { match: [{ uri: { prefix: '/api' }, method: { exact: 'GET' } }, { headers: { x: { exact: '1' } } }], ...route('b') },
      route('c'),
    ];
    expect(findings([vs({ http })], 'IST0130', 'IST0131')).toEqual([]);
  });

  test('a rule after a catch-all: IST0130 per match; a second catch-all: IST0130 on the rule', () => {
    const http = [route('a'), { name: 'late', match: [{ uri: { exact: '/a' } }, { uri: { exact: '/b' } }], ...route('b') }, route('c')];
    expect(findings([vs({ http })], 'IST0130')).toEqual([
      { code: 'IST0130', severity: Severity.WARNING, name: 'vs', objectIndex: 0, path: 'spec.http[1].match[0]', message: 'VirtualService rule "late" not used (route without matches defined before).' },
      { code: 'IST0130', severity: Severity.WARNING, name: 'vs', objectIndex: 0, path: 'spec.http[1].match[1]', message: 'VirtualService rule "late" not used (route without matches defined before).' },
      { code: 'IST0130', severity: Severity.WARNING, name: 'vs', objectIndex: 0, path: 'spec.http[2]', message: 'VirtualService rule #2 not used (only the last rule can have no matches).' },
    ]);
  });

  test('a match equal to an earlier one (its name and zero values aside): IST0131; all matches so: IST0130', () => {
    const http = [
      { match: [{ name: 'first', uri: { exact: '/a' }, headers: {} }], ...route('a') },
      { match: [{ name: 'again', uri: { exact: '/a' }, ignoreUriCase: false }], ...route('b') },
    ];
    expect(findings([vs({ http })], 'IST0130', 'IST0131')).toEqual([
      { code: 'IST0131', severity: Severity.INFO, name: 'vs', objectIndex: 0, path: 'spec.http[1].match[0]', message: 'VirtualService rule #1 match "again" is not used (duplicate/overlapping match in rule #0).' },
      { code: 'IST0130', severity: Severity.WARNING, name: 'vs', objectIndex: 0, path: 'spec.http[1]', message: 'VirtualService rule #1 not used (all matches used by prior rules).' },
    ]);
  });

  test('a URI prefix covered by an earlier prefix with the same conditions: IST0131', () => {
    const http = [{ match: [{ uri: { prefix: '/api' } }], ...route('a') }, { match: [{ uri: { prefix: '/api/v2' } }], ...route('b') }];
    expect(findings([vs({ http })], 'IST0130', 'IST0131')).toEqual([expect.objectContaining({
      code: 'IST0131',
      path: 'spec.http[1].match[0]',
      message: 'VirtualService rule #1 match #0 of prefix /api/v2 is not used (duplicate/overlapping match in rule #0 of prefix /api on #0).',
    })]);
  });

  test('TCP and TLS rules: the same duplicate and catch-all rules', () => {
    const tcp = [{ match: [{ port: 27017 }], ...route('a') }, { match: [{ port: 27017 }], ...route('b') }];
    const tls = [{ match: [{ sniHosts: ['reviews'] }], ...route('a') }, { match: [{ sniHosts: ['reviews'] }], ...route('b') }];
    expect(findings([vs({ tcp, tls })], 'IST0130', 'IST0131').map(f => [f.code, f.path])).toEqual([
      ['IST0131', 'spec.tcp[1].match[0]'], ['IST0130', 'spec.tcp[1]'], ['IST0131', 'spec.tls[1].match[0]'], ['IST0130', 'spec.tls[1]'],
    ]);
  });
});

describe('unreachable rules and ineffective matches: names, zero values, StringMatch members, prefix coverage', () => {
  const ROUTE = [{ destination: { host: 'reviews' } }];
  const messages = (spec: Record<string, unknown>) =>
    findings([vs(spec)], 'IST0130', 'IST0131').map(f => [f.code, f.path, f.message]);
  const paths = (...http: unknown[]) => findings([vs({ http })], 'IST0130', 'IST0131').map(f => f.path);

  test('distinct matches and a final catch-all are fine; null rules are skipped', () => {
    expect(messages({
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

  test('only the last rule can have no matches; each match of a rule after it is not used', () => {
    expect(messages({
      http: [{ name: 'all', route: ROUTE }, { route: ROUTE }, { match: [{ uri: { exact: '/a' } }, { uri: { exact: '/b' } }], route: ROUTE }],
    })).toEqual([
      ['IST0130', 'spec.http[1]', 'VirtualService rule #1 not used (only the last rule can have no matches).'],
      ['IST0130', 'spec.http[2].match[0]', 'VirtualService rule #2 not used (route without matches defined before).'],
      ['IST0130', 'spec.http[2].match[1]', 'VirtualService rule #2 not used (route without matches defined before).'],
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
      ['IST0131', 'spec.http[1].match[0]', 'VirtualService rule "second" match "b" is not used (duplicate/overlapping match in rule "first").'],
      ['IST0130', 'spec.http[1]', 'VirtualService rule "second" not used (all matches used by prior rules).'],
      ['IST0131', 'spec.http[2].match[0]', 'VirtualService rule #2 match #0 is not used (duplicate/overlapping match in rule "first").'],
    ]);
  });

  test('a StringMatch member that is set, even empty, differs from another member and from none', () => {
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

  test('a URI prefix covered by an earlier one is ineffective, named after the rules and matches', () => {
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
      ['IST0131', 'spec.http[1].match[0]', 'VirtualService rule "v1" match #0 of prefix /api/v1 is not used (duplicate/overlapping match in rule "m" of prefix /api on "api").'],
    ]);
  });

  test('prefix coverage compares method, authority, headers, query parameters and absent headers by prefix', () => {
    const m = (extra: Record<string, unknown>) => ({ match: [{ uri: { prefix: '/a' }, ...extra }], route: ROUTE });
    const n = (extra: Record<string, unknown>) => ({ match: [{ uri: { prefix: '/ab' }, ...extra }], route: ROUTE });
    expect(paths(m({ method: { prefix: 'GE' } }), n({ method: { prefix: 'G' } }))).toEqual(['spec.http[1].match[0]']);
    expect(paths(m({ authority: { exact: 'a.com' } }), n({ authority: { exact: 'b.com' } }))).toEqual([]);
    expect(paths(m({ queryParams: { q: { exact: 'ab' } } }), n({ queryParams: { q: { prefix: 'a' } } }))).toEqual([]);
    expect(paths(m({ withoutHeaders: { q: { exact: 'a' } } }), n({ withoutHeaders: { q: { exact: 'a' } } }))).toEqual(['spec.http[1].match[0]']);
    expect(paths(m({ headers: { q: { exact: 'a' } } }), n({ headers: { r: { exact: 'a' } } }))).toEqual([]);
    expect(paths(m({ withoutHeaders: { q: { exact: 'a' } } }), n({}))).toEqual([]);
  });

  test('TCP: duplicates (an empty map aside) and rules after a catch-all', () => {
    expect(messages({
      tcp: [
        { match: [{ port: 27017, sourceLabels: {} }], route: ROUTE },
        { match: [{ port: 27017 }], route: ROUTE },
        { route: ROUTE },
        { route: ROUTE },
      ],
    })).toEqual([
      ['IST0131', 'spec.tcp[1].match[0]', 'VirtualService rule #1 match #0 is not used (duplicate/overlapping match in rule #0).'],
      ['IST0130', 'spec.tcp[1]', 'VirtualService rule #1 not used (all matches used by prior rules).'],
      ['IST0130', 'spec.tcp[3]', 'VirtualService rule #3 not used (only the last rule can have no matches).'],
    ]);
  });

  test('TLS: duplicate SNI matches; null rules are skipped', () => {
    expect(messages({
      tls: [
        { match: [{ sniHosts: ['a.com'] }], route: ROUTE },
        { match: [{ sniHosts: ['a.com'] }, { sniHosts: ['b.com'] }], route: ROUTE },
        null,
      ],
    })).toEqual([
      ['IST0131', 'spec.tls[1].match[0]', 'VirtualService rule #1 match #0 is not used (duplicate/overlapping match in rule #0).'],
    ]);
  });

  test('no routes at all', () => {
    expect(messages({})).toEqual([]);
    expect(findings([object('networking.istio.io/v1', 'VirtualService', 'vs', undefined)], 'IST0130', 'IST0131')).toEqual([]);
  });
});
