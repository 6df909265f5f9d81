import { validateWebhook } from '../../../src/validation/webhook';
import { checkReservedAnnotations } from '../../../src/validation/webhook/metadata';

const view = (kind: string, annotations: Record<string, string>) =>
  ({ apiVersion: 'networking.istio.io/v1', kind, name: 'reviews', namespace: 'bookinfo', metadata: { annotations }, spec: {} });

describe('reserved annotations (validateMetadata)', () => {
  test('ordinary annotations pass', () => {
    expect(checkReservedAnnotations(view('VirtualService', { 'example.com/owner': 'team-a' }))).toBeUndefined();
  });

  test('istio.io/dry-run is only for AuthorizationPolicy', () => {
    expect(checkReservedAnnotations(view('VirtualService', { 'istio.io/dry-run': 'true' }))).toEqual({
      path: 'metadata.annotations[istio.io/dry-run]',
      message: 'bookinfo/reviews has unsupported annotation istio.io/dry-run, please remove the annotation',
    });
    expect(checkReservedAnnotations(view('AuthorizationPolicy', { 'istio.io/dry-run': 'true' }))).toBeUndefined();
  });

  test('the always-reject test annotation', () => {
    expect(checkReservedAnnotations(view('Gateway', { 'internal.istio.io/webhook-always-reject': '' }))?.message)
      .toBe('"internal.istio.io/webhook-always-reject" annotation found, rejecting');
  });

  test('internal parent annotations may not be set by users', () => {
    expect(checkReservedAnnotations(view('Sidecar', { 'internal.istio.io/parents': 'HTTPRoute/a.b' }))?.message)
      .toBe('"internal.istio.io/parents" annotation found, this may not be set by users');
  });

  test('a reserved annotation rejects the object before the kind\'s rules run', () => {
    const findings = validateWebhook({
      apiVersion: 'networking.istio.io/v1',
      kind: 'Gateway',
      metadata: { name: 'gw', namespace: 'default', annotations: { 'internal.istio.io/webhook-always-reject': 'x' } },
      spec: {},
    });
    expect(findings).toEqual([{ path: 'metadata.annotations[internal.istio.io/webhook-always-reject]', message: '"internal.istio.io/webhook-always-reject" annotation found, rejecting' }]);
  });
});
