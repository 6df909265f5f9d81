import { dotSuffixes, isExportedTo, namesForNamespace, resourceNameFromHost, shortOrFullName, toFqdn } from '../../../../src/validation/analysis/core/hosts';

describe('Istio host rules', () => {
  test.each([
    ['reviews', 'reviews.bookinfo.svc.cluster.local'],
    ['reviews.bookinfo', 'reviews.bookinfo'],
    ['reviews.bookinfo.svc.cluster.local', 'reviews.bookinfo.svc.cluster.local'],
    ['*.example.com', '*.example.com'],
    ['*', '*'],
  ])('toFqdn(bookinfo, %p) = %p', (host, fqdn) => {
    expect(toFqdn('bookinfo', host)).toBe(fqdn);
  });

  test.each([
    ['reviews', 'bookinfo/reviews'],
    ['reviews.other.svc.cluster.local', 'other/reviews'],
    ['api.example.com', 'bookinfo/api.example.com'],
  ])('resourceNameFromHost(bookinfo, %p) = %p', (host, name) => {
    expect(resourceNameFromHost('bookinfo', host)).toBe(name);
  });

  test('namesForNamespace keeps unqualified, `*`-qualified and own-namespace hosts', () => {
    expect(namesForNamespace(['ns1/foo.com', '*/bar.com', 'baz.com', 'ns2/qux.com'], 'ns1')).toEqual(['foo.com', 'bar.com', 'baz.com']);
  });

  test('dotSuffixes, shortOrFullName and exportTo visibility', () => {
    expect(dotSuffixes('a.b.com')).toEqual(['.b.com', '.com', '']);
    expect(shortOrFullName('shop', 'gw')).toEqual({ namespace: 'shop', name: 'gw' });
    expect(shortOrFullName('shop', 'istio-system/gw')).toEqual({ namespace: 'istio-system', name: 'gw' });
    expect(isExportedTo([], 'a', 'b')).toBe(true);
    expect(isExportedTo(['*'], 'a', 'b')).toBe(true);
    expect(isExportedTo(['.'], 'a', 'a')).toBe(true);
    expect(isExportedTo(['.'], 'a', 'b')).toBe(false);
    expect(isExportedTo(['~'], 'a', 'a')).toBe(false);
    expect(isExportedTo(['b'], 'a', 'b')).toBe(true);
  });
});
