/** httpOutcome against istiod's translation (route.go: applyHTTPRouteDestination, ApplyRedirect, MirrorPercent, TranslateFault; retry.ConvertPolicy). */
import { httpOutcome, MESH_DEFAULT_RETRY_ON } from '../../src/simulate/outcome';

const none = () => undefined;
const dest = (host: string, extra: Record<string, unknown> = {}) => ({ destination: { host, ...extra } });

test('weights: one destination takes everything; weight 0 is dropped among several', () => {
  expect(httpOutcome({ route: [{ ...dest('a'), weight: 30 }] }, 80, '/', undefined, none, false).destinations).toEqual([{ host: 'a', port: 80, weight: 100 }]);
  expect(httpOutcome({ route: [{ ...dest('a'), weight: 100 }, { ...dest('b'), weight: 0 }] }, 80, '/', undefined, none, false).destinations)
    .toEqual([{ host: 'a', port: 80, weight: 100 }]);
});

test('destination port: the route\'s, else the service\'s only port, else the request\'s', () => {
  const lookup = (h: string) => (h === 'one' ? { description: 'Service x/one', ports: [{ number: 9080, name: 'http', protocol: 'HTTP', source: '' }], visibleIn: ['*'] } : undefined);
  const out = httpOutcome({ route: [{ ...dest('a', { port: { number: 8080 } }), weight: 50 }, { ...dest('one'), weight: 25 }, { ...dest('b'), weight: 25 }] }, 80, '/', undefined, lookup, false);
  expect(out.destinations.map(d => d.port)).toEqual([8080, 9080, 80]);
});

test('redirect: 301 by default, derivePort, no :80 for http', () => {
  expect(httpOutcome({ redirect: { uri: '/n' } }, 80, '/', undefined, none, false).redirect).toEqual({ uri: '/n', redirectCode: 301 });
  expect(httpOutcome({ redirect: { derivePort: 'FROM_REQUEST_PORT', redirectCode: 302 } }, 8080, '/', undefined, none, false).redirect).toEqual({ port: 8080, redirectCode: 302 });
  expect(httpOutcome({ redirect: { port: 80 } }, 80, '/', undefined, none, false).redirect).toEqual({ redirectCode: 301 });
  expect(httpOutcome({ redirect: { port: 443 } }, 80, '/', undefined, none, true).redirect).toEqual({ redirectCode: 301 });
});

test('direct response with a string or bytes body', () => {
  expect(httpOutcome({ directResponse: { status: 503, body: { string: 'down' } } }, 80, '/', undefined, none, false).directResponse).toEqual({ status: 503, body: 'down' });
  expect(httpOutcome({ directResponse: { status: 200, body: { bytes: Buffer.from('ok').toString('base64') } } }, 80, '/', undefined, none, false).directResponse).toEqual({ status: 200, body: 'ok' });
});

test('rewrite: prefix swap, exact, no uri match (prefix "/"), regex rewrite with \\1', () => {
  const rule = (rewrite: Record<string, unknown>) => ({ route: [dest('a')], rewrite });
  expect(httpOutcome(rule({ uri: '/v2' }), 80, '/v1/items?x=1', { prefix: '/v1' }, none, false).rewrite?.path).toBe('/v2/items?x=1');
  expect(httpOutcome(rule({ uri: '/b' }), 80, '/a?x=1', { exact: '/a' }, none, false).rewrite?.path).toBe('/b?x=1');
  expect(httpOutcome(rule({ uri: '/app' }), 80, '/items', undefined, none, false).rewrite?.path).toBe('/appitems');
  expect(httpOutcome(rule({ uriRegexRewrite: { match: '^/service/([^/]+)(/.*)$', rewrite: '\\2/instance/\\1' } }), 80, '/service/foo/v1/api', undefined, none, false).rewrite)
    .toEqual({ uriRegexMatch: '^/service/([^/]+)(/.*)$', uriRegexRewrite: '\\2/instance/\\1', path: '/v1/api/instance/foo' });
});

test('mirrors: mirrorPercentage, default 100, 0 turns it off; mirrors[]', () => {
  expect(httpOutcome({ route: [dest('a')], mirror: { host: 'm' } }, 80, '/', undefined, none, false).mirrors).toEqual([{ host: 'm', port: 80, percentage: 100 }]);
  expect(httpOutcome({ route: [dest('a')], mirror: { host: 'm' }, mirrorPercentage: { value: 0 } }, 80, '/', undefined, none, false).mirrors).toEqual([]);
  expect(httpOutcome({ route: [dest('a')], mirrors: [{ destination: { host: 'm', subset: 's' }, percentage: { value: 12.5 } }, { destination: { host: 'n' } }] }, 80, '/', undefined, none, false).mirrors)
    .toEqual([{ host: 'm', subset: 's', port: 80, percentage: 12.5 }, { host: 'n', port: 80, percentage: 100 }]);
});

test('fault and retries', () => {
  expect(httpOutcome({ route: [dest('a')], fault: { abort: { grpcStatus: 'UNAVAILABLE', percentage: { value: 1 } } } }, 80, '/', undefined, none, false).fault)
    .toEqual({ abortGrpcStatus: 'UNAVAILABLE', abortPercent: 1 });
  expect(httpOutcome({ route: [dest('a')], fault: { delay: { exponentialDelay: '1s' } } }, 80, '/', undefined, none, false).fault).toBeUndefined();
  expect(httpOutcome({ route: [dest('a')] }, 80, '/', undefined, none, false).retries).toEqual({ attempts: 2, retryOn: MESH_DEFAULT_RETRY_ON, meshDefault: true });
  expect(httpOutcome({ route: [dest('a')], retries: { attempts: 0 } }, 80, '/', undefined, none, false).retries).toEqual({ attempts: 0, meshDefault: false });
});
