import { ObjectSet } from '../../../../src/validation/analysis/core/object-set';
import { ServiceRegistry } from '../../../../src/validation/analysis/core/registry';
import { service, serviceEntry } from '../../../support/objects';

const registryOf = (...objects: unknown[]) => ServiceRegistry.of(new ObjectSet(objects));
const port = { number: 443, name: 'https', protocol: 'HTTPS' };

describe('ServiceRegistry (istioctl service lookup)', () => {
  test('a Service by short name in its namespace, or by FQDN from anywhere', () => {
    const registry = registryOf(service('reviews', 'bookinfo', [9080]));
    expect(registry.lookup('bookinfo', [], 'reviews')?.ports).toEqual([{ number: 9080, name: 'http-9080', protocol: undefined }]);
    expect(registry.lookup('other', [], 'reviews')).toBeUndefined();
    expect(registry.lookup('other', [], 'reviews.bookinfo.svc.cluster.local')?.source).toMatchObject({ kind: 'Service', name: 'reviews', namespace: 'bookinfo' });
  });

  test('a Service exported with the networking.istio.io/exportTo annotation', () => {
    const registry = registryOf(service('reviews', 'bookinfo', [80], { 'networking.istio.io/exportTo': '.,team' }));
    const host = 'reviews.bookinfo.svc.cluster.local';
    expect(registry.lookup('bookinfo', [], host)?.source).toMatchObject({ kind: 'Service', name: 'reviews', namespace: 'bookinfo' });
    expect(registry.lookup('team', [], host)?.source).toMatchObject({ kind: 'Service', name: 'reviews', namespace: 'bookinfo' });
    expect(registry.lookup('other', [], host)).toBeUndefined();
  });

  test('ServiceEntry scopes: exportTo of the entry, looked up through the referrer exportTo as istioctl does', () => {
    const registry = registryOf(serviceEntry('api', { hosts: ['api.example.com'], exportTo: ['.'], ports: [port] }, 'egress'));
    expect(registry.lookup('egress', [], 'api.example.com')?.source).toMatchObject({ kind: 'ServiceEntry', name: 'api', namespace: 'egress' });
    expect(registry.lookup('shop', [], 'api.example.com')).toBeUndefined();
    expect(registry.lookup('shop', ['egress'], 'api.example.com')?.source).toMatchObject({ kind: 'ServiceEntry', name: 'api', namespace: 'egress' });
  });

  test('a ServiceEntry\'s short host is qualified with the entry\'s namespace, not the referrer\'s', () => {
    const registry = registryOf(serviceEntry('legacy', { hosts: ['legacy'], ports: [port] }, 'shop'));
    expect(registry.lookup('shop', [], 'legacy')?.source).toMatchObject({ kind: 'ServiceEntry', name: 'legacy', namespace: 'shop' });
    expect(registry.lookup('web', [], 'legacy.shop.svc.cluster.local')?.source).toMatchObject({ kind: 'ServiceEntry', name: 'legacy', namespace: 'shop' });
    expect(registry.lookup('web', [], 'legacy')).toBeUndefined(); // legacy.web.svc.cluster.local
  });

  test('wildcard ServiceEntry hosts cover names and narrower wildcards visible from the namespace', () => {
    const registry = registryOf(
      serviceEntry('all', { hosts: ['*.example.com'], ports: [port] }, 'egress'),
      serviceEntry('local', { hosts: ['*.internal.org'], exportTo: ['.'], ports: [port] }, 'egress'),
    );
    expect(registry.lookup('shop', [], 'a.b.example.com')?.source.name).toBe('all');
    expect(registry.lookup('shop', [], '*.x.example.com')?.source.name).toBe('all');
    expect(registry.lookup('shop', [], 'example.com')).toBeUndefined();
    expect(registry.lookup('egress', [], 'a.internal.org')?.source.name).toBe('local');
    expect(registry.lookup('shop', [], 'a.internal.org')).toBeUndefined();
  });

  test('a Service replaces a ServiceEntry with the same host', () => {
    const registry = registryOf(
      serviceEntry('se', { hosts: ['reviews.bookinfo.svc.cluster.local'], ports: [port] }, 'bookinfo'),
      service('reviews', 'bookinfo', [9080]),
    );
    expect(registry.lookup('bookinfo', [], 'reviews')?.source.kind).toBe('Service');
  });
});
