import { findings } from './fixtures';
import { Severity } from '../../../src/validation/diagnostic';
import { virtualService } from '../../support/objects';

const split = (...weights: (number | undefined)[]) => ({ route: weights.map((weight, i) => ({ destination: { host: 'reviews', subset: `v${i}` }, ...(weight === undefined ? {} : { weight }) })) });

describe('weights that do not add up to 100 (CI1002)', () => {
  test('weights adding up to 100, or one destination without weight: nothing', () => {
    expect(findings([virtualService('vs', { hosts: ['reviews'], http: [split(90, 10), split(undefined)], tcp: [split(100)] })], 'CI1002')).toEqual([]);
  });

  test('weights adding up to something else: CI1002', () => {
    expect(findings([virtualService('vs', { hosts: ['reviews'], http: [split(90, 5)], tcp: [split(30, undefined)] })], 'CI1002')).toEqual([
      {
        code: 'CI1002',
        severity: Severity.INFO,
        name: 'vs',
        objectIndex: 0,
        path: 'spec.http[0].route',
        message: 'destination weights add up to 95, not 100; Istio scales them proportionally (each destination gets weight/95 of the traffic)',
      },
      expect.objectContaining({ path: 'spec.tcp[0].route', message: expect.stringContaining('add up to 30, not 100') }),
    ]);
  });
});
