/** How a redirect sets the port when no `port` is given: Istio's RedirectPortSelection. */
export enum RedirectPortSelection {
  /** 80 for `http`, 443 for `https`. */
  FROM_PROTOCOL_DEFAULT = 'FROM_PROTOCOL_DEFAULT',
  /** The port the request came in on. */
  FROM_REQUEST_PORT = 'FROM_REQUEST_PORT',
}

/** A URI scheme a redirect can send to. */
export enum RedirectScheme {
  /** `http` */
  HTTP = 'http',
  /** `https` */
  HTTPS = 'https',
}

/**
 * Answer the request with a redirect (HTTP 301 unless told otherwise) to the same URL with the parts
 * given here replaced. Istio's HTTPRedirect.
 *
 * @example
 * const redirect: HttpRedirect = { scheme: RedirectScheme.HTTPS, redirectCode: 308 };
 */
export interface HttpRedirect {
  /**
   * The path to redirect to.
   * @default - the request's path
   */
  readonly uri?: string;

  /**
   * The authority (host) to redirect to.
   * @default - the request's authority
   */
  readonly authority?: string;

  /**
   * The port to redirect to.
   * @default - as `derivePort` says, else the request's port
   */
  readonly port?: number;

  /**
   * How the port is chosen, when `port` is not given.
   * @default - Istio's default: the request's port
   */
  readonly derivePort?: RedirectPortSelection;

  /**
   * The scheme to redirect to.
   * @default - the request's scheme
   */
  readonly scheme?: RedirectScheme;

  /**
   * The HTTP status of the redirect, a 3xx code.
   * @default 301
   */
  readonly redirectCode?: number;
}

/**
 * Answer the request directly, without forwarding it. Istio's HTTPDirectResponse.
 *
 * @example
 * const response: HttpDirectResponse = { status: 503, body: 'down for maintenance' };
 */
export interface HttpDirectResponse {
  /** The HTTP status of the response (200 to 599). */
  readonly status: number;

  /**
   * The body of the response, as text.
   * @default - no body (or `bodyBytes`)
   */
  readonly body?: string;

  /**
   * The body of the response as base64-encoded bytes, for binary content.
   * @default - no body (or `body`)
   */
  readonly bodyBytes?: string;
}

/** Rewrites the path with a regular expression: Istio's RegexRewrite. */
export interface UriRegexRewrite {
  /** The RE2 regular expression matched against the path. */
  readonly match: string;
  /** The replacement for what `match` matched; `\1` refers to a capture group. */
  readonly rewrite: string;
}

/**
 * Rewrites the request's path and/or authority before it is forwarded. Istio's HTTPRewrite.
 *
 * @example
 * // With a prefix match on '/v1/', /v1/items becomes /v2/items.
 * const rewrite: HttpRewrite = { uri: '/v2/' };
 */
export interface HttpRewrite {
  /**
   * The replacement of the path; with a `prefix` URI match, the replacement of the matched prefix.
   * @default - the path is kept (or rewritten by `uriRegexRewrite`)
   */
  readonly uri?: string;

  /**
   * Rewrites the path with a regular expression.
   * @default - no regex rewrite
   */
  readonly uriRegexRewrite?: UriRegexRewrite;

  /**
   * The replacement of the Authority (Host) header.
   * @default - the authority is kept
   */
  readonly authority?: string;
}
