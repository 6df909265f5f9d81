import { validateRequestAuthentication } from '../../../src/validation/webhook/request-authentication';
import { collect, err, objectDiagnostics, requestAuthentication, warn, webhookView } from '../../support/objects';

/** The findings of RequestAuthentication `foo/authz` with this spec. */
const ra = (spec: any) => collect(findings => validateRequestAuthentication(webhookView(requestAuthentication('authz', spec, 'foo')), findings));

describe('ValidateRequestAuthentication', () => {
  test('a valid policy has no findings', () => {
    expect(ra({
      selector: { matchLabels: { app: 'httpbin' } },
      jwtRules: [
        { issuer: 'issuer-foo', jwksUri: 'https://example.com/.well-known/jwks.json' },
        { issuer: 'issuer-bar', jwks: '{"keys":[]}', fromHeaders: [{ name: 'x-token' }] },
      ],
    })).toEqual([]);
  });

  test('no rules at all is valid', () => {
    expect(ra({})).toEqual([]);
  });

  test('targets are checked first, then every rule', () => {
    expect(ra({
      selector: {},
      jwtRules: [{ issuer: 'a', audiences: [''] }, null, { issuer: 'b', fromParams: [''] }],
    })).toEqual([
      warn('spec.selector', 'workload selector specified without labels'),
      err('spec.jwtRules[0].audiences[0]', 'audience must be non-empty string'),
      err('spec.jwtRules[2].fromParams[0]', 'location query must be non-empty string'),
    ]);
  });

  test('target references', () => {
    expect(ra({ targetRefs: [{ kind: 'Pod', name: 'x' }] })).toEqual([
      err('spec.targetRefs[0]', 'targetRef must be to one of [core/v1/Service networking.istio.io/v1/ServiceEntry '
        + 'gateway.networking.k8s.io/v1/Gateway gateway.networking.k8s.io/v1/GatewayClass] but was /Pod'),
    ]);
  });

  test('errors are not prefixed (unlike AuthorizationPolicy)', () => {
    expect(ra({ jwtRules: [{ jwks: '{"keys":[]}' }] })).toEqual([err('spec.jwtRules[0].issuer', 'issuer or jwksUri must be non-empty string')]);
  });

  describe('end to end (schema and CEL first)', () => {
    test('a rule without issuer or jwksUri', () => {
      expect(objectDiagnostics([requestAuthentication('authz', { jwtRules: [{ jwks: '{"keys":[]}' }] }, 'foo')])).toEqual([
        expect.objectContaining({ severity: 'error', code: 'IST0106', path: 'spec.jwtRules[0].issuer', message: 'issuer or jwksUri must be non-empty string' }),
      ]);
    });

    test('an inline jwks that does not parse', () => {
      expect(objectDiagnostics([requestAuthentication('authz', { jwtRules: [{ issuer: 'i', jwks: '{"keys": [' }] }, 'foo')])).toEqual([
        expect.objectContaining({ path: 'spec.jwtRules[0].jwks', message: 'jwks parse error: failed to unmarshal JWK set: unexpected end of JSON input' }),
      ]);
    });

    test('a jwksUri port too big for Go', () => {
      expect(objectDiagnostics([requestAuthentication('authz', { jwtRules: [{ issuer: 'i', jwksUri: 'https://idp:99999999999999999999/keys' }] }, 'foo')])).toEqual([
        expect.objectContaining({ path: 'spec.jwtRules[0].jwksUri', message: 'strconv.Atoi: parsing "99999999999999999999": value out of range' }),
      ]);
    });

    test('a claim header with an underscore passes the schema pattern but not the strict header check', () => {
      expect(objectDiagnostics([requestAuthentication('authz', {
        jwtRules: [{ issuer: 'i', outputClaimToHeaders: [{ header: 'x_user', claim: 'sub' }], timeout: '1500us' }],
      }, 'foo')])).toEqual([
        expect.objectContaining({ path: 'spec.jwtRules[0].outputClaimToHeaders[0].header', message: 'header name x_user is not a valid header name' }),
        expect.objectContaining({ path: 'spec.jwtRules[0].timeout', message: 'only durations to ms precision are supported' }),
      ]);
    });

    test('the CRD\'s CEL rule rejects a non-http scheme before the webhook', () => {
      const found = objectDiagnostics([requestAuthentication('authz', { jwtRules: [{ issuer: 'i', jwksUri: 'ftp://idp/keys' }] }, 'foo')]);
      expect(found.map(d => d.message)).toEqual(['Invalid value: "ftp://idp/keys": url must have scheme http:// or https://']);
    });
  });
});
