import { Testing } from 'cdk8s';
import { EdgeCanaryChart, PercentageCanaryChart } from './chart';
import { RouteSimulator } from '../../src';
import { main } from '../../src/cli/main';
import { seedObjects } from '../../test/support/pinned';
import { synthAndValidate } from '../../test/support/synth-and-validate';
import { TempDir } from '../../test/support/temp-dir';

describe('examples/percentage-canary: the seed\'s 90/10 split as a CanaryService', () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  afterAll(() => warn.mockRestore());
  const chart = new PercentageCanaryChart(Testing.app(), 'percentage-canary');
  const manifest = Testing.synth(chart);
  const istio = manifest.filter(obj => obj.apiVersion === 'networking.istio.io/v1');
  const [rule, vs] = istio;

  test('synth prints no warning', () => {
    expect(warn.mock.calls).toEqual([]);
  });

  test('the seed\'s host, subsets and weights, with the pattern\'s defaults on top', () => {
    const seedVs = seedObjects().find(obj => obj.kind === 'VirtualService' && obj.metadata.name === 'canary-deployment');
    // The seed has two reviews-destination rules: this section's declares only v1 and v2.
    const seedRule = seedObjects().find(obj => obj.kind === 'DestinationRule' && obj.metadata.name === 'reviews-destination'
      && obj.spec.subsets.length === 2);
    expect(vs.spec.hosts).toEqual(seedVs.spec.hosts);
    expect(vs.spec.http[0].route).toEqual(seedVs.spec.http[0].route);
    expect(rule.spec.host).toEqual(seedRule.spec.host);
    expect(rule.spec.subsets).toEqual(seedRule.spec.subsets);
    // On top: a named route with the standard timeout and retries, mTLS and outlier detection.
    expect(vs.spec.http[0]).toMatchObject({ name: 'primary', timeout: '10s', retries: { attempts: 2, perTryTimeout: '3s' } });
    expect(rule.spec.trafficPolicy).toMatchObject({ tls: { mode: 'ISTIO_MUTUAL' }, outlierDetection: { consecutive5xxErrors: 5 } });
    expect([rule.metadata, vs.metadata]).toEqual([{ name: 'reviews', namespace: 'default' }, { name: 'reviews', namespace: 'default' }]);
  });

  test('two Istio objects next to the Service and the Deployments', () => {
    expect(manifest.map(obj => obj.kind).sort()).toEqual(['Deployment', 'Deployment', 'DestinationRule', 'Service', 'VirtualService']);
  });

  test('matches its snapshot', () => {
    expect(manifest).toMatchSnapshot();
  });

  test('app.synth() writes YAML that `cdk8s-istio validate` accepts with no error and no warning', () => {
    const verdict = synthAndValidate(app => new PercentageCanaryChart(app, 'percentage-canary'));
    expect(verdict).toEqual({ objects: 5, status: 0, out: expect.stringContaining('0 errors, 0 warnings') });
  });

  describe('routing', () => {
    const routes = RouteSimulator.fromApp(chart);
    const reviews = { host: 'reviews', port: 9080 };

    test('90% of the requests go to v1, 10% to v2, on the route primary', () => {
      routes.expect(reviews).toVirtualService('reviews', 'primary').toDestination('reviews', 'v1', 90).toDestination('reviews', 'v2', 10);
    });

    test('with the standard timeout and retries', () => {
      expect(routes.route(reviews)).toMatchObject({ timeout: '10s', retries: { attempts: 2, perTryTimeout: '3s', meshDefault: false } });
    });

    test('no request is sent to v2 as a whole: there is no opt-in, whatever the headers', () => {
      expect(() => routes.expect({ ...reviews, headers: { 'x-canary': 'true', 'end-user': 'jason' } }).toSubset('reviews', 'v2'))
        .toThrow(/expected every request to go to subset v2 of reviews/);
    });
  });
});

describe('examples/percentage-canary, edge variant: the same split at the ingress gateway', () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  afterAll(() => warn.mockRestore());
  const chart = new EdgeCanaryChart(Testing.app(), 'percentage-canary-edge');
  const manifest = Testing.synth(chart);
  const vs = manifest.find(obj => obj.kind === 'VirtualService');

  test('synth prints no warning', () => {
    expect(warn.mock.calls).toEqual([]);
  });

  test('the VirtualService takes the gateway\'s host and is bound to the gateway and the mesh', () => {
    expect(vs.spec.hosts).toEqual(['reviews.shop.svc.cluster.local', 'reviews.example.com']);
    expect(vs.spec.gateways).toEqual(['istio-system/public', 'mesh']);
    expect(manifest.map(obj => obj.kind).sort()).toEqual(['Deployment', 'Deployment', 'DestinationRule', 'Gateway', 'Service', 'VirtualService']);
  });

  test('matches its snapshot', () => {
    expect(manifest).toMatchSnapshot();
  });

  test('main.ts\'s app (both charts) writes YAML that `cdk8s-istio validate` accepts with no error and no warning', () => {
    const outdir = new TempDir();
    try {
      const app = Testing.app({ outdir: outdir.path });
      new PercentageCanaryChart(app, 'percentage-canary');
      new EdgeCanaryChart(app, 'percentage-canary-edge');
      app.synth();
      const out: string[] = [];
      const status = main(['validate', outdir.path], { stdout: text => out.push(text), stderr: text => out.push(text) });
      expect({ status, out: out.join('') }).toEqual({ status: 0, out: expect.stringContaining('0 errors, 0 warnings') });
    } finally {
      outdir.remove();
    }
  });

  describe('routing', () => {
    const routes = RouteSimulator.fromApp(chart);
    const atGateway = { gateway: 'istio-system/public', host: 'reviews.example.com', scheme: 'https' };

    test('at the gateway: 90% to v1, 10% to v2, on the route primary', () => {
      routes.expect(atGateway).toVirtualService('reviews', 'primary').toDestination('reviews.shop.svc.cluster.local', 'v1', 90)
        .toDestination('reviews.shop.svc.cluster.local', 'v2', 10);
    });

    test('at the gateway, a tester\'s x-canary: always reaches v2', () => {
      routes.expect({ ...atGateway, headers: { 'x-canary': 'always' } }).toSubset('reviews.shop.svc.cluster.local', 'v2');
    });

    test('between sidecars: the same split', () => {
      routes.expect({ host: 'reviews.shop.svc.cluster.local', port: 9080 }).toDestination('reviews.shop.svc.cluster.local', 'v2', 10);
    });
  });
});
