import { bestPractices } from './helpers';
import { Severity } from '../../../../src/validation/diagnostic';
import { destinationRule } from '../../../support/objects';

const subsets = [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v2' } }];

describe('subsets without outlier detection (CI2003)', () => {
  test('labelled subsets with no outlierDetection anywhere: one CI2003 on the rule, naming them', () => {
    expect(bestPractices([destinationRule('reviews', { host: 'reviews', subsets })], 'CI2003')).toEqual([{
      code: 'CI2003',
      severity: Severity.WARNING,
      name: 'reviews',
      objectIndex: 0,
      path: 'spec.trafficPolicy.outlierDetection',
      message: 'subsets [v1 v2] get no outlierDetection (from the rule or their own trafficPolicy): '
        + 'endpoints that keep failing stay in the load balancing pool; set trafficPolicy.outlierDetection',
    }]);
  });

  test('a subset with its own outlierDetection is covered; the others are named', () => {
    const own = [{ ...subsets[0], trafficPolicy: { outlierDetection: { consecutive5xxErrors: 5 } } }, subsets[1]];
    expect(bestPractices([destinationRule('reviews', { host: 'reviews', subsets: own })], 'CI2003').map(f => f.message))
      .toEqual([expect.stringMatching(/^subsets \[v2\] get no/)]);
  });

  test('silent: on the rule, on a port of the rule, no subsets, subsets without labels', () => {
    const objects = [
      destinationRule('a', { host: 'a', subsets, trafficPolicy: { outlierDetection: { consecutive5xxErrors: 5 } } }),
      destinationRule('b', { host: 'b', subsets, trafficPolicy: { portLevelSettings: [{ port: { number: 80 }, outlierDetection: {} }] } }),
      destinationRule('c', { host: 'c' }),
      destinationRule('d', { host: 'd', subsets: [{ name: 'egress' }] }),
    ];
    expect(bestPractices(objects, 'CI2003')).toEqual([]);
  });
});
