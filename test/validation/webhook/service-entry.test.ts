import { Severity } from '../../../src/validation/diagnostic';
import { err, Meta, objectDiagnostics, serviceEntry, warn, webhookFindings } from '../../support/objects';

const se = (spec: Record<string, unknown>, meta?: Meta) => webhookFindings(serviceEntry('x', spec, { namespace: 'ns', ...meta }));

const HTTP = { number: 80, name: 'http', protocol: 'HTTP' };
const TCP_WARNING = 'addresses are required for ports serving TCP (or unset) protocol when IP Autoallocation is not enabled';

describe('ValidateServiceEntry', () => {
  test('a typical external service is valid', () => {
    expect(se({ hosts: ['api.example.com'], ports: [{ number: 443, name: 'https', protocol: 'TLS' }], resolution: 'DNS', location: 'MESH_EXTERNAL' })).toEqual([]);
  });

  describe('workloadSelector', () => {
    test('errors are returned alone', () => {
      expect(se({ hosts: ['*'], workloadSelector: { labels: { app: 'a*' } } }))
        .toEqual([err('spec.workloadSelector.labels[app]', 'wildcard is not supported in selector: "app=a*"')]);
    });
    test('no labels: warning', () => {
      expect(se({ hosts: ['a.com'], ports: [HTTP], resolution: 'STATIC', workloadSelector: {} }))
        .toEqual([warn('spec.workloadSelector', 'service entry: workload selector specified without labels, will be applied to all services in namespace')]);
    });
    test('with endpoints', () => {
      expect(se({ hosts: ['a.com'], ports: [HTTP], resolution: 'STATIC', workloadSelector: { labels: { app: 'a' } }, endpoints: [{ address: '1.1.1.1' }] }))
        .toEqual([err('spec', 'only one of WorkloadSelector or Endpoints is allowed in Service Entry')]);
    });
  });

  describe('hosts', () => {
    test('at least one', () => {
      expect(se({ ports: [HTTP] })).toEqual([err('spec.hosts', 'service entry must have at least one host')]);
    });
    test('* is invalid', () => expect(se({ hosts: ['*'], ports: [HTTP] })).toEqual([err('spec.hosts[0]', 'invalid host *')]));
    test('ValidateWildcardDomain', () => {
      expect(se({ hosts: ['a_b.com'], ports: [HTTP] })).toEqual([err('spec.hosts[0]', 'domain name "a_b.com" invalid (label "a_b" invalid)')]);
    });
    test('partial wildcards: warning, except for DYNAMIC_DNS', () => {
      expect(se({ hosts: ['*foo.com'], ports: [HTTP] })).toEqual([warn('spec.hosts[0]', 'partial wildcard "*foo.com" not allowed')]);
      expect(se({ hosts: ['*foo.com'], ports: [HTTP], resolution: 'DYNAMIC_DNS' })).toEqual([]);
    });
  });

  describe('addresses', () => {
    test('IPs and CIDR blocks', () => {
      expect(se({ hosts: ['a.com'], addresses: ['10.0.0.1', '10.1.0.0/16', '2001:db8::/64'], ports: [HTTP] })).toEqual([]);
      expect(se({ hosts: ['a.com'], addresses: ['10.0.0.256', '10.0.0.0/40'], ports: [HTTP] })).toEqual([
        err('spec.addresses[0]', '10.0.0.256 is not a valid IP'),
        err('spec.addresses[1]', '10.0.0.0/40 is not a valid CIDR block'),
      ]);
    });
    test('CIDR blocks only for NONE/STATIC', () => {
      expect(se({ hosts: ['a.com'], addresses: ['10.0.0.0/8'], ports: [HTTP], resolution: 'STATIC' })).toEqual([]);
      expect(se({ hosts: ['a.com'], addresses: ['10.0.0.0/8'], ports: [HTTP], resolution: 'DNS' }))
        .toEqual([err('spec.addresses', 'CIDR addresses are allowed only for NONE/STATIC resolution types')]);
    });
  });

  describe('ports', () => {
    test('null, duplicate names and numbers', () => {
      expect(se({ hosts: ['a.com'], ports: [null, HTTP, { ...HTTP }] })).toEqual([
        err('spec.ports[0]', 'service entry port may not be null'),
        err('spec.ports[2].name', 'service entry port name "http" already defined'),
        err('spec.ports[2].number', 'service entry port 80 already defined'),
      ]);
    });
    test('target port, name, protocol, number', () => {
      expect(se({ hosts: ['a.com'], ports: [{ number: 0, name: 'Bad_Name', protocol: 'QUIC', targetPort: 70000 }] })).toEqual([
        err('spec.ports[0].targetPort', 'port number 70000 must be in the range 1..65535'),
        err('spec.ports[0].name', 'invalid port name: Bad_Name'),
        err('spec.ports[0].protocol', 'unsupported protocol: QUIC'),
        err('spec.ports[0].number', 'port number 0 must be in the range 1..65535'),
      ]);
    });
    test('TCP or unset protocol without addresses: warning when no IP is auto-allocated', () => {
      const tcp = { number: 5432, name: 'pg', protocol: 'TCP' };
      // NONE never gets an auto-allocated address.
      expect(se({ hosts: ['db.com'], ports: [tcp, { number: 1, name: 'any' }, { number: 2, name: 'low', protocol: 'tcp' }] })).toEqual([
        warn('spec.ports[0]', TCP_WARNING), warn('spec.ports[1]', TCP_WARNING),
      ]);
      expect(se({ hosts: ['db.com'], addresses: ['10.0.0.1'], ports: [tcp] })).toEqual([]);
      expect(se({ hosts: ['db.com'], ports: [tcp], resolution: 'DNS' })).toEqual([]);
      expect(se({ hosts: ['db.com'], ports: [tcp], resolution: 'DNS' }, { labels: { 'networking.istio.io/enable-autoallocate-ip': 'False' } }))
        .toEqual([warn('spec.ports[0]', TCP_WARNING)]);
    });
  });

  describe('multiple hosts', () => {
    test('need HTTP or TLS ports unless resolution is NONE; the first offending port is reported', () => {
      const tcp = { number: 9000, name: 'tcp', protocol: 'TCP' };
      expect(se({ hosts: ['a.com', 'b.com'], ports: [HTTP, { number: 443, name: 'tls', protocol: 'TLS' }], resolution: 'DNS' })).toEqual([]);
      expect(se({ hosts: ['a.com', 'b.com'], addresses: ['1.1.1.1'], ports: [tcp] })).toEqual([]);
      expect(se({ hosts: ['a.com', 'b.com'], ports: [HTTP, tcp, { ...tcp, number: 9001, name: 'tcp2' }], resolution: 'DNS' }))
        .toEqual([err('spec.ports[1].protocol', 'multiple hosts provided with non-HTTP, non-TLS ports')]);
    });
    test('null ports', () => {
      expect(se({ hosts: ['a.com', 'b.com'], ports: [null], resolution: 'STATIC' })).toEqual([
        err('spec.ports[0]', 'service entry port may not be null'), err('spec.ports[0]', 'ports cannot be nil'),
      ]);
    });
  });

  describe('exportTo', () => {
    test('~ is allowed for service entries, alone', () => {
      expect(se({ hosts: ['a.com'], ports: [HTTP], exportTo: ['~'] })).toEqual([]);
      expect(se({ hosts: ['a.com'], ports: [HTTP], exportTo: ['~', '.'] })).toEqual([err('spec.exportTo', 'cannot export service entry to no one (~) and someone')]);
    });
  });
});

describe('ServiceEntry end to end (schema, then webhook)', () => {
  const object = (spec: any, labels?: Record<string, string>) => serviceEntry('se', spec, { namespace: 'egress', labels });

  test('the TCP warning of a NONE entry', () => {
    const diagnostics = objectDiagnostics([object({ hosts: ['db.internal'], ports: [{ number: 5432, name: 'pg', protocol: 'TCP' }] })]);
    expect(diagnostics).toEqual([expect.objectContaining({ severity: Severity.WARNING, code: 'IST0133', path: 'spec.ports[0]', message: TCP_WARNING })]);
  });

  test('a wildcard DNS entry without endpoints', () => {
    const diagnostics = objectDiagnostics([object({ hosts: ['*.example.com'], ports: [HTTP], resolution: 'DNS' })]);
    expect(diagnostics.map(d => [d.code, d.path, d.message])).toEqual([[
      'IST0106', 'spec.hosts[0]',
      'hosts must be FQDN or contain only prefix wildcards if no endpoints are provided for resolution mode DNS, domain name "*.example.com" invalid (label "*" invalid)',
    ]]);
  });

  test('a STATIC endpoint that is a host name', () => {
    const diagnostics = objectDiagnostics([object({ hosts: ['a.com'], ports: [HTTP], resolution: 'STATIC', endpoints: [{ address: 'a.example.com' }] })]);
    expect(diagnostics.map(d => [d.path, d.message])).toEqual([['spec.endpoints[0].address', 'endpoint address "a.example.com" is not a valid IP address']]);
  });

  test('DYNAMIC_DNS with a plain host', () => {
    const diagnostics = objectDiagnostics([object({ hosts: ['api.example.com'], ports: [HTTP], resolution: 'DYNAMIC_DNS' })]);
    expect(diagnostics.map(d => [d.path, d.message])).toEqual([['spec.hosts[0]', 'host must be wildcarded for resolution mode DYNAMIC_DNS']]);
  });

  test('a valid entry has no diagnostics', () => {
    expect(objectDiagnostics([object({ hosts: ['*.example.com'], ports: [{ number: 443, name: 'tls', protocol: 'TLS' }], resolution: 'NONE', exportTo: ['.'] })])).toEqual([]);
  });
});
