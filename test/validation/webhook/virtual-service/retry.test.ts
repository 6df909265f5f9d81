import { ROUTE, routeFindings } from './helpers';
import { err } from '../../../support/objects';

const R = 'spec.http[0].retries';
const withRetries = (retries: unknown) => routeFindings({ retries, route: ROUTE });

describe('validateHTTPRetry', () => {
  test('valid policies', () => {
    expect(withRetries({ attempts: 3, perTryTimeout: '2s', retryOn: 'gateway-error,connect-failure,refused-stream,503,retriable-4xx', backoff: '25ms' })).toEqual([]);
    expect(withRetries({ attempts: 0 })).toEqual([]);
    expect(withRetries({})).toEqual([]);
    expect(withRetries({ attempts: 2, retryOn: 'cancelled,deadline-exceeded,internal,resource-exhausted,unavailable,reset-before-request,http3-post-connect-failure,envoy-ratelimited,retriable-headers,retriable-status-codes,reset,5xx,418,+503' })).toEqual([]);
  });

  test('attempts cannot be negative', () => {
    expect(withRetries({ attempts: -1 })).toEqual([err(`${R}.attempts`, 'attempts cannot be negative')]);
  });

  test.each([
    [{ perTryTimeout: '1s' }],
    [{ retryOn: '5xx' }],
    [{ retryRemoteLocalities: false }],
  ])('a policy with 0 attempts: %p', policy => {
    expect(withRetries(policy)).toEqual([err(R, 'http retry policy configured when attempts are set to 0 (disabled)')]);
  });

  test('perTryTimeout and backoff are whole milliseconds', () => {
    expect(withRetries({ attempts: 1, perTryTimeout: '1.5ms', backoff: '2.5ms' })).toEqual([
      err(`${R}.perTryTimeout`, 'only durations to ms precision are supported'),
      err(`${R}.backoff`, 'only durations to ms precision are supported'),
    ]);
  });

  test('retryOn entries are Envoy policies or HTTP status codes Go knows (not trimmed)', () => {
    expect(withRetries({ attempts: 1, retryOn: '5xx, reset,,306,999,connect_failure' })).toEqual([
      err(`${R}.retryOn`, '" reset" is not a valid retryOn policy'),
      err(`${R}.retryOn`, '"" is not a valid retryOn policy'),
      err(`${R}.retryOn`, '"306" is not a valid retryOn policy'),
      err(`${R}.retryOn`, '"999" is not a valid retryOn policy'),
      err(`${R}.retryOn`, '"connect_failure" is not a valid retryOn policy'),
    ]);
  });
});
