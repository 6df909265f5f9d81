import { Chart, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { IstioValidation, Protocol, Resolution, ServiceEntry, ServiceEntryLocation, ServiceEntryProps, Severity } from '../src';
import { seedObjects } from './support/pinned';
import { ownerOf } from '../src/core/external';

/** The spec of the one object a chart synthesizes. */
function specOf(chart: Chart): any {
  const manifests = Testing.synth(chart);
  expect(manifests).toHaveLength(1);
  return manifests[0].spec;
}

/** The seed's ServiceEntry of that name. */
function seed(name: string): any {
  const found = seedObjects().filter(o => o.kind === 'ServiceEntry' && o.metadata.name === name);
  expect(found.map(o => `${o.kind} ${o.metadata.name}`)).toEqual([`ServiceEntry ${name}`]);
  return found[0];
}

describe('ServiceEntry', () => {
  // Specs with a plain-TCP port and resolution NONE draw a webhook warning at synth; keep it off the test output.
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  afterAll(() => warn.mockRestore());

  test('an external API: hosts resolved by DNS, outside the mesh', () => {
    const chart = Testing.chart();
    new ServiceEntry(chart, 'PaymentsApi', {
      hosts: ['api.payments.example.com'],
      ports: [{ number: 443, protocol: Protocol.HTTPS }],
    });

    const manifests = Testing.synth(chart);
    expect(manifests[0].apiVersion).toBe('networking.istio.io/v1');
    expect(manifests[0].spec).toEqual({
      hosts: ['api.payments.example.com'],
      ports: [{ number: 443, name: 'https-443', protocol: 'HTTPS' }],
      location: 'MESH_EXTERNAL',
      resolution: 'DNS',
    });
    expect(manifests).toMatchSnapshot();
  });

  test('every field is rendered', () => {
    const chart = Testing.chart();
    const entry = new ServiceEntry(chart, 'Legacy', {
      metadata: { name: 'legacy', namespace: 'shop' },
      hosts: ['legacy.shop.internal', 'legacy-alt.shop.internal'],
      addresses: ['10.1.2.0/24', '10.1.3.4'],
      ports: [
        { number: 8080, name: 'http', protocol: Protocol.HTTP, targetPort: 80 },
        { number: 8443, protocol: Protocol.TLS },
      ],
      location: ServiceEntryLocation.MESH_INTERNAL,
      resolution: Resolution.STATIC,
      endpoints: [{ address: '10.1.2.10' }],
      exportTo: ['.', 'billing'],
      subjectAltNames: ['spiffe://cluster.local/ns/shop/sa/legacy'],
    });
    const added = entry.addEndpoint({
      address: '10.1.2.11',
      ports: { http: 9080 },
      labels: { version: 'v2' },
      network: 'vm-network',
      locality: 'us-east1/us-east1-b',
      weight: 3,
      serviceAccount: 'legacy',
    });

    expect(added.address).toBe('10.1.2.11');
    expect(specOf(chart)).toEqual({
      hosts: ['legacy.shop.internal', 'legacy-alt.shop.internal'],
      addresses: ['10.1.2.0/24', '10.1.3.4'],
      ports: [
        { number: 8080, name: 'http', protocol: 'HTTP', targetPort: 80 },
        { number: 8443, name: 'tls-8443', protocol: 'TLS' },
      ],
      location: 'MESH_INTERNAL',
      resolution: 'STATIC',
      endpoints: [
        { address: '10.1.2.10' },
        {
          address: '10.1.2.11',
          ports: { http: 9080 },
          labels: { version: 'v2' },
          network: 'vm-network',
          locality: 'us-east1/us-east1-b',
          weight: 3,
          serviceAccount: 'legacy',
        },
      ],
      exportTo: ['.', 'billing'],
      subjectAltNames: ['spiffe://cluster.local/ns/shop/sa/legacy'],
    });
    expect(Testing.synth(chart)).toMatchSnapshot();
  });

  test('a workload selector: MESH_INTERNAL and STATIC by default', () => {
    const chart = Testing.chart();
    new ServiceEntry(chart, 'Vm', {
      hosts: ['vm.internal'],
      ports: [{ number: 8080, name: 'http', protocol: Protocol.HTTP }],
      workloadSelector: { app: 'vm' },
    });

    expect(specOf(chart)).toEqual({
      hosts: ['vm.internal'],
      ports: [{ number: 8080, name: 'http', protocol: 'HTTP' }],
      location: 'MESH_INTERNAL',
      resolution: 'STATIC',
      workloadSelector: { labels: { app: 'vm' } },
    });
  });

  test.each<[string, Partial<ServiceEntryProps>, ((entry: ServiceEntry) => void) | undefined, Resolution]>([
    ['FQDN hosts and nothing else: DNS', {}, undefined, Resolution.DNS],
    ['a wildcard host: NONE', { hosts: ['*.example.com'] }, undefined, Resolution.NONE],
    ['addresses: NONE', { addresses: ['192.0.2.1'] }, undefined, Resolution.NONE],
    ['IP endpoints: STATIC', {}, e => e.addEndpoint({ address: '192.0.2.1' }), Resolution.STATIC],
    ['a unix socket endpoint: STATIC', { ports: [{ number: 80, name: 'http' }] }, e => e.addEndpoint({ address: 'unix:///var/run/a.sock' }), Resolution.STATIC],
    ['a network-only endpoint: STATIC', {}, e => e.addEndpoint({ network: 'remote' }), Resolution.STATIC],
    ['a DNS name endpoint: DNS', {}, e => { e.addEndpoint({ address: '192.0.2.1' }); e.addEndpoint({ address: 'db.example.com' }); }, Resolution.DNS],
    ['a workload selector: STATIC', { workloadSelector: { app: 'a' } }, undefined, Resolution.STATIC],
    ['the user\'s choice is kept', { resolution: Resolution.DNS_ROUND_ROBIN }, e => e.addEndpoint({ address: '192.0.2.1' }), Resolution.DNS_ROUND_ROBIN],
  ])('default resolution, %s', (_, props, add, expected) => {
    const chart = Testing.chart();
    const entry = new ServiceEntry(chart, 'Entry', { hosts: ['db.example.com'], ports: [{ number: 443, protocol: Protocol.TLS }], ...props });
    add?.(entry);

    expect(specOf(chart).resolution).toBe(expected);
  });

  test('an empty workload selector or empty lists are not rendered', () => {
    const chart = Testing.chart();
    new ServiceEntry(chart, 'Api', { hosts: ['api.example.com'], workloadSelector: {}, addresses: [], exportTo: [], subjectAltNames: [], ports: [] });

    expect(specOf(chart)).toEqual({ hosts: ['api.example.com'], location: 'MESH_EXTERNAL', resolution: 'DNS' });
  });

  test('is the host of its first host; host(name) returns any of them, owned by the ServiceEntry', () => {
    const chart = Testing.chart();
    const entry = new ServiceEntry(chart, 'Api', { hosts: ['api.example.com', 'www.example.com'] });

    expect(entry.hostName).toBe('api.example.com');
    expect(entry.hosts).toEqual(['api.example.com', 'www.example.com']);
    const www = entry.host('www.example.com');
    expect(www.hostName).toBe('www.example.com');
    expect(entry.host('www.example.com')).toBe(www);
    expect(ownerOf(www)).toBe(entry);
  });

  test('an object referring to one of its hosts is applied after it', () => {
    const chart = Testing.chart();
    const entry = new ServiceEntry(chart, 'Api', { hosts: ['api.example.com', 'www.example.com'] });
    const other = new ServiceEntry(chart, 'Other', { hosts: ['other.example.com'] });

    other._refersTo(entry.host('www.example.com'));

    expect(other.apiObject.node.dependencies).toContain(entry.apiObject);
  });

  test('synth validation accepts the output', () => {
    const chart = Testing.chart();
    const entry = new ServiceEntry(chart, 'Db', {
      hosts: ['db.example.com'],
      ports: [{ number: 5432, name: 'postgres', protocol: Protocol.TCP }],
    });
    entry.addEndpoint({ address: 'db-1.example.com', ports: { postgres: 5432 } });

    const manifests = Testing.synth(chart);
    // IST0134 (a warning: a TCP port without addresses) is the analysis' advice, not a rejection.
    expect(IstioValidation.validate(manifests).filter(d => d.severity === Severity.ERROR)).toEqual([]);
  });

  describe('fails', () => {
    const make = (props: Partial<ServiceEntryProps>) => () => new ServiceEntry(Testing.chart(), 'Api', { hosts: ['api.example.com'], ...props });

    test('on no hosts', () => {
      expect(make({ hosts: [] })).toThrow("ServiceEntry 'test/Api': hosts must name at least one host; write e.g. hosts: ['api.example.com']");
    });

    test('on the host *', () => {
      expect(make({ hosts: ['*'] })).toThrow(
        "ServiceEntry 'test/Api': hosts[0] must be a DNS name, optionally with a leading '*.', got \"*\" (a ServiceEntry cannot declare every host)");
    });

    test('on a host that is not a DNS name, with Istio\'s reason', () => {
      expect(make({ hosts: ['api.example.com', 'bad_host.com'] })).toThrow(
        'ServiceEntry \'test/Api\': hosts[1] must be a DNS name, optionally with a leading \'*.\', got "bad_host.com" (domain name "bad_host.com" invalid (label "bad_host" invalid))');
    });

    test('on an address that is neither an IP nor a CIDR block', () => {
      expect(make({ addresses: ['10.0.0.300'] })).toThrow(
        "ServiceEntry 'test/Api': addresses[0] must be an IP address or a CIDR block, got \"10.0.0.300\" (10.0.0.300 is not a valid IP)");
    });

    test('on a port number declared twice', () => {
      expect(make({ ports: [{ number: 80, name: 'http' }, { number: 80, name: 'web' }] })).toThrow(
        "ServiceEntry 'test/Api': ports[1]: port 80 is declared twice; a ServiceEntry lists each port number once");
    });

    test('on a port name declared twice', () => {
      expect(make({ ports: [{ number: 80, name: 'http' }, { number: 8080, name: 'http' }] })).toThrow(
        "ServiceEntry 'test/Api': ports[1]: port name \"http\" is declared twice; give each port its own name");
    });

    test('on a port number out of range', () => {
      expect(make({ ports: [{ number: 70000, name: 'http' }] })).toThrow(
        "ServiceEntry 'test/Api': ports[0].number must be an integer between 1 and 65535, got 70000");
    });

    test('on endpoints and a workload selector together, in the props', () => {
      expect(make({ workloadSelector: { app: 'a' }, endpoints: [{ address: '10.0.0.1' }] })).toThrow(
        "ServiceEntry 'test/Api': endpoints and workloadSelector exclude each other (Istio: only one of WorkloadSelector or Endpoints is allowed)");
    });

    test('on an endpoint added to a ServiceEntry with a workload selector', () => {
      const entry = make({ workloadSelector: { app: 'a' } })();
      expect(() => entry.addEndpoint({ address: '10.0.0.1' })).toThrow(/endpoints and workloadSelector exclude each other/);
    });

    test('on an endpoint without address nor network', () => {
      expect(() => make({})().addEndpoint({ labels: { a: 'b' } })).toThrow(
        "ServiceEntry 'test/Api': an endpoint needs an address (or, for an endpoint behind a network gateway, a network); set address");
    });

    test('on an empty endpoint address', () => {
      expect(() => make({})().addEndpoint({ address: ' ' })).toThrow(
        "ServiceEntry 'test/Api': endpoint address must be an IP address, a DNS name or unix:///path, got \" \"");
    });

    test('on an endpoint weight out of range', () => {
      expect(() => make({})().addEndpoint({ address: '10.0.0.1', weight: -1 })).toThrow(
        "ServiceEntry 'test/Api': endpoint weight must be an integer between 0 and 4294967295, got -1");
    });

    test('on an endpoint port that is not a port of the ServiceEntry', () => {
      const entry = make({ ports: [{ number: 80, name: 'http' }] })();
      expect(() => entry.addEndpoint({ address: '10.0.0.1', ports: { grpc: 9090 } })).toThrow(
        "ServiceEntry 'test/Api': endpoint port \"grpc\" is not a port of the ServiceEntry (http); name one of the ServiceEntry's ports");
    });

    test('on an endpoint port number out of range', () => {
      const entry = make({ ports: [{ number: 80, name: 'http' }] })();
      expect(() => entry.addEndpoint({ address: '10.0.0.1', ports: { http: 0 } })).toThrow(
        "ServiceEntry 'test/Api': endpoint port \"http\" must be an integer between 1 and 65535, got 0");
    });

    test('on an exportTo Istio rejects, with Istio\'s reason', () => {
      expect(make({ exportTo: ['.', 'Bad_Namespace'] })).toThrow(
        "ServiceEntry 'test/Api': only .,*, or a valid DNS 1123 label is allowed as exportTo entry (exportTo [\".\",\"Bad_Namespace\"])");
    });

    test('on host(name) for a host it does not declare', () => {
      expect(() => make({})().host('www.example.com')).toThrow(
        "ServiceEntry 'test/Api': host \"www.example.com\" is not one of the ServiceEntry's hosts (api.example.com); add it to hosts or name one of those");
    });

    test('at synth, with the engine\'s message, on a wildcard host resolved by DNS without endpoints', () => {
      const chart = Testing.chart();
      new ServiceEntry(chart, 'Api', { hosts: ['*.example.com'], ports: [{ number: 443, protocol: Protocol.HTTPS }], resolution: Resolution.DNS });

      expect(() => Testing.synth(chart)).toThrow('spec.hosts[0]: hosts must be FQDN or contain only prefix wildcards if no endpoints are provided '
        + 'for resolution mode DNS, domain name "*.example.com" invalid (label "*" invalid)');
    });
  });

  describe('the seed objects', () => {
    test('external-database', () => {
      const expected = seed('external-database');
      const chart = Testing.chart();
      const entry = new ServiceEntry(chart, 'ExternalDatabase', {
        metadata: { name: 'external-database', namespace: 'default' },
        hosts: ['postgres.external.com'],
        ports: [{ number: 5432, name: 'postgres', protocol: Protocol.TCP }],
        location: ServiceEntryLocation.MESH_EXTERNAL,
        resolution: Resolution.DNS,
      });
      entry.addEndpoint({ address: 'postgres-1.external.com', ports: { postgres: 5432 }, labels: { region: 'us-east' } });
      entry.addEndpoint({ address: 'postgres-2.external.com', ports: { postgres: 5432 }, labels: { region: 'us-west' } });

      expect(specOf(chart)).toEqual(expected.spec);
    });

    test('shared-database', () => {
      const expected = seed('shared-database');
      const chart = Testing.chart();
      new ServiceEntry(chart, 'SharedDatabase', {
        metadata: { name: 'shared-database', namespace: 'infrastructure' },
        hosts: ['shared-db.example.com'],
        ports: [{ number: 3306, name: 'mysql', protocol: Protocol.TCP }],
        exportTo: ['.', 'team-a', 'team-b'],
      });

      expect(specOf(chart)).toEqual(expected.spec);
    });

    test('vm-workload', () => {
      const expected = seed('vm-workload');
      const chart = Testing.chart();
      new ServiceEntry(chart, 'VmWorkload', {
        metadata: { name: 'vm-workload' },
        hosts: ['vm-service.internal'],
        ports: [{ number: 8080, name: 'http', protocol: Protocol.HTTP }],
        workloadSelector: { app: 'vm-service', type: 'vm' },
      });

      expect(specOf(chart)).toEqual(expected.spec);
    });

    test('external-api, corrected: resolution NONE (the default with a wildcard host), as Istio rejects DNS for a wildcard host without endpoints', () => {
      const expected = seed('external-api');
      const chart = Testing.chart();
      new ServiceEntry(chart, 'ExternalApi', {
        metadata: { name: 'external-api' },
        hosts: ['api.external.com', '*.api.external.com'],
        ports: [{ number: 443, name: 'https', protocol: Protocol.HTTPS }],
      });

      expect(specOf(chart)).toEqual({ ...expected.spec, resolution: 'NONE' });
    });

    test('external-api as written fails at synth with the engine\'s message', () => {
      const chart = Testing.chart();
      new ServiceEntry(chart, 'ExternalApi', {
        metadata: { name: 'external-api' },
        hosts: ['api.external.com', '*.api.external.com'],
        ports: [{ number: 443, name: 'https', protocol: Protocol.HTTPS }],
        location: ServiceEntryLocation.MESH_EXTERNAL,
        resolution: Resolution.DNS,
      });

      expect(() => Testing.synth(chart)).toThrow('IST0106 ServiceEntry external-api: spec.hosts[1]: hosts must be FQDN or contain only prefix '
        + 'wildcards if no endpoints are provided for resolution mode DNS, domain name "*.api.external.com" invalid (label "*" invalid)');
    });

    test('legacy-vm-service, corrected: endpoints without the workload selector, which Istio rejects next to endpoints', () => {
      const expected = seed('legacy-vm-service');
      const chart = Testing.chart();
      const entry = new ServiceEntry(chart, 'LegacyVmService', {
        metadata: { name: 'legacy-vm-service' },
        hosts: ['legacy-service.internal'],
        addresses: ['10.1.2.0/24'],
        ports: [
          { number: 8080, name: 'http', protocol: Protocol.HTTP },
          { number: 9090, name: 'metrics', protocol: Protocol.HTTP },
        ],
        location: ServiceEntryLocation.MESH_INTERNAL,
      });
      entry.addEndpoint({ address: '10.1.2.10', labels: { version: 'v1', env: 'prod' } });
      entry.addEndpoint({ address: '10.1.2.11', labels: { version: 'v2', env: 'prod' } });

      const { workloadSelector, ...corrected } = expected.spec;
      expect(workloadSelector).toEqual({ labels: { app: 'legacy-service' } });
      expect(specOf(chart)).toEqual(corrected);
    });

    test('legacy-vm-service as written fails at once, naming Istio\'s rule; the engine rejects the object too', () => {
      expect(() => new ServiceEntry(Testing.chart(), 'LegacyVmService', {
        hosts: ['legacy-service.internal'],
        addresses: ['10.1.2.0/24'],
        ports: [{ number: 8080, name: 'http', protocol: Protocol.HTTP }],
        location: ServiceEntryLocation.MESH_INTERNAL,
        resolution: Resolution.STATIC,
        endpoints: [{ address: '10.1.2.10' }],
        workloadSelector: { app: 'legacy-service' },
      })).toThrow('only one of WorkloadSelector or Endpoints is allowed');
      const findings = IstioValidation.validate([seed('legacy-vm-service')]).map(d => `${d.path}: ${d.message}`);
      expect(findings).toContain('spec: Invalid value: only one of WorkloadSelector or Endpoints can be set');
    });
  });

  describe('property: valid props synthesize to objects Istio accepts', () => {
    const label = fc.stringMatching(/^[a-z]([a-z0-9-]{0,8}[a-z0-9])?$/);
    const fqdn = fc.array(label, { minLength: 2, maxLength: 4 }).map(labels => labels.join('.'));
    const ipv4 = fc.tuple(fc.integer({ min: 1, max: 223 }), fc.nat(255), fc.nat(255), fc.integer({ min: 1, max: 254 })).map(p => p.join('.'));
    // HTTP and TLS protocols only, so several hosts may share the ports under every resolution.
    const protocol = fc.constantFrom(Protocol.HTTP, Protocol.HTTPS, Protocol.HTTP2, Protocol.GRPC, Protocol.TLS);
    const ports = fc.uniqueArray(fc.record({ number: fc.integer({ min: 1, max: 65535 }), protocol }), {
      minLength: 1, maxLength: 3, selector: p => p.number,
    });
    const scenario = fc.record({
      hosts: fc.uniqueArray(fqdn, { minLength: 1, maxLength: 3 }),
      wildcard: fc.boolean(),
      ports,
      location: fc.option(fc.constantFrom(ServiceEntryLocation.MESH_EXTERNAL, ServiceEntryLocation.MESH_INTERNAL), { nil: undefined }),
      // endpoints: IPs (STATIC by default), DNS names (DNS), or a workload selector instead
      kind: fc.constantFrom('none', 'ips', 'names', 'selector'),
      ips: fc.uniqueArray(ipv4, { minLength: 1, maxLength: 3 }),
      names: fc.uniqueArray(fqdn, { minLength: 1, maxLength: 3 }),
      weight: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
      exportTo: fc.option(fc.constantFrom(['.'], ['*'], ['.', 'team-a'], ['~']).map(list => [...list]), { nil: undefined }),
      subjectAltNames: fc.option(fc.array(fqdn, { minLength: 1, maxLength: 2 }), { nil: undefined }),
    });

    test('synth succeeds and IstioValidation.validate reports no error', () => {
      fc.assert(fc.property(scenario, s => {
        const chart = Testing.chart();
        const hosts = s.wildcard ? [`*.${s.hosts[0]}`, ...s.hosts.slice(1)] : s.hosts;
        const entry = new ServiceEntry(chart, 'Entry', {
          metadata: { namespace: 'shop' },
          hosts,
          ports: s.ports,
          location: s.location,
          workloadSelector: s.kind === 'selector' ? { app: 'vm' } : undefined,
          exportTo: s.exportTo,
          subjectAltNames: s.subjectAltNames,
        });
        const addresses = s.kind === 'ips' ? s.ips : s.kind === 'names' ? s.names : [];
        for (const address of addresses) entry.addEndpoint({ address, weight: s.weight, labels: { version: 'v1' } });

        const manifests = Testing.synth(chart);
        const errors = IstioValidation.validate(manifests).filter(d => d.severity === Severity.ERROR);
        expect(errors).toEqual([]);
      }), { numRuns: 150 });
    });
  });
});
