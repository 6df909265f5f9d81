/**
 * Redirect, direct response and rewrite of an HTTP route (validateHTTPRedirect,
 * validateHTTPDirectResponse, validateHTTPRewrite, validateURIRegexRewrite, validateAuthorityRewrite).
 */
import { validateHttpStatus } from './cors-fault';
import { goQuote } from '../../../go/format';
import { entriesOf, int32Of, isSet, messageOf, numberOf, stringOf } from '../../json';
import { isAuthorityHeader } from '../common/headers';
import { validatePort } from '../common/ports';
import { validateStringRegexp } from '../common/regex';
import { Findings } from '../types';

const KB = 1024;
const MB = 1024 * KB;

/** validateHTTPRedirect: something to redirect to, a 3xx code, http(s), a valid port. First error only. */
export function checkHttpRedirect(f: Findings, path: string, redirect: unknown): void {
  if (!isSet(redirect)) return;
  const r = messageOf(redirect);
  const scheme = stringOf(r.scheme);
  // `port` and `derivePort` form the redirect_port oneof: set when either key is present
  const hasPort = isSet(r.port) || isSet(r.derivePort);
  if (stringOf(r.uri) === '' && stringOf(r.authority) === '' && !hasPort && scheme === '') {
    f.error(path, 'redirect must specify URI, authority, scheme, or port');
    return;
  }
  const code = numberOf(r.redirectCode);
  if (code !== 0 && (code < 300 || code > 399)) {
    f.error(`${path}.redirectCode`, `${code} is not a valid redirect code, must be 3xx`);
    return;
  }
  if (scheme !== '' && scheme !== 'http' && scheme !== 'https') {
    f.error(`${path}.scheme`, 'invalid redirect scheme, must be "http" or "https"');
    return;
  }
  const port = numberOf(r.port);
  const portError = port > 0 ? validatePort(port) : undefined;
  if (portError) f.error(`${path}.port`, portError);
}

/** validateHTTPDirectResponse: a body under 1MB (a warning above 100KB) and an HTTP status. */
export function checkHttpDirectResponse(f: Findings, path: string, directResponse: unknown): void {
  if (!isSet(directResponse)) return;
  const response = messageOf(directResponse);
  if (isSet(response.body)) {
    const body = messageOf(response.body);
    let size = 0;
    if (isSet(body.string)) size = Buffer.byteLength(stringOf(body.string), 'utf8');
    else if (isSet(body.bytes)) size = Buffer.from(stringOf(body.bytes), 'base64').length;
    if (size > MB) f.error(`${path}.body`, 'large direct_responses may impact control plane performance, must be less than 1MB');
    else if (size > 100 * KB) f.warn(`${path}.body`, 'large direct_responses may impact control plane performance');
  }
  const statusError = validateHttpStatus(int32Of(response.status));
  if (statusError) f.error(`${path}.status`, statusError);
}

/** validateHTTPRewrite: one of uri or uriRegexRewrite, or an authority; a well-formed regex rewrite. */
export function checkHttpRewrite(f: Findings, path: string, rewrite: unknown): void {
  if (!isSet(rewrite)) return;
  const r = messageOf(rewrite);
  const uri = stringOf(r.uri);
  if (uri !== '' && isSet(r.uriRegexRewrite)) {
    f.error(path, 'rewrite may only contain one of URI or UriRegexRewrite');
    return;
  }
  if (uri === '' && !isSet(r.uriRegexRewrite) && stringOf(r.authority) === '') {
    f.error(path, 'rewrite must specify at least one of URI, UriRegexRewrite, or authority. Only one of URI or UriRegexRewrite may be specified');
    return;
  }
  if (!isSet(r.uriRegexRewrite)) return;
  // validateURIRegexRewrite; Istio joins its error under "UriRegexRewrite has errors" (errors.Join)
  const regexRewrite = messageOf(r.uriRegexRewrite);
  const match = stringOf(regexRewrite.match);
  let cause: [string, string] | undefined;
  if (match === '' || stringOf(regexRewrite.rewrite) === '') {
    cause = [`${path}.uriRegexRewrite`, 'UriRegexRewrite requires both Rewrite and Match fields to be specified'];
  } else {
    const regexError = validateStringRegexp(match, 'HTTPRewrite.UriRegexRewrite.Match');
    if (regexError) cause = [`${path}.uriRegexRewrite.match`, regexError];
  }
  if (cause) {
    f.error(`${path}.uriRegexRewrite`, 'UriRegexRewrite has errors');
    f.error(cause[0], cause[1]);
  }
}

/**
 * validateAuthorityRewrite: the authority is rewritten in one place only (rewrite.authority, or one
 * request header set/add of `:authority`/Host). First error only.
 */
export function checkAuthorityRewrite(f: Findings, path: string, rewrite: unknown, headers: unknown): void {
  let current = stringOf(messageOf(rewrite).authority);
  const request = messageOf(messageOf(headers).request);
  for (const op of ['set', 'add']) {
    for (const [name, raw] of entriesOf(request[op])) {
      if (!isAuthorityHeader(name)) continue;
      const value = stringOf(raw);
      if (current !== '') {
        f.error(`${path}.headers.request.${op}[${name}]`,
          `authority header cannot be set multiple times: have ${goQuote(current)}, attempting to set ${goQuote(value)}`);
        return;
      }
      current = value;
    }
  }
}
