/**
 * Each match type, positive and negative, as Envoy evaluates the match istiod builds
 * (TranslateRouteMatch in pilot/pkg/networking/core/route/route.go; Envoy RouteMatch docs).
 */
import {
  describeStringMatch, failedRequestCondition, failedSourceCondition, HttpRequestView, isCatchAllMatch, isPresentMatch, parseQuery, re2FullMatch,
} from '../../src/simulate/match';

function request(overrides: Partial<HttpRequestView> & { headerList?: Record<string, string> } = {}): HttpRequestView {
  const path = overrides.path ?? '/api/items?id=7&id=8&flag';
  return {
    authority: 'shop.example.com',
    method: 'GET',
    scheme: 'http',
    path,
    headers: new Map(Object.entries(overrides.headerList ?? { 'x-user': 'alice', 'cookie': 'a=1' })),
    query: parseQuery(path),
    ...overrides,
  };
}
const fails = (match: Record<string, unknown>, req = request()) => failedRequestCondition(match, req);

describe('uri', () => {
  test('exact: the path without the query string', () => {
    expect(fails({ uri: { exact: '/api/items' } })).toBeUndefined();
    expect(fails({ uri: { exact: '/api' } })).toBe('uri: "/api/items" is not exact "/api"');
  });
  test('prefix', () => {
    expect(fails({ uri: { prefix: '/api' } })).toBeUndefined();
    expect(fails({ uri: { prefix: '/web' } })).toMatch(/does not start with "\/web"/);
  });
  test('regex: RE2 full match of the path (a partial match is not enough)', () => {
    expect(fails({ uri: { regex: '/api/[a-z]+' } })).toBeUndefined();
    expect(fails({ uri: { regex: '/api' } })).toMatch(/does not match regex "\/api"/);
  });
  test('ignoreUriCase: exact and prefix only, never regex (Envoy ignores case_sensitive for regexes)', () => {
    const upper = request({ path: '/API/Items' });
    expect(fails({ uri: { prefix: '/api' }, ignoreUriCase: true }, upper)).toBeUndefined();
    expect(fails({ uri: { exact: '/api/items' }, ignoreUriCase: true }, upper)).toBeUndefined();
    expect(fails({ uri: { exact: '/api/items' } }, upper)).toMatch(/uri/);
    expect(fails({ uri: { regex: '/api/items' }, ignoreUriCase: true }, upper)).toMatch(/regex/);
  });
});

test('method, authority, scheme', () => {
  expect(fails({ method: { exact: 'GET' }, authority: { prefix: 'shop.' }, scheme: { exact: 'http' } })).toBeUndefined();
  expect(fails({ method: { regex: 'POST|PUT' } })).toBe('method: "GET" is not regex "POST|PUT"');
  expect(fails({ authority: { exact: 'api.example.com' } })).toMatch(/^authority/);
  expect(fails({ scheme: { exact: 'https' } })).toMatch(/^scheme/);
});

test('headers: exact, prefix, regex, present (`{}` or regex `*`); names case-insensitive', () => {
  expect(fails({ headers: { 'x-user': { exact: 'alice' }, 'cookie': { prefix: 'a=' } } })).toBeUndefined();
  expect(fails({ headers: { 'X-User': { regex: 'al.*' } } })).toBeUndefined();
  expect(fails({ headers: { 'x-user': {} } })).toBeUndefined();
  expect(fails({ headers: { 'x-user': { regex: '*' } } })).toBeUndefined();
  expect(fails({ headers: { 'x-user': { exact: 'bob' } } })).toBe('headers[x-user]: "alice" is not exact "bob"');
  expect(fails({ headers: { 'x-team': {} } })).toBe('headers[x-team]: absent is not present');
  expect(fails({ headers: { '@request.auth.claims.group': { exact: 'a' } } })).toMatch(/JWT claims are not simulated/);
});

test('withoutHeaders: inverted; a missing header counts as empty except for `present`', () => {
  expect(fails({ withoutHeaders: { 'x-user': { exact: 'bob' } } })).toBeUndefined();
  expect(fails({ withoutHeaders: { 'x-debug': { exact: '1' } } })).toBeUndefined();
  expect(fails({ withoutHeaders: { 'x-debug': {} } })).toBeUndefined();
  expect(fails({ withoutHeaders: { 'x-user': { exact: 'alice' } } })).toBe('withoutHeaders[x-user]: "alice" is exact "alice"');
  expect(fails({ withoutHeaders: { 'x-user': {} } })).toMatch(/is present/);
  expect(fails({ withoutHeaders: { 'x-debug': { exact: '' } } })).toMatch(/absent is exact ""/);
});

test('queryParams: the first value, undecoded; present', () => {
  expect(fails({ queryParams: { id: { exact: '7' }, flag: {} } })).toBeUndefined();
  expect(fails({ queryParams: { id: { exact: '8' } } })).toBe('queryParams[id]: "7" is not exact "8"');
  expect(fails({ queryParams: { page: { regex: '\\d+' } } })).toBe('queryParams[page]: absent is not regex "\\\\d+"');
  expect(parseQuery('/p?a=%20b&&c')).toEqual(new Map([['a', '%20b'], ['c', '']]));
});

test('port, sourceLabels, sourceNamespace, gateways are decided per proxy', () => {
  const proxy = { gateway: 'mesh', labels: { app: 'web', version: 'v1' }, namespace: 'shop', port: 80 };
  expect(failedSourceCondition({ port: 80, sourceLabels: { app: 'web' }, sourceNamespace: 'shop' }, proxy)).toBeUndefined();
  expect(failedSourceCondition({ port: 8080 }, proxy)).toBe('port: request port 80 is not 8080');
  expect(failedSourceCondition({ sourceLabels: { app: 'api' } }, proxy)).toBe('sourceLabels[app]: "web" is not "api"');
  expect(failedSourceCondition({ sourceNamespace: 'ops' }, proxy)).toBe('sourceNamespace: "shop" is not "ops"');
  expect(failedSourceCondition({ gateways: ['ns/gw'] }, proxy)).toBe('gateways: mesh is not one of ns/gw');
  expect(failedSourceCondition({ gateways: ['mesh'], sourceNamespace: 'ops' }, proxy)).toBeUndefined();
});

test('catch-all routes (IsCatchAllRoute)', () => {
  expect(isCatchAllMatch(undefined)).toBe(true);
  expect(isCatchAllMatch({ uri: { prefix: '/' } })).toBe(true);
  expect(isCatchAllMatch({ uri: { regex: '.*' }, sourceLabels: { a: 'b' }, port: 80 })).toBe(true);
  expect(isCatchAllMatch({ uri: { prefix: '/api' } })).toBe(false);
  expect(isCatchAllMatch({ headers: { a: { exact: 'b' } } })).toBe(false);
  expect(isCatchAllMatch({ method: { exact: 'GET' } })).toBe(false);
});

test('RE2 only: patterns RE2 rejects match nothing; JavaScript-only syntax is not RE2', () => {
  expect(re2FullMatch('a(?=b)', 'ab')).toBe(false);
  expect(re2FullMatch('(?i)abc', 'ABC')).toBe(true);
  expect(isPresentMatch(undefined)).toBe(true);
  expect(describeStringMatch({ prefix: '/a' })).toBe('prefix "/a"');
});
