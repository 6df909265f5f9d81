import { Testing } from 'cdk8s';
import { ExternalDatabaseChart } from './chart';
import { seedObjects } from '../../test/support/pinned';
import { synthAndValidate } from '../../test/support/synth-and-validate';
describe('examples/external-database: the seed\'s external Postgres as an ExternalDatabase', () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  afterAll(() => warn.mockRestore());
  const chart = new ExternalDatabaseChart(Testing.app(), 'external-database');
  const manifest = Testing.synth(chart);
  const find = (kind: string, namespace?: string) =>
    manifest.filter(o => o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace));

  test('synth prints no warning', () => {
    expect(warn.mock.calls).toEqual([]);
  });

  test('the seed\'s ServiceEntry, plus a virtual IP and exportTo', () => {
    const seed = seedObjects().find(obj => obj.kind === 'ServiceEntry' && obj.metadata.name === 'external-database');
    const [se] = find('ServiceEntry');
    expect(se.metadata).toEqual(seed.metadata);
    expect(se.spec).toEqual({ ...seed.spec, addresses: ['240.240.0.10'], exportTo: ['.'] });
  });

  test('a DestinationRule ejecting failing instances', () => {
    const [rule] = find('DestinationRule');
    expect(rule.spec).toEqual({
      host: 'postgres.external.com',
      exportTo: ['.'],
      trafficPolicy: { outlierDetection: { consecutive5xxErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 50 } },
    });
  });

  test('matches its snapshot', () => {
    expect(manifest).toMatchSnapshot();
  });

  test('app.synth() writes YAML that `cdk8s-istio validate` accepts with no error and no warning', () => {
    const verdict = synthAndValidate(app => new ExternalDatabaseChart(app, 'external-database'));
    expect(verdict).toEqual({ objects: 2, status: 0, out: expect.stringContaining('0 errors, 0 warnings') });
  });
});
