import { Duration, Testing } from 'cdk8s';
import { DestinationRule, Host, IstioValidation, OutlierDetection } from '../src';

function synthOutlier(outlierDetection: OutlierDetection): any[] {
  const chart = Testing.chart();
  new DestinationRule(chart, 'Rule', { metadata: { name: 'outlier' }, host: Host.fromName('reviews'), trafficPolicy: { outlierDetection } });
  return Testing.synth(chart);
}

describe('OutlierDetection', () => {
  test('every field is rendered with Istio\'s name, and validation accepts it', () => {
    const manifest = synthOutlier({
      consecutive5xxErrors: 5,
      consecutiveGatewayErrors: 3,
      consecutiveLocalOriginFailures: 4,
      splitExternalLocalOriginErrors: true,
      interval: Duration.seconds(10),
      baseEjectionTime: Duration.seconds(30),
      maxEjectionPercent: 50,
      minHealthPercent: 0,
    });
    expect(manifest[0].spec.trafficPolicy.outlierDetection).toEqual({
      consecutive5xxErrors: 5,
      consecutiveGatewayErrors: 3,
      consecutiveLocalOriginFailures: 4,
      splitExternalLocalOriginErrors: true,
      interval: '10s',
      baseEjectionTime: '30s',
      maxEjectionPercent: 50,
      minHealthPercent: 0,
    });
    expect(IstioValidation.validate(manifest)).toEqual([]);
    expect(manifest).toMatchSnapshot();
  });

  test('the deprecated consecutiveErrors is rendered and synth prints Istio\'s deprecation warning', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      const manifest = synthOutlier({ consecutiveErrors: 7 });
      expect(manifest[0].spec.trafficPolicy.outlierDetection).toEqual({ consecutiveErrors: 7 });
      expect(warn.mock.calls.map(call => String(call[0]))).toEqual([
        '[test/Rule/Resource] warning: IST0133 DestinationRule outlier: spec.trafficPolicy.outlierDetection.consecutiveErrors: '
        + 'outlier detection consecutive errors is deprecated, use consecutiveGatewayErrors or consecutive5xxErrors instead',
      ]);
    } finally {
      warn.mockRestore();
    }
  });

  test('an empty outlier detection is rendered as Istio reads it: on, with its defaults', () => {
    expect(synthOutlier({})[0].spec.trafficPolicy).toEqual({ outlierDetection: {} });
  });

  test.each([
    ['consecutive5xxErrors', { consecutive5xxErrors: -1 }, /trafficPolicy.outlierDetection.consecutive5xxErrors must be an integer between 0 and 4294967295, got -1/],
    ['consecutiveGatewayErrors', { consecutiveGatewayErrors: 1.5 }, /outlierDetection.consecutiveGatewayErrors must be an integer/],
    ['consecutiveLocalOriginFailures', { consecutiveLocalOriginFailures: -5 }, /outlierDetection.consecutiveLocalOriginFailures must be an integer/],
    ['consecutiveErrors', { consecutiveErrors: -1 }, /outlierDetection.consecutiveErrors must be an integer between 0 and 2147483647/],
    ['maxEjectionPercent', { maxEjectionPercent: 101 }, /outlierDetection.maxEjectionPercent must be an integer between 0 and 100, got 101/],
    ['minHealthPercent', { minHealthPercent: -1 }, /outlierDetection.minHealthPercent must be an integer between 0 and 100, got -1/],
    ['interval', { interval: Duration.millis(0) }, /outlierDetection.interval: duration must be greater than 1ms, got 0ms/],
    ['baseEjectionTime', { baseEjectionTime: Duration.millis(2.5) }, /outlierDetection.baseEjectionTime: only durations to ms precision are supported, got 2.5ms/],
  ])('fails early on a wrong %s', (_, outlier, message) => {
    expect(() => new DestinationRule(Testing.chart(), 'Rule', { host: Host.fromName('reviews'), trafficPolicy: { outlierDetection: outlier } }))
      .toThrow(message);
  });

  test('local-origin failures without the split are a contradiction reported at synth with Istio\'s message', () => {
    expect(() => synthOutlier({ consecutiveLocalOriginFailures: 5, splitExternalLocalOriginErrors: false }))
      .toThrow(/outlier detection consecutive local origin failures is specified, but split external local origin errors is set to false/);
  });
});
