import { Testing } from 'cdk8s';
import { AbTestingChart } from './chart';
import { RouteSimulator } from '../../src';
import { seedObjects } from '../../test/support/pinned';
import { synthAndValidate } from '../../test/support/synth-and-validate';

const istioOf = (manifest: any[]) => manifest.filter(obj => obj.apiVersion === 'networking.istio.io/v1');
const seed = (kind: string, name: string) => seedObjects().find(obj => obj.kind === kind && obj.metadata.name === name);

describe('examples/ab-testing: the seed\'s A/B test as an AbTest', () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  afterAll(() => warn.mockRestore());
  const manifest = Testing.synth(new AbTestingChart(Testing.app(), 'ab-testing'));
  const [rule, vs] = istioOf(manifest);

  test('synth prints no warning', () => {
    expect(warn.mock.calls).toEqual([]);
  });

  test('the seed\'s host, subsets and destinations, with the pattern\'s defaults on top', () => {
    const seedVs = seed('VirtualService', 'ab-testing');
    const seedRule = seed('DestinationRule', 'frontend-destination');
    expect(vs.metadata.name).toEqual(seedVs.metadata.name);
    expect(vs.spec.hosts).toEqual(seedVs.spec.hosts);
    expect(vs.spec.http.map((r: any) => r.route)).toEqual(seedVs.spec.http.map((r: any) => r.route));
    expect(vs.spec.http.map((r: any) => r.name)).toEqual(['variant-a', 'variant-b', 'control']);
    expect(rule.spec.host).toEqual(seedRule.spec.host);
    expect(rule.spec.subsets).toEqual(seedRule.spec.subsets);
    for (const route of vs.spec.http) expect(route).toMatchObject({ timeout: '10s', retries: { attempts: 2, perTryTimeout: '3s' } });
    expect(rule.spec.trafficPolicy).toMatchObject({ tls: { mode: 'ISTIO_MUTUAL' }, outlierDetection: { consecutive5xxErrors: 5 } });
  });

  test('the seed\'s cookie regexes, with room for the space browsers put after each `;`', () => {
    const seedVs = seed('VirtualService', 'ab-testing');
    const regexes = (http: any[]) => http.slice(0, 2).map(r => r.match[0].headers.cookie.regex);
    expect(regexes(seedVs.spec.http)).toEqual(['^(.*?;)?(experiment=variant-a)(;.*)?$', '^(.*?;)?(experiment=variant-b)(;.*)?$']);
    expect(regexes(vs.spec.http)).toEqual(regexes(seedVs.spec.http).map((re: string) => re.replace('(.*?;)?', '(.*?;\\s*)?')));
  });

  test('matches its snapshot', () => {
    expect(manifest).toMatchSnapshot();
  });

  test('app.synth() writes YAML that `cdk8s-istio validate` accepts with no error and no warning', () => {
    const verdict = synthAndValidate(app => new AbTestingChart(app, 'ab-testing'));
    expect(verdict).toEqual({ objects: 6, status: 0, out: expect.stringContaining('0 errors, 0 warnings') });
  });

  describe('routing', () => {
    const routes = RouteSimulator.fromApp(new AbTestingChart(Testing.app(), 'ab-testing'));
    const withCookie = (cookie: string) => ({ host: 'frontend', port: 8080, headers: { cookie } });

    test.each([
      ['experiment=variant-a', 'variant-a'],
      ['experiment=variant-b; theme=dark', 'variant-b'],
      ['session=1; experiment=variant-a', 'variant-a'],
    ])('cookie "%s" reaches %s', (cookie, variant) => {
      routes.expect(withCookie(cookie)).toVirtualService('ab-testing', variant).toSubset('frontend', variant);
    });

    test('everyone else gets the control', () => {
      routes.expect({ host: 'frontend', port: 8080 }).toVirtualService('ab-testing', 'control').toSubset('frontend', 'control');
    });

    test.each(['experiment=variant-c', 'myexperiment=variant-a', 'experiment=variant-ab', 'theme=variant-a'])('cookie "%s" reaches no variant', cookie => {
      routes.expect(withCookie(cookie)).toSubset('frontend', 'control');
    });

    test('the seed\'s regex misses the cookie after a browser\'s "; ": that request gets the control', () => {
      RouteSimulator.fromObjects([seed('VirtualService', 'ab-testing')]).expect(withCookie('session=1; experiment=variant-a')).toSubset('frontend', 'control');
    });
  });
});
