import { allCrdVersions, crdVersion, istioGroups, servedVersions } from '../../src/validation/crd-catalog';

describe('the CRD catalog generated next to L1', () => {
  test('holds every served version of the four Istio groups', () => {
    expect([...istioGroups()].sort()).toEqual(['extensions.istio.io', 'networking.istio.io', 'security.istio.io', 'telemetry.istio.io']);
    expect(allCrdVersions()).toHaveLength(33);
  });

  test('served versions of a kind', () => {
    expect(servedVersions('networking.istio.io', 'VirtualService').sort()).toEqual(['v1', 'v1alpha3', 'v1beta1']);
    expect(servedVersions('networking.istio.io', 'Widget')).toEqual([]);
  });

  test('a version is loaded once, with its structural schema and scope', () => {
    const vs = crdVersion('networking.istio.io/v1', 'VirtualService');
    expect(vs).toBe(crdVersion('networking.istio.io/v1', 'VirtualService'));
    expect(vs).toMatchObject({ apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', scope: 'Namespaced' });
    expect(vs!.schema.properties!.spec.properties!.hosts).toEqual({ type: 'array', items: { type: 'string' } });
  });

  test('descriptions are stripped, fields called "description" are not', () => {
    const json = JSON.stringify(allCrdVersions().map(crd => crd.schema));
    expect(json).not.toMatch(/"description":"/);
  });

  test('unknown versions and kinds', () => {
    expect(crdVersion('networking.istio.io/v2', 'VirtualService')).toBeUndefined();
    expect(crdVersion('networking.istio.io/v1', 'Widget')).toBeUndefined();
  });
});
