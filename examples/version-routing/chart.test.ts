import { Testing } from 'cdk8s';
import { VersionRoutingChart } from './chart';
import { RouteSimulator } from '../../src';
import { seedObjects } from '../../test/support/pinned';
import { synthAndValidate } from '../../test/support/synth-and-validate';

const istioOf = (manifest: any[]) => manifest.filter(obj => obj.apiVersion === 'networking.istio.io/v1');
const seed = (kind: string, name: string) => seedObjects().find(obj => obj.kind === kind && obj.metadata.name === name);

describe('examples/version-routing: the seed\'s version-based routing as a HeaderRouting', () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  afterAll(() => warn.mockRestore());
  const manifest = Testing.synth(new VersionRoutingChart(Testing.app(), 'version-routing'));
  const [rule, vs] = istioOf(manifest);

  test('synth prints no warning', () => {
    expect(warn.mock.calls).toEqual([]);
  });

  test('the seed\'s host, subsets, match and destinations, with the pattern\'s defaults on top', () => {
    const seedVs = seed('VirtualService', 'version-routing');
    const seedRule = seed('DestinationRule', 'api-subsets');
    expect(vs.metadata.name).toEqual(seedVs.metadata.name);
    expect(vs.spec.hosts).toEqual(seedVs.spec.hosts);
    const matchAndRoute = (r: any) => ({ match: r.match, route: r.route });
    expect(vs.spec.http.map(matchAndRoute)).toEqual(seedVs.spec.http.map(matchAndRoute));
    expect(rule.spec.host).toEqual(seedRule.spec.host);
    expect(rule.spec.subsets).toEqual(seedRule.spec.subsets);
    for (const route of vs.spec.http) expect(route).toMatchObject({ timeout: '10s', retries: { attempts: 2, perTryTimeout: '3s' } });
    expect(rule.spec.trafficPolicy).toMatchObject({ tls: { mode: 'ISTIO_MUTUAL' }, outlierDetection: { consecutive5xxErrors: 5 } });
  });

  test('matches its snapshot', () => {
    expect(manifest).toMatchSnapshot();
  });

  test('app.synth() writes YAML that `cdk8s-istio validate` accepts with no error and no warning', () => {
    const verdict = synthAndValidate(app => new VersionRoutingChart(app, 'version-routing'));
    expect(verdict).toEqual({ objects: 5, status: 0, out: expect.stringContaining('0 errors, 0 warnings') });
  });

  describe('routing', () => {
    const routes = RouteSimulator.fromApp(new VersionRoutingChart(Testing.app(), 'version-routing'));
    const api = (headers: { [name: string]: string } = {}) => ({ host: 'api', port: 8080, headers });

    test('x-api-version: v2 goes to v2', () => {
      routes.expect(api({ 'x-api-version': 'v2' })).toVirtualService('version-routing').toSubset('api', 'v2');
    });

    test('all others go to v1', () => {
      routes.expect(api()).toSubset('api', 'v1');
    });

    test.each(['v3', 'V2', 'v2.1'])('x-api-version: %s does not reach v2 (the match is exact)', version => {
      routes.expect(api({ 'x-api-version': version })).toSubset('api', 'v1');
    });
  });
});
