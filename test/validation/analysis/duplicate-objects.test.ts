import { analyzeObjects } from '../../../src/validation/analysis';

function rule(name: string, namespace?: string, subset = 'v1') {
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'DestinationRule',
    metadata: { name, namespace },
    spec: { host: 'reviews', subsets: [{ name: subset, labels: { version: subset } }] },
  };
}

function duplicates(objects: unknown[]): string[] {
  return analyzeObjects(objects).filter(d => d.code === 'CI1007').map(d => `${d.objectIndex} ${d.path}: ${d.message}`);
}

describe('CI1007 duplicate objects', () => {
  test('a second object of the same kind, namespace and name is reported', () => {
    expect(duplicates([rule('reviews', 'shop'), rule('reviews', 'shop', 'v2')])).toEqual([
      '1 metadata.name: DestinationRule shop/reviews is defined more than once; applied together, the last one replaces the others. '
      + 'Give each a distinct name, or keep one',
    ]);
  });

  test('an object without a namespace is the one in default', () => {
    expect(duplicates([rule('reviews'), rule('reviews', 'default')])).toHaveLength(1);
  });

  test('other versions of a kind are the same resource', () => {
    const older = { ...rule('reviews', 'shop'), apiVersion: 'networking.istio.io/v1beta1' };
    expect(duplicates([older, rule('reviews', 'shop')])).toHaveLength(1);
  });

  test('different names, namespaces or kinds are not duplicates; nor are non-Istio objects', () => {
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'reviews', namespace: 'shop' }, spec: { ports: [{ port: 80 }] } };
    const route = { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'reviews', namespace: 'shop' }, spec: { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews', subset: 'v1' } }] }] } };
    expect(duplicates([rule('reviews', 'shop'), rule('reviews', 'other'), rule('ratings', 'shop'), route, service, service])).toEqual([]);
  });
});
