import { bestPractices } from './helpers';
import { analyzeObjects } from '../../../../src/validation/analysis';
import { shortDuration } from '../../../../src/validation/analysis/best-practices/route-timeouts';
import { Severity } from '../../../../src/validation/diagnostic';
import { virtualService } from '../../../support/objects';
import { route } from '../fixtures';

describe('routes without a timeout (CI2001)', () => {
  test('a forwarding route without timeout: CI2001, a warning on the route', () => {
    expect(bestPractices([virtualService('vs', { hosts: ['a'], http: [route('a')] }, 'shop')], 'CI2001')).toEqual([{
      code: 'CI2001',
      severity: Severity.WARNING,
      name: 'vs',
      objectIndex: 0,
      path: 'spec.http[0]',
      message: 'the route has no timeout, so a slow destination holds the caller without limit (Istio sets no route timeout by default); set timeout',
    }]);
  });

  test('silent: a timeout (0s too: switched off on purpose), no destinations (redirect, direct response, delegate), retries (CI1003 says it)', () => {
    const http = [
      { ...route('a'), timeout: '5s' },
      { ...route('a'), timeout: '0s' },
      { redirect: { uri: '/x' } },
      { directResponse: { status: 503 } },
      { delegate: { name: 'd' } },
      { ...route('a'), retries: { attempts: 2 } },
    ];
    expect(bestPractices([virtualService('vs', { hosts: ['a'], http })], 'CI2001')).toEqual([]);
  });

  test('retries turned off (attempts 0) do not excuse the missing timeout', () => {
    const http = [{ ...route('a'), retries: { attempts: 0 } }];
    expect(bestPractices([virtualService('vs', { hosts: ['a'], http })], 'CI2001').map(f => f.path)).toEqual(['spec.http[0]']);
  });

  test('off by default: only with bestPractices', () => {
    expect(analyzeObjects([virtualService('vs', { hosts: ['a'], http: [route('a')] })]).filter(d => d.code.startsWith('CI2'))).toEqual([]);
  });
});

describe('retries that outlast the timeout (CI2002)', () => {
  test('(attempts + 1) x perTryTimeout over the timeout: CI2002, counting the first try', () => {
    // 3 retries of 2s: 4 tries, 8s, over 7s (attempts x perTryTimeout, 6s, would fit).
    const http = [{ ...route('a'), timeout: '7s', retries: { attempts: 3, perTryTimeout: '2s' } }];
    expect(bestPractices([virtualService('vs', { hosts: ['a'], http })], 'CI2002')).toEqual([{
      code: 'CI2002',
      severity: Severity.WARNING,
      name: 'vs',
      objectIndex: 0,
      path: 'spec.http[0].retries',
      message: '4 tries (the first try and 3 retries, each up to perTryTimeout 2s) take up to 8s, more than the route timeout 7s: '
        + 'the last retries never run; lower attempts or perTryTimeout, or raise timeout',
    }]);
  });

  test('silent: tries within the timeout (exactly too), no perTryTimeout, attempts 0, timeout 0s, unparsable durations', () => {
    const http = [
      { ...route('a'), timeout: '8s', retries: { attempts: 3, perTryTimeout: '2s' } },
      { ...route('a'), timeout: '1s', retries: { attempts: 3 } },
      { ...route('a'), timeout: '1s', retries: { attempts: 0, perTryTimeout: '2s' } },
      { ...route('a'), timeout: '0s', retries: { attempts: 3, perTryTimeout: '2s' } },
      { ...route('a'), timeout: 'soon', retries: { attempts: 3, perTryTimeout: '2s' } },
    ];
    expect(bestPractices([virtualService('vs', { hosts: ['a'], http })], 'CI2002')).toEqual([]);
  });

  test('durations print in the largest whole unit', () => {
    expect([3_600_000_000_000n, 90_000_000_000n, 1_500_000_000n, 250_000n, 7n].map(shortDuration)).toEqual(['1h', '90s', '1500ms', '250us', '7ns']);
  });
});
