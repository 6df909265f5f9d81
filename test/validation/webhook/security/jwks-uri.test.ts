import { jwksUriError } from '../../../../src/validation/webhook/security/jwks-uri';

// Expected texts checked against Go's net/url and strconv with Istio's ParseJwksURI.
describe('security.ParseJwksURI', () => {
  test.each([
    'https://example.com/.well-known/jwks.json', 'http://a:8080', 'HTTP://X', 'http://a:', 'https://[fe80::1%25en0]:443/',
    'http://a?x#y', 'http://a%C3%A9/', 'http://u@a/', 'http://a:99999/', 'https:/keys',
  ])('%p is accepted', uri => {
    expect(jwksUriError(uri)).toBeUndefined();
  });

  test.each([
    ['http://a:99999999999999999999/x', 'strconv.Atoi: parsing "99999999999999999999": value out of range'],
    ['ftp://x', 'URI scheme "ftp" is not supported'],
    ['mailto:x', 'URI scheme "mailto" is not supported'],
    ['x', 'URI scheme "" is not supported'],
    ['//a/b', 'URI scheme "" is not supported'],
    ['/keys', 'URI scheme "" is not supported'],
    ['svc+https://a/keys', 'URI scheme "svc+https" is not supported'],
    ['a%zz', 'parse "a%zz": invalid URL escape "%zz"'],
    ['https:///a%zz', 'parse "https:///a%zz": invalid URL escape "%zz"'],
    [':x', 'parse ":x": missing protocol scheme'],
    ['1http://x', 'parse "1http://x": first path segment in URL cannot contain colon'],
    ['http://a\u0001', 'parse "http://a\\x01": net/url: invalid control character in URL'],
    ['http://[::1', 'parse "http://[::1": missing \']\' in host'],
    ['http://[::1]x', 'parse "http://[::1]x": invalid port "x" after host'],
    ['http://a:b/', 'parse "http://a:b/": invalid port ":b" after host'],
    ['http://a b/', 'parse "http://a b/": invalid character " " in host name'],
    ['http://a%zz/', 'parse "http://a%zz/": invalid URL escape "%zz"'],
    ['http://a%41/', 'parse "http://a%41/": invalid URL escape "%41"'],
    ['http://a/%zz', 'parse "http://a/%zz": invalid URL escape "%zz"'],
    ['http://a/p#%zz', 'parse "http://a/p#%zz": invalid URL escape "%zz"'],
    ['http://u v@a/', 'parse "http://u v@a/": net/url: invalid userinfo'],
    ['http://user:pa%zzss@a/', 'parse "http://user:pa%zzss@a/": invalid URL escape "%zz"'],
  ])('%p: %s', (uri, message) => {
    expect(jwksUriError(uri)).toBe(message);
  });
});
