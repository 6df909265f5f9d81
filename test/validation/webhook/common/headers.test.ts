import {
  checkCorsHttpHeaderName, checkHttpHeaderNameOrJwtClaimRoute, checkHttpHeaderOperationName, checkHttpHeaderValue,
  checkHttpHeaderWithAuthorityOperationName, checkStrictHttpHeaderName, isAuthorityHeader, isInternalHeader, isJwtClaimRoute,
  validateHeaderOperations,
} from '../../../../src/validation/webhook/common/headers';
import { at, collect } from '../../../support/objects';

describe('header name classes', () => {
  test.each([
    ['@request.auth.claims.group', true],
    ['@Request.Auth.Claims[group][sub]', true],
    ['@request.auth.claims', false],
    ['@request.auth.claimsX', false],
    ['@request.auth.claims[group', false],
    ['x-user', false],
  ])('isJwtClaimRoute(%p) is %p', (name, expected) => {
    expect(isJwtClaimRoute(name)).toBe(expected);
  });

  test('internal and authority headers', () => {
    expect([':path', 'Host', 'HOST', ':authority'].map(isInternalHeader)).toEqual([true, true, true, true]);
    expect(isInternalHeader('x-host')).toBe(false);
    expect([':Authority', 'host'].map(isAuthorityHeader)).toEqual([true, true]);
    expect(isAuthorityHeader(':path')).toBe(false);
  });
});

describe('ValidateStrictHTTPHeaderName', () => {
  test('letters, digits and -', () => expect(checkStrictHttpHeaderName('X-Request-Id')).toBeUndefined());
  test('empty', () => expect(checkStrictHttpHeaderName('')).toBe('header name cannot be empty'));
  test('other characters', () => expect(checkStrictHttpHeaderName('x_id')).toBe('header name x_id is not a valid header name'));
});

describe('ValidateCORSHTTPHeaderName', () => {
  test.each(['*', 'x-custom', 'X_Custom', 'a,b'])('%p is valid', name => expect(checkCorsHttpHeaderName(name)).toBeUndefined());
  test('empty', () => expect(checkCorsHttpHeaderName('')).toBe('header name cannot be empty'));
  test('not a token', () => expect(checkCorsHttpHeaderName('x custom')).toBe('header name x custom is not a valid header name'));
});

describe('ValidateHTTPHeaderNameOrJwtClaimRoute', () => {
  test.each(['x-user', ':authority', ':method', '@request.auth.claims.sub', "!#$%&'*+-.^_`|~09azAZ"])('%p is valid', name => {
    expect(checkHttpHeaderNameOrJwtClaimRoute(name)).toBeUndefined();
  });
  test('empty', () => expect(checkHttpHeaderNameOrJwtClaimRoute('')).toBe('header name cannot be empty'));
  test.each(['x user', ':foo', 'x:y', 'caf\u00e9'])('%p is not a header name', name => {
    expect(checkHttpHeaderNameOrJwtClaimRoute(name)).toBe(`header name ${name} is not a valid header name`);
  });
});

describe('ValidateHTTPHeaderWithAuthorityOperationName (request add/set)', () => {
  test.each(['x-a', ':authority', 'Host'])('%p may be set', name => expect(checkHttpHeaderWithAuthorityOperationName(name)).toBeUndefined());
  test('empty', () => expect(checkHttpHeaderWithAuthorityOperationName('')).toBe('header name cannot be empty'));
  test('a pseudo-header', () => {
    expect(checkHttpHeaderWithAuthorityOperationName(':path')).toBe('invalid header ":path": header cannot have ":" prefix');
  });
});

describe('ValidateHTTPHeaderOperationName (request remove, response add/set/remove)', () => {
  test('an ordinary header', () => expect(checkHttpHeaderOperationName('x-a')).toBeUndefined());
  test('empty', () => expect(checkHttpHeaderOperationName('')).toBe('header name cannot be empty'));
  test('Host', () => expect(checkHttpHeaderOperationName('HOST')).toBe('invalid header "HOST": cannot set Host header'));
  test('a pseudo-header', () => {
    expect(checkHttpHeaderOperationName(':authority')).toBe('invalid header ":authority": header cannot have ":" prefix');
  });
});

describe('ValidateHTTPHeaderValue', () => {
  test.each(['foo', '', '%HOSTNAME%', '100%%', 'prefix %HOSTNAME% suffix', 'tab\there',
    '%REQ(x-a)%', '%START_TIME(%s)%', '%PER_REQUEST_STATE(["a","b"])%', '%VAR( [ "a\\"b" , "c" ] )%', '%FOO([ "a" ] ) %'])('%p is valid', value => {
    expect(checkHttpHeaderValue(value)).toBeUndefined();
  });

  test.each([
    ['a\u0001b', 'header value configuration a\u0001b is invalid'],
    ['a\nb', 'header value configuration a\nb is invalid'],
    ['a\u007f', 'header value configuration a\u007f is invalid'],
    ['abc%', 'header value configuration: invalid header configuration. Un-escaped %'],
    ['%VAR(["a" x])%', 'header value configuration: invalid header configuration. Expecting \',\', \']\', or whitespace'],
    ['%VAR([x])%', 'header value configuration: invalid header configuration. Expecting \'"\''],
    ['%VAR(["a\\', 'header value configuration: invalid header configuration. Un-terminated backslash in JSON string'],
    ['%VAR(["a"] x)%', 'header value configuration: invalid header configuration. Expecting \')\' or whitespace after \'{}\', but found \'{}\''],
    ['%VAR(a) x%', 'header value configuration: invalid header configuration. Expecting \'%\' or whitespace after'],
    ['abc%123', 'header value configuration: invalid header configuration. Un-terminated variable expression \'abc%123\''],
    ['%START_TIME%%', 'header value configuration: invalid header configuration. Un-escaped %'],
  ])('%p', (value, message) => {
    expect(checkHttpHeaderValue(value)).toBe(message);
  });
});

describe('validateHeaderOperations', () => {
  test('valid operations', () => {
    expect(collect(findings => {
      validateHeaderOperations(at('h'), findings, {
        request: { add: { 'x-a': '1' }, set: { ':authority': 'a.com' }, remove: ['x-b'] },
        response: { add: { 'x-c': '%HOSTNAME%' }, set: { 'x-d': 'v' }, remove: ['x-e'] },
      });
      validateHeaderOperations(at('h'), findings, undefined);
    })).toEqual([]);
  });

  test('every operation, in Istio\'s order', () => {
    expect(collect(findings => validateHeaderOperations(at('h'), findings, {
      response: { remove: [':status'], set: { Host: 'v' }, add: { 'x-c': 'bad%' } },
      request: { remove: ['host'], set: { ':path': '/x' }, add: { '': 'v' } },
    }))).toEqual([
      { path: 'h.request.add[]', message: 'header name cannot be empty' },
      { path: 'h.request.set[:path]', message: 'invalid header ":path": header cannot have ":" prefix' },
      { path: 'h.request.remove[0]', message: 'invalid header "host": cannot set Host header' },
      { path: 'h.response.add[x-c]', message: 'header value configuration: invalid header configuration. Un-escaped %' },
      { path: 'h.response.set[Host]', message: 'invalid header "Host": cannot set Host header' },
      { path: 'h.response.remove[0]', message: 'invalid header ":status": header cannot have ":" prefix' },
    ]);
  });
});
