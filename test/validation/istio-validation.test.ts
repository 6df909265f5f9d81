import { App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-32';
import { DestinationRule, Host, IstioValidation, networking, Severity } from '../../src';
import { virtualService } from '../support/objects';

/**
 * The make-before-break app of issue 12: a Deployment for v1 and a DestinationRule that already
 * declares v2 (whose Deployment ships next week).
 */
function reviewsApp(app: App = Testing.app()) {
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  new kplus.Deployment(chart, 'ReviewsV1', {
    metadata: { name: 'reviews-v1' },
    podMetadata: { labels: { app: 'reviews', version: 'v1' } },
    containers: [{ image: 'docker.io/istio/examples-bookinfo-reviews-v1:1.20.2', portNumber: 9080 }],
  });
  const service = new kplus.Service(chart, 'Reviews', { metadata: { name: 'reviews' }, ports: [{ port: 9080, name: 'http' }] });
  service.selectLabel('app', 'reviews');
  const rule = new DestinationRule(chart, 'Rule', { metadata: { name: 'reviews' }, host: Host.fromKubeService(service) });
  rule.addSubset('v1', { labels: { version: 'v1' } });
  rule.addSubset('v2', { labels: { version: 'v2' } });
  return { app, chart, rule };
}

const IST0173 = 'IST0173 DestinationRule shop/reviews: spec.subsets[1]: The Subset v2 defined in the DestinationRule does not select any pods. '
  + 'Which may lead to 503 UH (NoHealthyUpstream).';

describe('IstioValidation', () => {
  test('validate() takes plain objects and returns diagnostics', () => {
    const diagnostics = IstioValidation.validate([
      virtualService('ok', { hosts: ['a'], http: [{ route: [{ destination: { host: 'a' } }] }] }),
      virtualService('bad', { hosts: 'a' }),
    ]);
    expect(diagnostics).toEqual([{
      severity: Severity.ERROR,
      code: 'IST0106',
      kind: 'VirtualService',
      apiVersion: 'networking.istio.io/v1',
      name: 'bad',
      path: 'spec.hosts',
      message: 'Invalid value: "string": spec.hosts in body must be of type array: "string"',
      objectIndex: 1,
    }, expect.objectContaining({ path: '<nil>', objectIndex: 1 })]);
  });

  test('disable() switches synth-time validation off under a scope', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'legacy');
    new networking.VirtualService(chart, 'Route', { metadata: { name: 'r' }, spec: { hosts: ['a'], http: [{ timeout: '0s' }] } });
    IstioValidation.disable(app);

    expect(Testing.synth(chart)).toHaveLength(1);
  });
});

describe('IstioValidation.disableAnalysis', () => {
  const routeToMissingSubset = (chart: Chart) => new networking.VirtualService(chart, 'Route', {
    metadata: { name: 'r' },
    spec: { hosts: ['a'], http: [{ route: [{ destination: { host: 'a', subset: 'v9' } }] }] },
  });

  test('cross-resource findings fail the synth by default', () => {
    const chart = Testing.chart();
    routeToMissingSubset(chart);
    expect(() => Testing.synth(chart)).toThrow(/IST0101/);
  });

  test('disableAnalysis() keeps per-object checks, drops cross-resource ones', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'snippets');
    routeToMissingSubset(chart);
    IstioValidation.disableAnalysis(chart);
    expect(Testing.synth(chart)).toHaveLength(1);

    new networking.VirtualService(chart, 'Broken', { metadata: { name: 'b' }, spec: { hosts: ['b'], http: [{ timeout: '1us' }] } });
    expect(() => Testing.synth(chart)).toThrow(/\[snippets\/Broken\] IST0106/);
  });

  describe('suppress()', () => {
    let warn: jest.SpyInstance;
    beforeEach(() => { warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined); });
    afterEach(() => warn.mockRestore());

    test('without it, a subset declared ahead of its Deployment fails the synth with IST0173', () => {
      const { chart } = reviewsApp();
      expect(() => Testing.synth(chart)).toThrow(`[shop/Rule/Resource] ${IST0173}`);
    });

    test('suppress(rule, IST0173, reason) lets it synthesize, and the finding is listed once with the reason', () => {
      const { app, rule } = reviewsApp();
      IstioValidation.suppress(rule, 'IST0173', 'v2 ships next week');

      app.synthYaml();
      expect(warn.mock.calls).toEqual([[
        'cdk8s-istio: 1 finding suppressed\n'
        + `  [shop/Rule/Resource] error: ${IST0173} (suppressed by IstioValidation.suppress() on 'shop/Rule': v2 ships next week)`,
      ]]);
    });

    test('a suppression on a chart or the app covers every object under it; only its code', () => {
      const { app, chart } = reviewsApp();
      IstioValidation.suppress(app, 'IST0173', 'the whole app deploys v2 later');
      IstioValidation.suppress(chart, 'IST0101', 'nothing to suppress yet');

      expect(Testing.synth(chart)).toHaveLength(3);
      expect(warn.mock.calls.map(call => call[0])).toEqual([
        'cdk8s-istio: 1 finding suppressed\n'
        + `  [shop/Rule/Resource] error: ${IST0173} (suppressed by IstioValidation.suppress() on '<root>': the whole app deploys v2 later)\n`
        + "  unused: IstioValidation.suppress() of IST0101 on 'shop' matched no finding: nothing to suppress yet",
      ]);
    });

    test('the annotation galley.istio.io/analyze-suppress works at synth too, and is reported', () => {
      const { chart } = reviewsApp();
      const rule = new networking.DestinationRule(chart, 'Ratings', {
        metadata: { name: 'ratings', annotations: { 'galley.istio.io/analyze-suppress': 'IST0173,IST0174' } },
        spec: { host: 'reviews', subsets: [{ name: 'v3', labels: { version: 'v3' } }] },
      });
      IstioValidation.suppress(chart, 'IST0173', 'v2 ships next week');

      Testing.synth(chart);
      expect(warn.mock.calls[0][0]).toContain(
        `[${rule.node.path}] error: IST0173 DestinationRule shop/ratings: spec.subsets[0]: The Subset v3 defined in the DestinationRule does not select any pods.`
        + ' Which may lead to 503 UH (NoHealthyUpstream). (suppressed by annotation galley.istio.io/analyze-suppress: "IST0173,IST0174")');
    });

    test('a reason is required', () => {
      const { rule } = reviewsApp();
      expect(() => IstioValidation.suppress(rule, 'IST0173', ' ')).toThrow(
        "IstioValidation.suppress('shop/Rule', 'IST0173'): a reason is required (why the finding does not apply, e.g. 'v2 ships next week'); "
        + 'it is listed with the suppressed findings at synth');
    });

    test('an unknown code (or *) is refused', () => {
      const { rule } = reviewsApp();
      expect(() => IstioValidation.suppress(rule, 'IST0713', 'typo')).toThrow(
        "IstioValidation.suppress('shop/Rule', 'IST0713'): 'IST0713' is not a code cdk8s-istio reports; name one code (IST0106, IST0173, CI1002, ...: see the README, Validation)");
      expect(() => IstioValidation.suppress(rule, '*', 'all')).toThrow(/'\*' is not a code cdk8s-istio reports/);
    });
  });

  describe('bestPractices()', () => {
    test('turns the CI2xxx checks on at synth for the app: printed, never failing', () => {
      const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      try {
        const { app, rule } = reviewsApp();
        IstioValidation.suppress(rule, 'IST0173', 'v2 ships next week');
        IstioValidation.bestPractices(rule);
        app.synthYaml();
        const printed = warn.mock.calls.map(call => String(call[0]));
        expect(printed.filter(line => / CI2\d{3} /.test(line)).map(line => / (CI2\d{3}) /.exec(line)![1])).toEqual(['CI2007', 'CI2003', 'CI2004']);
      } finally {
        warn.mockRestore();
      }
    });

    test('validate(objects, { bestPractices: true }) runs them too; the annotation suppresses there as well', () => {
      const vs = virtualService('a', { hosts: ['a'], http: [{ route: [{ destination: { host: 'a' } }] }] });
      expect(IstioValidation.validate([vs])).toEqual([]);
      expect(IstioValidation.validate([vs], { bestPractices: true }).map(d => d.code)).toEqual(['CI2001']);
      const quiet = { ...vs, metadata: { name: 'a', annotations: { 'galley.istio.io/analyze-suppress': 'CI2001' } } };
      expect(IstioValidation.validate([quiet], { bestPractices: true })).toEqual([]);
    });
  });
});
