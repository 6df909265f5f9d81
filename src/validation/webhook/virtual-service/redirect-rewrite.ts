/**
 * Redirect, direct response and rewrite of an HTTP route (validateHTTPRedirect,
 * validateHTTPDirectResponse, validateHTTPRewrite, validateURIRegexRewrite, validateAuthorityRewrite).
 */
import { checkHttpStatus } from './cors-fault';
import { byteLength } from '../../../go/builtin';
import { goQuote } from '../../../go/format';
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { entriesOf, int32Of, isSet, messageOf, numberOf, stringOf } from '../../json';
import { isAuthorityHeader } from '../common/headers';
import { checkPort } from '../common/ports';
import { checkStringRegexp } from '../common/regex';

const KB = 1024;
const MB = 1024 * KB;

/** validateHTTPRedirect: something to redirect to, a 3xx code, http(s), a valid port. First error only. */
export function validateHttpRedirect(path: FieldPath, findings: Findings, redirect: unknown): void {
  if (!isSet(redirect)) return;
  const r = messageOf(redirect);
  const scheme = stringOf(r.scheme);
  // `port` and `derivePort` form the redirect_port oneof: set when either key is present
  const hasPort = isSet(r.port) || isSet(r.derivePort);
  if (stringOf(r.uri) === '' && stringOf(r.authority) === '' && !hasPort && scheme === '') {
    findings.error(path, 'redirect must specify URI, authority, scheme, or port');
    return;
  }
  const code = numberOf(r.redirectCode);
  if (code !== 0 && (code < 300 || code > 399)) {
    findings.error(path.child('redirectCode'), `${code} is not a valid redirect code, must be 3xx`);
    return;
  }
  if (scheme !== '' && scheme !== 'http' && scheme !== 'https') {
    findings.error(path.child('scheme'), 'invalid redirect scheme, must be "http" or "https"');
    return;
  }
  const port = numberOf(r.port);
  if (port > 0) findings.errorIfAny(path.child('port'), checkPort(port));
}

/** validateHTTPDirectResponse: a body under 1MB (a warning above 100KB) and an HTTP status. */
export function validateHttpDirectResponse(path: FieldPath, findings: Findings, directResponse: unknown): void {
  if (!isSet(directResponse)) return;
  const response = messageOf(directResponse);
  if (isSet(response.body)) {
    const body = messageOf(response.body);
    let size = 0;
    if (isSet(body.string)) size = byteLength(stringOf(body.string));
    else if (isSet(body.bytes)) size = Buffer.from(stringOf(body.bytes), 'base64').length;
    if (size > MB) findings.error(path.child('body'), 'large direct_responses may impact control plane performance, must be less than 1MB');
    else if (size > 100 * KB) findings.warn(path.child('body'), 'large direct_responses may impact control plane performance');
  }
  findings.errorIfAny(path.child('status'), checkHttpStatus(int32Of(response.status)));
}

/** validateHTTPRewrite: one of uri or uriRegexRewrite, or an authority; a well-formed regex rewrite. */
export function validateHttpRewrite(path: FieldPath, findings: Findings, rewrite: unknown): void {
  if (!isSet(rewrite)) return;
  const r = messageOf(rewrite);
  const uri = stringOf(r.uri);
  if (uri !== '' && isSet(r.uriRegexRewrite)) {
    findings.error(path, 'rewrite may only contain one of URI or UriRegexRewrite');
    return;
  }
  if (uri === '' && !isSet(r.uriRegexRewrite) && stringOf(r.authority) === '') {
    findings.error(path, 'rewrite must specify at least one of URI, UriRegexRewrite, or authority. Only one of URI or UriRegexRewrite may be specified');
    return;
  }
  if (!isSet(r.uriRegexRewrite)) return;
  // validateURIRegexRewrite; Istio joins its error under "UriRegexRewrite has errors" (errors.Join)
  const regexRewrite = messageOf(r.uriRegexRewrite);
  const match = stringOf(regexRewrite.match);
  let cause: [FieldPath, string] | undefined;
  if (match === '' || stringOf(regexRewrite.rewrite) === '') {
    cause = [path.child('uriRegexRewrite'), 'UriRegexRewrite requires both Rewrite and Match fields to be specified'];
  } else {
    const regexError = checkStringRegexp(match, 'HTTPRewrite.UriRegexRewrite.Match');
    if (regexError) cause = [path.child('uriRegexRewrite', 'match'), regexError];
  }
  if (cause) {
    findings.error(path.child('uriRegexRewrite'), 'UriRegexRewrite has errors');
    findings.error(cause[0], cause[1]);
  }
}

/**
 * validateAuthorityRewrite: the authority is rewritten in one place only (rewrite.authority, or one
 * request header set/add of `:authority`/Host). First error only.
 */
export function validateAuthorityRewrite(path: FieldPath, findings: Findings, rewrite: unknown, headers: unknown): void {
  let current = stringOf(messageOf(rewrite).authority);
  const request = messageOf(messageOf(headers).request);
  for (const op of ['set', 'add']) {
    for (const [name, raw] of entriesOf(request[op])) {
      if (!isAuthorityHeader(name)) continue;
      const value = stringOf(raw);
      if (current !== '') {
        findings.error(path.child('headers', 'request', op).key(name),
          `authority header cannot be set multiple times: have ${goQuote(current)}, attempting to set ${goQuote(value)}`);
        return;
      }
      current = value;
    }
  }
}
