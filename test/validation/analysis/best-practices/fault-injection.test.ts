import { bestPractices } from './helpers';
import { Severity } from '../../../../src/validation/diagnostic';
import { virtualService } from '../../../support/objects';
import { route } from '../fixtures';

describe('fault injection on every request (CI2008)', () => {
  test('a fault without match, percentage absent or 100: CI2008 per fault', () => {
    const http = [
      { ...route('a'), timeout: '1s', fault: { abort: { httpStatus: 503 }, delay: { fixedDelay: '1s', percentage: { value: 100 } } } },
      { ...route('a'), timeout: '1s', fault: { delay: { fixedDelay: '1s', percent: 100 } } },
    ];
    expect(bestPractices([virtualService('vs', { hosts: ['a'], http })], 'CI2008')).toEqual([
      {
        code: 'CI2008',
        severity: Severity.WARNING,
        name: 'vs',
        objectIndex: 0,
        path: 'spec.http[0].fault.delay',
        message: 'the route injects a delay fault into 100% of its requests and has no match, so every request to the host gets it; '
          + 'add a match (e.g. a test header) or a percentage below 100',
      },
      expect.objectContaining({ path: 'spec.http[0].fault.abort', message: expect.stringContaining('injects a abort fault') }),
      expect.objectContaining({ path: 'spec.http[1].fault.delay' }),
    ]);
  });

  test('silent: a fault under a match, or on part of the traffic', () => {
    const http = [
      { ...route('a'), timeout: '1s', match: [{ headers: { 'x-test': { exact: '1' } } }], fault: { abort: { httpStatus: 503 } } },
      { ...route('a'), timeout: '1s', fault: { abort: { httpStatus: 503, percentage: { value: 5 } } } },
      { ...route('a'), timeout: '1s', fault: { delay: { fixedDelay: '1s', percent: 10 } } },
    ];
    expect(bestPractices([virtualService('vs', { hosts: ['a'], http })], 'CI2008')).toEqual([]);
  });
});
