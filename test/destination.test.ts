import { Testing } from 'cdk8s';
import { DestinationRule, Host, HttpRouteOptions, IstioValidation, ISubset, VirtualService, VirtualServiceProps } from '../src';

const reviews = Host.fromName('reviews');
const v1: ISubset = { subsetName: 'v1', host: reviews };
const v2: ISubset = { subsetName: 'v2', host: reviews };

/** The first HTTP route as synthesized (analysis off: the subsets here are not declared). */
function http(options: HttpRouteOptions, props: VirtualServiceProps = {}): any {
  const chart = Testing.chart();
  IstioValidation.disableAnalysis(chart);
  new VirtualService(chart, 'Vs', { hosts: [reviews], ...props, http: [options] });
  return Testing.synth(chart)[0].spec.http[0];
}

describe('route destinations', () => {
  test('a host alone', () => {
    expect(http({ route: [{ host: reviews }] }).route).toEqual([{ destination: { host: 'reviews' } }]);
  });

  test('a subset alone: the host comes from the subset', () => {
    expect(http({ route: [{ subset: v1 }] }).route).toEqual([{ destination: { host: 'reviews', subset: 'v1' } }]);
  });

  test('a host with its own subset, a port, a weight and header operations', () => {
    const route = http({
      route: [
        { host: Host.fromName('reviews'), subset: v1, port: 9080, weight: 75, headers: { request: { set: { 'x-version': 'v1' } } } },
        { subset: v2, weight: 25 },
      ],
    }).route;
    expect(route).toEqual([
      { destination: { host: 'reviews', subset: 'v1', port: { number: 9080 } }, weight: 75, headers: { request: { set: { 'x-version': 'v1' } } } },
      { destination: { host: 'reviews', subset: 'v2' }, weight: 25 },
    ]);
  });

  test('weights 0 and 100 are in range', () => {
    expect(http({ route: [{ subset: v1, weight: 100 }, { subset: v2, weight: 0 }] }).route.map((r: any) => r.weight)).toEqual([100, 0]);
  });

  test('a subset of a DestinationRule of the app makes the VirtualService depend on it', () => {
    const chart = Testing.chart();
    const vs = new VirtualService(chart, 'Vs', { hosts: [Host.fromExternalName(chart, 'Reviews', 'reviews')] });
    const rule = new DestinationRule(chart, 'Rule', { host: Host.fromName('reviews') });
    vs.addHttpRoute({ route: [{ subset: rule.addSubset('v1', { labels: { version: 'v1' } }) }] });
    expect(Testing.synth(chart).map(o => o.kind)).toEqual(['DestinationRule', 'VirtualService']);
  });

  test('an imported subset is declared to the analysis', () => {
    const chart = Testing.chart();
    const host = Host.fromExternalName(chart, 'Reviews', 'reviews');
    const imported = DestinationRule.fromSubsetName(chart, 'V3', host, 'v3');
    new VirtualService(chart, 'Vs', { hosts: [host], http: [{ route: [{ subset: imported }] }] });
    const [obj] = Testing.synth(chart);
    expect(obj.metadata.annotations['cdk8s-istio.dev/external-references']).toBe('Host reviews, Subset reviews/v3');
  });

  describe('fails', () => {
    test('without host and subset', () => {
      expect(() => http({ route: [{ weight: 100 }] }))
        .toThrow("VirtualService 'test/Vs': http[0].route[0] has neither host nor subset; give the host (host: Host.fromName('reviews')) or a subset of it");
    });

    test('with a host that is not the subset\'s', () => {
      expect(() => http({ route: [{ host: Host.fromName('ratings'), subset: v1 }] }))
        .toThrow("VirtualService 'test/Vs': http[0].route[0] names the host \"ratings\" and the subset \"v1\" of another host, \"reviews\"; give only the subset");
    });

    test.each([0, 65536, 80.5])('with the port %p', port => {
      expect(() => http({ route: [{ host: reviews, port }] })).toThrow(`VirtualService 'test/Vs': http[0].route[0].port: port number ${port}`);
    });

    test.each([-1, 101, 12.5])('with the weight %p', weight => {
      expect(() => http({ route: [{ host: reviews, weight }] }))
        .toThrow(`VirtualService 'test/Vs': http[0].route[0]: weight must be an integer between 0 and 100, got ${weight}`);
    });

    test('with several destinations all weighing 0 (Istio\'s rule)', () => {
      expect(() => http({ route: [{ subset: v1, weight: 0 }, { subset: v2, weight: 0 }] }))
        .toThrow("VirtualService 'test/Vs': http[0].route: total destination weight = 0 (Istio's webhook rejects this)");
    });
  });
});

describe('mirrors', () => {
  test('the list, with and without a percentage', () => {
    expect(http({ route: [{ subset: v1 }], mirrors: [{ subset: v2, percentage: 12.5 }, { host: Host.fromName('audit'), port: 8080 }] }).mirrors).toEqual([
      { destination: { host: 'reviews', subset: 'v2' }, percentage: { value: 12.5 } },
      { destination: { host: 'audit', port: { number: 8080 } } },
    ]);
  });

  test('a single mirror is written as the legacy mirror and mirrorPercentage', () => {
    const route = http({ route: [{ subset: v1 }], mirror: { subset: v2, percentage: 100 } });
    expect(route.mirror).toEqual({ host: 'reviews', subset: 'v2' });
    expect(route.mirrorPercentage).toEqual({ value: 100 });
    expect(http({ route: [{ subset: v1 }], mirror: { subset: v2 } }).mirrorPercentage).toBeUndefined();
  });

  test.each([-1, 100.5])('fails with the percentage %p', percentage => {
    expect(() => http({ route: [{ subset: v1 }], mirrors: [{ subset: v2, percentage }] }))
      .toThrow(`VirtualService 'test/Vs': http[0].mirrors[0].percentage must be a number between 0 and 100, got ${percentage}`);
  });

  test('fails with a percentage finer than Istio counts', () => {
    expect(() => http({ route: [{ subset: v1 }], mirror: { subset: v2, percentage: 0.00001 } }))
      .toThrow("VirtualService 'test/Vs': http[0].mirror.percentage must be 0 or at least 0.0001 (Istio's precision), got 0.00001");
  });
});
