import { err, Meta, serviceEntry, warn, webhookFindings } from '../../../support/objects';

const se = (spec: Record<string, unknown>, meta?: Meta) => webhookFindings(serviceEntry('x', spec, { namespace: 'ns', ...meta }));

const HTTP = { number: 80, name: 'http', protocol: 'HTTP' };

describe('resolution NONE (the default)', () => {
  test('no endpoints', () => {
    expect(se({ hosts: ['a.com'], ports: [HTTP], endpoints: [{ address: '1.1.1.1' }] }))
      .toEqual([err('spec.endpoints', 'no endpoints should be provided for resolution type none')]);
  });
  test('a workload selector: warning', () => {
    expect(se({ hosts: ['a.com'], ports: [HTTP], resolution: 'NONE', workloadSelector: { labels: { app: 'a' } } }))
      .toEqual([warn('spec.workloadSelector', 'workloadSelector should not be set when resolution mode is NONE')]);
  });
});

describe('resolution DNS and DNS_ROUND_ROBIN', () => {
  test('without endpoints the hosts must be FQDNs; only the first bad host is reported', () => {
    expect(se({ hosts: ['a.com', '*.b.com', '*.c.com'], ports: [HTTP], resolution: 'DNS_ROUND_ROBIN' })).toEqual([
      err('spec.hosts[1]', 'hosts must be FQDN or contain only prefix wildcards if no endpoints are provided for resolution mode DNS_ROUND_ROBIN, domain name "*.b.com" invalid (label "*" invalid)'),
    ]);
    expect(se({ hosts: ['*.b.com'], ports: [HTTP], resolution: 'DNS', endpoints: [{ address: 'b.com' }] })).toEqual([]);
  });

  test('DNS_ROUND_ROBIN takes at most one endpoint', () => {
    expect(se({ hosts: ['a.com'], ports: [HTTP], resolution: 'DNS_ROUND_ROBIN', endpoints: [{ address: 'a.com' }] })).toEqual([]);
    expect(se({ hosts: ['a.com'], ports: [HTTP], resolution: 'DNS_ROUND_ROBIN', endpoints: [{ address: 'a.com' }, { address: 'b.com' }] }))
      .toEqual([err('spec.endpoints', 'there must only be 0 or 1 endpoint for resolution mode DNS_ROUND_ROBIN')]);
  });

  test('addresses with a TCP port and several hosts: warning (then the multiple-hosts error)', () => {
    const tcp = { number: 9000, name: 'tcp', protocol: 'Mongo' };
    expect(se({ hosts: ['a.com', 'b.com'], addresses: ['1.1.1.1'], ports: [HTTP, tcp], resolution: 'DNS' })).toEqual([
      warn('spec.hosts', 'service entry can not have more than one host specified simultaneously with address and tcp port'),
      err('spec.ports[1].protocol', 'multiple hosts provided with non-HTTP, non-TLS ports'),
    ]);
    expect(se({ hosts: ['a.com'], addresses: ['1.1.1.1'], ports: [tcp], resolution: 'DNS' })).toEqual([]);
  });

  test('null ports with addresses', () => {
    expect(se({ hosts: ['a.com'], addresses: ['1.1.1.1'], ports: [null], resolution: 'DNS' })).toEqual([
      err('spec.ports[0]', 'service entry port may not be null'), err('spec.ports[0]', 'ports cannot be nil'),
    ]);
  });
});

describe('resolution DYNAMIC_DNS', () => {
  test('wildcard hosts and HTTP/TLS/GRPC/HTTP2 ports are valid', () => {
    expect(se({
      hosts: ['*.example.com', '*.test.io'],
      ports: [HTTP, { number: 443, name: 'tls', protocol: 'TLS' }, { number: 81, name: 'g', protocol: 'grpc' }, { number: 82, name: 'h2', protocol: 'HTTP2' }],
      resolution: 'DYNAMIC_DNS',
    })).toEqual([]);
  });

  test('no hosts, plain hosts, addresses, endpoints, other protocols', () => {
    expect(se({ ports: [HTTP], resolution: 'DYNAMIC_DNS' })).toEqual([
      err('spec.hosts', 'service entry must have at least one host'),
      err('spec.hosts', 'at least one wildcard host must be provided for resolution type DYNAMIC_DNS'),
    ]);
    expect(se({
      hosts: ['a.com'],
      addresses: ['1.1.1.1'],
      endpoints: [{ address: 'b.com' }],
      resolution: 'DYNAMIC_DNS',
      ports: [{ number: 443, name: 'https', protocol: 'HTTPS' }, null],
    })).toEqual([
      err('spec.ports[1]', 'service entry port may not be null'),
      err('spec.hosts[0]', 'host must be wildcarded for resolution mode DYNAMIC_DNS'),
      err('spec.addresses', 'addresses cannot be set for resolution type DYNAMIC_DNS. HTTP route domains will only be generatedfrom the hosts field values'),
      err('spec.endpoints', 'endpoints cannot be set for resolution type DYNAMIC_DNS. Destination IP address determined from hostsfield values'),
      err('spec.ports[0].protocol', 'only HTTP, TLS, GRPC, and HTTP2 protocols are supported for resolution type DYNAMIC_DNS'),
      err('spec.ports[1]', 'port cannot be nil'),
    ]);
  });

  test('location', () => {
    const base = { hosts: ['*.a.com'], ports: [HTTP], resolution: 'DYNAMIC_DNS' };
    expect(se({ ...base, location: 'MESH_INTERNAL' })).toEqual([]);
    expect(se({ ...base, location: 'MESH_INTERNAL' }, { labels: { 'istio.io/use-waypoint': 'none' } })).toEqual([]);
    expect(se({ ...base, location: 'MESH_INTERNAL' }, { labels: { 'istio.io/use-waypoint': 'waypoint' } }))
      .toEqual([err('spec.location', 'location MESH_INTERNAL with resolution type DYNAMIC_DNS is not supported when using waypoints')]);
    expect(se({ ...base }, { labels: { 'istio.io/use-waypoint': 'waypoint' } })).toEqual([]);
    expect(se({ ...base, location: 'ELSEWHERE' }))
      .toEqual([err('spec.location', 'location must be MESH_EXTERNAL or MESH_INTERNAL for resolution type DYNAMIC_DNS')]);
  });
});

describe('unknown resolution', () => {
  test('reported with the empty enum name, as Istio prints it', () => {
    expect(se({ hosts: ['a.com'], ports: [HTTP], resolution: 'MAGIC' })).toEqual([err('spec.resolution', 'unsupported resolution type ')]);
  });
});
