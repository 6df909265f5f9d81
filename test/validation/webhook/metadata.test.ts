import { validateObjects } from '../../../src/validation/validate';
import { validateReservedAnnotations } from '../../../src/validation/webhook/metadata';
import { WebhookObject } from '../../../src/validation/webhook/types';
import { at, collect, gateway, webhookFindings } from '../../support/objects';

const view = (kind: string, annotations: Record<string, string>) =>
  ({ apiVersion: 'networking.istio.io/v1', kind, name: 'reviews', namespace: 'bookinfo', metadata: { annotations }, spec: {} });

/** The rejection for a reserved annotation (there is at most one: the first ends the check), or undefined. */
const rejection = (obj: WebhookObject) =>
  collect(findings => validateReservedAnnotations(at('metadata', 'annotations'), findings, obj))[0];

describe('reserved annotations (validateMetadata)', () => {
  test('ordinary annotations pass', () => {
    expect(rejection(view('VirtualService', { 'example.com/owner': 'team-a' }))).toBeUndefined();
  });

  test('istio.io/dry-run is only for AuthorizationPolicy', () => {
    expect(rejection(view('VirtualService', { 'istio.io/dry-run': 'true' }))).toEqual({
      path: 'metadata.annotations[istio.io/dry-run]',
      message: 'bookinfo/reviews has unsupported annotation istio.io/dry-run, please remove the annotation',
    });
    expect(rejection(view('AuthorizationPolicy', { 'istio.io/dry-run': 'true' }))).toBeUndefined();
  });

  describe('istio.io/dry-run on an AuthorizationPolicy (checkDryRunAnnotation)', () => {
    const policy = (value: string, action?: string) =>
      ({ ...view('AuthorizationPolicy', { 'istio.io/dry-run': value }), apiVersion: 'security.istio.io/v1', spec: action ? { action } : {} });

    test.each([
      ['true', 'ALLOW'], ['false', 'DENY'], ['1', undefined], ['T', 'ALLOW'], ['FALSE', 'DENY'], ['False', undefined],
    ])('value %p with action %p is accepted', (value, action) => {
      expect(rejection(policy(value, action))).toBeUndefined();
    });

    test.each(['yes', '', 'tRUE'])('value %p is no Go bool', value => {
      expect(rejection(policy(value, 'DENY'))).toEqual({
        path: 'metadata.annotations[istio.io/dry-run]',
        message: `bookinfo/reviews has annotation istio.io/dry-run with invalid value (${value}): strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`,
      });
    });

    test.each(['AUDIT', 'CUSTOM'])('action %s does not support it, whatever the value', action => {
      expect(rejection(policy('nonsense', action))).toEqual({
        path: 'metadata.annotations[istio.io/dry-run]',
        message: `the annotation istio.io/dry-run currently only supports action ALLOW/DENY, found action ${action} in bookinfo/reviews`,
      });
    });

    test('it rejects the object before the policy\'s own rules, end to end', () => {
      const found = validateObjects([{
        apiVersion: 'security.istio.io/v1',
        kind: 'AuthorizationPolicy',
        metadata: { name: 'p', namespace: 'ns', annotations: { 'istio.io/dry-run': 'maybe' } },
        spec: { action: 'DENY' },
      }], { analysis: false });
      expect(found).toEqual([expect.objectContaining({
        severity: 'error',
        code: 'IST0106',
        path: 'metadata.annotations[istio.io/dry-run]',
        message: 'ns/p has annotation istio.io/dry-run with invalid value (maybe): strconv.ParseBool: parsing "maybe": invalid syntax',
      })]);
    });
  });

  test('the always-reject test annotation', () => {
    expect(rejection(view('Gateway', { 'internal.istio.io/webhook-always-reject': '' }))?.message)
      .toBe('"internal.istio.io/webhook-always-reject" annotation found, rejecting');
  });

  test('internal parent annotations may not be set by users', () => {
    expect(rejection(view('Sidecar', { 'internal.istio.io/parents': 'HTTPRoute/a.b' }))?.message)
      .toBe('"internal.istio.io/parents" annotation found, this may not be set by users');
  });

  test('a reserved annotation rejects the object before the kind\'s rules run', () => {
    const findings = webhookFindings(gateway('gw', {}, { namespace: 'default', annotations: { 'internal.istio.io/webhook-always-reject': 'x' } }));
    expect(findings).toEqual([{ path: 'metadata.annotations[internal.istio.io/webhook-always-reject]', message: '"internal.istio.io/webhook-always-reject" annotation found, rejecting' }]);
  });
});
