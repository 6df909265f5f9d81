/**
 * Rendering and early checks of `HttpHeaders` (src/headers.ts), shared by HTTP routes and their
 * destinations. Not part of the public API (src/index.ts does not re-export it).
 */
import { compact, nonEmpty, nonEmptyMap } from './render';
import { HeaderOperations, HttpHeaders } from '../headers';
import {
  checkHttpHeaderOperationName,
  checkHttpHeaderValue,
  checkHttpHeaderWithAuthorityOperationName,
} from '../validation/webhook/common/headers';

/**
 * Istio's `headers` of a route or destination: only what is set. Names and values are checked with
 * the webhook's own rules (a request may set `:authority`/Host, nothing may touch `:path` & co.).
 */
export function renderHttpHeaders(headers: HttpHeaders | undefined, fail: (message: string) => Error, where: string): any {
  if (!headers) return undefined;
  return compact({
    request: renderOperations(headers.request, fail, `${where}.request`, checkHttpHeaderWithAuthorityOperationName),
    response: renderOperations(headers.response, fail, `${where}.response`, checkHttpHeaderOperationName),
  }, true);
}

function renderOperations(ops: HeaderOperations | undefined, fail: (message: string) => Error, where: string,
  nameCheck: (name: string) => string | undefined): any {
  if (!ops) return undefined;
  for (const op of ['set', 'add'] as const) {
    for (const [name, value] of Object.entries(ops[op] ?? {})) {
      const problem = nameCheck(name) ?? (typeof value === 'string' ? checkHttpHeaderValue(value) : `the value must be a string, got ${JSON.stringify(value)}`);
      if (problem) throw fail(`${where}.${op}[${JSON.stringify(name)}]: ${problem}`);
    }
  }
  (ops.remove ?? []).forEach((name, i) => {
    const problem = checkHttpHeaderOperationName(name);
    if (problem) throw fail(`${where}.remove[${i}]: ${problem}`);
  });
  return compact({ set: nonEmptyMap(ops.set), add: nonEmptyMap(ops.add), remove: nonEmpty(ops.remove) }, true);
}
