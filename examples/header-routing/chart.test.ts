import { Testing } from 'cdk8s';
import { HeaderRoutingChart } from './chart';
import { RouteSimulator } from '../../src';
import { seedObjects } from '../../test/support/pinned';
import { synthAndValidate } from '../../test/support/synth-and-validate';

const istioOf = (manifest: any[]) => manifest.filter(obj => obj.apiVersion === 'networking.istio.io/v1');
const seed = (kind: string, name: string) => seedObjects().find(obj => obj.kind === kind && obj.metadata.name === name);

describe('examples/header-routing: the seed\'s header-based routing as a HeaderRouting', () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  afterAll(() => warn.mockRestore());
  const manifest = Testing.synth(new HeaderRoutingChart(Testing.app(), 'header-routing'));
  const [rule, vs] = istioOf(manifest);

  test('synth prints no warning', () => {
    expect(warn.mock.calls).toEqual([]);
  });

  test('the seed\'s host, subsets, match and destinations, with the pattern\'s defaults on top', () => {
    const seedVs = seed('VirtualService', 'header-routing');
    expect(vs.metadata.name).toEqual(seedVs.metadata.name);
    expect(vs.spec.hosts).toEqual(seedVs.spec.hosts);
    const matchAndRoute = (r: any) => ({ match: r.match, route: r.route });
    expect(vs.spec.http.map(matchAndRoute)).toEqual(seedVs.spec.http.map(matchAndRoute));
    // The seed names the subsets without declaring them: the pattern declares them, on the version label.
    expect(rule.spec.host).toEqual(seedVs.spec.hosts[0]);
    expect(rule.spec.subsets).toEqual(['stable', 'canary', 'staging'].map(name => ({ name, labels: { version: name } })));
    for (const route of vs.spec.http) expect(route).toMatchObject({ timeout: '10s', retries: { attempts: 2, perTryTimeout: '3s' } });
    expect(rule.spec.trafficPolicy).toMatchObject({ tls: { mode: 'ISTIO_MUTUAL' }, outlierDetection: { consecutive5xxErrors: 5 } });
  });

  test('matches its snapshot', () => {
    expect(manifest).toMatchSnapshot();
  });

  test('app.synth() writes YAML that `cdk8s-istio validate` accepts with no error and no warning', () => {
    const verdict = synthAndValidate(app => new HeaderRoutingChart(app, 'header-routing'));
    expect(verdict).toEqual({ objects: 6, status: 0, out: expect.stringContaining('0 errors, 0 warnings') });
  });

  describe('routing', () => {
    const routes = RouteSimulator.fromApp(new HeaderRoutingChart(Testing.app(), 'header-routing'));
    const webapp = (headers: { [name: string]: string } = {}) => ({ host: 'webapp', port: 8080, headers });

    test('x-user-role: beta-tester goes to the canary', () => {
      routes.expect(webapp({ 'x-user-role': 'beta-tester' })).toVirtualService('header-routing').toSubset('webapp', 'canary');
    });

    test('x-user-role: internal goes to staging', () => {
      routes.expect(webapp({ 'x-user-role': 'internal' })).toSubset('webapp', 'staging');
    });

    test('all others go to stable', () => {
      routes.expect(webapp()).toSubset('webapp', 'stable');
    });

    test.each(['admin', 'Beta-Tester', 'beta-tester,internal'])('x-user-role: %s reaches neither the canary nor staging', role => {
      routes.expect(webapp({ 'x-user-role': role })).toSubset('webapp', 'stable');
    });
  });
});
