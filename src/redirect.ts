import { rangeProblem, shown } from './core/errors';
import { compact } from './core/render';
import { validatePort } from './validation/webhook/common/ports';
import { validateStringRegexp } from './validation/webhook/common/regex';
import { validateHttpStatus } from './validation/webhook/virtual-service/cors-fault';

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

/**
 * Istio's HTTPRedirect; fails on nothing to redirect to, both `port` and `derivePort`, a code that
 * is not 3xx, or a port out of range.
 * @internal
 */
export function renderRedirect(redirect: HttpRedirect, fail: (message: string) => Error, where: string): any {
  const { uri, authority, port, derivePort, scheme, redirectCode } = redirect;
  if (uri === undefined && authority === undefined && port === undefined && derivePort === undefined && scheme === undefined) {
    throw fail(`${where} changes nothing; give at least one of uri, authority, port, derivePort or scheme`);
  }
  if (port !== undefined && derivePort !== undefined) {
    throw fail(`${where} has both port ${port} and derivePort ${derivePort}; give one of them`);
  }
  if (port !== undefined) {
    const problem = Number.isInteger(port) ? validatePort(port) : `port number ${shown(port)} must be an integer in the range 1..65535`;
    if (problem) throw fail(`${where}.port: ${problem}`);
  }
  if (redirectCode !== undefined) {
    const problem = rangeProblem('redirectCode', redirectCode, 300, 399, true);
    if (problem) throw fail(`${where}: ${problem} (a 3xx redirect status, e.g. 301, 302, 307, 308)`);
  }
  return compact({ uri, authority, port, derivePort, scheme, redirectCode });
}

/**
 * Istio's HTTPDirectResponse; fails on a status outside Istio's range or on two bodies.
 * @internal
 */
export function renderDirectResponse(response: HttpDirectResponse, fail: (message: string) => Error, where: string): any {
  const { status, body, bodyBytes } = response;
  const statusProblem = Number.isInteger(status) ? validateHttpStatus(status) : `HTTP status ${shown(status)} is not an integer`;
  if (statusProblem) throw fail(`${where}.status: ${statusProblem}`);
  if (body !== undefined && bodyBytes !== undefined) {
    throw fail(`${where} has both body and bodyBytes; give the body once, as text (body) or as base64 (bodyBytes)`);
  }
  if (bodyBytes !== undefined && !/^[A-Za-z0-9+/]*={0,2}$/.test(bodyBytes)) {
    throw fail(`${where}.bodyBytes must be base64-encoded, got ${shown(bodyBytes)}; encode with Buffer.from(data).toString('base64')`);
  }
  const rendered = body !== undefined ? { string: body } : bodyBytes !== undefined ? { bytes: bodyBytes } : undefined;
  return compact({ status, body: rendered });
}

/**
 * Istio's HTTPRewrite; fails on nothing to rewrite, on both `uri` and `uriRegexRewrite`, and on a
 * regex RE2 rejects.
 * @internal
 */
export function renderRewrite(rewrite: HttpRewrite, fail: (message: string) => Error, where: string): any {
  const { uri, uriRegexRewrite, authority } = rewrite;
  if (uri === undefined && uriRegexRewrite === undefined && authority === undefined) {
    throw fail(`${where} changes nothing; give uri, uriRegexRewrite or authority`);
  }
  if (uri !== undefined && uriRegexRewrite !== undefined) {
    throw fail(`${where} has both uri and uriRegexRewrite; give one of them`);
  }
  if (uriRegexRewrite) {
    if (!uriRegexRewrite.match || uriRegexRewrite.rewrite === undefined || uriRegexRewrite.rewrite === '') {
      throw fail(`${where}.uriRegexRewrite needs both match and rewrite, got ${shown(uriRegexRewrite)}`);
    }
    const problem = validateStringRegexp(uriRegexRewrite.match, 'HTTPRewrite.UriRegexRewrite.Match');
    if (problem) throw fail(`${where}.uriRegexRewrite.match: ${problem}`);
  }
  return compact({
    uri,
    uriRegexRewrite: uriRegexRewrite ? { match: uriRegexRewrite.match, rewrite: uriRegexRewrite.rewrite } : undefined,
    authority,
  });
}
