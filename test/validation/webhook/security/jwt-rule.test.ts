import { validateJwtRule } from '../../../../src/validation/webhook/security/jwt-rule';
import { at, collect, err } from '../../../support/objects';

const jwt = (rule: any) => collect(findings => validateJwtRule(at('spec', 'jwtRules').index(0), findings, rule));
/** The printed path of a field of the rule. */
const field = (name: string) => `spec.jwtRules[0].${name}`;

describe('validateJwtRule', () => {
  test('a complete rule is valid', () => {
    expect(jwt({
      issuer: 'https://accounts.example.com',
      audiences: ['bookstore'],
      jwksUri: 'https://accounts.example.com/.well-known/jwks.json',
      fromHeaders: [{ name: 'x-jwt-assertion', prefix: 'Bearer ' }],
      fromParams: ['access_token'],
      fromCookies: ['session'],
      outputClaimToHeaders: [{ header: 'x-user-id', claim: 'sub' }],
      outputPayloadToHeader: 'x-jwt-payload',
      forwardOriginalToken: true,
      timeout: '5s',
    })).toEqual([]);
  });

  test('a null rule has no checks', () => {
    expect(jwt(null)).toEqual([]);
  });

  test('audiences must not be empty', () => {
    expect(jwt({ issuer: 'i', audiences: ['a', ''] })).toEqual([err(field('audiences[1]'), 'audience must be non-empty string')]);
  });

  test('an issuer or a jwksUri is needed', () => {
    expect(jwt({ jwks: '{"keys":[]}' })).toEqual([err(field('issuer'), 'issuer or jwksUri must be non-empty string')]);
    expect(jwt({ jwksUri: 'https://a/jwks' })).toEqual([]);
    expect(jwt({ jwks_uri: 'https://a/jwks' })).toEqual([]);
  });

  test('the jwksUri must parse (ParseJwksURI), under either field name', () => {
    expect(jwt({ issuer: 'i', jwksUri: 'ftp://a/jwks' })).toEqual([err(field('jwksUri'), 'URI scheme "ftp" is not supported')]);
    expect(jwt({ issuer: 'i', jwks_uri: 'https://a:99999999999999999999/' }))
      .toEqual([err(field('jwks_uri'), 'strconv.Atoi: parsing "99999999999999999999": value out of range')]);
  });

  test('an inline jwks must parse', () => {
    expect(jwt({ issuer: 'i', jwks: '{"keys":[{"kty":"RSA","e":"AQAB","n":"x"}]}' })).toEqual([]);
    expect(jwt({ issuer: 'i', jwks: '{}' }))
      .toEqual([err(field('jwks'), 'jwks parse error: failed to unmarshal JWK set: failed to parse sole key in key set: invalid key type from JSON ()')]);
  });

  test('token locations must be named', () => {
    expect(jwt({ issuer: 'i', fromHeaders: [null, { name: '' }, { name: 'ok' }], fromParams: ['', 'p'], fromCookies: ['c', ''] })).toEqual([
      err(field('fromHeaders[0]'), 'location header name must be non-null'),
      err(field('fromHeaders[1].name'), 'location header name must be non-empty string'),
      err(field('fromParams[0]'), 'location query must be non-empty string'),
      err(field('fromCookies[1]'), 'cookie name must be non-empty string'),
    ]);
  });

  test('claims copied to headers need a claim and a strict header name', () => {
    expect(jwt({
      issuer: 'i',
      outputClaimToHeaders: [null, { header: 'x', claim: '' }, { header: '', claim: 'c' }, { header: 'x_user', claim: 'sub' }, { header: 'x-user', claim: 'sub' }],
    })).toEqual([
      err(field('outputClaimToHeaders[0]'), 'outputClaimToHeaders must not be null'),
      err(field('outputClaimToHeaders[1]'), 'outputClaimToHeaders header and claim value must be non-empty string'),
      err(field('outputClaimToHeaders[2]'), 'outputClaimToHeaders header and claim value must be non-empty string'),
      err(field('outputClaimToHeaders[3].header'), 'header name x_user is not a valid header name'),
    ]);
  });

  test('the timeout is a whole number of milliseconds, at least 1ms (ValidateDuration)', () => {
    expect(jwt({ issuer: 'i', timeout: '1.5ms' })).toEqual([err(field('timeout'), 'only durations to ms precision are supported')]);
    expect(jwt({ issuer: 'i', timeout: '500us' })).toEqual([err(field('timeout'), 'duration must be greater than 1ms')]);
  });
});
