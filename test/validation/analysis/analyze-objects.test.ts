import { route } from './fixtures';
import { analyzeObjects } from '../../../src/validation/analysis';
import { validateObjects } from '../../../src/validation/validate';
import { destinationRule, gateway, object, pod, service, serviceEntry, virtualService } from '../../support/objects';

describe('analyzeObjects', () => {
  test('undefined entries (objects that failed validation) take no part; findings are sorted by object', () => {
    const objects = [
      virtualService('late', { hosts: ['reviews'], http: [route('reviews', { subset: 'v9' })] }, 'bookinfo'),
      undefined,
      virtualService('early', { hosts: ['reviews'], gateways: ['missing'], http: [route('reviews')] }, 'bookinfo'),
    ];
    expect(analyzeObjects(objects).map(d => [d.objectIndex, d.code])).toEqual([
      [0, 'IST0101'], [2, 'IST0101'], [2, 'IST0132'], [2, 'IST0140'],
    ]);
    expect(analyzeObjects([])).toEqual([]);
  });

  test('a large, consistent mesh of 10,000 objects has no findings', () => {
    const objects: unknown[] = [];
    for (let i = 0; i < 1000; i++) {
      const ns = `ns${i % 50}`;
      objects.push(
        service(`svc${i}`, ns, [80]),
        virtualService(`vs${i}`, {
          hosts: [`svc${i}`],
          gateways: ['mesh', 'istio-system/ingress'],
          http: [{ match: [{ uri: { prefix: `/api/${i}` } }], ...route(`svc${i}`, { subset: 'v1' }), retries: { attempts: 2 }, timeout: '5s' }, route(`svc${i}`, { subset: 'v1' })],
        }, ns),
        destinationRule(`dr${i}`, { host: `svc${i}`, subsets: [{ name: 'v1', labels: { version: 'v1' } }], trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } } }, ns),
        serviceEntry(`se${i}`, { hosts: [`api${i}.example.com`], ports: [{ number: 443, name: 'https', protocol: 'HTTPS' }] }, ns),
        gateway(`gw${i}`, { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: [`h${i}.example.com`], tls: { mode: 'SIMPLE', credentialName: `cert${i}` } }] }, ns),
        pod(`pod${i}`, ns, { app: `svc${i}`, version: 'v1' }),
        ...Array.from({ length: 4 }, (_, j) => object('v1', 'ConfigMap', `cm${i}-${j}`, undefined, ns)),
      );
    }
    objects.push(gateway('ingress', { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*/*'] }] }, 'istio-system'));
    // Its speed is measured by `npm run bench`, not asserted here.
    expect(analyzeObjects(objects)).toEqual([]);
  });
});

describe('through validateObjects', () => {
  test('analysis findings follow per-object validation, on the object istioctl reports them on', () => {
    const diagnostics = validateObjects([
      service('reviews', 'bookinfo', [9080]),
      destinationRule('reviews', { host: 'reviews', subsets: [{ name: 'v1', labels: { version: 'v1' } }] }, 'bookinfo'),
      virtualService('reviews', { hosts: ['reviews'], http: [route('reviews', { subset: 'v2' })] }, 'bookinfo'),
    ]);
    expect(diagnostics.filter(d => d.code.startsWith('IST01') && d.code !== 'IST0106')).toEqual([expect.objectContaining({
      code: 'IST0101',
      kind: 'VirtualService',
      namespace: 'bookinfo',
      name: 'reviews',
      objectIndex: 2,
      path: 'spec.http[0].route[0].destination.subset',
      message: 'Referenced host+subset in destinationrule not found: "reviews+v2"',
    })]);
  });

  // CI1001 (a route to a host no Service declares) is beside the point here.
  const codes = (objects: unknown[]) => validateObjects(objects).filter(d => d.code !== 'CI1001').map(d => [d.objectIndex, d.code]);

  test('a Gateway the schema rejects: its own error once, and the VirtualService using it finds it (no IST0101/IST0132)', () => {
    const found = codes([
      gateway('broken', { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 'eighty' }, hosts: ['a.example.com'] }] }),
      virtualService('web', { hosts: ['a.example.com'], gateways: ['broken'], http: [route('web')] }),
    ]);
    expect(found.filter(([i]) => i === 1)).toEqual([]);
    expect(found.filter(([i]) => i === 0)).toEqual([[0, 'IST0106'], [0, 'IST0106'], [0, 'IST0106'], [0, 'IST0106']]);
  });

  test('a Gateway the webhook rejects: the same, whatever hosts it lists', () => {
    const broken = gateway('gw', { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['other.example.com'], tls: { mode: 'SIMPLE' } }] }, 'shop');
    const vs = virtualService('web', { hosts: ['a.example.com'], gateways: ['gw'], http: [route('web')] }, 'shop');
    expect(codes([broken, vs]).filter(([i]) => i === 1)).toEqual([]);
    expect(codes([broken, vs]).filter(([i]) => i === 0)).toEqual([[0, 'IST0106'], [0, 'IST0106']]);
  });

  test('a DestinationRule the webhook rejects still defines its host\'s subsets; a missing one is still reported', () => {
    const rule = destinationRule('reviews', { host: 'reviews', subsets: [{ name: 'v1', labels: { version: 'v1' } }], trafficPolicy: { loadBalancer: { simple: 'ROUND_ROBIN', consistentHash: { httpHeaderName: 'x' } } } }, 'bookinfo');
    const vs = virtualService('reviews', { hosts: ['reviews'], http: [route('reviews', { subset: 'v2' })] }, 'bookinfo');
    const other = virtualService('ratings', { hosts: ['ratings'], http: [route('ratings', { subset: 'v1' })] }, 'bookinfo');
    const found = codes([service('reviews', 'bookinfo'), service('ratings', 'bookinfo'), rule, vs, other]);
    expect(found.filter(([i]) => i === 2)).toEqual([[2, 'IST0106']]);
    expect(found.filter(([i]) => i === 3)).toEqual([]);
    expect(found.filter(([i]) => i === 4)).toEqual([[4, 'IST0101']]);
  });

  test('a refused ServiceEntry still registers its hosts (no IST0101 host, no CI1001), its ports not judged', () => {
    const ports = [{ number: 443, name: 'https', protocol: 'HTTPS' }, { number: 443, name: 'again', protocol: 'HTTPS' }];
    const entry = serviceEntry('api', { hosts: ['api.example.com'], ports, resolution: 'DNS' });
    const vs = virtualService('api', { hosts: ['api.example.com'], http: [route('api.example.com', { port: { number: 8443 } })] });
    const found = validateObjects([entry, vs]).map(d => [d.objectIndex, d.code]);
    expect(found.filter(([i]) => i === 0)).toEqual([[0, 'IST0106']]);
    expect(found.filter(([i]) => i === 1)).toEqual([]);
  });

  test('a refused delegate: the root\'s delegate reference resolves (no CI1004)', () => {
    const root = virtualService('root', { hosts: ['a.example.com'], http: [{ delegate: { name: 'child', namespace: 'shop' } }] }, 'shop');
    const child = virtualService('child', { http: [{ ...route('web'), timeout: 'ten seconds' }] }, 'shop');
    const found = codes([root, child]);
    expect(found.filter(([i]) => i === 0)).toEqual([]);
    expect(found.filter(([i]) => i === 1)).toEqual([[1, 'IST0106']]);
  });

  test('a refused object is not analysed: no findings on others from its contents (IST0109, CI1007)', () => {
    const good = virtualService('a', { hosts: ['reviews'], http: [route('reviews')] }, 'shop');
    const bad = virtualService('b', { hosts: ['reviews'], http: [{ ...route('reviews'), timeout: 'soon' }] }, 'shop');
    const found = codes([good, bad]);
    expect(found.filter(([i]) => i === 0)).toEqual([]);
    const twin = { ...good, spec: { ...good.spec, http: [{ ...route('reviews'), timeout: 'soon' }] } };
    expect(codes([good, twin]).filter(([i]) => i === 0)).toEqual([]);
  });

  test('analyzeObjects: undefined still takes no part, a refused index only as a reference target', () => {
    const gw = gateway('gw', { servers: [] });
    const vs = virtualService('web', { hosts: ['a.example.com'], gateways: ['gw'], http: [route('web')] });
    const analyzed = (objects: unknown[], refused?: Set<number>) => analyzeObjects(objects, { refused }).map(d => d.code).filter(c => c !== 'CI1001');
    expect(analyzed([undefined, vs])).toEqual(['IST0101', 'IST0132']);
    expect(analyzed([gw, vs], new Set([0]))).toEqual([]);
    expect(analyzed([gw, vs])).toEqual(['IST0132']);
  });
});
