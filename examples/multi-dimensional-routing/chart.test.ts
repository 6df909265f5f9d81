import { Testing } from 'cdk8s';
import { MultiDimensionalRoutingChart } from './chart';
import { RouteSimulator } from '../../src';
import { seedObjects } from '../../test/support/pinned';
import { synthAndValidate } from '../../test/support/synth-and-validate';

const istioOf = (manifest: any[]) => manifest.filter(obj => obj.apiVersion === 'networking.istio.io/v1');
const seed = (kind: string, name: string) => seedObjects().find(obj => obj.kind === kind && obj.metadata.name === name);

describe('examples/multi-dimensional-routing: the seed\'s multi-dimensional traffic splitting as a HeaderRouting', () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  afterAll(() => warn.mockRestore());
  const manifest = Testing.synth(new MultiDimensionalRoutingChart(Testing.app(), 'multi-dimensional-routing'));
  const [rule, vs] = istioOf(manifest);

  test('synth prints no warning', () => {
    expect(warn.mock.calls).toEqual([]);
  });

  test('the seed\'s host, subsets, match and destinations, with the pattern\'s defaults on top', () => {
    const seedVs = seed('VirtualService', 'multi-dimensional-routing');
    expect(vs.metadata.name).toEqual(seedVs.metadata.name);
    expect(vs.spec.hosts).toEqual(seedVs.spec.hosts);
    const matchAndRoute = (r: any) => ({ match: r.match, route: r.route });
    expect(vs.spec.http.map(matchAndRoute)).toEqual(seedVs.spec.http.map(matchAndRoute));
    // The seed names the subsets without declaring them: the pattern declares them, on the version label.
    expect(rule.spec.host).toEqual(seedVs.spec.hosts[0]);
    expect(rule.spec.subsets).toEqual(['standard', 'advanced', 'mobile-optimized', 'ml-enhanced'].map(name => ({ name, labels: { version: name } })));
    for (const route of vs.spec.http) expect(route).toMatchObject({ timeout: '10s', retries: { attempts: 2, perTryTimeout: '3s' } });
    expect(rule.spec.trafficPolicy).toMatchObject({ tls: { mode: 'ISTIO_MUTUAL' }, outlierDetection: { consecutive5xxErrors: 5 } });
  });

  test('the rules, given from the most general down, are routed most specific first, as the seed orders them', () => {
    const chart = new MultiDimensionalRoutingChart(Testing.app(), 'multi-dimensional-routing');
    expect(chart.recommendation.orderedRules.map(r => r.version.name)).toEqual(['ml-enhanced', 'advanced', 'mobile-optimized']);
  });

  test('matches its snapshot', () => {
    expect(manifest).toMatchSnapshot();
  });

  test('app.synth() writes YAML that `cdk8s-istio validate` accepts with no error and no warning', () => {
    const verdict = synthAndValidate(app => new MultiDimensionalRoutingChart(app, 'multi-dimensional-routing'));
    expect(verdict).toEqual({ objects: 7, status: 0, out: expect.stringContaining('0 errors, 0 warnings') });
  });

  describe('routing', () => {
    const routes = RouteSimulator.fromApp(new MultiDimensionalRoutingChart(Testing.app(), 'multi-dimensional-routing'));
    const premium = { 'x-user-tier': 'premium' };
    const request = (headers: { [name: string]: string }, sourceLabels: { [name: string]: string } = {}) =>
      ({ host: 'recommendation', port: 8080, headers, sourceLabels });

    test('premium users of the mobile app v2 (matching all three rules) go to ml-enhanced, the most specific', () => {
      routes.expect(request(premium, { app: 'mobile-app', version: 'v2' })).toSubset('recommendation', 'ml-enhanced');
    });

    test('other premium users go to advanced, from the mobile app v1 too (premium comes before mobile-app)', () => {
      routes.expect(request(premium)).toSubset('recommendation', 'advanced');
      routes.expect(request(premium, { app: 'mobile-app', version: 'v1' })).toSubset('recommendation', 'advanced');
    });

    test('other callers labelled app: mobile-app go to mobile-optimized', () => {
      routes.expect(request({}, { app: 'mobile-app', version: 'v2' })).toSubset('recommendation', 'mobile-optimized');
    });

    test('everyone else goes to standard', () => {
      routes.expect(request({ 'x-user-tier': 'basic' }, { app: 'web' })).toSubset('recommendation', 'standard');
    });

    test('a premium header from a caller labelled version: v2 but not app: mobile-app does not reach ml-enhanced', () => {
      routes.expect(request(premium, { app: 'web', version: 'v2' })).toSubset('recommendation', 'advanced');
    });
  });
});
