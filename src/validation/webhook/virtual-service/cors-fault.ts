/** CORS policy (validateCORSPolicy) and fault injection (validateHTTPFaultInjection) of an HTTP route. */
import { goQuote } from '../../../go/format';
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { int32Of, isSet, listOf, messageOf, stringOf } from '../../json';
import { hasFractionalSeconds, validateDuration } from '../common/duration';
import { checkCorsHttpHeaderName } from '../common/headers';
import { checkPercentage } from '../common/percent';
import { checkStringMatchRegexp, stringMatchValue } from '../common/string-match';

const CORS_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', '*']);

/** gRPC status names Istio accepts (pkg/util/grpc SupportedGRPCStatus). */
const GRPC_STATUSES = new Set([
  'OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS',
  'PERMISSION_DENIED', 'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE',
  'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED',
]);

/** validateCORSPolicy. */
export function validateCorsPolicy(path: FieldPath, findings: Findings, policy: unknown): void {
  if (!isSet(policy)) return;
  const cors = messageOf(policy);
  listOf(cors.allowOrigins).forEach((origin, i) => {
    // validateAllowOrigins: a match type with a value, and a valid regex
    const at = path.child('allowOrigins').index(i);
    const match = stringMatchValue(origin);
    if (match === '') {
      findings.error(at, `'${match}' is not a valid match type for CORS allow origins`);
      return;
    }
    const regexError = checkStringMatchRegexp(origin, 'corsPolicy.allowOrigins');
    if (regexError) findings.error(at.child(regexError.field), regexError.message);
  });
  listOf(cors.allowMethods).forEach((item, i) => {
    const method = stringOf(item);
    if (!CORS_METHODS.has(method)) findings.error(path.child('allowMethods').index(i), `${goQuote(method)} is not a supported HTTP method`);
  });
  for (const field of ['allowHeaders', 'exposeHeaders']) {
    listOf(cors[field]).forEach((name, i) => {
      findings.errorIfAny(path.child(field).index(i), checkCorsHttpHeaderName(stringOf(name)));
    });
  }
  if (isSet(cors.maxAge)) {
    validateDuration(path.child('maxAge'), findings, cors.maxAge);
    if (hasFractionalSeconds(cors.maxAge)) findings.error(path.child('maxAge'), 'max_age duration is accurate only to seconds precision');
  }
}

/** validateHTTPFaultInjection: an abort and/or a delay, each well-formed. */
export function validateFaultInjection(path: FieldPath, findings: Findings, fault: unknown): void {
  if (!isSet(fault)) return;
  const { abort, delay } = messageOf(fault);
  if (!isSet(abort) && !isSet(delay)) findings.error(path, 'HTTP fault injection must have an abort and/or a delay');
  if (isSet(abort)) validateAbort(path.child('abort'), findings, messageOf(abort));
  if (isSet(delay)) validateDelay(path.child('delay'), findings, messageOf(delay));
}

/** validateHTTPFaultInjectionAbort: percentage, and the one error type that is set. */
function validateAbort(path: FieldPath, findings: Findings, abort: Record<string, any>): void {
  findings.errorIfAny(path.child('percentage'), checkPercentage(abort.percentage));
  if (isSet(abort.httpStatus)) {
    findings.errorIfAny(path.child('httpStatus'), checkHttpStatus(int32Of(abort.httpStatus)));
  } else if (isSet(abort.grpcStatus)) {
    const status = stringOf(abort.grpcStatus);
    if (!GRPC_STATUSES.has(status)) {
      findings.error(path.child('grpcStatus'), `gRPC status ${goQuote(status)} is not supported. See https://github.com/grpc/grpc/blob/master/doc/statuscodes.md `
        + 'for a list of supported codes, for example \'NOT_FOUND\'');
    }
  } else if (isSet(abort.http2Error)) {
    findings.error(path.child('http2Error'), 'HTTP/2 abort fault injection not supported yet');
  } else {
    findings.warn(path, 'abort configured, but error type not set');
  }
}

/** validateHTTPStatus: Istio's bound is 200..600 inclusive, though its message says 599. */
export function checkHttpStatus(status: number): string | undefined {
  return status < 200 || status > 600 ? `HTTP status ${status} is not in range 200-599` : undefined;
}

/** validateHTTPFaultInjectionDelay: percentage, and the delay's duration. */
function validateDelay(path: FieldPath, findings: Findings, delay: Record<string, any>): void {
  findings.errorIfAny(path.child('percentage'), checkPercentage(delay.percentage));
  if (isSet(delay.fixedDelay)) {
    validateDuration(path.child('fixedDelay'), findings, delay.fixedDelay);
  } else if (isSet(delay.exponentialDelay)) {
    validateDuration(path.child('exponentialDelay'), findings, delay.exponentialDelay);
    findings.error(path.child('exponentialDelay'), 'exponentialDelay not supported yet');
  }
}
