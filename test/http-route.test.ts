import { Duration, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import {
  DestinationRule, GrpcStatus, Host, HttpMethod, HttpRouteOptions, IstioValidation, RetryOn, StringMatch, VirtualService, VirtualServiceProps,
} from '../src';

const reviews = Host.fromName('reviews');
const v1 = { subsetName: 'v1', host: reviews };

function http(options: HttpRouteOptions, props: VirtualServiceProps = {}): any {
  const chart = Testing.chart();
  IstioValidation.disableAnalysis(chart);
  new VirtualService(chart, 'Vs', { hosts: [reviews], ...props, http: [options] });
  return Testing.synth(chart)[0].spec.http[0];
}

describe('HttpRoute', () => {
  test('a full route, every part rendered', () => {
    const chart = Testing.chart();
    IstioValidation.disableAnalysis(chart);
    new VirtualService(chart, 'Vs', {
      hosts: [reviews],
      http: [{
        name: 'api',
        match: [{ uri: StringMatch.prefix('/api/') }],
        route: [{ subset: v1 }],
        rewrite: { uri: '/' },
        timeout: Duration.seconds(3),
        retries: { attempts: 2, retryOn: [RetryOn.GATEWAY_ERROR] },
        fault: { abort: { grpcStatus: GrpcStatus.UNAVAILABLE, percentage: 1 } },
        mirrors: [{ host: Host.fromName('shadow'), percentage: 5 }],
        corsPolicy: { allowOrigins: [StringMatch.exact('https://a.example.com')], allowMethods: [HttpMethod.GET] },
        headers: { response: { remove: ['server'] } },
      }],
    });
    const [obj] = Testing.synth(chart);
    expect(obj.spec.http[0]).toEqual({
      name: 'api',
      match: [{ uri: { prefix: '/api/' } }],
      route: [{ destination: { host: 'reviews', subset: 'v1' } }],
      rewrite: { uri: '/' },
      timeout: '3s',
      retries: { attempts: 2, retryOn: 'gateway-error' },
      fault: { abort: { grpcStatus: 'UNAVAILABLE', percentage: { value: 1 } } },
      mirrors: [{ destination: { host: 'shadow' }, percentage: { value: 5 } }],
      corsPolicy: { allowOrigins: [{ exact: 'https://a.example.com' }], allowMethods: ['GET'] },
      headers: { response: { remove: ['server'] } },
    });
    expect(obj).toMatchSnapshot();
  });

  test('an empty route list is left out: a redirect alone', () => {
    expect(http({ route: [], redirect: { uri: '/x' } })).toEqual({ redirect: { uri: '/x' } });
  });

  test('a delegating route may carry defaults for the delegate\'s routes', () => {
    const chart = Testing.chart();
    expect(http({ delegate: VirtualService.fromVirtualServiceName(chart, 'D', 'd'), timeout: Duration.seconds(1) })).toEqual({ delegate: { name: 'd' }, timeout: '1s' });
  });

  describe('fails', () => {
    test('when it does nothing', () => {
      expect(() => http({ name: 'x' }))
        .toThrow("VirtualService 'test/Vs': http[0] does nothing; give one of route (destinations), redirect, directResponse or delegate");
    });

    test('when it does two things', () => {
      expect(() => http({ route: [{ subset: v1 }], redirect: { uri: '/x' } }))
        .toThrow("VirtualService 'test/Vs': http[0] has route and redirect; a route does one of them: keep one");
      expect(() => http({ directResponse: { status: 200 }, delegate: { virtualServiceName: 'd' } }))
        .toThrow("VirtualService 'test/Vs': http[0] has directResponse and delegate; a route does one of them: keep one");
    });

    test('with a redirect and a fault', () => {
      expect(() => http({ redirect: { uri: '/x' }, fault: { abort: { httpStatus: 500 } } }))
        .toThrow("VirtualService 'test/Vs': http[0] answers with a redirect, which cannot go with fault; forward with route instead, or drop it");
    });

    test('with a direct response and a rewrite', () => {
      expect(() => http({ directResponse: { status: 200 }, rewrite: { uri: '/' } }))
        .toThrow("VirtualService 'test/Vs': http[0] answers with a direct response, which cannot go with rewrite");
    });

    test('with both mirror and mirrors', () => {
      expect(() => http({ route: [{ subset: v1 }], mirror: { host: reviews }, mirrors: [{ host: reviews }] }))
        .toThrow("VirtualService 'test/Vs': http[0] has both mirror and mirrors; put every mirror in mirrors");
    });

    test('with a timeout under 1ms (Istio\'s rule)', () => {
      expect(() => http({ route: [{ subset: v1 }], timeout: Duration.millis(0) }))
        .toThrow("VirtualService 'test/Vs': http[0].timeout: duration must be greater than 1ms (Istio's webhook rejects this)");
    });

    test('the second route is named by its index', () => {
      const vs = new VirtualService(Testing.chart(), 'Vs', { hosts: [reviews], http: [{ route: [{ host: reviews }] }] });
      expect(() => vs.addHttpRoute({})).toThrow("VirtualService 'test/Vs': http[1] does nothing");
    });
  });
});

describe('any route props', () => {
  /** Undefined mostly, `arb` one time in `n`. */
  const rarely = <T>(arb: fc.Arbitrary<T>, n = 6) => fc.oneof({ weight: n - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
  /** Often undefined, else `arb`. */
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  /** A valid value mostly, an invalid one now and then. */
  const mostly = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>) =>
    fc.oneof({ weight: 9, arbitrary: valid }, { weight: 1, arbitrary: invalid });
  const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,6}[a-z0-9]$/);
  const port = mostly(fc.integer({ min: 1, max: 65535 }), fc.constantFrom(0, 70000));
  const percent = mostly(
    fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0.001, max: 100, noNaN: true })),
    fc.constantFrom(-1, 100.5, 0.00001));
  const stringMatch = fc.oneof(
    label.map(v => StringMatch.exact(v)), label.map(v => StringMatch.prefix(`/${v}`)), label.map(v => StringMatch.regex(`${v}.*`)));
  const match = fc.record({
    uri: maybe(stringMatch),
    method: maybe(fc.constantFrom('GET', 'POST').map(m => StringMatch.exact(m))),
    headers: maybe(fc.dictionary(label, stringMatch, { maxKeys: 2 })),
    presentHeaders: rarely(fc.array(label, { maxLength: 2 })),
    absentHeaders: rarely(fc.array(label, { maxLength: 1 })),
    port: rarely(port),
    sourceLabels: maybe(fc.dictionary(label, label, { maxKeys: 2 })),
    ignoreUriCase: maybe(fc.boolean()),
  }, { requiredKeys: [] });
  const destination = fc.record({
    subset: maybe(fc.constantFrom('v1', 'v2', 'v3')),
    port: rarely(port),
    weight: mostly(fc.integer({ min: 0, max: 100 }), fc.constantFrom(-1, 101)),
    headers: rarely(fc.record({ request: fc.record({ set: fc.dictionary(label, label, { maxKeys: 2 }) }) })),
  }, { requiredKeys: [] });
  const route = fc.record({
    name: maybe(label),
    match: maybe(fc.array(match, { maxLength: 2 })),
    route: mostly(fc.array(destination, { minLength: 1, maxLength: 3 }), fc.array(destination, { maxLength: 0 })),
    redirect: rarely(fc.record({
      uri: maybe(label.map(l => `/${l}`)),
      redirectCode: maybe(mostly(fc.constantFrom(301, 302, 307, 308), fc.constantFrom(250, 420))),
    }, { requiredKeys: [] }), 10),
    directResponse: rarely(fc.record({ status: mostly(fc.integer({ min: 200, max: 599 }), fc.constantFrom(150, 650)), body: maybe(label) }), 10),
    timeoutMs: maybe(mostly(fc.integer({ min: 1, max: 100_000 }), fc.constant(0))),
    retries: rarely(fc.record({
      attempts: mostly(fc.integer({ min: 1, max: 5 }), fc.constantFrom(-1, 0)),
      retryOn: fc.subarray([RetryOn.FIVE_XX, RetryOn.RESET, RetryOn.UNAVAILABLE]),
    }), 3),
    fault: rarely(fc.record({
      delay: maybe(fc.record({ ms: fc.integer({ min: 1, max: 10_000 }), percentage: maybe(percent) })),
      abort: maybe(fc.record({ httpStatus: mostly(fc.integer({ min: 200, max: 599 }), fc.constantFrom(150, 650)), percentage: maybe(percent) })),
    }), 4),
    mirrorPercentages: rarely(fc.array(percent, { maxLength: 2 }), 4),
  }, { requiredKeys: [] });

  test('synthesize to objects the validator accepts, or fail at once with the VirtualService\'s own error', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {}); // warnings (weights not adding up to 100...) are fine
    let accepted = 0;
    let refused = 0;
    fc.assert(fc.property(fc.array(route, { minLength: 1, maxLength: 3 }), routes => {
      const chart = Testing.chart();
      const host = Host.fromService('reviews', 'shop');
      const rule = new DestinationRule(chart, 'Rule', { host, metadata: { namespace: 'shop' } });
      const subsets = Object.fromEntries(['v1', 'v2', 'v3'].map(name => [name, rule.addSubset(name, { labels: { version: name } })]));
      const vs = new VirtualService(chart, 'Vs', { hosts: [host], metadata: { namespace: 'shop' } });
      let added = 0;
      for (const r of routes) {
        const options: HttpRouteOptions = {
          name: r.name,
          match: r.match,
          route: r.route?.map(d => ({
            host: d.subset ? undefined : host, subset: d.subset ? subsets[d.subset] : undefined, port: d.port, weight: d.weight, headers: d.headers,
          })),
          redirect: r.redirect,
          directResponse: r.directResponse,
          timeout: r.timeoutMs === undefined ? undefined : Duration.millis(r.timeoutMs),
          retries: r.retries,
          fault: r.fault && {
            delay: r.fault.delay && { fixedDelay: Duration.millis(r.fault.delay.ms), percentage: r.fault.delay.percentage },
            abort: r.fault.abort,
          },
          mirrors: r.mirrorPercentages?.map(percentage => ({ subset: subsets.v3, percentage })),
        };
        try {
          vs.addHttpRoute(options);
          added++;
        } catch (e) {
          expect((e as Error).message).toMatch(/^VirtualService 'test\/Vs': http\[\d+\]/);
          refused++;
        }
      }
      accepted += added;
      if (added === 0) vs.addHttpRoute({ route: [{ host }] });
      const manifest = Testing.synth(chart); // throws on any validation error
      expect(IstioValidation.validate(manifest).filter(d => d.severity === 'error')).toEqual([]);
    }), { numRuns: 150 });
    warn.mockRestore();
    // both sides of the property were exercised
    expect(accepted).toBeGreaterThan(40);
    expect(refused).toBeGreaterThan(40);
  });
});
