import { Duration, Testing } from 'cdk8s';
import { Host, HttpRetry, IstioValidation, RetryOn, VirtualService } from '../src';

const reviews = Host.fromName('reviews');

function retries(retry: HttpRetry): any {
  const chart = Testing.chart();
  IstioValidation.disableAnalysis(chart);
  new VirtualService(chart, 'Vs', { hosts: [reviews], http: [{ route: [{ host: reviews }], retries: retry }] });
  return Testing.synth(chart)[0].spec.http[0].retries;
}

describe('RetryOn', () => {
  test('Envoy\'s and gRPC\'s conditions by their names', () => {
    expect([
      RetryOn.FIVE_XX, RetryOn.GATEWAY_ERROR, RetryOn.RESET, RetryOn.RESET_BEFORE_REQUEST, RetryOn.CONNECT_FAILURE, RetryOn.RETRIABLE_4XX,
      RetryOn.REFUSED_STREAM, RetryOn.RETRIABLE_STATUS_CODES, RetryOn.RETRIABLE_HEADERS, RetryOn.ENVOY_RATELIMITED,
      RetryOn.HTTP3_POST_CONNECT_FAILURE, RetryOn.CANCELLED, RetryOn.DEADLINE_EXCEEDED, RetryOn.INTERNAL, RetryOn.RESOURCE_EXHAUSTED,
      RetryOn.UNAVAILABLE,
    ].map(r => r.policy)).toEqual([
      '5xx', 'gateway-error', 'reset', 'reset-before-request', 'connect-failure', 'retriable-4xx', 'refused-stream', 'retriable-status-codes',
      'retriable-headers', 'envoy-ratelimited', 'http3-post-connect-failure', 'cancelled', 'deadline-exceeded', 'internal', 'resource-exhausted',
      'unavailable',
    ]);
  });

  test('an HTTP status, and a policy by its name', () => {
    expect(RetryOn.httpStatus(503).policy).toBe('503');
    expect(RetryOn.of('gateway-error').policy).toBe('gateway-error');
  });

  test.each([99, 600, 503.5])('httpStatus(%p) fails', status => {
    expect(() => RetryOn.httpStatus(status)).toThrow(`RetryOn.httpStatus(): status must be an integer between 100 and 599, got ${status}; give an HTTP status such as 503`);
  });

  test('httpStatus() fails on a status Go does not know', () => {
    expect(() => RetryOn.httpStatus(599)).toThrow('RetryOn.httpStatus(): "599" is not a valid retryOn policy');
  });

  test('of() fails on a name Istio rejects', () => {
    expect(() => RetryOn.of('5xx ')).toThrow('RetryOn.of(): "5xx " is not a valid retryOn policy; use one of Envoy\'s retry-on policies');
  });

  test.each(['', '5xx,reset'])('of(%j) fails: one policy each', policy => {
    expect(() => RetryOn.of(policy)).toThrow(`RetryOn.of(): policy must be one policy name, got ${JSON.stringify(policy)}; give each condition as its own RetryOn`);
  });
});

describe('HttpRetry', () => {
  test('every field; conditions comma-joined, in order, without repeats', () => {
    expect(retries({
      attempts: 3,
      perTryTimeout: Duration.millis(1500),
      retryOn: [RetryOn.GATEWAY_ERROR, RetryOn.CONNECT_FAILURE, RetryOn.httpStatus(409), RetryOn.GATEWAY_ERROR],
      retryRemoteLocalities: true,
      retryIgnorePreviousHosts: false,
      backoff: Duration.millis(50),
    })).toEqual({
      attempts: 3,
      perTryTimeout: '1500ms',
      retryOn: 'gateway-error,connect-failure,409',
      retryRemoteLocalities: true,
      retryIgnorePreviousHosts: false,
      backoff: '50ms',
    });
  });

  test('attempts 0 turns retries off', () => {
    expect(retries({ attempts: 0 })).toEqual({ attempts: 0 });
  });

  describe('fails', () => {
    test.each([-1, 1.5])('with %p attempts', attempts => {
      expect(() => retries({ attempts })).toThrow(`VirtualService 'test/Vs': http[0].retries: attempts must be an integer between 0 and 2147483647, got ${attempts}`);
    });

    test('with settings while retries are off', () => {
      expect(() => retries({ attempts: 0, retryOn: [RetryOn.RESET] }))
        .toThrow("VirtualService 'test/Vs': http[0].retries: attempts is 0, which turns retries off, yet perTryTimeout, retryOn or retryRemoteLocalities is set");
    });

    test('with a per-try timeout under 1ms (Istio\'s rule)', () => {
      expect(() => retries({ attempts: 2, perTryTimeout: Duration.millis(0) }))
        .toThrow("VirtualService 'test/Vs': http[0].retries.perTryTimeout: duration must be greater than 1ms (Istio's webhook rejects this)");
    });
  });
});
