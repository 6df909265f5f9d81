import { Chart, Duration, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import {
  CaptureMode, H2UpgradePolicy, Host, IstioValidation, OutboundTrafficPolicyMode, Protocol, ServerTlsMode, ServiceEntry, Severity,
  Sidecar, SidecarEgressHost, SidecarProps,
} from '../src';
import { seedObjects } from './support/pinned';

/** The spec of the one object a chart synthesizes. */
function specOf(chart: Chart): any {
  const manifests = Testing.synth(chart);
  expect(manifests).toHaveLength(1);
  return manifests[0].spec;
}

/** The seed's Sidecar of that name. */
function seed(name: string): any {
  const found = seedObjects().filter(o => o.kind === 'Sidecar' && o.metadata.name === name);
  expect(found.map(o => `${o.kind} ${o.metadata.name}`)).toEqual([`Sidecar ${name}`]);
  return found[0];
}

const CURRENT = SidecarEgressHost.currentNamespace();
const ISTIO_SYSTEM = SidecarEgressHost.inNamespace('istio-system');

describe('SidecarEgressHost', () => {
  test('renders namespace/dnsName', () => {
    const reviews = Host.fromService('reviews', 'shop');
    expect(SidecarEgressHost.currentNamespace().value).toBe('./*');
    expect(SidecarEgressHost.currentNamespace(reviews).value).toBe('./reviews.shop.svc.cluster.local');
    expect(SidecarEgressHost.inNamespace('istio-system').value).toBe('istio-system/*');
    expect(SidecarEgressHost.inNamespace('shop', reviews).value).toBe('shop/reviews.shop.svc.cluster.local');
    expect(SidecarEgressHost.anyNamespace().value).toBe('*/*');
    expect(SidecarEgressHost.anyNamespace(Host.fromName('*.example.com')).value).toBe('*/*.example.com');
    expect(SidecarEgressHost.none().value).toBe('~/*');
    expect(SidecarEgressHost.of('shared-services/*').value).toBe('shared-services/*');
  });

  test('fails on a short host name, with Istio\'s reason', () => {
    expect(() => SidecarEgressHost.currentNamespace(Host.fromName('reviews'))).toThrow(
      'SidecarEgressHost.currentNamespace(): "./reviews" is not a valid egress host: short names (non FQDN) are not allowed; '
      + "write namespace/dnsName with a fully qualified dnsName, e.g. 'istio-system/*' or './reviews.shop.svc.cluster.local'");
  });

  test('fails on a namespace that is not a DNS label', () => {
    expect(() => SidecarEgressHost.inNamespace('Istio_System')).toThrow(
      'SidecarEgressHost.inNamespace(): "Istio_System/*" is not a valid egress host: invalid namespace value "Istio_System" in sidecar');
  });

  test.each(['', '*', '.', '~'])('fails on the special namespace %j in inNamespace()', namespace => {
    expect(() => SidecarEgressHost.inNamespace(namespace)).toThrow(
      `SidecarEgressHost.inNamespace(): namespace must be a namespace name, got ${JSON.stringify(namespace)}; use currentNamespace(), anyNamespace() or none() for ., * and ~`);
  });

  test('fails on a raw host without a namespace', () => {
    expect(() => SidecarEgressHost.of('reviews.shop.svc.cluster.local')).toThrow(
      'SidecarEgressHost.of(): "reviews.shop.svc.cluster.local" is not a valid egress host: host must be of form namespace/dnsName');
  });

  test('fails on something that is not a host', () => {
    expect(() => SidecarEgressHost.anyNamespace({} as any)).toThrow('SidecarEgressHost.anyNamespace(): host must be an IHost');
  });
});

describe('Sidecar', () => {
  // egressProxy draws Istio's deprecation warning at synth; keep it off the test output.
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  afterAll(() => warn.mockRestore());

  test('a namespace-wide Sidecar limiting egress', () => {
    const chart = Testing.chart();
    new Sidecar(chart, 'Default', {
      metadata: { namespace: 'shop' },
      egress: [{ hosts: [CURRENT, ISTIO_SYSTEM] }],
      outboundTrafficPolicy: OutboundTrafficPolicyMode.REGISTRY_ONLY,
    });

    const manifests = Testing.synth(chart);
    expect(manifests[0].apiVersion).toBe('networking.istio.io/v1');
    expect(manifests[0].spec).toEqual({
      egress: [{ hosts: ['./*', 'istio-system/*'] }],
      outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' },
    });
    expect(manifests).toMatchSnapshot();
  });

  test('every field is rendered', () => {
    const chart = Testing.chart();
    const sidecar = new Sidecar(chart, 'Api', {
      metadata: { name: 'api', namespace: 'shop' },
      workloadSelector: { app: 'api' },
      inboundConnectionPool: { tcp: { maxConnections: 100 }, http: { http1MaxPendingRequests: 10 } },
      outboundTrafficPolicy: OutboundTrafficPolicyMode.ALLOW_ANY,
      egressProxy: { host: Host.fromService('egress', 'istio-system'), port: 443, subset: { subsetName: 'v1', host: Host.fromService('egress', 'istio-system') } },
    });
    const ingress = sidecar.addIngressListener({
      port: { number: 8443, protocol: Protocol.HTTPS, name: 'https' },
      bind: '0.0.0.0',
      captureMode: CaptureMode.IPTABLES,
      defaultEndpoint: '127.0.0.1:8443',
      tls: { mode: ServerTlsMode.SIMPLE, serverCertificate: '/etc/certs/cert.pem', privateKey: '/etc/certs/key.pem' },
      connectionPool: { http: { h2UpgradePolicy: H2UpgradePolicy.UPGRADE, idleTimeout: Duration.seconds(30) } },
    });
    sidecar.addEgressListener({ hosts: [SidecarEgressHost.anyNamespace()] });
    sidecar.addEgressListener({
      port: { number: 0, protocol: Protocol.HTTP, name: 'uds' },
      bind: 'unix:///var/run/egress.sock',
      captureMode: CaptureMode.NONE,
      hosts: [SidecarEgressHost.inNamespace('shop', Host.fromService('reviews', 'shop'))],
    });

    expect(ingress.defaultEndpoint).toBe('127.0.0.1:8443');
    expect(specOf(chart)).toEqual({
      workloadSelector: { labels: { app: 'api' } },
      ingress: [{
        port: { number: 8443, protocol: 'HTTPS', name: 'https' },
        bind: '0.0.0.0',
        captureMode: 'IPTABLES',
        defaultEndpoint: '127.0.0.1:8443',
        tls: { mode: 'SIMPLE', serverCertificate: '/etc/certs/cert.pem', privateKey: '/etc/certs/key.pem', minProtocolVersion: 'TLSV1_2' },
        connectionPool: { http: { h2UpgradePolicy: 'UPGRADE', idleTimeout: '30s' } },
      }],
      // The catch-all listener (no port) is rendered last, as Istio requires, whatever the order of the calls.
      egress: [
        { port: { number: 0, protocol: 'HTTP', name: 'uds' }, bind: 'unix:///var/run/egress.sock', captureMode: 'NONE', hosts: ['shop/reviews.shop.svc.cluster.local'] },
        { hosts: ['*/*'] },
      ],
      inboundConnectionPool: { tcp: { maxConnections: 100 }, http: { http1MaxPendingRequests: 10 } },
      outboundTrafficPolicy: {
        mode: 'ALLOW_ANY',
        egressProxy: { host: 'egress.istio-system.svc.cluster.local', subset: 'v1', port: { number: 443 } },
      },
    });
    expect(Testing.synth(chart)).toMatchSnapshot();
  });

  test('an egress proxy alone: ALLOW_ANY, the only mode it works with', () => {
    const chart = Testing.chart();
    new Sidecar(chart, 'Proxy', { egressProxy: { host: Host.fromService('egress', 'istio-system'), port: 443 } });

    expect(specOf(chart).outboundTrafficPolicy).toEqual({ mode: 'ALLOW_ANY', egressProxy: { host: 'egress.istio-system.svc.cluster.local', port: { number: 443 } } });
  });

  test('egress to a ServiceEntry\'s host: the Sidecar is applied after the ServiceEntry', () => {
    const chart = Testing.chart();
    const api = new ServiceEntry(chart, 'Api', { hosts: ['api.example.com'] });
    const sidecar = new Sidecar(chart, 'Sidecar', { egress: [{ hosts: [SidecarEgressHost.anyNamespace(api)] }] });

    expect(sidecar.apiObject.node.dependencies).toContain(api.apiObject);
    expect(Testing.synth(chart).find(o => o.kind === 'Sidecar').spec.egress).toEqual([{ hosts: ['*/api.example.com'] }]);
  });

  test('synth validation accepts the output', () => {
    const chart = Testing.chart();
    new Sidecar(chart, 'Default', {
      workloadSelector: { app: 'reviews' },
      ingress: [{ port: { number: 9080, protocol: Protocol.HTTP, name: 'http' }, defaultEndpoint: '127.0.0.1:9080' }],
      egress: [{ hosts: [CURRENT, ISTIO_SYSTEM] }],
    });

    expect(IstioValidation.validate(Testing.synth(chart))).toEqual([]);
  });

  describe('fails', () => {
    const make = (props: SidecarProps = {}) => () => new Sidecar(Testing.chart(), 'Sidecar', props);
    const http = (number: number) => ({ number, protocol: Protocol.HTTP, name: `http-${number}` });

    test('on an ingress listener without a port', () => {
      expect(() => make()().addIngressListener({} as any)).toThrow(
        "Sidecar 'test/Sidecar': ingress[0].port is required: the port the listener accepts traffic on");
    });

    test('on an ingress port out of range', () => {
      expect(make({ ingress: [{ port: http(0) }] })).toThrow("Sidecar 'test/Sidecar': ingress[0].port.number must be an integer between 1 and 65535, got 0");
    });

    test('on two ingress listeners on one port', () => {
      expect(make({ ingress: [{ port: http(8080) }, { port: http(8080) }] })).toThrow(
        "Sidecar 'test/Sidecar': ingress[1]: port 8080 already has an ingress listener; each port gets one listener");
    });

    test('on an ingress default endpoint Istio rejects, with Istio\'s message', () => {
      expect(make({ ingress: [{ port: http(8080), defaultEndpoint: '10.0.0.1:8080' }] })).toThrow(
        "Sidecar 'test/Sidecar': ingress[0].defaultEndpoint: sidecar: defaultEndpoint must be of form 127.0.0.1:<port>,0.0.0.0:<port>,[::1]:port,[::]:port,unix://filepath or unset");
    });

    test('on TLS settings a Sidecar does not support (credentialName), with Istio\'s message', () => {
      expect(make({ ingress: [{ port: { number: 8443, protocol: Protocol.HTTPS }, tls: { credentialName: 'cert' } }] })).toThrow(
        "Sidecar 'test/Sidecar': ingress[0].tls.credentialName: sidecar: credentialName is not currently supported");
    });

    test('an engine error on a later listener names that listener', () => {
      expect(make({ ingress: [{ port: http(8080) }, { port: http(9090), defaultEndpoint: '10.0.0.1:9090' }] })).toThrow(
        "Sidecar 'test/Sidecar': ingress[1].defaultEndpoint: sidecar: defaultEndpoint must be of form");
    });

    test('on TLS on a port that is not HTTPS or TLS', () => {
      expect(make({ ingress: [{ port: http(8080), tls: { serverCertificate: '/c.pem', privateKey: '/k.pem' } }] })).toThrow(
        "Sidecar 'test/Sidecar': ingress[0].tls: server cannot have TLS settings for non HTTPS/TLS ports");
    });

    test('on TLS settings wrong on their own (the server TLS renderer)', () => {
      expect(make({ ingress: [{ port: { number: 8443, protocol: Protocol.HTTPS }, tls: { mode: ServerTlsMode.SIMPLE } }] })).toThrow(
        /Sidecar 'test\/Sidecar': ingress\[0\]\.tls.*requires a server certificate/);
    });

    test('on a connection pool wrong on its own', () => {
      expect(make({ inboundConnectionPool: { tcp: { maxConnections: -1 } } })).toThrow(
        "Sidecar 'test/Sidecar': inboundConnectionPool.tcp.maxConnections must be an integer between 0 and 2147483647, got -1");
    });

    test('on an egress listener without hosts', () => {
      expect(make({ egress: [{ hosts: [] }] })).toThrow(
        "Sidecar 'test/Sidecar': egress[0].hosts must list at least one host; e.g. SidecarEgressHost.currentNamespace() for the Sidecar's namespace");
    });

    test('on a second egress listener without a port', () => {
      expect(make({ egress: [{ hosts: [CURRENT] }, { hosts: [ISTIO_SYSTEM] }] })).toThrow(
        "Sidecar 'test/Sidecar': egress[1]: a Sidecar has one egress listener without a port (the catch-all), and it has one already; give this listener a port");
    });

    test('on two egress listeners on one port', () => {
      expect(make({ egress: [{ port: http(80), hosts: [CURRENT] }, { port: http(80), hosts: [ISTIO_SYSTEM] }] })).toThrow(
        "Sidecar 'test/Sidecar': egress[1]: port 80 already has an egress listener; each port gets one listener");
    });

    test('on two egress listeners on one unix socket', () => {
      const uds = { port: { number: 0, protocol: Protocol.HTTP }, bind: 'unix:///var/run/a.sock', hosts: [CURRENT] };
      expect(make({ egress: [uds, uds] })).toThrow(
        "Sidecar 'test/Sidecar': egress[1]: the unix domain socket \"unix:///var/run/a.sock\" already has an egress listener; each socket gets one listener");
    });

    test('on a port 0 egress listener without a unix socket bind, with Istio\'s message', () => {
      expect(make({ egress: [{ port: { number: 0, protocol: Protocol.HTTP }, hosts: [CURRENT] }] })).toThrow(
        "Sidecar 'test/Sidecar': egress[0].bind: sidecar: ports with 0 value must have a unix domain socket bind address");
    });

    test('on an egress proxy with REGISTRY_ONLY, with Istio\'s message', () => {
      expect(make({ outboundTrafficPolicy: OutboundTrafficPolicyMode.REGISTRY_ONLY, egressProxy: { host: Host.fromService('egress', 'istio-system'), port: 443 } })).toThrow(
        "Sidecar 'test/Sidecar': outboundTrafficPolicy.egressProxy: sidecar: egress_proxy must be set only with ALLOW_ANY outbound_traffic_policy mode; "
        + 'leave outboundTrafficPolicy out (or ALLOW_ANY) with an egressProxy, or drop the egressProxy');
    });

    test('on an egress proxy host that is not fully qualified, with Istio\'s message', () => {
      expect(make({ egressProxy: { host: Host.fromName('egress_gw'), port: 443 } })).toThrow(
        "Sidecar 'test/Sidecar': outboundTrafficPolicy.egressProxy.host: domain name \"egress_gw\" invalid (label \"egress_gw\" invalid)");
    });

    test('on an egress proxy port out of range, with Istio\'s message', () => {
      expect(make({ egressProxy: { host: Host.fromService('egress', 'istio-system'), port: 0 } })).toThrow(
        "Sidecar 'test/Sidecar': outboundTrafficPolicy.egressProxy.port.number: port number 0 must be in the range 1..65535");
    });

    test('on an egress proxy without a host', () => {
      expect(make({ egressProxy: { port: 443 } as any })).toThrow("Sidecar 'test/Sidecar': egressProxy.host is required");
    });

    test('on an egress proxy subset of another host', () => {
      const subset = { subsetName: 'v1', host: Host.fromService('other', 'istio-system') };
      expect(make({ egressProxy: { host: Host.fromService('egress', 'istio-system'), port: 443, subset } })).toThrow(
        "Sidecar 'test/Sidecar': egressProxy names the host \"egress.istio-system.svc.cluster.local\" and the subset \"v1\" of another host, "
        + '"other.istio-system.svc.cluster.local"; give the subset\'s host');
    });

    test('at synth, with the engine\'s message, when nothing is configured', () => {
      const chart = Testing.chart();
      new Sidecar(chart, 'Empty', { workloadSelector: { app: 'a' } });

      expect(() => Testing.synth(chart)).toThrow('spec: sidecar: empty configuration provided');
    });
  });

  describe('the seed objects', () => {
    test('default', () => {
      const expected = seed('default');
      const chart = Testing.chart();
      new Sidecar(chart, 'Default', {
        metadata: { name: 'default', namespace: 'default' },
        workloadSelector: { app: 'productpage', version: 'v1' },
        ingress: [
          { port: { number: 9080, protocol: Protocol.HTTP, name: 'http' }, defaultEndpoint: '0.0.0.0:9080', captureMode: CaptureMode.DEFAULT },
          { port: { number: 3000, protocol: Protocol.HTTP, name: 'http-alt' }, defaultEndpoint: 'unix:///var/run/someuds.sock', captureMode: CaptureMode.NONE },
        ],
        egress: [
          {
            port: { number: 443, protocol: Protocol.HTTPS, name: 'https-external' },
            bind: '0.0.0.0',
            captureMode: CaptureMode.DEFAULT,
            hosts: [CURRENT, ISTIO_SYSTEM, SidecarEgressHost.anyNamespace(Host.fromService('reviews', 'default'))],
          },
          { port: { number: 27017, protocol: Protocol.MONGO, name: 'mongo' }, hosts: [SidecarEgressHost.anyNamespace(Host.fromName('mongodb.external.com'))] },
        ],
        outboundTrafficPolicy: OutboundTrafficPolicyMode.REGISTRY_ONLY,
      });

      expect(specOf(chart)).toEqual(expected.spec);
    });

    test('namespace-default', () => {
      const expected = seed('namespace-default');
      const chart = Testing.chart();
      new Sidecar(chart, 'NamespaceDefault', {
        metadata: { name: 'namespace-default', namespace: 'production' },
        egress: [{ hosts: [CURRENT, ISTIO_SYSTEM, SidecarEgressHost.inNamespace('shared-services')] }],
        outboundTrafficPolicy: OutboundTrafficPolicyMode.REGISTRY_ONLY,
      });

      expect(specOf(chart)).toEqual(expected.spec);
    });

    test('minimal-config', () => {
      const expected = seed('minimal-config');
      const chart = Testing.chart();
      new Sidecar(chart, 'MinimalConfig', {
        metadata: { name: 'minimal-config', namespace: 'microservice-a' },
        workloadSelector: { app: 'microservice-a' },
        egress: [{
          hosts: [
            SidecarEgressHost.currentNamespace(Host.fromService('microservice-b', 'microservice-a')),
            SidecarEgressHost.currentNamespace(Host.fromService('microservice-c', 'microservice-a')),
            SidecarEgressHost.of('istio-system/istio-telemetry.istio-system.svc.cluster.local'),
          ],
        }],
      });

      expect(specOf(chart)).toEqual(expected.spec);
    });

    test('strict-egress, corrected: mode ALLOW_ANY (the default with an egressProxy), as Istio accepts an egress proxy in no other mode', () => {
      const expected = seed('strict-egress');
      const chart = Testing.chart();
      const egressGateway = Host.fromService('egress-gateway', 'istio-system');
      new Sidecar(chart, 'StrictEgress', {
        metadata: { name: 'strict-egress', namespace: 'secure-namespace' },
        egressProxy: { host: egressGateway, subset: { subsetName: 'v1', host: egressGateway }, port: 443 },
      });

      expect(specOf(chart)).toEqual({ outboundTrafficPolicy: { ...expected.spec.outboundTrafficPolicy, mode: 'ALLOW_ANY' } });
      // Istio then reports the field as ignored: a warning, printed at synth.
      expect(warn.mock.calls.map(call => String(call[0]))).toContainEqual(expect.stringContaining('OutboundTrafficPolicy.EgressProxy ignored'));
    });

    test('strict-egress as written fails at once with the engine\'s message', () => {
      expect(() => new Sidecar(Testing.chart(), 'StrictEgress', {
        outboundTrafficPolicy: OutboundTrafficPolicyMode.REGISTRY_ONLY,
        egressProxy: { host: Host.fromService('egress-gateway', 'istio-system'), port: 443 },
      })).toThrow('sidecar: egress_proxy must be set only with ALLOW_ANY outbound_traffic_policy mode');
    });

    test('ingress-config, corrected: certificate files instead of credentialName, which Sidecars do not support (and TLS 1.2 minimum, our default)', () => {
      const expected = seed('ingress-config');
      const chart = Testing.chart();
      new Sidecar(chart, 'IngressConfig', {
        metadata: { name: 'ingress-config', namespace: 'default' },
        workloadSelector: { app: 'api-server' },
        ingress: [
          { port: { number: 8080, protocol: Protocol.HTTP, name: 'http' }, defaultEndpoint: '127.0.0.1:8080', captureMode: CaptureMode.DEFAULT },
          {
            port: { number: 8443, protocol: Protocol.HTTPS, name: 'https' },
            defaultEndpoint: '127.0.0.1:8443',
            captureMode: CaptureMode.DEFAULT,
            tls: { mode: ServerTlsMode.SIMPLE, serverCertificate: '/etc/istio/api-server-cert/tls.crt', privateKey: '/etc/istio/api-server-cert/tls.key' },
          },
        ],
      });

      const ingress = [...expected.spec.ingress];
      ingress[1] = {
        ...ingress[1],
        tls: { mode: 'SIMPLE', serverCertificate: '/etc/istio/api-server-cert/tls.crt', privateKey: '/etc/istio/api-server-cert/tls.key', minProtocolVersion: 'TLSV1_2' },
      };
      expect(expected.spec.ingress[1].tls).toEqual({ mode: 'SIMPLE', credentialName: 'api-server-cert' });
      expect(specOf(chart)).toEqual({ ...expected.spec, ingress });
    });

    test('ingress-config as written fails at once with the engine\'s message', () => {
      expect(() => new Sidecar(Testing.chart(), 'IngressConfig', {
        ingress: [{
          port: { number: 8443, protocol: Protocol.HTTPS, name: 'https' },
          defaultEndpoint: '127.0.0.1:8443',
          tls: { mode: ServerTlsMode.SIMPLE, credentialName: 'api-server-cert' },
        }],
      })).toThrow('ingress[0].tls.credentialName: sidecar: credentialName is not currently supported');
    });
  });

  describe('property: valid props synthesize to objects Istio accepts', () => {
    const label = fc.stringMatching(/^[a-z]([a-z0-9-]{0,8}[a-z0-9])?$/);
    const fqdn = fc.array(label, { minLength: 2, maxLength: 4 }).map(labels => labels.join('.'));
    const egressHost = fc.oneof(
      fc.constant(SidecarEgressHost.currentNamespace()),
      label.map(ns => SidecarEgressHost.inNamespace(ns)),
      fqdn.map(h => SidecarEgressHost.anyNamespace(Host.fromName(h))),
      fc.tuple(label, fqdn).map(([ns, h]) => SidecarEgressHost.inNamespace(ns, Host.fromName(h))),
    );
    const protocol = fc.constantFrom(Protocol.HTTP, Protocol.HTTPS, Protocol.HTTP2, Protocol.GRPC, Protocol.TCP, Protocol.TLS, Protocol.MONGO);
    const scenario = fc.record({
      selector: fc.option(fc.dictionary(label, label, { minKeys: 1, maxKeys: 2 }), { nil: undefined }),
      ingressPorts: fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { maxLength: 3 }),
      ingressProtocol: protocol,
      defaultEndpoint: fc.constantFrom(undefined, '127.0.0.1', '0.0.0.0', 'unix'),
      captureMode: fc.option(fc.constantFrom(CaptureMode.DEFAULT, CaptureMode.IPTABLES, CaptureMode.NONE), { nil: undefined }),
      egressPorts: fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { maxLength: 3 }),
      // one host per listener: a catch-all next to a namespace wildcard would draw duplicate-host warnings only
      hosts: fc.array(egressHost, { minLength: 1, maxLength: 1 }),
      catchAll: fc.boolean(),
      mode: fc.option(fc.constantFrom(OutboundTrafficPolicyMode.ALLOW_ANY, OutboundTrafficPolicyMode.REGISTRY_ONLY), { nil: undefined }),
      pool: fc.option(fc.record({ maxConnections: fc.integer({ min: 1, max: 10000 }) }), { nil: undefined }),
    });

    test('synth succeeds and IstioValidation.validate reports no error', () => {
      fc.assert(fc.property(scenario, s => {
        const chart = Testing.chart();
        const sidecar = new Sidecar(chart, 'Sidecar', {
          metadata: { namespace: 'shop' },
          workloadSelector: s.selector,
          outboundTrafficPolicy: s.mode,
          inboundConnectionPool: s.pool && { tcp: s.pool },
        });
        for (const number of s.ingressPorts) {
          const endpoint = s.defaultEndpoint === 'unix' ? 'unix:///var/run/app.sock' : s.defaultEndpoint && `${s.defaultEndpoint}:${number}`;
          sidecar.addIngressListener({ port: { number, protocol: s.ingressProtocol }, defaultEndpoint: endpoint, captureMode: s.captureMode });
        }
        for (const number of s.egressPorts) sidecar.addEgressListener({ port: { number, protocol: Protocol.HTTP, name: `http-${number}` }, hosts: s.hosts });
        const empty = s.ingressPorts.length + s.egressPorts.length === 0 && !s.mode && !s.pool;
        if (s.catchAll || empty) sidecar.addEgressListener({ hosts: s.hosts });

        const errors = IstioValidation.validate(Testing.synth(chart)).filter(d => d.severity === Severity.ERROR);
        expect(errors).toEqual([]);
      }), { numRuns: 150 });
    });
  });
});
