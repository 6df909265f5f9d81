import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { Testing } from 'cdk8s';
import { loadAll } from 'js-yaml';
import { addSeedCharts } from './charts';
import { main } from '../../src/cli/main';
import { seedObjects } from '../../test/support/pinned';
import { TempDir } from '../../test/support/temp-dir';

/** `Kind namespace/name`, how a reader finds an object in the seed spec. */
function describeObject(obj: any): string {
  return `${obj.kind} ${obj.metadata.namespace ?? '-'}/${obj.metadata.name}`;
}

// The example's differences from the seed, one function per object it changes (see README.md, "Fixes").
// Each takes a copy of the seed object and returns it as the example writes it.

/** Istio: "only one of WorkloadSelector or Endpoints can be set"; the endpoints stay. */
function legacyVmServiceWithoutSelector(obj: any) {
  delete obj.spec.workloadSelector;
}
/** Istio refuses resolution DNS for a wildcard host without endpoints; NONE forwards to the address the client resolved. */
function externalApiResolvedByClient(obj: any) {
  obj.spec.resolution = 'NONE';
}
/** Istio: consecutiveLocalOriginFailures needs splitExternalLocalOriginErrors. */
function reviewsDestinationSplitsLocalOrigin(obj: any) {
  obj.spec.trafficPolicy.outlierDetection.splitExternalLocalOriginErrors = true;
}
/** Istio: "can not simultaneously specify 'distribute' and 'failover'"; distribute stays. */
function localityLbDistributeOnly(obj: any) {
  delete obj.spec.trafficPolicy.loadBalancer.localityLbSetting.failover;
}
/** Istio: egressProxy only with ALLOW_ANY; REGISTRY_ONLY stays. */
function strictEgressWithoutProxy(obj: any) {
  delete obj.spec.outboundTrafficPolicy.egressProxy;
}
/** Istio: "sidecar: credentialName is not currently supported"; certificate files instead (and TLS 1.2 minimum, the L2 default). */
function ingressConfigWithCertificateFiles(obj: any) {
  obj.spec.ingress[1].tls = {
    mode: 'SIMPLE',
    serverCertificate: '/etc/istio/api-server-cert/tls.crt',
    privateKey: '/etc/istio/api-server-cert/tls.key',
    minProtocolVersion: 'TLSV1_2',
  };
}
/** Istio deprecates consistentHash.minimumRingSize; ringHash.minimumRingSize replaces it. */
function ringHashNotDeprecated(obj: any) {
  const hash = obj.spec.trafficPolicy.loadBalancer.consistentHash;
  hash.ringHash = { minimumRingSize: hash.minimumRingSize };
  delete hash.minimumRingSize;
}
/** The seed's ingress-gateway is in istio-system; mesh routing for its own namespace only (canary-deployment has another). */
function reviewsRouteToIngressGatewayForItsNamespace(obj: any) {
  obj.spec.gateways = ['mesh', 'istio-system/ingress-gateway'];
  obj.spec.exportTo = ['.'];
}
/** A delegate has no hosts. */
function reviewsVsAsDelegate(obj: any) {
  delete obj.spec.hosts;
}
/** The canary of reviews gets a namespace of its own (the seed gives it none), so it does not clash with reviews-route. */
function canaryInItsOwnNamespace(obj: any) {
  obj.metadata.namespace = 'reviews-canary';
  if (obj.kind === 'VirtualService') obj.spec.exportTo = ['.'];
}
/** The L2 default the seed leaves out: HTTPS servers accept TLS 1.2 and above. */
function tls12Minimum(obj: any) {
  obj.spec.servers[0].tls.minProtocolVersion = 'TLSV1_2';
}

const FIXES: Record<string, (obj: any) => void> = {
  'ServiceEntry -/legacy-vm-service': legacyVmServiceWithoutSelector,
  'ServiceEntry -/external-api': externalApiResolvedByClient,
  'DestinationRule default/reviews-destination': reviewsDestinationSplitsLocalOrigin,
  'DestinationRule -/locality-lb': localityLbDistributeOnly,
  'Sidecar secure-namespace/strict-egress': strictEgressWithoutProxy,
  'Sidecar default/ingress-config': ingressConfigWithCertificateFiles,
  'DestinationRule -/ring-hash-config': ringHashNotDeprecated,
  'VirtualService default/reviews-route': reviewsRouteToIngressGatewayForItsNamespace,
  'VirtualService reviews-ns/reviews-vs': reviewsVsAsDelegate,
  'VirtualService -/canary-deployment': canaryInItsOwnNamespace,
  'DestinationRule -/reviews-destination': canaryInItsOwnNamespace,
  'Gateway istio-system/external-gateway': tls12Minimum,
  'Gateway istio-system/internal-gateway': tls12Minimum,
};

/** The seed object as the example writes it: v1, with its fix applied. */
function expected(seedObject: any): any {
  const obj = structuredClone(seedObject);
  FIXES[describeObject(seedObject)]?.(obj);
  return { ...obj, apiVersion: 'networking.istio.io/v1' };
}

/** Istio's two warnings the example keeps (see README.md, "Warnings"). */
const KEPT_WARNINGS = [
  '[service-entry/external-database/Resource] warning: IST0134 ServiceEntry default/external-database: spec.ports[0].protocol: '
  + 'ServiceEntry addresses are required for this protocol.',
  '[service-entry/shared-database/Resource] warning: IST0134 ServiceEntry infrastructure/shared-database: spec.ports[0].protocol: '
  + 'ServiceEntry addresses are required for this protocol.',
];

describe('examples/seed-l2: every object of the seed spec, built with L2 constructs', () => {
  const seed = seedObjects();
  const charts = addSeedCharts(Testing.app());
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  afterAll(() => warn.mockRestore());
  const synthesized = charts.flatMap(chart => Testing.synth(chart));
  const warnings = warn.mock.calls.map(call => String(call[0]));
  const find = (obj: any) => synthesized.filter(s => describeObject(s) === describeObject(obj));

  test('every fix names a seed object', () => {
    expect(Object.keys(FIXES).filter(key => !seed.some(obj => describeObject(obj) === key))).toEqual([]);
  });

  test.each(seed.map(obj => [describeObject(obj), obj]))('%s is synthesized as networking.istio.io/v1, its spec as the seed\'s after the documented fix', (_, obj) => {
    const want = expected(obj);
    const [got, ...others] = find(want);
    expect(others).toEqual([]);
    expect(got.apiVersion).toBe('networking.istio.io/v1');
    expect(got.spec).toEqual(want.spec);
    // Besides the seed's metadata, an object that refers to imports lists them for the analysis.
    const { annotations, ...metadata } = got.metadata;
    expect(metadata).toEqual(want.metadata);
    expect(Object.keys(annotations ?? {}).filter(key => key !== 'cdk8s-istio.dev/external-references')).toEqual([]);
  });

  test('nothing but the 39 seed objects is synthesized', () => {
    expect(synthesized).toHaveLength(39);
    expect(synthesized.map(describeObject).sort()).toEqual(seed.map(obj => describeObject(expected(obj))).sort());
  });

  test('synth prints Istio\'s two IST0134 warnings, and no other', () => {
    expect(new Set(warnings)).toEqual(new Set(KEPT_WARNINGS));
  });

  test.each(charts.map(chart => [chart.node.id, chart]))('chart %s matches its snapshot', (_, chart) => {
    expect(Testing.synth(chart)).toMatchSnapshot();
  });

  test('app.synth() writes the 39 objects, and `cdk8s-istio validate` of those files reports no error', () => {
    const outdir = new TempDir();
    try {
      const app = Testing.app({ outdir: outdir.path });
      addSeedCharts(app);
      app.synth();

      const files = readdirSync(outdir.path).sort();
      // Numbered in apply order: VirtualServices after the Gateways and DestinationRules they name.
      expect(files).toEqual([
        '0000-gateway.k8s.yaml',
        '0001-destination-rule.k8s.yaml',
        '0002-virtual-service.k8s.yaml',
        '0003-service-entry.k8s.yaml',
        '0004-sidecar.k8s.yaml',
        '0005-load-balancing.k8s.yaml',
        '0006-traffic-splitting.k8s.yaml',
      ]);
      const written = files.flatMap(file => loadAll(readFileSync(join(outdir.path, file), 'utf-8')));
      expect(written).toEqual(expect.arrayContaining(synthesized));
      expect(written).toHaveLength(39);

      const out: string[] = [];
      const status = main(['validate', outdir.path], { stdout: text => out.push(text), stderr: text => out.push(text) });
      expect({ status, out: out.join('') }).toEqual({ status: 0, out: expect.stringContaining('0 errors') });
    } finally {
      outdir.remove();
    }
  });
});
