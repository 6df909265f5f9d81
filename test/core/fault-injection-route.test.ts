import { Duration } from 'cdk8s';
import { StringMatch } from '../../src';
import { faultRouteOptions } from '../../src/core/fault-injection-route';

const testHeader = [{ headers: { 'x-chaos': StringMatch.exact('on') } }];

describe('a pattern\'s fault injection', () => {
  test('scoped by a match, percentages may be left out', () => {
    const options = faultRouteOptions("CanaryService 'shop/Reviews'", { match: testHeader, abort: { httpStatus: 503 } });
    expect(options.match).toBe(testHeader);
    expect(options.fault).toEqual({ abort: { httpStatus: 503 }, delay: undefined });
  });

  test('on all traffic, with the percentage of each fault given', () => {
    const delay = { fixedDelay: Duration.seconds(2), percentage: 5 };
    expect(faultRouteOptions('X', { delay, match: [] })).toEqual({ match: undefined, fault: { delay, abort: undefined } });
  });

  test('fails on all traffic without a percentage', () => {
    expect(() => faultRouteOptions("CanaryService 'shop/Reviews'", { abort: { httpStatus: 503 } })).toThrow(
      "CanaryService 'shop/Reviews': faultInjection: abort has no percentage and no match limits it: it would hit every request. "
      + 'Give abort.percentage (e.g. 5), or a match (e.g. a test header)');
    expect(() => faultRouteOptions('X', { delay: { fixedDelay: Duration.seconds(1) }, abort: { httpStatus: 503, percentage: 1 } }))
      .toThrow(/delay has no percentage/);
  });

  test('fails on a percentage out of range', () => {
    expect(() => faultRouteOptions('X', { abort: { httpStatus: 503, percentage: 120 } }))
      .toThrow('X: faultInjection: abort.percentage must be a number between 0 and 100, got 120');
  });

  test('fails with no fault', () => {
    expect(() => faultRouteOptions('X', { match: testHeader })).toThrow('X: faultInjection: give a delay, an abort or both');
  });
});
