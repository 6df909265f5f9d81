import { Chart, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-32';
import * as fc from 'fast-check';
import { BlueGreenColor, BlueGreenService, BlueGreenServiceProps, Gateway, Host, IHost, ResilienceProfile, RouteSimulator, ServiceVersion, StringMatch } from '../../src';
import { synthIstio } from '../support/synth-clean';

/** A chart with the Service `payment` in `shop` and one Deployment per colour. */
function appChart(colours: string[] = ['blue', 'green']): { chart: Chart; host: IHost; deployments: kplus.Deployment[] } {
  const chart = Testing.chart();
  const service = new kplus.Service(chart, 'Service', { metadata: { name: 'payment', namespace: 'shop' }, ports: [{ port: 8080, name: 'http' }] });
  service.selectLabel('app', 'payment');
  const deployments = colours.map(colour => new kplus.Deployment(chart, `payment-${colour}`, {
    metadata: { namespace: 'shop' },
    podMetadata: { labels: { app: 'payment', version: colour } },
    containers: [{ image: `example/payment:${colour}`, portNumber: 8080 }],
  }));
  return { chart, host: Host.fromKubeService(service), deployments };
}


function build(props: Partial<BlueGreenServiceProps> = {}, colours?: string[]) {
  const { chart, host } = appChart(colours);
  const service = new BlueGreenService(chart, 'Payment', { host, namespace: 'shop', active: BlueGreenColor.BLUE, ...props });
  const [rule, vs] = synthIstio(chart);
  return { chart, service, rule, vs };
}

const dest = (subset: string) => ({ host: 'payment.shop.svc.cluster.local', subset });
const RESILIENCE = {
  timeout: '10s',
  retries: { attempts: 2, perTryTimeout: '3s', retryOn: 'connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes' },
};

describe('BlueGreenService', () => {
  test('defaults: subsets blue and green, all traffic on the active one, ISTIO_MUTUAL, the standard profile', () => {
    const { service, rule, vs } = build();

    expect(rule).toEqual({
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name: 'payment', namespace: 'shop' },
      spec: {
        host: 'payment.shop.svc.cluster.local',
        trafficPolicy: {
          tls: { mode: 'ISTIO_MUTUAL' },
          outlierDetection: { consecutive5xxErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 50 },
        },
        subsets: [{ name: 'blue', labels: { version: 'blue' } }, { name: 'green', labels: { version: 'green' } }],
      },
    });
    expect(vs.metadata).toEqual({ name: 'payment', namespace: 'shop' });
    expect(vs.spec).toEqual({
      hosts: ['payment.shop.svc.cluster.local'],
      http: [{ name: 'primary', route: [{ destination: dest('blue'), weight: 100 }], ...RESILIENCE }],
    });
    expect([service.activeSubset.subsetName, service.idleSubset.subsetName]).toEqual(['blue', 'green']);
    expect([service.blueSubset.subsetName, service.greenSubset.subsetName]).toEqual(['blue', 'green']);
    expect([service.routeName, service.routeNames]).toEqual(['primary', ['primary']]);
  });

  test('switching is the one line `active`: only the route\'s subset changes', () => {
    const blue = build({ active: BlueGreenColor.BLUE });
    const green = build({ active: BlueGreenColor.GREEN });
    expect(green.rule).toEqual(blue.rule);
    expect(green.vs.spec.http[0].route).toEqual([{ destination: dest('green'), weight: 100 }]);
    expect({ ...green.vs.spec.http[0], route: undefined }).toEqual({ ...blue.vs.spec.http[0], route: undefined });
    expect([green.service.activeSubset.subsetName, green.service.idleSubset.subsetName]).toEqual(['green', 'blue']);
  });

  test('colours of your own, from cdk8s-plus Deployments', () => {
    const { chart, host, deployments } = appChart(['v1', 'v2']);
    new BlueGreenService(chart, 'Payment', {
      host,
      namespace: 'shop',
      blue: ServiceVersion.fromWorkload('v1', deployments[0]),
      green: ServiceVersion.fromWorkload('v2', deployments[1]),
      active: BlueGreenColor.GREEN,
    });
    const [rule, vs] = synthIstio(chart);
    expect(rule.spec.subsets).toEqual([{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v2' } }]);
    expect(vs.spec.http[0].route).toEqual([{ destination: dest('v2'), weight: 100 }]);
  });

  test('previewHeaders: a route to the idle colour ahead of the active one', () => {
    const { service, vs } = build({ active: BlueGreenColor.GREEN, previewHeaders: { 'x-preview': StringMatch.exact('true') } });
    expect(service.routeNames).toEqual(['preview', 'primary']);
    expect(vs.spec.http[0]).toEqual({
      name: 'preview',
      match: [{ headers: { 'x-preview': { exact: 'true' } } }],
      route: [{ destination: dest('blue') }],
      ...RESILIENCE,
    });
  });

  test('mirrorPercentage copies the active colour\'s requests to the idle one', () => {
    const { vs } = build({ mirrorPercentage: 20 });
    expect(vs.spec.http[0].mirrors).toEqual([{ destination: dest('green'), percentage: { value: 20 } }]);
  });

  test('a scoped fault injection gets its own first route to the active colour', () => {
    const { service, vs } = build({
      previewHeaders: { 'x-preview': StringMatch.exact('true') },
      faultInjection: { match: [{ headers: { 'x-chaos': StringMatch.exact('on') } }], delay: { fixedDelay: Duration.seconds(3), percentage: 50 } },
    });
    expect(service.routeNames).toEqual(['fault-injection', 'preview', 'primary']);
    expect(vs.spec.http[0]).toEqual({
      name: 'fault-injection',
      match: [{ headers: { 'x-chaos': { exact: 'on' } } }],
      route: [{ destination: dest('blue'), weight: 100 }],
      fault: { delay: { fixedDelay: '3s', percentage: { value: 50 } } },
      ...RESILIENCE,
    });
  });

  test('an unscoped fault injection is set on every route', () => {
    const { vs } = build({ previewHeaders: { 'x-preview': StringMatch.exact('true') }, faultInjection: { abort: { httpStatus: 500, percentage: 2 } } });
    expect(vs.spec.http.map((r: any) => [r.name, r.fault])).toEqual([
      ['preview', { abort: { httpStatus: 500, percentage: { value: 2 } } }],
      ['primary', { abort: { httpStatus: 500, percentage: { value: 2 } } }],
    ]);
  });

  test('resilience and trafficPolicy', () => {
    const { rule, vs } = build({ resilience: ResilienceProfile.longRunning(), trafficPolicy: { connectionPool: { tcp: { maxConnections: 50 } } } });
    expect(vs.spec.http[0].timeout).toBe('60s');
    expect(rule.spec.trafficPolicy.connectionPool).toEqual({ tcp: { maxConnections: 50 } });
    expect(rule.spec.trafficPolicy.tls).toEqual({ mode: 'ISTIO_MUTUAL' });
  });

  test('name, exportTo and routeName', () => {
    const { rule, vs } = build({ name: 'payment-bg', exportTo: ['*'], routeName: 'live' });
    expect([rule.metadata.name, vs.metadata.name, rule.spec.exportTo, vs.spec.exportTo, vs.spec.http[0].name])
      .toEqual(['payment-bg', 'payment-bg', ['*'], ['*'], 'live']);
  });

  test('snapshot: green active, preview, mirror', () => {
    const { chart } = build({ active: BlueGreenColor.GREEN, previewHeaders: { 'x-preview': StringMatch.exact('true') }, mirrorPercentage: 10 });
    expect(Testing.synth(chart).filter(obj => obj.apiVersion === 'networking.istio.io/v1')).toMatchSnapshot();
  });

  describe('fails', () => {
    const { chart, host } = appChart();
    let n = 0;
    const make = (extra: Partial<BlueGreenServiceProps>) => () => new BlueGreenService(chart, `B${n++}`, { host, active: BlueGreenColor.BLUE, ...extra });

    test('on an unknown active colour', () => {
      expect(make({ active: 'RED' as BlueGreenColor })).toThrow(
        /^BlueGreenService 'test\/B\d+': active must be BlueGreenColor.BLUE or BlueGreenColor.GREEN, got "RED"$/);
    });

    test('on two colours of one name', () => {
      expect(make({ green: ServiceVersion.fromLabels('blue', { colour: 'green' }) })).toThrow(
        'blue and green are both named "blue"; give the colours different names (e.g. \'blue\' and \'green\')');
    });

    test('on a mirror percentage outside 0..100', () => {
      expect(make({ mirrorPercentage: 101 })).toThrow('mirrorPercentage must be a number between 0 and 100, got 101');
    });

    test('on empty previewHeaders', () => {
      expect(make({ previewHeaders: {} })).toThrow('previewHeaders is empty');
    });

    test('on a routeName the pattern uses itself', () => {
      expect(make({ routeName: 'preview' })).toThrow(
        'routeName must be a non-empty name other than the pattern\'s own routes (fault-injection, preview), got "preview"');
    });

    test('without a host', () => {
      expect(make({ host: undefined as any })).toThrow('host is required: pass Host.fromService(name, namespace) or Host.fromKubeService(service)');
    });
  });

  test('property: any valid props synthesize without error or warning', () => {
    fc.assert(fc.property(
      fc.record({
        active: fc.constantFrom(BlueGreenColor.BLUE, BlueGreenColor.GREEN),
        mirror: fc.option(fc.integer({ min: 0, max: 1000 }).map(n => n / 10), { nil: undefined }),
        preview: fc.boolean(),
        fault: fc.constantFrom('none', 'scoped', 'unscoped'),
        profile: fc.constantFrom(ResilienceProfile.standard(), ResilienceProfile.latencySensitive(), ResilienceProfile.none()),
      }),
      p => {
        const { chart, host } = appChart();
        new BlueGreenService(chart, 'Payment', {
          host,
          namespace: 'shop',
          active: p.active,
          mirrorPercentage: p.mirror,
          previewHeaders: p.preview ? { 'x-preview': StringMatch.exact('true') } : undefined,
          faultInjection: p.fault === 'scoped' ? { match: [{ headers: { 'x-chaos': StringMatch.exact('on') } }], abort: { httpStatus: 503 } }
            : p.fault === 'unscoped' ? { abort: { httpStatus: 503, percentage: 0.5 } } : undefined,
          resilience: p.profile,
        });
        synthIstio(chart);
      },
    ), { numRuns: 40 });
  });
});

describe('BlueGreenService at a gateway (gateways, externalHosts)', () => {
  test('a Gateway construct of the app: the active colour answers at the edge, the preview header reaches the other (snapshot)', () => {
    const { chart, host } = appChart();
    const web = new Gateway(chart, 'Web', { metadata: { name: 'public', namespace: 'istio-system' } });
    web.addHttpsServer({ hosts: ['pay.example.com'], credentialName: 'pay-cert' });
    new BlueGreenService(chart, 'Payment', {
      host,
      namespace: 'shop',
      active: BlueGreenColor.GREEN,
      previewHeaders: { 'x-preview': StringMatch.exact('true') },
      gateways: [web],
      externalHosts: ['pay.example.com'],
    });
    const vs = synthIstio(chart).find(obj => obj.kind === 'VirtualService');
    expect(vs.spec.hosts).toEqual(['payment.shop.svc.cluster.local', 'pay.example.com']);
    expect(vs.spec.gateways).toEqual(['istio-system/public']);
    expect(Testing.synth(chart)).toMatchSnapshot();

    const routes = RouteSimulator.fromApp(chart);
    const atGateway = { gateway: 'istio-system/public', host: 'pay.example.com', scheme: 'https' };
    routes.expect(atGateway).toSubset('payment.shop.svc.cluster.local', 'green');
    routes.expect({ ...atGateway, headers: { 'x-preview': 'true' } }).toSubset('payment.shop.svc.cluster.local', 'blue');
  });

  test('an imported gateway: rendered as namespace/name, clean', () => {
    const { chart, host } = appChart();
    new BlueGreenService(chart, 'Payment', {
      host,
      namespace: 'shop',
      active: BlueGreenColor.BLUE,
      gateways: [Gateway.fromGatewayName(chart, 'Public', 'istio-system/public')],
      externalHosts: ['pay.example.com'],
    });
    const vs = synthIstio(chart).find(obj => obj.kind === 'VirtualService');
    expect(vs.spec.gateways).toEqual(['istio-system/public']);
    RouteSimulator.fromApp(chart).expect({ gateway: 'istio-system/public', host: 'pay.example.com' }).toSubset('payment.shop.svc.cluster.local', 'blue');
  });

  test('fails on an overlapping external host', () => {
    expect(() => build({ externalHosts: ['payment.shop.svc.cluster.local'] })).toThrow(/BlueGreenService '.*Payment': externalHosts\[0\] .* overlaps host/);
  });
});
