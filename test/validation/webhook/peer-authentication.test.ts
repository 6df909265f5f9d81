import { validatePeerAuthentication } from '../../../src/validation/webhook/peer-authentication';
import { collect, err, objectDiagnostics, peerAuthentication, warn, webhookView } from '../../support/objects';

/** The findings of PeerAuthentication `foo/authz` with this spec. */
const pa = (spec: any) => collect(findings => validatePeerAuthentication(webhookView(peerAuthentication('authz', spec, 'foo')), findings));

describe('ValidatePeerAuthentication', () => {
  test.each([
    ['mesh-wide STRICT', { mtls: { mode: 'STRICT' } }],
    ['a workload with port-level mTLS', { selector: { matchLabels: { app: 'finance' } }, mtls: { mode: 'STRICT' }, portLevelMtls: { 8080: { mode: 'DISABLE' } } }],
    ['nothing at all', {}],
  ])('%s is valid', (_, spec) => {
    expect(pa(spec)).toEqual([]);
  });

  test('port-level mTLS needs a workload selector with labels', () => {
    expect(pa({ portLevelMtls: { 8080: { mode: 'DISABLE' } } }))
      .toEqual([err('spec.portLevelMtls', 'mesh/namespace peer authentication cannot have port level mTLS')]);
    expect(pa({ selector: { matchLabels: {} }, portLevelMtls: { 8080: { mode: 'DISABLE' } } })).toEqual([
      err('spec.portLevelMtls', 'mesh/namespace peer authentication cannot have port level mTLS'),
      warn('spec.selector', 'workload selector specified without labels'),
    ]);
  });

  test('port-level mTLS, if present, is not empty', () => {
    expect(pa({ selector: { matchLabels: { app: 'a' } }, portLevelMtls: {} }))
      .toEqual([err('spec.portLevelMtls', 'port level mTLS, if defined, must have at least one element')]);
  });

  test('ports are 1..65535', () => {
    expect(pa({ selector: { matchLabels: { app: 'a' } }, portLevelMtls: { 0: { mode: 'STRICT' }, 65535: {}, 65536: {} } })).toEqual([
      err('spec.portLevelMtls[0]', 'port must be in range 1..65535'),
      err('spec.portLevelMtls[65536]', 'port must be in range 1..65535'),
    ]);
  });

  test('the workload selector is checked last', () => {
    expect(pa({ selector: { matchLabels: { 'app': 'a*', '': 'x' } }, portLevelMtls: { 0: {} } })).toEqual([
      err('spec.portLevelMtls[0]', 'port must be in range 1..65535'),
      err('spec.selector.matchLabels[]', 'empty key is not supported in selector: "=x"'),
      err('spec.selector.matchLabels[app]', 'wildcard is not supported in selector: "app=a*"'),
    ]);
  });

  describe('end to end (schema and CEL first)', () => {
    test('a selector without labels is an IST0133 warning', () => {
      expect(objectDiagnostics([peerAuthentication('authz', { selector: {}, mtls: { mode: 'PERMISSIVE' } }, 'foo')])).toEqual([
        expect.objectContaining({ severity: 'warning', code: 'IST0133', path: 'spec.selector', message: 'workload selector specified without labels' }),
      ]);
    });

    test('the CRD\'s CEL rules reject bad port-level mTLS before the webhook', () => {
      const found = objectDiagnostics([peerAuthentication('authz', { portLevelMtls: { 0: { mode: 'STRICT' } } }, 'foo')]);
      expect(found.map(d => d.message)).toEqual(expect.arrayContaining(['Invalid value: port must be between 1-65535']));
      expect(found.every(d => !d.message.includes('port must be in range'))).toBe(true);
    });

    test('a valid policy has no diagnostics', () => {
      expect(objectDiagnostics([peerAuthentication('authz', { selector: { matchLabels: { app: 'a' } }, portLevelMtls: { 80: { mode: 'DISABLE' } } }, 'foo')]))
        .toEqual([]);
    });
  });
});
