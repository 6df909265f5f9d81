/** RoutingModel: istiod's order, name resolution (pilot/pkg/model/config.go) and port protocols. */
import { kubePortProtocol, protocolClass, resolveGatewayName, resolveHost, RoutingModel } from '../../src/simulate/model';
import { serviceEntry, virtualService } from '../support/objects';

const vs = (name: string, namespace: string | undefined, spec: Record<string, unknown>, ts?: string) =>
  virtualService(name, spec, { namespace, metadata: ts ? { creationTimestamp: ts } : undefined });

test('VirtualServices in istiod\'s order: creation time, then name, then namespace; delegates are not roots', () => {
  const model = new RoutingModel([
    vs('b', 'x', { hosts: ['h'] }), vs('a', 'y', { hosts: ['h'] }), vs('a', 'x', { hosts: ['h'] }), vs('z', 'x', { hosts: ['h'] }, '2020-01-01T00:00:00Z'),
    vs('delegate', 'x', { http: [] }), { kind: 'Nothing' }, 'not an object',
  ]);
  expect(model.virtualServices.map(v => v.fullName)).toEqual(['x/a', 'y/a', 'x/b', 'x/z']);
});

test('hosts and gateways resolved; the default namespace for objects without one', () => {
  const [v] = new RoutingModel([vs('r', undefined, { hosts: ['Reviews', '*.example.com'], gateways: ['gw', './gw2', 'ns/gw3', 'gw4.ops.svc.cluster.local'] })]).virtualServices;
  expect(v.hosts).toEqual(['reviews.default.svc.cluster.local', '*.example.com']);
  expect(v.gateways).toEqual(['default/gw', 'default/gw2', 'ns/gw3', 'ops/gw4']);
  expect(resolveGatewayName('mesh', 'x')).toBe('mesh');
  expect(resolveHost('10.0.0.1', 'x')).toBe('10.0.0.1');
  expect(resolveHost('::1', 'x')).toBe('::1');
  expect(resolveHost('*', 'x')).toBe('*');
});

test('hostsMatching: the exact host, then wildcards from the most specific', () => {
  const model = new RoutingModel([vs('a', 'n', { hosts: ['*'] }), vs('b', 'n', { hosts: ['*.example.com'] }), vs('c', 'n', { hosts: ['api.example.com'] })]);
  expect(model.hostsMatching('api.example.com').map(g => g.map(e => e.host))).toEqual([['api.example.com'], ['*.example.com'], ['*']]);
  expect(model.knowsHost('api.example.com')).toBe(true);
});

test('port protocols: appProtocol first, then the name prefix; ServiceEntry protocol', () => {
  expect(kubePortProtocol('tcp-db', 'http')).toEqual({ protocol: 'HTTP', source: 'appProtocol http' });
  expect(kubePortProtocol('grpc-web-x', undefined).protocol).toBe('HTTP');
  expect(kubePortProtocol('https-x', undefined).protocol).toBe('TLS');
  expect(kubePortProtocol('mongo', undefined).protocol).toBe('TCP');
  expect(kubePortProtocol('web', 'kubernetes.io/h2c').protocol).toBe('HTTP');
  expect(kubePortProtocol('web', undefined).protocol).toBe('');
  expect(protocolClass('unknown')).toBe('');
  const model = new RoutingModel([serviceEntry('db', { hosts: ['db.example.com'], ports: [{ number: 5432, name: 'pg', protocol: 'TCP' }] }, 'n')]);
  expect(model.serviceFor('db.example.com', 'n')).toEqual({
    description: 'ServiceEntry n/db', ports: [{ number: 5432, name: 'pg', protocol: 'TCP', source: 'protocol TCP' }], visibleIn: ['*'],
  });
});

test('services are seen only from the namespaces they are exported to (exportTo, the Service annotation)', () => {
  const entry = (name: string, namespace: string, exportTo?: string[]) =>
    serviceEntry(name, { hosts: ['api.example.org'], exportTo, resolution: 'DNS', ports: [{ number: 80, name: 'http', protocol: 'HTTP' }] }, namespace);
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'db', namespace: 'data', annotations: { 'networking.istio.io/exportTo': '., ops' } },
    spec: { ports: [{ port: 5432, name: 'tcp-postgres' }] },
  };
  const model = new RoutingModel([entry('shop-only', 'shop', ['.']), entry('ops', 'ops', ['ops', 'billing']), entry('hidden', 'x', ['~']), service]);
  expect(model.serviceFor('api.example.org', 'shop')?.description).toBe('ServiceEntry shop/shop-only');
  expect(model.serviceFor('api.example.org', 'billing')?.description).toBe('ServiceEntry ops/ops');
  expect(model.serviceFor('api.example.org', 'x')).toBeUndefined();
  expect(model.serviceFor('api.example.org', 'default')).toBeUndefined();
  expect(model.serviceFor('db.data.svc.cluster.local', 'ops')?.description).toBe('Service data/db');
  expect(model.serviceFor('db.data.svc.cluster.local', 'data')?.description).toBe('Service data/db');
  expect(model.serviceFor('db.data.svc.cluster.local', 'shop')).toBeUndefined();
});
