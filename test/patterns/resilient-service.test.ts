import { ApiObject, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-32';
import { Construct } from 'constructs';
import * as fc from 'fast-check';
import { Host, IstioValidation, LoadBalancer, LocalityLbSetting, ResilienceProfile, ResilientService, StringMatch, TlsMode } from '../../src';

/** A chart with the reviews Service in namespace shop, as a user declares it. */
function setup() {
  const chart = Testing.chart();
  const service = new kplus.Service(chart, 'ReviewsService', { metadata: { name: 'reviews', namespace: 'shop' }, ports: [{ port: 9080 }] });
  return { chart, host: Host.fromKubeService(service) };
}

/** Synthesizes, failing on any validation warning (errors already throw). */
function synth(chart: Construct) {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    const objects = Testing.synth(chart as any);
    expect(warn).not.toHaveBeenCalled();
    expect(IstioValidation.validate(objects)).toEqual([]);
    return objects;
  } finally {
    warn.mockRestore();
  }
}

const byKind = (objects: any[], kind: string) => objects.find(o => o.kind === kind);

describe('ResilientService', () => {
  test('defaults: standard profile, ISTIO_MUTUAL, named after the service in its namespace', () => {
    const { chart, host } = setup();
    const service = new ResilientService(chart, 'Reviews', { host });
    const objects = synth(chart);
    const rule = byKind(objects, 'DestinationRule');
    const vs = byKind(objects, 'VirtualService');
    expect(rule.metadata).toEqual({ name: 'reviews', namespace: 'shop' });
    expect(vs.metadata).toEqual({ name: 'reviews', namespace: 'shop' });
    expect(rule.spec).toEqual({
      host: 'reviews.shop.svc.cluster.local',
      trafficPolicy: {
        outlierDetection: { consecutive5xxErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 50 },
        tls: { mode: 'ISTIO_MUTUAL' },
      },
    });
    expect(vs.spec).toEqual({
      hosts: ['reviews.shop.svc.cluster.local'],
      http: [{
        name: 'default',
        route: [{ destination: { host: 'reviews.shop.svc.cluster.local' } }],
        timeout: '10s',
        retries: { attempts: 2, perTryTimeout: '3s', retryOn: 'connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes' },
      }],
    });
    expect(service.resilience.profileName).toBe('standard');
    expect(service.faultRoute).toBeUndefined();
    expect(service.defaultRoute.name).toBe('default');
    expect(ApiObject.of(service.destinationRule).kind).toBe('DestinationRule');
    expect(objects).toMatchSnapshot();
  });

  test('locality failover, connection pool, load balancer, port, name, namespace, exportTo', () => {
    const { chart } = setup();
    const host = Host.fromExternalName(chart, 'GlobalHost', 'global.default.svc.cluster.local');
    new ResilientService(chart, 'Global', {
      host,
      name: 'global-service',
      namespace: 'default',
      port: 8080,
      exportTo: ['*'],
      loadBalancer: LoadBalancer.roundRobin(),
      resilience: ResilienceProfile.latencySensitive().with({
        connectionPool: { tcp: { maxConnections: 100 }, http: { http1MaxPendingRequests: 50 } },
      }),
      locality: { enabled: true, failover: [{ from: 'us-east-1', to: 'us-west-1' }] },
    });
    const objects = synth(chart);
    const rule = byKind(objects, 'DestinationRule');
    expect(rule.metadata.name).toBe('global-service');
    expect(rule.spec.exportTo).toEqual(['*']);
    expect(rule.spec.trafficPolicy.loadBalancer).toEqual({
      simple: 'ROUND_ROBIN',
      localityLbSetting: { enabled: true, failover: [{ from: 'us-east-1', to: 'us-west-1' }] },
    });
    expect(rule.spec.trafficPolicy.connectionPool).toEqual({ tcp: { maxConnections: 100 }, http: { http1MaxPendingRequests: 50 } });
    expect(rule.spec.trafficPolicy.outlierDetection.consecutive5xxErrors).toBe(3);
    const vs = byKind(objects, 'VirtualService');
    expect(vs.spec.http[0].route).toEqual([{ destination: { host: 'global.default.svc.cluster.local', port: { number: 8080 } } }]);
    expect(vs.spec.http[0].timeout).toBe('2s');
    expect(objects).toMatchSnapshot();
  });

  test('locality distribution needs no outlier detection', () => {
    const { chart, host } = setup();
    new ResilientService(chart, 'Reviews', {
      host,
      resilience: ResilienceProfile.none(),
      locality: { distribute: [{ from: 'us-east-1/us-east-1a/*', to: { 'us-east-1/us-east-1a/*': 80, 'us-east-1/us-east-1b/*': 20 } }] },
    });
    const rule = byKind(synth(chart), 'DestinationRule');
    expect(rule.spec.trafficPolicy).toEqual({
      loadBalancer: { localityLbSetting: { distribute: [{ from: 'us-east-1/us-east-1a/*', to: { 'us-east-1/us-east-1a/*': 80, 'us-east-1/us-east-1b/*': 20 } }] } },
      tls: { mode: 'ISTIO_MUTUAL' },
    });
  });

  test('tls can be set, e.g. DISABLE for a service without a sidecar', () => {
    const { chart, host } = setup();
    new ResilientService(chart, 'Reviews', { host, tls: { mode: TlsMode.DISABLE } });
    expect(byKind(synth(chart), 'DestinationRule').spec.trafficPolicy.tls).toEqual({ mode: 'DISABLE' });
  });

  test('a short host name gives no namespace', () => {
    const chart = Testing.chart();
    new kplus.Service(chart, 'S', { metadata: { name: 'reviews' }, ports: [{ port: 9080 }] });
    new ResilientService(chart, 'Reviews', { host: Host.fromName('reviews') });
    expect(byKind(synth(chart), 'VirtualService').metadata).toEqual({ name: 'reviews' });
  });

  test('fault injection comes first, to the same destination', () => {
    const { chart, host } = setup();
    const service = new ResilientService(chart, 'Reviews', {
      host,
      faultInjection: { match: [{ headers: { 'x-chaos': StringMatch.exact('on') } }], abort: { httpStatus: 503 } },
    });
    const vs = byKind(synth(chart), 'VirtualService');
    expect(vs.spec.http.map((r: any) => r.name)).toEqual(['fault-injection', 'default']);
    expect(vs.spec.http[0]).toEqual({
      name: 'fault-injection',
      match: [{ headers: { 'x-chaos': { exact: 'on' } } }],
      fault: { abort: { httpStatus: 503, percentage: { value: 100 } } },
      route: [{ destination: { host: 'reviews.shop.svc.cluster.local' } }],
    });
    expect(service.faultRoute?.name).toBe('fault-injection');
  });

  test('a fault scoped by percentages alone goes on the default route, which keeps its timeout and retries', () => {
    const { chart, host } = setup();
    const service = new ResilientService(chart, 'Reviews', { host, faultInjection: { delay: { fixedDelay: Duration.seconds(2), percentage: 10 } } });
    const vs = byKind(synth(chart), 'VirtualService');
    expect(vs.spec.http).toHaveLength(1);
    expect(vs.spec.http[0].fault).toEqual({ delay: { fixedDelay: '2s', percentage: { value: 10 } } });
    expect(vs.spec.http[0].timeout).toBe('10s');
    expect(service.faultRoute).toBeUndefined();
  });

  test('fails on failover without outlier detection', () => {
    const { chart, host } = setup();
    expect(() => new ResilientService(chart, 'Reviews', {
      host, resilience: ResilienceProfile.none(), locality: { failover: [{ from: 'us-east-1', to: 'us-west-1' }] },
    })).toThrow("ResilientService 'test/Reviews': locality failover needs outlier detection (Istio fails over only when it ejects the local endpoints), "
      + "but the resilience profile 'none' has none; use a profile with outlierDetection, e.g. ResilienceProfile.standard()");
  });

  test('fails on failoverPriority without outlier detection too', () => {
    const { chart, host } = setup();
    expect(() => new ResilientService(chart, 'Reviews', {
      host, resilience: ResilienceProfile.none(), locality: { failoverPriority: ['topology.kubernetes.io/region'] },
    })).toThrow(/locality failover needs outlier detection/);
  });

  test('fails on distribute with failover', () => {
    const { chart, host } = setup();
    expect(() => new ResilientService(chart, 'Reviews', {
      host,
      locality: { distribute: [{ from: 'us-east-1/*', to: { 'us-east-1/*': 100 } }], failover: [{ from: 'us-east-1', to: 'us-west-1' }] },
    })).toThrow("ResilientService 'test/Reviews': locality sets both 'distribute' and 'failover', which Istio rejects; keep one of them");
  });

  test('fails on an unscoped fault injection', () => {
    const { chart, host } = setup();
    expect(() => new ResilientService(chart, 'Reviews', { host, faultInjection: { abort: { httpStatus: 503 } } }))
      .toThrow(/^ResilientService 'test\/Reviews': faultInjection: abort has no percentage and no match limits it/);
  });

  test('property: any profile, locality and port synthesizes validator-clean', () => {
    const profile = fc.constantFrom(ResilienceProfile.standard(), ResilienceProfile.latencySensitive(), ResilienceProfile.longRunning());
    const locality = fc.option(fc.oneof<fc.Arbitrary<LocalityLbSetting>[]>(
      fc.constant({ failover: [{ from: 'us-east-1', to: 'us-west-1' }] }),
      fc.constant({ failoverPriority: ['topology.kubernetes.io/region', 'topology.kubernetes.io/zone'] }),
      fc.constant({ distribute: [{ from: 'eu-west-1/*', to: { 'eu-west-1/*': 70, 'eu-central-1/*': 30 } }] }),
      fc.constant({ enabled: false }),
    ), { nil: undefined });
    const maxConnections = fc.option(fc.integer({ min: 1, max: 10000 }), { nil: undefined });
    fc.assert(fc.property(profile, locality, maxConnections, fc.boolean(), (p, l, max, withFault) => {
      const { chart, host } = setup();
      new ResilientService(chart, 'Reviews', {
        host,
        port: 9080,
        resilience: max === undefined ? p : p.with({ connectionPool: { tcp: { maxConnections: max } } }),
        locality: l,
        faultInjection: withFault ? { delay: { fixedDelay: Duration.seconds(1), percentage: 5 } } : undefined,
      });
      synth(chart);
    }), { numRuns: 25 });
  });
});
