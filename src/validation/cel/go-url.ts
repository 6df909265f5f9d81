/**
 * Go's net/url.ParseRequestURI, far enough for Kubernetes' CEL URL library (`url()`, `isURL()`):
 * an absolute URI or an absolute path; scheme per RFC 3986; host and optional numeric port.
 */

/** The parts the CEL URL library exposes. */
export interface ParsedUrl {
  readonly scheme: string;
  readonly host: string;
  readonly hostname: string;
  readonly port: string;
  readonly path: string;
  readonly query: string;
}

/** Parses like Go's url.ParseRequestURI; throws an Error with Go's reason when Go would fail. */
export function parseRequestUri(raw: string): ParsedUrl {
  let rest = raw;
  let query = '';
  const q = rest.indexOf('?');
  if (q >= 0) {
    query = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  const { scheme, remainder } = splitScheme(rest);
  rest = remainder;
  if (!scheme && !rest.startsWith('/')) throw new Error(`parse "${raw}": invalid URI for request`);
  // An absolute URI whose remainder is not a path is opaque (mailto:x): valid, no host.
  if (scheme && !rest.startsWith('/')) return { scheme, host: '', hostname: '', port: '', path: '', query };
  let host = '';
  if (scheme && rest.startsWith('//')) {
    const end = rest.indexOf('/', 2);
    const authority = end < 0 ? rest.slice(2) : rest.slice(2, end);
    rest = end < 0 ? '' : rest.slice(end);
    host = parseHost(raw, authority.slice(authority.lastIndexOf('@') + 1));
  }
  const { hostname, port } = splitHostPort(host);
  return { scheme, host, hostname, port, path: rest, query };
}

function splitScheme(raw: string): { scheme: string; remainder: string } {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (/[a-zA-Z]/.test(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) return { scheme: '', remainder: raw };
      continue;
    }
    if (c === ':') {
      if (i === 0) throw new Error(`parse "${raw}": missing protocol scheme`);
      return { scheme: raw.slice(0, i).toLowerCase(), remainder: raw.slice(i + 1) };
    }
    // Any other character before a colon: no scheme at all.
    return { scheme: '', remainder: raw };
  }
  return { scheme: '', remainder: raw };
}

function parseHost(raw: string, host: string): string {
  if (host.startsWith('[')) {
    const close = host.lastIndexOf(']');
    if (close < 0) throw new Error(`parse "${raw}": missing ']' in host`);
    const port = host.slice(close + 1);
    if (port && !/^:[0-9]*$/.test(port)) throw new Error(`parse "${raw}": invalid port "${port}" after host`);
    return host;
  }
  const colon = host.lastIndexOf(':');
  if (colon >= 0 && !/^:[0-9]*$/.test(host.slice(colon))) {
    throw new Error(`parse "${raw}": invalid port "${host.slice(colon)}" after host`);
  }
  const bad = /[^a-zA-Z0-9\-._~!$&'()*+,;=:%]/.exec(host);
  if (bad) throw new Error(`parse "${raw}": invalid character "${bad[0]}" in host name`);
  return host;
}

function splitHostPort(host: string): { hostname: string; port: string } {
  if (host.startsWith('[')) {
    const close = host.lastIndexOf(']');
    return { hostname: host.slice(1, close), port: host.slice(close + 2) };
  }
  const colon = host.lastIndexOf(':');
  return colon < 0 ? { hostname: host, port: '' } : { hostname: host.slice(0, colon), port: host.slice(colon + 1) };
}
