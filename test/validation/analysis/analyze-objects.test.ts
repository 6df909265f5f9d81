import { destinationRule, gateway, route, service, serviceEntry, virtualService } from './fixtures';
import { analyzeObjects } from '../../../src/validation/analysis';
import { validateObjects } from '../../../src/validation/validate';

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
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: `pod${i}`, namespace: ns, labels: { app: `svc${i}`, version: 'v1' } } },
        ...Array.from({ length: 4 }, (_, j) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm${i}-${j}`, namespace: ns } })),
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

  test('an object the schema rejects is left out of the analysis', () => {
    const diagnostics = validateObjects([
      gateway('broken', { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 'eighty' }, hosts: ['a.example.com'] }] }),
      virtualService('web', { hosts: ['a.example.com'], gateways: ['broken'], http: [route('web')] }),
    ]);
    expect(diagnostics.map(d => [d.objectIndex, d.code])).toEqual(expect.arrayContaining([[0, 'IST0106'], [1, 'IST0101']]));
    expect(diagnostics.find(d => d.code === 'IST0101')?.message).toBe('Referenced gateway not found: "broken"');
  });
});
