import { isExternalStub, withExternalStubs } from '../../../../src/validation/analysis/core/external-stubs';
import { service, virtualService } from '../../../support/objects';
import { diagnostics } from '../fixtures';

const ANNOTATION = 'cdk8s-istio.dev/external-references';

/** A VirtualService on an external gateway, to an external subset, a host nobody declares, and a delegate. */
function shop(annotation?: string) {
  const http = [
    { match: [{ uri: { prefix: '/pay' } }], route: [{ destination: { host: 'payments.billing.svc.cluster.local', port: { number: 8080 } } }] },
    { match: [{ uri: { prefix: '/admin' } }], delegate: { name: 'admin', namespace: 'ops' } },
    { route: [{ destination: { host: 'reviews.shop.svc.cluster.local', subset: 'v2' } }] },
  ];
  return virtualService('shop', { hosts: ['shop.example.com'], gateways: ['istio-system/public'], http },
    { namespace: 'shop', annotations: annotation ? { [ANNOTATION]: annotation } : undefined });
}

/** A Service, so the analysis checks destination hosts against the registry (as istioctl does). */
const reviewsService = service('reviews', 'shop', [9080]);

function findings(objects: unknown[]): string[] {
  return diagnostics(objects).map(d => `${d.objectIndex} ${d.code} ${d.path}: ${d.message}`);
}

describe('external references declared by annotation', () => {
  test('without the annotation, every reference outside the set is reported', () => {
    expect(findings([shop(), reviewsService])).toEqual([
      '0 IST0101 spec.gateways[0]: Referenced gateway not found: "istio-system/public"',
      '0 IST0132 spec.gateways[0]: one or more host [shop.example.com] defined in VirtualService shop/shop not found in Gateway istio-system/public.',
      '0 IST0101 spec.http[0].route[0].destination.host: Referenced host not found: "payments.billing.svc.cluster.local"',
      '0 IST0101 spec.http[2].route[0].destination.subset: Referenced host+subset in destinationrule not found: "reviews.shop.svc.cluster.local+v2"',
      '0 CI1004 spec.http[1].delegate: Referenced delegate VirtualService not found: "ops/admin"; Istio ignores this HTTP route',
    ]);
  });

  test('with them declared, the references count as present and nothing is reported', () => {
    const annotation = 'Gateway istio-system/public, Host payments.billing.svc.cluster.local, '
      + 'Subset reviews.shop.svc.cluster.local/v2, VirtualService ops/admin';
    expect(findings([shop(annotation), reviewsService])).toEqual([]);
  });

  test('a gateway reference without a namespace is looked up in the referring object\'s', () => {
    const vs = shop('Gateway public');
    const spec = vs.spec!;
    spec.gateways = ['public'];
    spec.http = [(spec.http as unknown[])[2]];
    const stubs = withExternalStubs([vs]).slice(1) as any[];
    expect(stubs.map(s => `${s.kind} ${s.metadata.namespace}/${s.metadata.name}`)).toEqual(['Gateway shop/public']);
    expect(isExternalStub(stubs[0])).toBe(true);
    expect(isExternalStub(vs)).toBe(false);
  });

  test('stand-ins are added once per namespace and reference, and never reported on', () => {
    const a = shop('Subset reviews.shop.svc.cluster.local/v2');
    const b = { ...shop('Subset reviews.shop.svc.cluster.local/v2'), metadata: { ...a.metadata, name: 'other' } };
    const all = withExternalStubs([a, b]);
    expect(all).toHaveLength(3);
    expect(diagnostics(all.slice(0, 2)).every(d => d.objectIndex < 2)).toBe(true);
  });

  test('a set without annotations is returned as it is', () => {
    const objects = [reviewsService];
    expect(withExternalStubs(objects)).toBe(objects);
  });

  test('a malformed subset reference adds nothing', () => {
    expect(withExternalStubs([shop('Subset v2')])).toHaveLength(1);
  });
});
