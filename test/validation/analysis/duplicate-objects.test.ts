import { diagnostics } from './fixtures';
import { destinationRule, MetaArg, service, virtualService } from '../../support/objects';

function rule(name: string, meta?: MetaArg, subset = 'v1') {
  return destinationRule(name, { host: 'reviews', subsets: [{ name: subset, labels: { version: subset } }] }, meta);
}

function duplicates(objects: unknown[]): string[] {
  return diagnostics(objects).filter(d => d.code === 'CI1007').map(d => `${d.objectIndex} ${d.path}: ${d.message}`);
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
    const older = rule('reviews', { namespace: 'shop', apiVersion: 'networking.istio.io/v1beta1' });
    expect(duplicates([older, rule('reviews', 'shop')])).toHaveLength(1);
  });

  test('different names, namespaces or kinds are not duplicates; nor are non-Istio objects', () => {
    const svc = service('reviews', 'shop');
    const vs = virtualService('reviews', { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews', subset: 'v1' } }] }] }, 'shop');
    expect(duplicates([rule('reviews', 'shop'), rule('reviews', 'other'), rule('ratings', 'shop'), vs, svc, svc])).toEqual([]);
  });
});
