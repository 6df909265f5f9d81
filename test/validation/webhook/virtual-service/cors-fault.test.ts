import { ROUTE, routeFindings } from './helpers';
import { checkHttpStatus } from '../../../../src/validation/webhook/virtual-service/cors-fault';
import { err, warn } from '../../../support/objects';

const C = 'spec.http[0].corsPolicy';
const F = 'spec.http[0].fault';
const withCors = (corsPolicy: unknown) => routeFindings({ corsPolicy, route: ROUTE });
const withFault = (fault: unknown) => routeFindings({ fault, route: ROUTE });

describe('validateCORSPolicy', () => {
  test('a full policy is valid', () => {
    expect(withCors({
      allowOrigins: [{ exact: 'https://a.com' }, { prefix: 'https://b' }, { regex: 'https://.*\\.c\\.com' }],
      allowMethods: ['GET', 'POST', '*'],
      allowHeaders: ['x-a', '*'],
      exposeHeaders: ['x-b'],
      maxAge: '24h',
      allowCredentials: true,
    })).toEqual([]);
  });

  test('validateAllowOrigins: a match type with a value, and a valid regex', () => {
    expect(withCors({ allowOrigins: [{}, { exact: '' }, { regex: '(' }] })).toEqual([
      err(`${C}.allowOrigins[0]`, '\'\' is not a valid match type for CORS allow origins'),
      err(`${C}.allowOrigins[1]`, '\'\' is not a valid match type for CORS allow origins'),
      err(`${C}.allowOrigins[2].regex`, '"corsPolicy.allowOrigins": error parsing regexp: missing closing ): `(`; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)'),
    ]);
  });

  test('validateCORSHTTPMethod', () => {
    expect(withCors({ allowMethods: ['get', 'PURGE'] })).toEqual([
      err(`${C}.allowMethods[0]`, '"get" is not a supported HTTP method'),
      err(`${C}.allowMethods[1]`, '"PURGE" is not a supported HTTP method'),
    ]);
  });

  test('ValidateCORSHTTPHeaderName on allowed and exposed headers', () => {
    expect(withCors({ allowHeaders: ['', 'a b'], exposeHeaders: ['x:y'] })).toEqual([
      err(`${C}.allowHeaders[0]`, 'header name cannot be empty'),
      err(`${C}.allowHeaders[1]`, 'header name a b is not a valid header name'),
      err(`${C}.exposeHeaders[0]`, 'header name x:y is not a valid header name'),
    ]);
  });

  test('maxAge: whole milliseconds, and whole seconds', () => {
    expect(withCors({ maxAge: '1.5s' })).toEqual([err(`${C}.maxAge`, 'max_age duration is accurate only to seconds precision')]);
    expect(withCors({ maxAge: '1.0005s' })).toEqual([
      err(`${C}.maxAge`, 'only durations to ms precision are supported'),
      err(`${C}.maxAge`, 'max_age duration is accurate only to seconds precision'),
    ]);
  });
});

describe('validateHTTPFaultInjection', () => {
  test('aborts and delays are valid', () => {
    expect(withFault({ abort: { httpStatus: 503, percentage: { value: 10 } }, delay: { fixedDelay: '5s', percentage: { value: 0.5 } } })).toEqual([]);
    expect(withFault({ abort: { grpcStatus: 'UNAVAILABLE' } })).toEqual([]);
    expect(withFault({ delay: {} })).toEqual([]);
  });

  test('an abort and/or a delay', () => {
    expect(withFault({})).toEqual([err(F, 'HTTP fault injection must have an abort and/or a delay')]);
  });

  describe('validateHTTPFaultInjectionAbort', () => {
    test('percentage', () => {
      expect(withFault({ abort: { httpStatus: 500, percentage: { value: 0.00001 } } })).toEqual([
        err(`${F}.abort.percentage`, 'percentage 1e-05 is neither 0.0, nor in range [0.0001, 100.0]'),
      ]);
    });

    test('validateHTTPStatus: 200..600 (the message says 599)', () => {
      expect(withFault({ abort: { httpStatus: 600 } })).toEqual([]);
      expect(withFault({ abort: { httpStatus: 0 } })).toEqual([err(`${F}.abort.httpStatus`, 'HTTP status 0 is not in range 200-599')]);
      expect(withFault({ abort: { httpStatus: 601 } })).toEqual([err(`${F}.abort.httpStatus`, 'HTTP status 601 is not in range 200-599')]);
    });

    test('validateGRPCStatus', () => {
      expect(withFault({ abort: { grpcStatus: '14' } })).toEqual([
        err(`${F}.abort.grpcStatus`, 'gRPC status "14" is not supported. See https://github.com/grpc/grpc/blob/master/doc/statuscodes.md for a list of supported codes, for example \'NOT_FOUND\''),
      ]);
    });

    test('HTTP/2 errors are not supported', () => {
      expect(withFault({ abort: { http2Error: 'CANCEL' } })).toEqual([err(`${F}.abort.http2Error`, 'HTTP/2 abort fault injection not supported yet')]);
    });

    test('an abort without error type is a warning', () => {
      expect(withFault({ abort: { percentage: { value: 5 } } })).toEqual([warn(`${F}.abort`, 'abort configured, but error type not set')]);
    });
  });

  describe('validateHTTPFaultInjectionDelay', () => {
    test('percentage', () => {
      expect(withFault({ delay: { fixedDelay: '1s', percentage: { value: 101 } } })).toEqual([
        err(`${F}.delay.percentage`, 'percentage 101 is neither 0.0, nor in range [0.0001, 100.0]'),
      ]);
    });

    test('fixedDelay is a whole number of milliseconds', () => {
      expect(withFault({ delay: { fixedDelay: '1.5ms' } })).toEqual([err(`${F}.delay.fixedDelay`, 'only durations to ms precision are supported')]);
    });

    test('exponentialDelay is not supported', () => {
      expect(withFault({ delay: { exponentialDelay: '1.5ms' } })).toEqual([
        err(`${F}.delay.exponentialDelay`, 'only durations to ms precision are supported'),
        err(`${F}.delay.exponentialDelay`, 'exponentialDelay not supported yet'),
      ]);
    });
  });
});

describe('checkHttpStatus', () => {
  test.each([[200, undefined], [600, undefined], [199, 'HTTP status 199 is not in range 200-599'], [-1, 'HTTP status -1 is not in range 200-599']])('%p', (status, message) => {
    expect(checkHttpStatus(status)).toBe(message);
  });
});
