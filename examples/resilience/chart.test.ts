import { Testing } from 'cdk8s';
import { buildApp } from './chart';
import { RouteSimulator } from '../../src';
import { synthValidateAndRead } from '../../test/support/synth-and-validate';

describe('examples/resilience', () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  afterAll(() => warn.mockRestore());
  const app = buildApp(Testing.app());
  const objects = app.charts.flatMap(chart => Testing.synth(chart));
  const istio = objects.filter(o => o.apiVersion === 'networking.istio.io/v1');
  const find = (kind: string, name: string) => istio.find(o => o.kind === kind && o.metadata.name === name);

  test('synth prints no validation warning', () => {
    expect(warn).not.toHaveBeenCalled();
  });

  test('matches its snapshot', () => {
    expect(objects).toMatchSnapshot();
  });

  test('the DestinationRule has the pool, outlier detection, failover and ISTIO_MUTUAL; the route the timeout and retries', () => {
    const rule = find('DestinationRule', 'global-service');
    expect(rule.metadata.namespace).toBe('default');
    expect(rule.spec.trafficPolicy.loadBalancer).toEqual({ localityLbSetting: { enabled: true, failover: [{ from: 'us-east-1', to: 'us-west-1' }] } });
    expect(rule.spec.trafficPolicy.connectionPool.tcp).toEqual({ maxConnections: 100, connectTimeout: '30ms' });
    expect(rule.spec.trafficPolicy.outlierDetection.minHealthPercent).toBe(40);
    expect(rule.spec.trafficPolicy.tls).toEqual({ mode: 'ISTIO_MUTUAL' });
    const route = find('VirtualService', 'global-service').spec.http[0];
    expect([route.timeout, route.retries]).toEqual(['5s', { attempts: 3, perTryTimeout: '1s' }]);
  });

  test('app.synth() writes YAML the CLI validates with no errors and no warnings', () => {
    const { verdict, documents } = synthValidateAndRead(buildApp);
    expect(documents).toEqual(objects);
    expect({ status: verdict.status, out: verdict.out }).toEqual({ status: 0, out: expect.stringContaining('0 errors, 0 warnings') });
  });

  describe('routing', () => {
    const routes = RouteSimulator.fromApp(app);
    const request = { host: 'global-service', port: 8080 };

    test('every request goes to global-service, on the route default', () => {
      routes.expect(request).toVirtualService('global-service', 'default').toDestination('global-service', undefined, 100);
    });

    test('with a 5s timeout and 3 retries of up to 1s, not the mesh default of 2 retries', () => {
      expect(routes.route(request)).toMatchObject({ timeout: '5s', retries: { attempts: 3, perTryTimeout: '1s', meshDefault: false } });
    });
  });
});
