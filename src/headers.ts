import { compact, nonEmpty, nonEmptyMap } from './core/render';
import {
  validateHttpHeaderOperationName,
  validateHttpHeaderValue,
  validateHttpHeaderWithAuthorityOperationName,
} from './validation/webhook/common/headers';

/** Changes to the headers of a request or of a response: Istio's HeaderOperations. */
export interface HeaderOperations {
  /**
   * Headers to overwrite (or create): name to value.
   * @default - none
   */
  readonly set?: { [name: string]: string };

  /**
   * Headers to append a value to (or create): name to value.
   * @default - none
   */
  readonly add?: { [name: string]: string };

  /**
   * Headers to remove.
   * @default - none
   */
  readonly remove?: string[];
}

/**
 * Header manipulation of an HTTP route or of one of its destinations: Istio's `headers` with its
 * `request` and `response` operations.
 *
 * @example
 * const headers: HttpHeaders = { request: { set: { 'x-canary': 'true' } }, response: { remove: ['server'] } };
 */
export interface HttpHeaders {
  /**
   * Operations on the request before it is forwarded to the destination.
   * @default - the request's headers are left alone
   */
  readonly request?: HeaderOperations;

  /**
   * Operations on the response before it is returned to the caller.
   * @default - the response's headers are left alone
   */
  readonly response?: HeaderOperations;
}

/**
 * Istio's `headers` of a route or destination: only what is set. Names and values are checked with
 * the webhook's own rules (a request may set `:authority`/Host, nothing may touch `:path` & co.).
 * @internal
 */
export function renderHttpHeaders(headers: HttpHeaders | undefined, fail: (message: string) => Error, where: string): any {
  if (!headers) return undefined;
  return compact({
    request: renderOperations(headers.request, fail, `${where}.request`, validateHttpHeaderWithAuthorityOperationName),
    response: renderOperations(headers.response, fail, `${where}.response`, validateHttpHeaderOperationName),
  }, true);
}

function renderOperations(ops: HeaderOperations | undefined, fail: (message: string) => Error, where: string,
  nameCheck: (name: string) => string | undefined): any {
  if (!ops) return undefined;
  for (const op of ['set', 'add'] as const) {
    for (const [name, value] of Object.entries(ops[op] ?? {})) {
      const problem = nameCheck(name) ?? (typeof value === 'string' ? validateHttpHeaderValue(value) : `the value must be a string, got ${JSON.stringify(value)}`);
      if (problem) throw fail(`${where}.${op}[${JSON.stringify(name)}]: ${problem}`);
    }
  }
  (ops.remove ?? []).forEach((name, i) => {
    const problem = validateHttpHeaderOperationName(name);
    if (problem) throw fail(`${where}.remove[${i}]: ${problem}`);
  });
  return compact({ set: nonEmptyMap(ops.set), add: nonEmptyMap(ops.add), remove: nonEmpty(ops.remove) }, true);
}
