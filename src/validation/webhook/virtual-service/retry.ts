/** Retry policy of an HTTP route (validateHTTPRetry). */
import { goQuote } from '../../../go/format';
import { atoi } from '../../../go/strconv';
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { int32Of, isSet, messageOf, stringOf } from '../../json';
import { validateDuration } from '../common/duration';

/** Envoy's x-envoy-retry-on and x-envoy-retry-grpc-on policies Istio accepts. */
const RETRY_ON_POLICIES = new Set([
  '5xx', 'gateway-error', 'reset', 'reset-before-request', 'connect-failure', 'retriable-4xx', 'refused-stream',
  'retriable-status-codes', 'retriable-headers', 'envoy-ratelimited', 'http3-post-connect-failure',
  'cancelled', 'deadline-exceeded', 'internal', 'resource-exhausted', 'unavailable',
]);

/** The status codes Go's http.StatusText knows (an HTTP status is a valid retryOn entry). */
const HTTP_STATUS_CODES = new Set([
  100, 101, 102, 103,
  200, 201, 202, 203, 204, 205, 206, 207, 208, 226,
  300, 301, 302, 303, 304, 305, 307, 308,
  400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418,
  421, 422, 423, 424, 425, 426, 428, 429, 431, 451,
  500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
]);

/** validateHTTPRetry. */
export function validateRetry(path: FieldPath, findings: Findings, retries: unknown): void {
  if (!isSet(retries)) return;
  const r = messageOf(retries);
  const attempts = int32Of(r.attempts);
  const retryOn = stringOf(r.retryOn);
  if (attempts < 0) findings.error(path.child('attempts'), 'attempts cannot be negative');
  if (attempts === 0 && (isSet(r.perTryTimeout) || retryOn !== '' || isSet(r.retryRemoteLocalities))) {
    findings.error(path, 'http retry policy configured when attempts are set to 0 (disabled)');
  }
  validateDuration(path.child('perTryTimeout'), findings, r.perTryTimeout);
  if (retryOn !== '') {
    for (const policy of retryOn.split(',')) {
      // not trimmed: "5xx, reset" holds " reset", which Istio rejects
      if (!HTTP_STATUS_CODES.has(atoi(policy) ?? 0 /* Istio ignores Atoi's error */) && !RETRY_ON_POLICIES.has(policy)) {
        findings.error(path.child('retryOn'), `${goQuote(policy)} is not a valid retryOn policy`);
      }
    }
  }
  validateDuration(path.child('backoff'), findings, r.backoff);
}
