import { Duration, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { ExternalApi, Gateway, Host, ResilienceProfile, StringMatch, TlsOrigination } from '../../src';
import { synthClean } from '../support/synth-clean';


const of = (out: any[], kind: string, namespace?: string) =>
  out.filter(o => o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace));

describe('ExternalApi without egress gateway (sidecar TLS origination)', () => {
  test('defaults: ServiceEntry maps 80 to 443, DestinationRule opens verified TLS on 80, VirtualService sets timeout and retries', () => {
    const chart = Testing.chart();
    const api = new ExternalApi(chart, 'Payments', { host: 'api.payments.example.com', namespace: 'shop' });
    const out = synthClean(chart, { allowInfos: true });

    const [se] = of(out, 'ServiceEntry');
    expect(se.metadata).toEqual({ name: 'api-payments-example-com', namespace: 'shop' });
    expect(se.spec).toEqual({
      hosts: ['api.payments.example.com'],
      ports: [
        { number: 80, name: 'http-80', protocol: 'HTTP', targetPort: 443 },
        { number: 443, name: 'https-443', protocol: 'HTTPS' },
      ],
      location: 'MESH_EXTERNAL',
      resolution: 'DNS',
      exportTo: ['.'],
    });
    const [dr] = of(out, 'DestinationRule');
    expect(dr.spec.exportTo).toEqual(['.']);
    expect(dr.spec.trafficPolicy.outlierDetection).toEqual({ consecutive5xxErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 50 });
    expect(dr.spec.trafficPolicy.portLevelSettings).toEqual([{
      port: { number: 80 },
      tls: { mode: 'SIMPLE', caCertificates: '/etc/ssl/certs/ca-certificates.crt', subjectAltNames: ['api.payments.example.com'], sni: 'api.payments.example.com' },
    }]);
    const [vs] = of(out, 'VirtualService');
    expect(vs.spec.http).toEqual([{
      match: [{ port: 80 }],
      route: [{ destination: { host: 'api.payments.example.com', port: { number: 80 } } }],
      timeout: '10s',
      retries: { attempts: 2, perTryTimeout: '3s', retryOn: 'connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes' },
    }]);
    expect(api.gateway).toBeUndefined();
    expect(api.egressHosts.map(h => h.value)).toEqual(['shop/api.payments.example.com']);
    expect(api.host.hostName).toBe('api.payments.example.com');
    expect(out).toMatchSnapshot();
  });

  test('custom ports, name, exportTo and CA; no VirtualService without timeout, retries or fault', () => {
    const chart = Testing.chart();
    const api = new ExternalApi(chart, 'Api', {
      host: 'api.example.com',
      name: 'partner',
      httpPort: 8080,
      tlsPort: 8443,
      exportTo: ['.', 'billing'],
      tlsOrigination: TlsOrigination.simple({ caCertificates: '/etc/partner/ca.pem', subjectAltNames: ['*.example.com'], sni: 'edge.example.com' }),
      resilience: ResilienceProfile.custom({ connectionPool: { tcp: { maxConnections: 10 } } }),
    });
    const out = synthClean(chart, { allowInfos: true });
    expect(api.virtualService).toBeUndefined();
    expect(of(out, 'ServiceEntry')[0].spec.ports[0]).toEqual({ number: 8080, name: 'http-8080', protocol: 'HTTP', targetPort: 8443 });
    expect(of(out, 'ServiceEntry')[0].spec.exportTo).toEqual(['.', 'billing']);
    expect(of(out, 'DestinationRule')[0].spec).toEqual({
      host: 'api.example.com',
      exportTo: ['.', 'billing'],
      trafficPolicy: {
        connectionPool: { tcp: { maxConnections: 10 } },
        portLevelSettings: [{ port: { number: 8080 }, tls: { mode: 'SIMPLE', caCertificates: '/etc/partner/ca.pem', subjectAltNames: ['*.example.com'], sni: 'edge.example.com' } }],
      },
    });
    expect(out.map(o => o.metadata.name)).toEqual(['partner', 'partner']);
  });

  test('MUTUAL with a credentialName needs a workloadSelector, and then works without a CA path', () => {
    const chart = Testing.chart();
    new ExternalApi(chart, 'Api', {
      host: 'api.example.com',
      namespace: 'shop',
      tlsOrigination: TlsOrigination.mutual({ credentialName: 'partner-client' }),
      workloadSelector: { app: 'billing' },
    });
    const [dr] = of(synthClean(chart, { allowInfos: true }), 'DestinationRule');
    expect(dr.spec.workloadSelector).toEqual({ matchLabels: { app: 'billing' } });
    expect(dr.spec.trafficPolicy.portLevelSettings[0].tls).toEqual({ mode: 'MUTUAL', credentialName: 'partner-client', subjectAltNames: ['api.example.com'], sni: 'api.example.com' });
  });

  test('MUTUAL with certificate files', () => {
    const chart = Testing.chart();
    new ExternalApi(chart, 'Api', {
      host: 'api.example.com',
      tlsOrigination: TlsOrigination.mutual({ clientCertificate: '/etc/c/tls.crt', privateKey: '/etc/c/tls.key' }),
    });
    const [dr] = of(synthClean(chart, { allowInfos: true }), 'DestinationRule');
    expect(dr.spec.trafficPolicy.portLevelSettings[0].tls).toMatchObject({ mode: 'MUTUAL', clientCertificate: '/etc/c/tls.crt', privateKey: '/etc/c/tls.key', caCertificates: '/etc/ssl/certs/ca-certificates.crt' });
  });

  test('fault injection is the first route, limited to the HTTP port', () => {
    const chart = Testing.chart();
    new ExternalApi(chart, 'Api', {
      host: 'api.example.com',
      faultInjection: { match: [{ headers: { 'x-chaos': StringMatch.exact('on') } }], abort: { httpStatus: 503 } },
    });
    const [vs] = of(synthClean(chart, { allowInfos: true }), 'VirtualService');
    expect(vs.spec.http[0]).toEqual({
      match: [{ headers: { 'x-chaos': { exact: 'on' } }, port: 80 }],
      fault: { abort: { httpStatus: 503, percentage: { value: 100 } } },
      route: [{ destination: { host: 'api.example.com', port: { number: 80 } } }],
      timeout: '10s',
    });
    expect(vs.spec.http).toHaveLength(2);
  });
});

describe('ExternalApi through an egress gateway (Istio\'s "Egress Gateways with TLS Origination")', () => {
  test('Gateway, egress gateway subset with mutual TLS, VirtualService for mesh and gateway, origination at the gateway', () => {
    const chart = Testing.chart();
    const api = new ExternalApi(chart, 'Cnn', { host: 'edition.cnn.com', namespace: 'news', egressGateway: {} });
    const out = synthClean(chart, { allowInfos: true });

    const [se] = of(out, 'ServiceEntry');
    expect(se.spec.ports).toEqual([{ number: 80, name: 'http-80', protocol: 'HTTP' }, { number: 443, name: 'https-443', protocol: 'HTTPS' }]);
    expect(se.spec.exportTo).toEqual(['.', 'istio-system']);
    const [gateway] = of(out, 'Gateway');
    expect(gateway.metadata).toEqual({ name: 'edition-cnn-com', namespace: 'news' });
    expect(gateway.spec).toEqual({
      selector: { istio: 'egressgateway' },
      servers: [{ port: { number: 80, name: 'https-80', protocol: 'HTTPS' }, hosts: ['edition.cnn.com'], tls: { mode: 'ISTIO_MUTUAL' } }],
    });
    const [subsetRule] = of(out, 'DestinationRule', 'news');
    expect(subsetRule.metadata.name).toBe('edition-cnn-com-egress');
    expect(subsetRule.spec).toEqual({
      host: 'istio-egressgateway.istio-system.svc.cluster.local',
      exportTo: ['.'],
      subsets: [{ name: 'edition-cnn-com', trafficPolicy: { portLevelSettings: [{ port: { number: 80 }, tls: { mode: 'ISTIO_MUTUAL', sni: 'edition.cnn.com' } }] } }],
    });
    const [origination] = of(out, 'DestinationRule', 'istio-system');
    expect(origination.spec).toMatchObject({
      host: 'edition.cnn.com',
      exportTo: ['.'],
      workloadSelector: { matchLabels: { istio: 'egressgateway' } },
      trafficPolicy: { portLevelSettings: [{ port: { number: 443 }, tls: { mode: 'SIMPLE', sni: 'edition.cnn.com' } }] },
    });
    const [vs] = of(out, 'VirtualService');
    expect(vs.spec.gateways).toEqual(['edition-cnn-com', 'mesh']);
    expect(vs.spec.exportTo).toEqual(['.', 'istio-system']);
    expect(vs.spec.http.map((r: any) => [r.match, r.route[0].destination])).toEqual([
      [[{ gateways: ['mesh'], port: 80 }], { host: 'istio-egressgateway.istio-system.svc.cluster.local', subset: 'edition-cnn-com', port: { number: 80 } }],
      [[{ gateways: ['edition-cnn-com'], port: 80 }], { host: 'edition.cnn.com', port: { number: 443 } }],
    ]);
    expect(vs.spec.http[1].timeout).toBe('10s');
    expect(api.egressHosts.map(h => h.value)).toEqual(['news/edition.cnn.com', 'istio-system/istio-egressgateway.istio-system.svc.cluster.local']);
    expect(api.egressGatewaySubset?.subsetName).toBe('edition-cnn-com');
    expect(out).toMatchSnapshot();
  });

  test('a gateway of your own: selector, namespace, Service and port; MUTUAL with the gateway\'s Secret', () => {
    const chart = Testing.chart();
    const service = Host.fromExternalName(chart, 'Egress', 'egress.mesh-exit.svc.cluster.local');
    new ExternalApi(chart, 'Api', {
      host: 'api.example.com',
      namespace: 'shop',
      tlsOrigination: TlsOrigination.mutual({ credentialName: 'api-client' }),
      egressGateway: { selector: { app: 'exit' }, namespace: 'mesh-exit', service, port: 8080 },
      faultInjection: { delay: { fixedDelay: Duration.seconds(2), percentage: 5 } },
    });
    const out = synthClean(chart, { allowInfos: true });
    expect(of(out, 'Gateway')[0].spec.selector).toEqual({ app: 'exit' });
    expect(of(out, 'ServiceEntry')[0].spec.exportTo).toEqual(['.', 'mesh-exit']);
    const [origination] = of(out, 'DestinationRule', 'mesh-exit');
    expect(origination.spec.workloadSelector).toEqual({ matchLabels: { app: 'exit' } });
    expect(origination.spec.trafficPolicy.portLevelSettings[0].tls.credentialName).toBe('api-client');
    const [vs] = of(out, 'VirtualService');
    // A fault on a percentage of all calls goes on the sidecars' route itself.
    expect(vs.spec.http).toHaveLength(2);
    expect(vs.spec.http[0].fault).toEqual({ delay: { fixedDelay: '2s', percentage: { value: 5 } } });
    expect(vs.spec.http[0].route[0].destination).toEqual({ host: 'egress.mesh-exit.svc.cluster.local', subset: 'api-example-com', port: { number: 8080 } });
  });

  test('exportTo that already covers the gateway namespace is kept as is', () => {
    const chart = Testing.chart();
    new ExternalApi(chart, 'Api', { host: 'api.example.com', namespace: 'istio-system', egressGateway: {} });
    new ExternalApi(chart, 'Open', { host: 'open.example.com', namespace: 'shop', egressGateway: {}, exportTo: ['*'] });
    const out = synthClean(chart, { allowInfos: true });
    expect(of(out, 'ServiceEntry').map(se => se.spec.exportTo)).toEqual([['.'], ['*']]);
  });
});

describe('ExternalApi with TLS from the application (SNI passthrough)', () => {
  test('a TLS port, outlier detection only, no VirtualService', () => {
    const chart = Testing.chart();
    const api = new ExternalApi(chart, 'Api', { host: 'api.example.com', tlsOrigination: TlsOrigination.byApplication() });
    const out = synthClean(chart, { allowInfos: true });
    expect(of(out, 'ServiceEntry')[0].spec.ports).toEqual([{ number: 443, name: 'tls-443', protocol: 'TLS' }]);
    expect(of(out, 'DestinationRule')[0].spec.trafficPolicy).toEqual({
      outlierDetection: { consecutive5xxErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 50 },
    });
    expect(api.virtualService).toBeUndefined();
  });

  test('no DestinationRule when the profile sets nothing for connections', () => {
    const chart = Testing.chart();
    const api = new ExternalApi(chart, 'Api', { host: 'api.example.com', tlsOrigination: TlsOrigination.byApplication(), resilience: ResilienceProfile.none() });
    expect(of(synthClean(chart, { allowInfos: true }), 'DestinationRule')).toEqual([]);
    expect(api.destinationRule).toBeUndefined();
  });

  test('through the egress gateway: PASSTHROUGH server and TLS routes by SNI (Istio\'s "Egress gateway for HTTPS traffic")', () => {
    const chart = Testing.chart();
    new ExternalApi(chart, 'Api', { host: 'api.example.com', namespace: 'shop', tlsOrigination: TlsOrigination.byApplication(), egressGateway: {} });
    const out = synthClean(chart, { allowInfos: true });
    expect(of(out, 'Gateway')[0].spec.servers).toEqual([{ port: { number: 443, name: 'tls-443', protocol: 'TLS' }, hosts: ['api.example.com'], tls: { mode: 'PASSTHROUGH' } }]);
    expect(of(out, 'DestinationRule', 'shop')[0].spec.subsets).toEqual([{ name: 'api-example-com' }]);
    expect(of(out, 'VirtualService')[0].spec.tls).toEqual([
      {
        match: [{ sniHosts: ['api.example.com'], gateways: ['mesh'], port: 443 }],
        route: [{ destination: { host: 'istio-egressgateway.istio-system.svc.cluster.local', subset: 'api-example-com', port: { number: 443 } } }],
      },
      {
        match: [{ sniHosts: ['api.example.com'], gateways: ['api-example-com'], port: 443 }],
        route: [{ destination: { host: 'api.example.com', port: { number: 443 } } }],
      },
    ]);
    expect(out).toMatchSnapshot();
  });
});

describe('ExternalApi errors', () => {
  const cases: [string, () => void, RegExp][] = [
    ['wildcard host', () => new ExternalApi(Testing.chart(), 'A', { host: '*.example.com' }), /ExternalApi 'test\/A': host must be one fully qualified DNS name, got "\*.example.com"/],
    ['short host', () => new ExternalApi(Testing.chart(), 'A', { host: 'api' }), /host must be one fully qualified DNS name, got "api"/],
    ['bad name', () => new ExternalApi(Testing.chart(), 'A', { host: 'api.example.com', name: 'Api' }), /name must be a DNS-1123 label .* got "Api"; set name/],
    ['port range', () => new ExternalApi(Testing.chart(), 'A', { host: 'api.example.com', tlsPort: 70000 }), /tlsPort must be an integer between 1 and 65535, got 70000/],
    ['same ports', () => new ExternalApi(Testing.chart(), 'A', { host: 'api.example.com', httpPort: 443 }), /httpPort and tlsPort are both 443/],
    ['httpPort with byApplication', () => new ExternalApi(Testing.chart(), 'A', { host: 'api.example.com', httpPort: 80, tlsOrigination: TlsOrigination.byApplication() }), /drop httpPort/],
    ['fault with byApplication', () => new ExternalApi(Testing.chart(), 'A', { host: 'api.example.com', tlsOrigination: TlsOrigination.byApplication(), faultInjection: { abort: { httpStatus: 503, percentage: 1 } } }), /faultInjection needs HTTP requests/],
    ['selector with gateway', () => new ExternalApi(Testing.chart(), 'A', { host: 'api.example.com', egressGateway: {}, workloadSelector: { app: 'a' } }), /with an egressGateway the gateway opens the connections: drop workloadSelector/],
    ['selector with wide exportTo', () => new ExternalApi(Testing.chart(), 'A', { host: 'api.example.com', workloadSelector: { app: 'a' }, exportTo: ['*'] }), /exportTo must be \['.'\], got \["\*"\]/],
    ['credential without selector', () => new ExternalApi(Testing.chart(), 'A', { host: 'api.example.com', tlsOrigination: TlsOrigination.simple({ credentialName: 'ca' }) }), /credentialName "ca" is read by sidecars only from a DestinationRule with a workloadSelector/],
    ['gateway port', () => new ExternalApi(Testing.chart(), 'A', { host: 'api.example.com', egressGateway: { port: 0 } }), /egressGateway.port must be an integer between 1 and 65535, got 0/],
    ['unscoped fault', () => new ExternalApi(Testing.chart(), 'A', { host: 'api.example.com', faultInjection: { abort: { httpStatus: 503 } } }), /abort has no percentage and no match limits it/],
    ['CA twice', () => TlsOrigination.simple({ caCertificates: '/ca.pem', credentialName: 'ca' }), /TlsOrigination.simple\(\): caCertificates and credentialName exclude each other/],
    ['mutual without certificate', () => TlsOrigination.mutual({}), /TlsOrigination.mutual\(\): a client certificate is required/],
    ['mutual with key only', () => TlsOrigination.mutual({ privateKey: '/k' }), /a client certificate is required/],
    ['mutual with both sources', () => TlsOrigination.mutual({ credentialName: 'c', clientCertificate: '/c', privateKey: '/k' }), /credentialName and clientCertificate\/privateKey exclude each other/],
  ];
  test.each(cases)('%s', (_, build, message) => expect(build).toThrow(message));
});

test('property: any valid props synthesize validator-clean output', () => {
  const tls = fc.constantFrom(TlsOrigination.simple(), TlsOrigination.byApplication(), TlsOrigination.mutual({ clientCertificate: '/c.pem', privateKey: '/k.pem' }),
    TlsOrigination.simple({ caCertificates: '/ca.pem', sni: 'sni.example.com' }));
  const profile = fc.constantFrom(
    ResilienceProfile.standard(), ResilienceProfile.none(), ResilienceProfile.latencySensitive(), ResilienceProfile.longRunning());
  fc.assert(fc.property(
    fc.stringMatching(/^[a-z][a-z0-9]{0,8}\.(com|io|example\.org)$/), tls, profile, fc.boolean(), fc.option(fc.constantFrom('shop', 'istio-system')),
    fc.integer({ min: 1, max: 65535 }), fc.integer({ min: 1, max: 65535 }),
    (host, origination, resilience, viaGateway, namespace, httpPort, tlsPort) => {
      fc.pre(httpPort !== tlsPort);
      const chart = Testing.chart();
      new ExternalApi(chart, 'Api', {
        host,
        tlsOrigination: origination,
        resilience,
        namespace: namespace ?? undefined,
        httpPort: origination === undefined || isApp(origination) ? undefined : httpPort,
        tlsPort,
        egressGateway: viaGateway ? {} : undefined,
      });
      synthClean(chart, { allowInfos: true });
    }), { numRuns: 40 });
});

function isApp(tls: TlsOrigination): boolean {
  return !(tls as any)._originates;
}

test('Gateway.MESH stays the mesh', () => expect(Gateway.MESH.gatewayName).toBe('mesh'));
