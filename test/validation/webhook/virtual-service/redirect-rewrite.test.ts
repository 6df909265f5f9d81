import { ROUTE, routeFindings } from './helpers';
import { err, warn } from '../../../support/objects';

const P = 'spec.http[0]';

describe('validateHTTPRedirect', () => {
  test.each([
    [{ uri: '/v2' }], [{ authority: 'b.com' }], [{ scheme: 'https' }], [{ port: 8443 }], [{ derivePort: 'FROM_REQUEST_PORT' }],
    [{ uri: '/', redirectCode: 308 }],
  ])('%p is valid', redirect => {
    expect(routeFindings({ redirect })).toEqual([]);
  });

  test('something to redirect to', () => {
    expect(routeFindings({ redirect: {} })).toEqual([err(`${P}.redirect`, 'redirect must specify URI, authority, scheme, or port')]);
    expect(routeFindings({ redirect: { redirectCode: 301 } })).toEqual([err(`${P}.redirect`, 'redirect must specify URI, authority, scheme, or port')]);
  });

  test('a 3xx code', () => {
    expect(routeFindings({ redirect: { uri: '/', redirectCode: 400 } })).toEqual([
      err(`${P}.redirect.redirectCode`, '400 is not a valid redirect code, must be 3xx'),
    ]);
  });

  test('http or https; only the first error is reported', () => {
    expect(routeFindings({ redirect: { scheme: 'ftp' } })).toEqual([err(`${P}.redirect.scheme`, 'invalid redirect scheme, must be "http" or "https"')]);
    expect(routeFindings({ redirect: { scheme: 'ftp', redirectCode: 200, port: 70000 } })).toEqual([
      err(`${P}.redirect.redirectCode`, '200 is not a valid redirect code, must be 3xx'),
    ]);
  });

  test('a valid port', () => {
    expect(routeFindings({ redirect: { port: 70000 } })).toEqual([err(`${P}.redirect.port`, 'port number 70000 must be in the range 1..65535')]);
    expect(routeFindings({ redirect: { port: 0 } })).toEqual([]);
  });
});

describe('validateHTTPDirectResponse', () => {
  test('a status and a body', () => {
    expect(routeFindings({ directResponse: { status: 200, body: { string: 'ok' } } })).toEqual([]);
    expect(routeFindings({ directResponse: { status: 404, body: { bytes: Buffer.from('nope').toString('base64') } } })).toEqual([]);
  });

  test('validateHTTPStatus on the status (uint32 read as int32)', () => {
    expect(routeFindings({ directResponse: { status: 199 } })).toEqual([err(`${P}.directResponse.status`, 'HTTP status 199 is not in range 200-599')]);
    expect(routeFindings({ directResponse: { status: 4294967295 } })).toEqual([err(`${P}.directResponse.status`, 'HTTP status -1 is not in range 200-599')]);
  });

  test('a body over 100KB is a warning, over 1MB an error (in bytes)', () => {
    expect(routeFindings({ directResponse: { status: 200, body: { string: 'x'.repeat(100 * 1024) } } })).toEqual([]);
    expect(routeFindings({ directResponse: { status: 200, body: { string: '\u00e9'.repeat(51 * 1024) } } })).toEqual([
      warn(`${P}.directResponse.body`, 'large direct_responses may impact control plane performance'),
    ]);
    expect(routeFindings({ directResponse: { status: 200, body: { bytes: Buffer.alloc(1024 * 1024 + 1).toString('base64') } } })).toEqual([
      err(`${P}.directResponse.body`, 'large direct_responses may impact control plane performance, must be less than 1MB'),
    ]);
  });
});

describe('validateHTTPRewrite', () => {
  test.each([[{ uri: '/v2' }], [{ authority: 'b.com' }], [{ uriRegexRewrite: { match: '^/v1/(.*)', rewrite: '/v2/\\1' } }]])('%p is valid', rewrite => {
    expect(routeFindings({ rewrite, route: ROUTE })).toEqual([]);
  });

  test('one of uri or uriRegexRewrite', () => {
    expect(routeFindings({ rewrite: { uri: '/', uriRegexRewrite: { match: 'a', rewrite: 'b' } }, route: ROUTE })).toEqual([
      err(`${P}.rewrite`, 'rewrite may only contain one of URI or UriRegexRewrite'),
    ]);
  });

  test('something to rewrite', () => {
    expect(routeFindings({ rewrite: {}, route: ROUTE })).toEqual([
      err(`${P}.rewrite`, 'rewrite must specify at least one of URI, UriRegexRewrite, or authority. Only one of URI or UriRegexRewrite may be specified'),
    ]);
  });

  test('validateURIRegexRewrite: match and rewrite, joined under "UriRegexRewrite has errors"', () => {
    expect(routeFindings({ rewrite: { uriRegexRewrite: { match: '^/a' } }, route: ROUTE })).toEqual([
      err(`${P}.rewrite.uriRegexRewrite`, 'UriRegexRewrite has errors'),
      err(`${P}.rewrite.uriRegexRewrite`, 'UriRegexRewrite requires both Rewrite and Match fields to be specified'),
    ]);
    expect(routeFindings({ rewrite: { uriRegexRewrite: { match: '(?<!a)b', rewrite: '/' } }, route: ROUTE })).toEqual([
      err(`${P}.rewrite.uriRegexRewrite`, 'UriRegexRewrite has errors'),
      err(`${P}.rewrite.uriRegexRewrite.match`,
        '"HTTPRewrite.UriRegexRewrite.Match": error parsing regexp: invalid named capture: `(?<!a)b`; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)'),
    ]);
  });
});

describe('validateAuthorityRewrite', () => {
  test('one place to rewrite the authority', () => {
    expect(routeFindings({ rewrite: { authority: 'a.com' }, route: ROUTE })).toEqual([]);
    expect(routeFindings({ headers: { request: { set: { host: 'a.com' }, add: { 'x-host': 'b' } } }, route: ROUTE })).toEqual([]);
  });

  test('rewrite.authority and a Host header', () => {
    expect(routeFindings({ rewrite: { authority: 'a.com' }, headers: { request: { set: { Host: 'b.com' } } }, route: ROUTE })).toEqual([
      err(`${P}.headers.request.set[Host]`, 'authority header cannot be set multiple times: have "a.com", attempting to set "b.com"'),
    ]);
  });

  test('set :authority and add host; only the first error', () => {
    expect(routeFindings({ headers: { request: { add: { 'host': 'c.com', ':authority': 'd.com' }, set: { ':authority': 'b.com' } } }, route: ROUTE })).toEqual([
      err(`${P}.headers.request.add[host]`, 'authority header cannot be set multiple times: have "b.com", attempting to set "c.com"'),
    ]);
  });
});
