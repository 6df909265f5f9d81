/** CORS policy (validateCORSPolicy) and fault injection (validateHTTPFaultInjection) of an HTTP route. */
import { goQuote } from '../../../go/format';
import { int32Of, isSet, listOf, messageOf, stringOf } from '../../json';
import { checkDuration, hasFractionalSeconds } from '../common/duration';
import { validateCorsHttpHeaderName } from '../common/headers';
import { validatePercentage } from '../common/percent';
import { stringMatchValue, validateStringMatchRegexp } from '../common/string-match';
import { Findings } from '../types';

const CORS_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', '*']);

/** gRPC status names Istio accepts (pkg/util/grpc SupportedGRPCStatus). */
const GRPC_STATUSES = new Set([
  'OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS',
  'PERMISSION_DENIED', 'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE',
  'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED',
]);

/** validateCORSPolicy. */
export function checkCorsPolicy(f: Findings, path: string, policy: unknown): void {
  if (!isSet(policy)) return;
  const cors = messageOf(policy);
  listOf(cors.allowOrigins).forEach((origin, i) => {
    // validateAllowOrigins: a match type with a value, and a valid regex
    const match = stringMatchValue(origin);
    if (match === '') {
      f.error(`${path}.allowOrigins[${i}]`, `'${match}' is not a valid match type for CORS allow origins`);
      return;
    }
    const regexError = validateStringMatchRegexp(origin, 'corsPolicy.allowOrigins');
    if (regexError) f.error(`${path}.allowOrigins[${i}].${regexError.field}`, regexError.message);
  });
  listOf(cors.allowMethods).forEach((item, i) => {
    const method = stringOf(item);
    if (!CORS_METHODS.has(method)) f.error(`${path}.allowMethods[${i}]`, `${goQuote(method)} is not a supported HTTP method`);
  });
  for (const field of ['allowHeaders', 'exposeHeaders']) {
    listOf(cors[field]).forEach((name, i) => {
      const err = validateCorsHttpHeaderName(stringOf(name));
      if (err) f.error(`${path}.${field}[${i}]`, err);
    });
  }
  if (isSet(cors.maxAge)) {
    checkDuration(f, `${path}.maxAge`, cors.maxAge);
    if (hasFractionalSeconds(cors.maxAge)) f.error(`${path}.maxAge`, 'max_age duration is accurate only to seconds precision');
  }
}

/** validateHTTPFaultInjection: an abort and/or a delay, each well-formed. */
export function checkFaultInjection(f: Findings, path: string, fault: unknown): void {
  if (!isSet(fault)) return;
  const { abort, delay } = messageOf(fault);
  if (!isSet(abort) && !isSet(delay)) f.error(path, 'HTTP fault injection must have an abort and/or a delay');
  if (isSet(abort)) checkAbort(f, `${path}.abort`, messageOf(abort));
  if (isSet(delay)) checkDelay(f, `${path}.delay`, messageOf(delay));
}

/** validateHTTPFaultInjectionAbort: percentage, and the one error type that is set. */
function checkAbort(f: Findings, path: string, abort: Record<string, any>): void {
  const percentageError = validatePercentage(abort.percentage);
  if (percentageError) f.error(`${path}.percentage`, percentageError);
  if (isSet(abort.httpStatus)) {
    const err = validateHttpStatus(int32Of(abort.httpStatus));
    if (err) f.error(`${path}.httpStatus`, err);
  } else if (isSet(abort.grpcStatus)) {
    const status = stringOf(abort.grpcStatus);
    if (!GRPC_STATUSES.has(status)) {
      f.error(`${path}.grpcStatus`, `gRPC status ${goQuote(status)} is not supported. See https://github.com/grpc/grpc/blob/master/doc/statuscodes.md `
        + 'for a list of supported codes, for example \'NOT_FOUND\'');
    }
  } else if (isSet(abort.http2Error)) {
    f.error(`${path}.http2Error`, 'HTTP/2 abort fault injection not supported yet');
  } else {
    f.warn(path, 'abort configured, but error type not set');
  }
}

/** validateHTTPStatus: Istio's bound is 200..600 inclusive, though its message says 599. */
export function validateHttpStatus(status: number): string | undefined {
  return status < 200 || status > 600 ? `HTTP status ${status} is not in range 200-599` : undefined;
}

/** validateHTTPFaultInjectionDelay: percentage, and the delay's duration. */
function checkDelay(f: Findings, path: string, delay: Record<string, any>): void {
  const percentageError = validatePercentage(delay.percentage);
  if (percentageError) f.error(`${path}.percentage`, percentageError);
  if (isSet(delay.fixedDelay)) {
    checkDuration(f, `${path}.fixedDelay`, delay.fixedDelay);
  } else if (isSet(delay.exponentialDelay)) {
    checkDuration(f, `${path}.exponentialDelay`, delay.exponentialDelay);
    f.error(`${path}.exponentialDelay`, 'exponentialDelay not supported yet');
  }
}
