import { findings, route, virtualService } from './fixtures';
import { Severity } from '../../../src/validation/diagnostic';

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
