/**
 * security.ParseJwksURI as the webhook runs it on `jwksUri`: Go's url.Parse, an http or https
 * scheme, a port that fits an int. The CRD's CEL rule (`url(self).getScheme() in [...]`) rejects
 * most malformed URIs first; what remains reachable is mainly a port too big for strconv.Atoi.
 */
import { goQuote } from '../../go-format';
import { atoiError } from '../common/go-errors';

/** url.Parse's getScheme: the scheme (as written) and the rest, or Go's error. */
function splitScheme(raw: string): { scheme: string; rest: string } | string {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (/[a-zA-Z]/.test(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) return { scheme: '', rest: raw };
      continue;
    }
    if (c === ':') return i === 0 ? 'missing protocol scheme' : { scheme: raw.slice(0, i), rest: raw.slice(i + 1) };
    return { scheme: '', rest: raw };
  }
  return { scheme: '', rest: raw };
}

/** validOptionalPort: empty, or ':' and digits. */
const validOptionalPort = (port: string) => /^(:[0-9]*)?$/.test(port);

/** url.Parse's parseHost (brackets, port, %-escapes, characters); Go's reason or undefined. */
function hostError(host: string): string | undefined {
  if (host.startsWith('[')) {
    const close = host.lastIndexOf(']');
    if (close < 0) return "missing ']' in host";
    const port = host.slice(close + 1);
    if (!validOptionalPort(port)) return `invalid port ${goQuote(port)} after host`;
  } else if (host.includes(':') && !validOptionalPort(host.slice(host.lastIndexOf(':')))) {
    return `invalid port ${goQuote(host.slice(host.lastIndexOf(':')))} after host`;
  }
  for (let i = 0; i < host.length; i++) {
    if (host[i] === '%') {
      const escape = host.slice(i, i + 3);
      if (!/^%[0-9a-fA-F]{2}$/.test(escape)) return `invalid URL escape ${goQuote(escape)}`;
      // A host may only %-encode non-ASCII bytes, and '%' itself (an IPv6 zone).
      if (parseInt(escape[1], 16) < 8 && escape !== '%25') return `invalid URL escape ${goQuote(escape)}`;
      i += 2;
    } else if (host.charCodeAt(i) < 0x80 && !/[a-zA-Z0-9\-._~!$&'()*+,;=:[\]<>"]/.test(host[i])) {
      return `invalid character ${goQuote(host[i])} in host name`;
    }
  }
  return undefined;
}

/** unescape's error for a path: every '%' starts a two-digit hex escape. */
function pathEscapeError(path: string): string | undefined {
  const bad = /%(?![0-9a-fA-F]{2})/.exec(path);
  return bad ? `invalid URL escape ${goQuote(path.slice(bad.index, bad.index + 3))}` : undefined;
}

/** url.Parse's error reason for `raw` (fragment already cut off), or the URL's scheme and host. */
function parseUrl(raw: string): { scheme: string; host: string } | string {
  if (/[\x00-\x1f\x7f]/.test(raw)) return 'net/url: invalid control character in URL';
  const split = splitScheme(raw);
  if (typeof split === 'string') return split;
  const scheme = split.scheme.toLowerCase();
  const rest = split.rest.split('?')[0];
  if (!rest.startsWith('/')) {
    // A rootless remainder after a scheme is opaque; without a scheme it is a relative path.
    if (scheme !== '') return { scheme, host: '' };
    if (rest.split('/')[0].includes(':')) return 'first path segment in URL cannot contain colon';
    return pathEscapeError(rest) ?? { scheme, host: '' };
  }
  if (!rest.startsWith('//') || (scheme === '' && rest.startsWith('///'))) {
    const pathError = pathEscapeError(rest);
    return pathError ?? { scheme, host: '' };
  }
  const authority = rest.slice(2).split('/')[0];
  const at = authority.lastIndexOf('@');
  const host = authority.slice(at + 1);
  const hostProblem = hostError(host);
  if (hostProblem) return hostProblem;
  const userinfo = at < 0 ? '' : authority.slice(0, at);
  if (!/^[a-zA-Z0-9\-._:~!$&'()*+,;=%@]*$/.test(userinfo)) return 'net/url: invalid userinfo';
  return pathEscapeError(userinfo) ?? pathEscapeError(rest.slice(2 + authority.length)) ?? { scheme, host };
}

/** The port of a URL host (`h:8080`, `[::1]:8080`), '' when none. */
function portOf(host: string): string {
  const colon = host.lastIndexOf(':');
  if (colon < 0 || host.lastIndexOf(']') > colon) return '';
  return host.slice(colon + 1);
}

/** ParseJwksURI's error for a jwksUri, undefined when Istio accepts it. */
export function jwksUriError(uri: string): string | undefined {
  const hash = uri.indexOf('#');
  const raw = hash < 0 ? uri : uri.slice(0, hash);
  const parsed = parseUrl(raw);
  if (typeof parsed === 'string') return `parse ${goQuote(raw)}: ${parsed}`;
  // The fragment is checked last, and its error names the whole URI.
  const fragmentError = hash < 0 ? undefined : pathEscapeError(uri.slice(hash + 1));
  if (fragmentError) return `parse ${goQuote(uri)}: ${fragmentError}`;
  if (parsed.scheme !== 'http' && parsed.scheme !== 'https') return `URI scheme ${goQuote(parsed.scheme)} is not supported`;
  const port = portOf(parsed.host);
  return port === '' ? undefined : atoiError(port);
}
