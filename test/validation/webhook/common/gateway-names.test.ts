import { checkGatewayName, hasGatewaySemantics, validateGatewayNames } from '../../../../src/validation/webhook/common/gateway-names';
import { at, collect } from '../../../support/objects';

function names(list: string[], gatewaySemantics = false) {
  return collect(findings => validateGatewayNames(at('spec', 'gateways'), findings, list, gatewaySemantics));
}

describe('checkGatewayName', () => {
  test.each(['gw', 'My-Gateway', 'a'.repeat(63)])('%s is valid', (name) => {
    expect(checkGatewayName(name, false)).toBeUndefined();
  });

  test.each(['my.gw', 'gw_1', '-gw', 'a'.repeat(64)])('%s is invalid', (name) => {
    expect(checkGatewayName(name, false)).toBe(`invalid gateway name: "${name}"`);
    expect(checkGatewayName(name, true)).toBeUndefined();
  });
});

describe('hasGatewaySemantics', () => {
  test.each([
    [{ annotations: { 'internal.istio.io/gateway-semantics': 'gateway' } }, true],
    [{ annotations: { 'internal.istio.io/gateway-semantics': 'ingress' } }, false],
    [{ annotations: null }, false],
    [{}, false],
  ])('%p -> %p', (metadata, expected) => {
    expect(hasGatewaySemantics(metadata)).toBe(expected);
  });
});

describe('validateGatewayNames (VirtualService gateways)', () => {
  test('namespace/name references and mesh are valid', () => {
    expect(names(['istio-system/ingress', 'mesh'])).toEqual([]);
  });

  test('an empty half is an error, as are invalid labels', () => {
    expect(names(['/gw'])).toEqual([
      { path: 'spec.gateways[0]', message: 'config namespace and gateway name cannot be empty' },
      { path: 'spec.gateways[0]', message: 'invalid value for namespace: ""' },
    ]);
    expect(names(['ns/my.gw'])).toEqual([{ path: 'spec.gateways[0]', message: 'invalid value for gateway name: "my.gw"' }]);
    expect(names(['ns/my.gw'], true)).toEqual([]);
  });

  test('the legacy FQDN form is a warning, and ends the check', () => {
    expect(names(['ingress.istio-system.svc.cluster.local', 'bad_ns/gw'])).toEqual([{
      path: 'spec.gateways[0]',
      message: 'using legacy gatewayName format "ingress.istio-system.svc.cluster.local"; prefer the <namespace>/<name> format: "istio-system/ingress"',
      warning: true,
    }]);
  });

  test('a name without / must be an FQDN', () => {
    expect(names(['gw_1'])).toEqual([{ path: 'spec.gateways[0]', message: 'domain name "gw_1" invalid (label "gw_1" invalid)' }]);
  });
});
