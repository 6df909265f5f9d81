import { mkdtempSync, readdirSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Testing } from 'cdk8s';
import { loadAll } from 'js-yaml';
import { addSeedCharts } from './chart';
import { IstioValidation } from '../../src';
import { seedObjects } from '../../test/support/pinned';

/** `Kind namespace/name`, how a reader finds an object in the seed spec. */
function describeObject(obj: any): string {
  return `${obj.kind} ${obj.metadata.namespace ?? '-'}/${obj.metadata.name}`;
}

describe('examples/seed-l1: every object of the seed spec, built with L1 classes', () => {
  // The seed spec is the fixture: its YAML blocks are parsed, never copied.
  const seed = seedObjects();
  const charts = addSeedCharts(Testing.app());
  // Synth prints the seed's one webhook warning (a deprecated field): asserted below, kept off the test output.
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  afterAll(() => warn.mockRestore());
  const synthesized = charts.flatMap(chart => Testing.synth(chart));
  const warnings = warn.mock.calls.map(call => String(call[0]));

  test('synth prints the deprecation warning Istio gives for ring-hash-config, and no other', () => {
    expect(new Set(warnings)).toEqual(new Set([
      "[load-balancing/ring-hash-config] warning: IST0133 DestinationRule ring-hash-config: spec.trafficPolicy.loadBalancer.consistentHash.minimumRingSize: consistent hash MinimumRingSize is deprecated, use ConsistentHashLB's RingHash configuration instead",
    ]));
  });

  test('the seed spec holds the 39 complete objects the example reproduces', () => {
    const kinds: Record<string, number> = {};
    for (const obj of seed) kinds[obj.kind] = (kinds[obj.kind] ?? 0) + 1;
    expect(kinds).toEqual({ VirtualService: 12, DestinationRule: 14, Gateway: 3, ServiceEntry: 5, Sidecar: 5 });
    expect(new Set(seed.map(obj => obj.apiVersion))).toEqual(new Set(['networking.istio.io/v1beta1']));
  });

  test.each(seed.map(obj => [describeObject(obj), obj]))('%s is synthesized deep-equal to the seed', (_, obj) => {
    expect(synthesized).toContainEqual(obj);
  });

  test('Istio rejects six seed objects as written, and the validator says why', () => {
    // Each object on its own, as kubectl apply would check it (the examples are not one mesh, see chart.ts).
    // The example reproduces them anyway, with synth-time validation off for those six objects alone.
    const findings = IstioValidation.validate(seed)
      .filter(d => d.code === 'IST0106' || d.code === 'IST0133')
      .map(d => `${d.severity} ${d.kind} ${d.name}: ${d.path}: ${d.message}`);
    expect(findings).toEqual([
      'error DestinationRule reviews-destination: spec.trafficPolicy.outlierDetection.consecutiveLocalOriginFailures: '
      + 'outlier detection consecutive local origin failures is specified, but split external local origin errors is set to false',
      'error ServiceEntry external-api: spec.hosts[1]: hosts must be FQDN or contain only prefix wildcards if no endpoints are '
      + 'provided for resolution mode DNS, domain name "*.api.external.com" invalid (label "*" invalid)',
      'error ServiceEntry legacy-vm-service: spec: Invalid value: only one of WorkloadSelector or Endpoints can be set',
      'error Sidecar strict-egress: spec.outboundTrafficPolicy.egressProxy: sidecar: egress_proxy must be set only with ALLOW_ANY outbound_traffic_policy mode',
      'error Sidecar ingress-config: spec.ingress[1].tls.credentialName: sidecar: credentialName is not currently supported',
      'warning DestinationRule ring-hash-config: spec.trafficPolicy.loadBalancer.consistentHash.minimumRingSize: consistent hash '
      + "MinimumRingSize is deprecated, use ConsistentHashLB's RingHash configuration instead",
      "error DestinationRule locality-lb: spec.trafficPolicy.loadBalancer.localityLbSetting: can not simultaneously specify 'distribute' and 'failover'",
    ]);
  });

  test('nothing but the seed objects is synthesized', () => {
    expect(synthesized).toHaveLength(seed.length);
    for (const obj of synthesized) {
      expect(seed).toContainEqual(obj);
    }
  });

  test.each(charts.map(chart => [chart.node.id, chart]))('chart %s matches its snapshot', (_, chart) => {
    expect(Testing.synth(chart)).toMatchSnapshot();
  });

  test('app.synth() writes one file per chart, holding all 39 objects', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'seed-l1-'));
    const app = Testing.app({ outdir });
    addSeedCharts(app);

    app.synth();

    const files = readdirSync(outdir).sort();
    expect(files).toEqual([
      'destination-rule.k8s.yaml',
      'gateway.k8s.yaml',
      'load-balancing.k8s.yaml',
      'service-entry.k8s.yaml',
      'sidecar.k8s.yaml',
      'traffic-splitting.k8s.yaml',
      'virtual-service.k8s.yaml',
    ]);
    const written = files.flatMap(file => loadAll(readFileSync(join(outdir, file), 'utf-8')));
    expect(written).toHaveLength(39);
    for (const obj of seed) {
      expect(written).toContainEqual(obj);
    }
  });
});
