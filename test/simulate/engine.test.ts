/**
 * Host selection, gateway binding, merging, delegation, protocols and fallbacks, each checked
 * against Istio 1.30's code (file names in src/simulate/engine.ts) and istio.io's docs.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { loadAll } from 'js-yaml';
import { RouteSimulator } from '../../src';
import { inSubnet } from '../../src/simulate/engine';
import { gateway, serviceEntry, virtualService } from '../support/objects';

const fixture = (name: string) => loadAll(readFileSync(join(__dirname, '..', 'fixtures', 'route', name), 'utf8')) as any[];
const vs = (name: string, namespace: string, spec: Record<string, unknown>, metadata: Record<string, unknown> = {}) =>
  virtualService(name, spec, { namespace, metadata });
const to = (host: string, subset?: string) => ({ route: [{ destination: { host, ...(subset ? { subset } : {}) } }] });

describe('delegation (root match AND delegate match, the delegate\'s own order)', () => {
  const sim = RouteSimulator.fromObjects(fixture('delegation.yaml'));
  const at = (path: string) => sim.route({ host: 'api.example.com', gateway: 'default/api-gateway', path });

  test('/reviews/v2 takes the delegate\'s first rule, named root-delegate, with the root\'s timeout', () => {
    const result = at('/reviews/v2/x');
    expect(result.virtualService).toBe('default/root-vs');
    expect(result.route).toEqual({ section: 'http', index: 0, name: 'reviews-v2', matchIndex: 0, delegate: 'reviews-ns/reviews-vs', delegateIndex: 0 });
    expect(result.destinations).toEqual([{ host: 'reviews.reviews-ns.svc.cluster.local', subset: 'v2', port: 80, weight: 100 }]);
    expect(result.timeout).toBe('5s');
  });
  test('/reviews falls to the delegate\'s catch-all, which keeps the root\'s /reviews prefix', () => {
    expect(at('/reviews').destinations[0].subset).toBe('v1');
    expect(at('/other').noRoute).toBe(true);
  });
  test('a delegate rule outside the root\'s match is dropped; an unexported delegate drops the root rule', () => {
    const reasons = at('/ratings').considered.map(c => c.reason);
    expect(reasons).toContainEqual(expect.stringMatching(/conflicts with every match of the root rule .*istiod drops this delegate rule/));
    expect(reasons).toContainEqual('delegate ratings-ns/ratings-vs is not exported to namespace default (exportTo ratings-ns); istiod drops this rule');
    expect(at('/ratings').fallback).toMatch(/404/);
  });
});

describe('gateways: several VirtualServices for one host are merged, catch-alls last', () => {
  const sim = RouteSimulator.fromObjects(fixture('gateway-merge.yaml'));
  const at = (path: string, host = 'shop.example.com') => sim.route({ host, gateway: 'istio-system/public', path });

  test('b-shop\'s /cart is reached although a-shop (earlier) has a catch-all', () => {
    expect(at('/cart/1').virtualService).toBe('shop/b-shop');
    expect(at('/catalog').destinations[0].host).toBe('catalog.shop.svc.cluster.local');
    expect(at('/').destinations[0].host).toBe('frontend.shop.svc.cluster.local');
    expect(at('/').notes).toContainEqual(expect.stringMatching(/share host shop.example.com .* merged in order, catch-all routes last/));
  });
  test('rules after a catch-all of the same VirtualService are never reached', () => {
    const result = at('/never');
    expect(result.destinations[0].host).toBe('frontend.shop.svc.cluster.local');
    expect(result.considered.find(c => c.route.index === 2)?.reason).toMatch(/never reached: istiod stops after the catch-all route shop\/a-shop http\[1\]/);
  });
  test('the exact host wins over the wildcard VirtualService; other hosts take the wildcard', () => {
    expect(at('/', 'other.example.com').virtualService).toBe('shop/wildcard');
    expect(at('/', 'example.org').noRoute).toBe(true);
  });
  test('the mesh does not see gateway-bound VirtualServices', () => {
    const result = sim.route({ host: 'shop.example.com', path: '/cart' });
    expect(result.noRoute).toBe(true);
    expect(result.fallback).toMatch(/PassthroughCluster/);
  });
  test('TLS passthrough server: tls rules by SNI; no server on a port refuses the connection', () => {
    const tls = sim.route({ host: 'secure.example.com', port: 443, gateway: 'istio-system/public' });
    expect(tls).toMatchObject({ protocol: 'TLS', virtualService: 'shop/wildcard', destinations: [{ host: 'secure.shop.svc.cluster.local', port: 8443, weight: 100 }] });
    const other = sim.route({ host: 'plain.example.com', port: 443, gateway: 'istio-system/public' });
    expect(other.noRoute).toBe(true);
    expect(other.considered[0].reason).toMatch(/sniHosts: plain.example.com is not one of secure.example.com/);
    expect(sim.route({ host: 'shop.example.com', port: 8080, gateway: 'istio-system/public' }).fallback).toMatch(/connection is refused/);
    expect(sim.route({ host: 'shop.example.org', gateway: 'istio-system/public' }).reason).toMatch(/no server .* accepts host shop.example.org/);
  });
});

describe('sidecars (mesh)', () => {
  test('two VirtualServices for one host: IST0109 reported, not guessed', () => {
    const sim = RouteSimulator.fromObjects([vs('a', 'default', { hosts: ['reviews'], http: [to('reviews', 'v1')] }), vs('b', 'default', { hosts: ['reviews.default.svc.cluster.local'], http: [to('reviews', 'v2')] })]);
    const result = sim.route({ host: 'reviews' });
    expect(result.noRoute).toBe(true);
    expect(result.conflictingVirtualServices).toEqual(['default/a', 'default/b']);
    expect(result.reason).toMatch(/^IST0109/);
  });

  test('exact host before wildcard, most specific wildcard first', () => {
    const sim = RouteSimulator.fromObjects([
      vs('any', 'default', { hosts: ['*'], http: [to('any')] }),
      vs('wide', 'default', { hosts: ['*.com'], http: [to('wide')] }),
      vs('narrow', 'default', { hosts: ['*.example.com'], http: [to('narrow')] }),
      vs('exact', 'default', { hosts: ['api.example.com'], http: [to('exact')] }),
    ]);
    sim.expect({ host: 'api.example.com' }).toVirtualService('exact');
    sim.expect({ host: 'www.example.com' }).toVirtualService('narrow');
    sim.expect({ host: 'example.com' }).toVirtualService('wide');
    sim.expect({ host: 'example.org' }).toVirtualService('any');
  });

  test('short hosts resolve against the VirtualService\'s namespace; the request\'s against the client\'s', () => {
    const sim = RouteSimulator.fromObjects([vs('r', 'shop', { hosts: ['cart'], http: [to('cart', 'v1')] })]);
    sim.expect({ host: 'cart', sourceNamespace: 'shop' }).toSubset('cart.shop.svc.cluster.local', 'v1');
    const fromDefault = sim.route({ host: 'cart' });
    expect(fromDefault.host).toBe('cart.default.svc.cluster.local');
    expect(fromDefault.fallback).toMatch(/default route: to cart.default.svc.cluster.local:80/);
    sim.expect({ host: 'cart.shop' }).toSubset('cart.shop.svc.cluster.local', 'v1');
    sim.expect({ host: 'cart.shop.svc:80' }).toSubset('cart.shop.svc.cluster.local', 'v1');
  });

  test('exportTo: a VirtualService exported to its namespace only is invisible elsewhere', () => {
    const sim = RouteSimulator.fromObjects([vs('r', 'shop', { hosts: ['cart.shop.svc.cluster.local'], exportTo: ['.'], http: [to('cart', 'v1')] })]);
    expect(sim.route({ host: 'cart.shop.svc.cluster.local', sourceNamespace: 'shop' }).noRoute).toBe(false);
    expect(sim.route({ host: 'cart.shop.svc.cluster.local', sourceNamespace: 'web' }).noRoute).toBe(true);
  });

  test('gateways and sourceNamespace inside a match; a match port other than the request\'s', () => {
    const sim = RouteSimulator.fromObjects([vs('r', 'default', {
      hosts: ['api'],
      gateways: ['mesh', 'istio-system/gw'],
      http: [
        { match: [{ gateways: ['istio-system/gw'], sourceLabels: { never: 'x' } }], ...to('api', 'edge') },
        { match: [{ sourceNamespace: 'ops', port: 8080 }], ...to('api', 'ops') },
        to('api', 'main'),
      ],
    })]);
    // With gateways set, istiod ignores sourceLabels (sourceMatchHTTP).
    sim.expect({ host: 'api.default.svc.cluster.local', gateway: 'istio-system/gw' }).toSubset('api', 'edge');
    sim.expect({ host: 'api.default', sourceNamespace: 'ops', port: 9090 }).toSubset('api.default.svc.cluster.local', 'main');
    sim.expect({ host: 'api.default.svc.cluster.local:8080', sourceNamespace: 'ops' }).toSubset('api.default.svc.cluster.local', 'ops');
    const result = sim.route({ host: 'api.default.svc.cluster.local', sourceNamespace: 'web', port: 8080 });
    expect(result.considered.map(c => c.reason)).toEqual([
      'gateways: mesh is not one of istio-system/gw (decided when istiod builds this proxy\'s routes)',
      'sourceNamespace: "web" is not "ops" (decided when istiod builds this proxy\'s routes)',
      'matched',
    ]);
  });

  test('a VirtualService with no route for this proxy builds no virtual host: the next domain or the default applies', () => {
    const sim = RouteSimulator.fromObjects([
      vs('only-ops', 'default', { hosts: ['api.example.com'], http: [{ match: [{ sourceNamespace: 'ops' }], ...to('ops') }] }),
      vs('wild', 'default', { hosts: ['*.example.com'], http: [to('wild')] }),
    ]);
    const result = sim.route({ host: 'api.example.com' });
    expect(result.virtualService).toBe('default/wild');
    expect(result.considered[0].reason).toMatch(/sourceNamespace/);
  });
});

describe('ports that are not HTTP (Service port name / appProtocol)', () => {
  const sim = RouteSimulator.fromObjects(fixture('protocols.yaml'));
  test('the HTTP port uses http rules', () => {
    sim.expect({ host: 'db.data.svc.cluster.local', port: 8080 }).toSubset('db.data.svc.cluster.local', 'admin');
    expect(sim.route({ host: 'db.data.svc.cluster.local', port: 9090 }).protocol).toBe('HTTP');
    expect(sim.route({ host: 'db.data.svc.cluster.local', port: 7000 }).notes).toContainEqual(expect.stringMatching(/protocol not declared .*sniffs it/));
  });
  test('the TCP port: HTTP rules do not apply; tcp rules by port and destination subnet, weights', () => {
    const tcp = sim.route({ host: 'db.data.svc.cluster.local', port: 5432, destinationAddress: '10.1.2.3' });
    expect(tcp.protocol).toBe('TCP');
    expect(tcp.notes).toContainEqual("HTTP rules do not apply: port 5432 of Service data/db is TCP (port name 'tcp-sql'); only tcp rules route it");
    expect(tcp.destinations).toEqual([{ host: 'db.data.svc.cluster.local', subset: 'primary', port: 5432, weight: 100 }]);
    const other = sim.route({ host: 'db.data.svc.cluster.local', port: 5432, destinationAddress: '192.168.0.1' });
    expect(other.destinations.map(d => [d.subset, d.weight])).toEqual([['replica', 70], ['standby', 30]]);
    expect(other.considered[0].reason).toBe('destinationSubnets: 192.168.0.1 is not in 10.0.0.0/8');
    expect(sim.route({ host: 'db.data.svc.cluster.local', port: 5432 }).considered[0].reason).toMatch(/no destination address/);
  });
  test('a port with no tcp rule falls to the service', () => {
    const objects = fixture('protocols.yaml');
    objects[1].spec.tcp = [{ match: [{ port: 1 }], route: [{ destination: { host: 'db' } }] }];
    const result = RouteSimulator.fromObjects(objects).route({ host: 'db.data.svc.cluster.local', port: 5432 });
    expect(result.noRoute).toBe(true);
    expect(result.fallback).toMatch(/default TCP route/);
  });
});

test('the gateway\'s httpsRedirect answers 301 before any route', () => {
  const sim = RouteSimulator.fromObjects([
    gateway('gw', {
      selector: { istio: 'ingressgateway' },
      servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'], tls: { httpsRedirect: true } }],
    }, 'istio-system'),
    vs('r', 'default', { hosts: ['example.com'], gateways: ['istio-system/gw'], http: [to('web')] }),
  ]);
  expect(sim.route({ host: 'example.com', gateway: 'istio-system/gw' }).redirect).toEqual({ scheme: 'https', redirectCode: 301 });
});

test('request errors', () => {
  const sim = RouteSimulator.fromObjects([]);
  expect(() => sim.route({ host: '' })).toThrow(/the request needs a host/);
  expect(() => sim.route({ host: 'a', gateway: 'gw' })).toThrow(/gateway must be 'mesh' or '<namespace>\/<name>', got 'gw'/);
});

test('inSubnet: IPv4 CIDRs and plain addresses', () => {
  expect(inSubnet('10.1.2.3', '10.0.0.0/8')).toBe(true);
  expect(inSubnet('11.1.2.3', '10.0.0.0/8')).toBe(false);
  expect(inSubnet('1.2.3.4', '0.0.0.0/0')).toBe(true);
  expect(inSubnet('1.2.3.4', '1.2.3.4')).toBe(true);
  expect(inSubnet('::1', '::1')).toBe(true);
});

test('a ServiceEntry not exported to the caller\'s namespace does not make its host known there', () => {
  const se = serviceEntry('ext', { hosts: ['api.example.org'], exportTo: ['.'], resolution: 'DNS', ports: [{ number: 80, name: 'http', protocol: 'HTTP' }] }, 'shop');
  const sim = RouteSimulator.fromObjects([se]);
  expect(sim.route({ host: 'api.example.org', sourceNamespace: 'default' }).fallback).toMatch(/PassthroughCluster/);
  expect(sim.route({ host: 'api.example.org', sourceNamespace: 'shop' }).fallback).toMatch(/^Istio's default route: to api.example.org:80/);
});
