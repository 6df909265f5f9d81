import { Testing } from 'cdk8s';
import { BlueGreenChart } from './chart';
import { BlueGreenColor, RouteSimulator } from '../../src';
import { seedObjects } from '../../test/support/pinned';
import { synthAndValidate } from '../../test/support/synth-and-validate';

const istioOf = (manifest: any[]) => manifest.filter(obj => obj.apiVersion === 'networking.istio.io/v1');
const dest = (subset: string) => ({ host: 'payment.default.svc.cluster.local', subset });

describe('examples/blue-green: the seed\'s blue-green deployment as a BlueGreenService', () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  afterAll(() => warn.mockRestore());
  const green = Testing.synth(new BlueGreenChart(Testing.app(), 'blue-green', BlueGreenColor.GREEN));
  const blue = Testing.synth(new BlueGreenChart(Testing.app(), 'blue-green', BlueGreenColor.BLUE));

  test('synth prints no warning', () => {
    expect(warn.mock.calls).toEqual([]);
  });

  test('the seed\'s host, subsets and green route, with the pattern\'s defaults on top', () => {
    const seedVs = seedObjects().find(obj => obj.kind === 'VirtualService' && obj.metadata.name === 'blue-green');
    const seedRule = seedObjects().find(obj => obj.kind === 'DestinationRule' && obj.metadata.name === 'payment-destination');
    const [rule, vs] = istioOf(green);
    expect(vs.spec.hosts).toEqual(seedVs.spec.hosts);
    expect(vs.spec.http[1].route).toEqual(seedVs.spec.http[0].route);
    expect(rule.spec.host).toEqual(seedRule.spec.host);
    expect(rule.spec.subsets).toEqual(seedRule.spec.subsets);
    expect(vs.spec.http[1]).toMatchObject({ name: 'primary', timeout: '10s', retries: { attempts: 2 } });
    expect(rule.spec.trafficPolicy).toMatchObject({ tls: { mode: 'ISTIO_MUTUAL' }, outlierDetection: { consecutive5xxErrors: 5 } });
  });

  test('x-preview: true reaches the idle colour', () => {
    const [, vs] = istioOf(green);
    expect(vs.spec.http[0]).toMatchObject({ name: 'preview', match: [{ headers: { 'x-preview': { exact: 'true' } } }], route: [{ destination: dest('blue') }] });
  });

  test('the rollback to blue swaps the two subsets in the routes, and changes nothing else', () => {
    const [greenRule, greenVs] = istioOf(green);
    const [blueRule, blueVs] = istioOf(blue);
    expect(blueRule).toEqual(greenRule);
    expect(blueVs.spec.http.map((r: any) => r.route)).toEqual([[{ destination: dest('green') }], [{ destination: dest('blue'), weight: 100 }]]);
    const swapped = JSON.parse(JSON.stringify(greenVs).replace(/"subset":"(blue|green)"/g, (_, c) => `"subset":"${c === 'blue' ? 'green' : 'blue'}"`));
    expect(blueVs).toEqual(swapped);
  });

  test.each([['green', green], ['blue', blue]])('%s active matches its snapshot', (_, manifest) => {
    expect(manifest).toMatchSnapshot();
  });

  test('app.synth() writes YAML that `cdk8s-istio validate` accepts with no error and no warning', () => {
    const verdict = synthAndValidate(app => new BlueGreenChart(app, 'blue-green'));
    expect(verdict).toEqual({ objects: 5, status: 0, out: expect.stringContaining('0 errors, 0 warnings') });
  });

  describe('routing', () => {
    const payment = { host: 'payment', port: 8080 };
    const preview = { ...payment, headers: { 'x-preview': 'true' } };
    const greenRoutes = RouteSimulator.fromApp(new BlueGreenChart(Testing.app(), 'blue-green', BlueGreenColor.GREEN));
    const blueRoutes = RouteSimulator.fromApp(new BlueGreenChart(Testing.app(), 'blue-green', BlueGreenColor.BLUE));

    test('every request goes to the active colour, green', () => {
      greenRoutes.expect(payment).toVirtualService('payment', 'primary').toSubset('payment', 'green');
    });

    test('x-preview: true reaches the idle colour, blue', () => {
      greenRoutes.expect(preview).toVirtualService('payment', 'preview').toSubset('payment', 'blue');
    });

    test('another x-preview value does not reach the idle colour', () => {
      greenRoutes.expect({ ...payment, headers: { 'x-preview': 'false' } }).toSubset('payment', 'green');
    });

    test('after the rollback to blue, every request goes to blue, and the preview to green', () => {
      blueRoutes.expect(payment).toSubset('payment', 'blue');
      blueRoutes.expect(preview).toSubset('payment', 'green');
    });
  });
});
