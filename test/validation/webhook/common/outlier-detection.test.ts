import { destinationRule, err, objectDiagnostics, warn, webhookFindings } from '../../../support/objects';

const drPolicy = (trafficPolicy: unknown) => webhookFindings(destinationRule('x', { host: 'reviews', trafficPolicy }, 'ns'));

const O = 'spec.trafficPolicy.outlierDetection';

describe('validateOutlierDetection', () => {
  test('a valid policy', () => {
    expect(drPolicy({
      outlierDetection: {
        consecutive5xxErrors: 5,
        interval: '10s',
        baseEjectionTime: '30s',
        maxEjectionPercent: 100,
        minHealthPercent: 0,
        splitExternalLocalOriginErrors: true,
        consecutiveLocalOriginFailures: 3,
      },
    })).toEqual([]);
  });

  test('durations', () => {
    expect(drPolicy({ outlierDetection: { baseEjectionTime: '1.5ms', interval: '2.0001s' } })).toEqual([
      err(`${O}.baseEjectionTime`, 'only durations to ms precision are supported'),
      err(`${O}.interval`, 'only durations to ms precision are supported'),
    ]);
  });

  test('deprecated consecutiveErrors: warning', () => {
    expect(drPolicy({ outlierDetection: { consecutiveErrors: 3 } })).toEqual([
      warn(`${O}.consecutiveErrors`, 'outlier detection consecutive errors is deprecated, use consecutiveGatewayErrors or consecutive5xxErrors instead'),
    ]);
  });

  test('local origin failures need splitExternalLocalOriginErrors', () => {
    expect(drPolicy({ outlierDetection: { consecutiveLocalOriginFailures: 2 } })).toEqual([
      err(`${O}.consecutiveLocalOriginFailures`,
        'outlier detection consecutive local origin failures is specified, but split external local origin errors is set to false'),
    ]);
    expect(drPolicy({ outlierDetection: { consecutiveLocalOriginFailures: 0 } })).toEqual([]);
  });

  test('percentages (ValidatePercent)', () => {
    expect(drPolicy({ outlierDetection: { maxEjectionPercent: 101, minHealthPercent: -1 } })).toEqual([
      err(`${O}.maxEjectionPercent`, 'percentage 101 is not in range 0..100'),
      err(`${O}.minHealthPercent`, 'percentage -1 is not in range 0..100'),
    ]);
  });

  test('end to end: percentages have no CRD bounds; the deprecation is a warning', () => {
    const object = (outlierDetection: any) => destinationRule('r', { host: 'r', trafficPolicy: { outlierDetection } });
    expect(objectDiagnostics([object({ maxEjectionPercent: 150 })]).map(d => [d.code, d.message])).toEqual([
      ['IST0106', 'percentage 150 is not in range 0..100'],
    ]);
    expect(objectDiagnostics([object({ consecutiveErrors: 2 })]).map(d => [d.code, d.message])).toEqual([
      ['IST0133', 'outlier detection consecutive errors is deprecated, use consecutiveGatewayErrors or consecutive5xxErrors instead'],
    ]);
  });
});
