import { findings, route } from './fixtures';
import { Severity } from '../../../src/validation/diagnostic';
import { virtualService } from '../../support/objects';

describe('retries without a timeout (CI1003)', () => {
  test('retries with a timeout, or retries turned off: nothing', () => {
    const http = [{ ...route('a'), retries: { attempts: 3 }, timeout: '10s' }, { ...route('b'), retries: { attempts: 0 } }, route('c')];
    expect(findings([virtualService('vs', { hosts: ['a'], http })], 'CI1003')).toEqual([]);
  });

  test('retries without timeout: CI1003', () => {
    const http = [{ ...route('a'), retries: { attempts: 3, perTryTimeout: '2s' } }];
    expect(findings([virtualService('vs', { hosts: ['a'], http })], 'CI1003')).toEqual([{
      code: 'CI1003',
      severity: Severity.INFO,
      name: 'vs',
      objectIndex: 0,
      path: 'spec.http[0].retries',
      message: 'retries are set but the route has no timeout, so a request has no overall deadline (Istio sets none by default); set timeout',
    }]);
  });
});
