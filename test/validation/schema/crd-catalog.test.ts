import { allCrdVersions, crdVersion, istioGroups, servedVersions } from '../../../src/validation/schema/crd-catalog';
import { crdDocuments } from '../../support/pinned';

/** Every served version of the pinned CRD bundle: `group/version Kind` with its scope and schema. */
function servedInBundle() {
  return crdDocuments().filter(crd => crd.kind === 'CustomResourceDefinition').flatMap(crd =>
    (crd.spec.versions as any[]).filter(version => version.served).map(version => ({
      apiVersion: `${crd.spec.group}/${version.name}`,
      kind: crd.spec.names.kind as string,
      scope: crd.spec.scope as string,
      schema: version.schema.openAPIV3Schema,
    })));
}

/**
 * The schema without its documentation: `description` strings dropped, a field called `description`
 * kept (as projenrc/import-istio.ts strips them; no Istio 1.30.3 CRD has such a field).
 */
function withoutDescriptions(node: any): any {
  if (Array.isArray(node)) return node.map(withoutDescriptions);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node)
    .filter(([key, value]) => !(key === 'description' && typeof value === 'string'))
    .map(([key, value]) => [key, key === 'properties'
      ? Object.fromEntries(Object.entries(value as object).map(([name, schema]) => [name, withoutDescriptions(schema)]))
      : withoutDescriptions(value)]));
}

const identity = (crd: { apiVersion: string; kind: string; scope: string }) => `${crd.apiVersion} ${crd.kind} ${crd.scope}`;

describe('the CRD catalog generated next to L1', () => {
  test('holds every served version of the four Istio groups, and nothing else', () => {
    expect([...istioGroups()].sort()).toEqual(['extensions.istio.io', 'networking.istio.io', 'security.istio.io', 'telemetry.istio.io']);
    expect(allCrdVersions().map(identity).sort()).toEqual(servedInBundle().map(identity).sort());
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

  test('each schema is the bundle\'s openAPIV3Schema with its description strings stripped, nothing else changed', () => {
    const json = JSON.stringify(allCrdVersions().map(crd => crd.schema));
    expect(json).not.toMatch(/"description":"/);
    for (const served of servedInBundle()) {
      expect({ crd: identity(served), schema: crdVersion(served.apiVersion, served.kind)?.schema })
        .toEqual({ crd: identity(served), schema: withoutDescriptions(served.schema) });
    }
  });

  test('unknown versions and kinds', () => {
    expect(crdVersion('networking.istio.io/v2', 'VirtualService')).toBeUndefined();
    expect(crdVersion('networking.istio.io/v1', 'Widget')).toBeUndefined();
  });
});
