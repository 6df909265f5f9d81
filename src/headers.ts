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
