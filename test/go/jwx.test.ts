import { jwkParseError } from '../../src/go/jwx';

const rsa = { kty: 'RSA', e: 'AQAB', n: 'xAE7eB6qugXyCAG3yhh7pkDkT65pHymX-P7KfIupjf59vsdo91bSP9C8H07pSAGQO1MV_xFj9VswgsCg4R6otmg5PV2He95lZdHtOcU5DXIg_pbhLdKXbi66GlVeK6ABZOUW3WYtnNHD-91gVuoeJT_DwtGGcp4ignkgXfkiEm4sw-4sfb4qdt5oLbyVpmW6x9cfa7vs2WTfURiCrBoUqgBo_-4WTiULmmHSGZHOjzwa8WtrtOQGsAFjIbno85jp6MnGGGZPYZbDAa_b3y5u-YpW7ypZrvD8BgtKVjgtQgZhLAGezMt0ua3DRrWnKqTZ0BJ_EyxOGuHJrLsn00fnMQ' };

describe('jwk.Parse of an inline JWKS', () => {
  test.each([
    ['a key set', { keys: [rsa] }],
    ['a lone key', rsa],
    ['an empty key set', { keys: [] }],
    ['null keys', { keys: null }],
    ['an EC key', { kty: 'EC', crv: 'P-256', x: 'a', y: 'b' }],
    ['a private OKP key', { kty: 'OKP', crv: 'Ed25519', x: 'a', d: 'b' }],
    ['a symmetric key', { kty: 'oct', k: 'c2VjcmV0' }],
    ['other set fields', { keys: [rsa], extra: [1, 2] }],
  ])('%s parses', (_, jwks) => {
    expect(jwkParseError(JSON.stringify(jwks))).toBeUndefined();
  });

  test.each([
    ['{', 'failed to unmarshal JWK set: unexpected end of JSON input'],
    ['not json', "failed to unmarshal JWK set: invalid character 'o' in literal null (expecting 'u')"],
    ['[]', "failed to unmarshal JWK set: expected '{', but got '['"],
    ['"abc"', 'failed to unmarshal JWK set: failed to decode value for key "abc": EOF'],
    ['"keys"', 'failed to unmarshal JWK set: failed to decode "keys": EOF'],
    ['42', 'failed to unmarshal JWK set: error reading token: EOF'],
    ['null', 'failed to unmarshal JWK set: error reading token: EOF'],
    ['{}', 'failed to unmarshal JWK set: failed to parse sole key in key set: invalid key type from JSON ()'],
    ['{"kty":"DSA"}', 'failed to unmarshal JWK set: failed to parse sole key in key set: invalid key type from JSON (DSA)'],
    ['{"kty":7}', 'failed to unmarshal JWK set: failed to parse sole key in key set: failed to unmarshal JSON into key hint: '
      + 'json: cannot unmarshal number into Go struct field .kty of type string'],
    ['{"keys":{}}', 'failed to unmarshal JWK set: failed to decode "keys": json: cannot unmarshal object into Go value of type []json.RawMessage'],
    ['{"keys":[{"kty":"RSA","e":"AQAB"}]}',
      'failed to unmarshal JWK set: failed to decode key #0 in "keys": failed to unmarshal JSON into key (*jwk.rsaPublicKey): required field n is missing'],
    ['{"keys":[{"kty":"oct","k":"a"},"x"]}', 'failed to unmarshal JWK set: failed to decode key #1 in "keys": failed to unmarshal JSON into key hint: '
      + 'json: cannot unmarshal string into Go value of type struct { Kty string "json:\\"kty\\""; D json.RawMessage "json:\\"d\\"" }'],
    ['{"kty":"EC","d":"x","x":"a","y":"b"}',
      'failed to unmarshal JWK set: failed to parse sole key in key set: failed to unmarshal JSON into key (*jwk.ecdsaPrivateKey): required field crv is missing'],
  ])('%p: %s', (jwks, message) => {
    expect(jwkParseError(jwks)).toBe(message);
  });

  test('the hint reads "kty" case-insensitively, as encoding/json matches fields', () => {
    expect(jwkParseError('{"KTY":"oct","k":"a"}')).toBeUndefined();
  });
});
