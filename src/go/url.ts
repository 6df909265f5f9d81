/**
 * Go's net/url parser (url.Parse and url.ParseRequestURI), ported function by function from
 * net/url/url.go: getScheme, parse, parseAuthority, validUserinfo, parseHost, unescape,
 * shouldEscape, validOptionalPort, setPath/EscapedPath, setFragment, splitHostPort. Kubernetes' CEL
 * URL library (`url()`, `isURL()`) runs ParseRequestURI; Istio's webhook runs url.Parse (jwksUri).
 *
 * Go works on the bytes of a string: the input is handled as its UTF-8 bytes (one JS char per
 * byte), and errors quote bytes as strconv.Quote does.
 */
import { goQuote } from './format';

/** The parts the CEL URL library exposes. */
export interface ParsedUrl {
  readonly scheme: string;
  /** url.Host: host[:port], %-escapes decoded. */
  readonly host: string;
  readonly hostname: string;
  readonly port: string;
  /** url.EscapedPath(). */
  readonly path: string;
  readonly query: string;
}

/** A URL as Go's parser returns it (the fields the callers read). */
export interface GoUrl extends ParsedUrl {
  readonly opaque: string;
  /** Decoded userinfo, undefined when the URL has none. */
  readonly user?: string;
  readonly fragment: string;
}

/** A *url.Error: `parse "<url>": <reason>`. */
export class GoUrlError extends Error {
  constructor(public readonly url: string, public readonly reason: string) {
    super(`parse ${quoteBytes(toBytes(url))}: ${reason}`);
  }
}

/** url.ParseRequestURI: an absolute URI or an absolute path, no fragment. Throws GoUrlError. */
export function parseRequestUri(raw: string): ParsedUrl {
  const url = parseBytes(raw, toBytes(raw), true);
  return { scheme: url.scheme, host: url.host, hostname: url.hostname, port: url.port, path: url.path, query: url.query };
}

/** url.Parse: any URI reference; the fragment after '#'. Throws GoUrlError. */
export function parseUrl(raw: string): GoUrl {
  const hash = raw.indexOf('#');
  const u = hash < 0 ? raw : raw.slice(0, hash);
  const url = parseBytes(u, toBytes(u), false);
  if (hash < 0 || hash === raw.length - 1) return url;
  const frag = toBytes(raw.slice(hash + 1));
  const fragment = unescape(frag, Mode.FRAGMENT);
  if (typeof fragment !== 'string') throw new GoUrlError(raw, fragment.error);
  return { ...url, fragment: fromBytes(fragment) };
}

/**
 * url.Parse(raw)'s error text for a raw URL url.ParseRequestURI already accepted (`parsed`), undefined
 * when Parse accepts it too; Istio's strictParseURL runs both. They differ in two places only: the
 * fragment (Parse cuts it at '#' and unescapes it) and a scheme-less `//authority/...`, which Parse
 * reads as an authority and ParseRequestURI as a path. (parseUrl gives the same text, except where
 * the URL holds U+FFFD: quoteBytes escapes its bytes, strconv.Quote would not.)
 */
export function urlParseError(raw: string, parsed: ParsedUrl): string | undefined {
  const hash = raw.indexOf('#');
  const beforeFragment = hash < 0 ? raw : raw.slice(0, hash);
  if (parsed.scheme === '' && beforeFragment.startsWith('//') && !beforeFragment.startsWith('///')) {
    // Its authority parsed as it would be after a scheme.
    try {
      parseRequestUri(`http:${beforeFragment}`);
    } catch (e) {
      return `parse ${goQuote(beforeFragment)}: ${reasonOf(e, `http:${beforeFragment}`)}`;
    }
  }
  if (hash < 0) return undefined;
  const fragmentError = fragmentEscapeError(raw.slice(hash + 1));
  return fragmentError === undefined ? undefined : `parse ${goQuote(raw)}: ${fragmentError}`;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The reason of a `parse "<raw>": <reason>` error from parseRequestUri(raw). */
function reasonOf(e: unknown, raw: string): string {
  const text = errorText(e);
  for (const prefix of [`parse ${goQuote(raw)}: `, `parse "${raw}": `]) {
    if (text.startsWith(prefix)) return text.slice(prefix.length);
  }
  return text;
}

/** Go's unescape(s, encodeFragment): the first malformed `%` escape's error, undefined when none. */
function fragmentEscapeError(fragment: string): string | undefined {
  for (let i = 0; i < fragment.length; i++) {
    if (fragment[i] !== '%') continue;
    if (!/^[0-9a-fA-F]{2}$/.test(fragment.slice(i + 1, i + 3))) return `invalid URL escape ${goQuote(fragment.slice(i, i + 3))}`;
    i += 2;
  }
  return undefined;
}

enum Mode { PATH = 1, PATH_SEGMENT, HOST, ZONE, USER_PASSWORD, QUERY_COMPONENT, FRAGMENT }

function parseBytes(raw: string, bytes: string, viaRequest: boolean): GoUrl {
  const fail = (reason: string): never => {
    throw new GoUrlError(raw, reason);
  };
  if (/[\x00-\x1f\x7f]/.test(bytes)) fail('net/url: invalid control character in URL');
  if (bytes === '' && viaRequest) fail('empty url');
  const empty = { scheme: '', opaque: '', host: '', hostname: '', port: '', path: '', query: '', fragment: '' };
  if (bytes === '*') return { ...empty, path: '*' };
  const split = getScheme(bytes);
  if (typeof split === 'string') return fail(split);
  const scheme = split.scheme.toLowerCase();
  let rest = split.rest;
  let query = '';
  if (rest.endsWith('?') && rest.indexOf('?') === rest.length - 1) {
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf('?');
    if (q >= 0) {
      query = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
  }
  if (!rest.startsWith('/')) {
    // A rootless path after a scheme is opaque.
    if (scheme !== '') return { ...empty, scheme: fromBytes(scheme), opaque: fromBytes(rest), query: fromBytes(query) };
    if (viaRequest) fail('invalid URI for request');
    if (rest.split('/')[0].includes(':')) fail('first path segment in URL cannot contain colon');
  }
  let host = '';
  let user: string | undefined;
  if ((scheme !== '' || (!viaRequest && !rest.startsWith('///'))) && rest.startsWith('//')) {
    let authority = rest.slice(2);
    rest = '';
    const slash = authority.indexOf('/');
    if (slash >= 0) {
      rest = authority.slice(slash);
      authority = authority.slice(0, slash);
    }
    const parsed = parseAuthority(authority);
    if (typeof parsed === 'string') return fail(parsed);
    host = parsed.host;
    user = parsed.user;
  }
  const path = unescape(rest, Mode.PATH);
  if (typeof path !== 'string') return fail(path.error);
  const { hostname, port } = splitHostPort(host);
  return {
    scheme: fromBytes(scheme),
    opaque: '',
    user: user === undefined ? undefined : fromBytes(user),
    host: fromBytes(host),
    hostname: fromBytes(hostname),
    port,
    path: fromBytes(escapedPath(rest, path)),
    query: fromBytes(query),
    fragment: '',
  };
}

/** getScheme: `[a-zA-Z][a-zA-Z0-9+-.]*:`, or no scheme; Go's error when the input starts with ':'. */
function getScheme(raw: string): { scheme: string; rest: string } | string {
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

/** parseAuthority: host first, then the userinfo (validUserinfo, then its %-escapes). */
function parseAuthority(authority: string): { host: string; user?: string } | string {
  const at = authority.lastIndexOf('@');
  const host = parseHost(at < 0 ? authority : authority.slice(at + 1));
  if (typeof host !== 'string') return host.error;
  if (at < 0) return { host };
  const userinfo = authority.slice(0, at);
  if (!validUserinfo(userinfo)) return 'net/url: invalid userinfo';
  const colon = userinfo.indexOf(':');
  const username = unescape(colon < 0 ? userinfo : userinfo.slice(0, colon), Mode.USER_PASSWORD);
  if (typeof username !== 'string') return username.error;
  if (colon < 0) return { host, user: username };
  const password = unescape(userinfo.slice(colon + 1), Mode.USER_PASSWORD);
  if (typeof password !== 'string') return password.error;
  return { host, user: `${username}:${password}` };
}

/** validUserinfo: RFC 3986 userinfo characters, '%' and '@' (the escapes are checked by unescape). Go ranges over runes. */
function validUserinfo(s: string): boolean {
  return /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(s);
}

/** parseHost: `[ip-literal]:port` (with an RFC 6874 zone) or `host:port`, %-escapes only for non-ASCII bytes. */
function parseHost(host: string): string | { error: string } {
  if (host.startsWith('[')) {
    const close = host.lastIndexOf(']');
    if (close < 0) return { error: "missing ']' in host" };
    const colonPort = host.slice(close + 1);
    if (!validOptionalPort(colonPort)) return { error: `invalid port ${quoteBytes(colonPort)} after host` };
    const zone = host.slice(0, close).indexOf('%25');
    if (zone >= 0) {
      const parts = [unescape(host.slice(0, zone), Mode.HOST), unescape(host.slice(zone, close), Mode.ZONE), unescape(host.slice(close), Mode.HOST)];
      for (const part of parts) if (typeof part !== 'string') return part;
      return parts.join('');
    }
  } else {
    const colon = host.lastIndexOf(':');
    if (colon >= 0 && !validOptionalPort(host.slice(colon))) return { error: `invalid port ${quoteBytes(host.slice(colon))} after host` };
  }
  return unescape(host, Mode.HOST);
}

/** validOptionalPort: empty, or ':' followed by digits only. */
function validOptionalPort(port: string): boolean {
  return /^(:[0-9]*)?$/.test(port);
}

const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);

/** unescape: the decoded bytes, or Go's EscapeError / InvalidHostError. */
function unescape(s: string, mode: Mode): string | { error: string } {
  for (let i = 0; i < s.length;) {
    const c = s.charCodeAt(i);
    if (s[i] === '%') {
      if (i + 2 >= s.length || !isHex(s[i + 1]) || !isHex(s[i + 2])) return escapeError(s.slice(i, i + 3));
      const escape = s.slice(i, i + 3);
      // A host may %-encode only non-ASCII bytes, and '%' itself (RFC 6874).
      if (mode === Mode.HOST && parseInt(s[i + 1], 16) < 8 && escape !== '%25') return escapeError(escape);
      if (mode === Mode.ZONE) {
        const v = parseInt(s.slice(i + 1, i + 3), 16);
        if (escape !== '%25' && v !== 0x20 && shouldEscape(v, Mode.HOST)) return escapeError(escape);
      }
      i += 3;
    } else {
      if ((mode === Mode.HOST || mode === Mode.ZONE) && c < 0x80 && shouldEscape(c, mode)) {
        return { error: `invalid character ${quoteBytes(s[i])} in host name` };
      }
      i++;
    }
  }
  return s.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\+/g, mode === Mode.QUERY_COMPONENT ? ' ' : '+');
}

const escapeError = (s: string) => ({ error: `invalid URL escape ${quoteBytes(s)}` });

/** shouldEscape: whether byte `c` must be %-escaped in a part of the URL (Go's reading of RFC 3986). */
function shouldEscape(c: number, mode: Mode): boolean {
  const ch = String.fromCharCode(c);
  if (/[a-zA-Z0-9]/.test(ch)) return false;
  if ((mode === Mode.HOST || mode === Mode.ZONE) && '!$&\'()*+,;=:[]<>"'.includes(ch)) return false;
  if ('-_.~'.includes(ch)) return false;
  if ('$&+,/:;=?@'.includes(ch)) {
    switch (mode) {
      case Mode.PATH: return ch === '?';
      case Mode.PATH_SEGMENT: return '/;,?'.includes(ch);
      case Mode.USER_PASSWORD: return '@/?:'.includes(ch);
      case Mode.QUERY_COMPONENT: return true;
      case Mode.FRAGMENT: return false;
      default: break;
    }
  }
  if (mode === Mode.FRAGMENT && '!()*'.includes(ch)) return false;
  return true;
}

/** escape(s, mode) for the path: bytes that need it as %XX. */
function escapePath(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += shouldEscape(c, Mode.PATH) ? `%${c.toString(16).toUpperCase().padStart(2, '0')}` : s[i];
  }
  return out;
}

/** validEncoded(s, encodePath). */
function validEncodedPath(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    if ('!$&\'()*+,;=:@[]%'.includes(s[i])) continue;
    if (shouldEscape(s.charCodeAt(i), Mode.PATH)) return false;
  }
  return true;
}

/** setPath then EscapedPath: the raw path when it is a valid encoding of the decoded one, else Go's own escaping. */
function escapedPath(raw: string, path: string): string {
  const escaped = escapePath(path);
  if (raw === escaped) return raw;
  if (raw !== '' && validEncodedPath(raw)) return raw;
  return path === '*' ? '*' : escaped;
}

/** splitHostPort: a valid numeric port split off, brackets removed. */
function splitHostPort(hostPort: string): { hostname: string; port: string } {
  let hostname = hostPort;
  let port = '';
  const colon = hostname.lastIndexOf(':');
  if (colon >= 0 && validOptionalPort(hostname.slice(colon))) {
    port = hostname.slice(colon + 1);
    hostname = hostname.slice(0, colon);
  }
  if (hostname.startsWith('[') && hostname.endsWith(']')) hostname = hostname.slice(1, -1);
  return { hostname, port };
}

/** A JS string as its UTF-8 bytes, one char per byte. */
function toBytes(s: string): string {
  return Buffer.from(s, 'utf8').toString('latin1');
}

function fromBytes(bytes: string): string {
  return /[\x80-\xff]/.test(bytes) ? Buffer.from(bytes, 'latin1').toString('utf8') : bytes;
}

/** strconv.Quote of a byte string: valid UTF-8 as is (non-printables escaped), other bytes as \xNN. */
export function quoteBytes(bytes: string): string {
  let out = '"';
  const buffer = Buffer.from(bytes, 'latin1');
  for (let i = 0; i < buffer.length;) {
    const b = buffer[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    const sequence = length === 0 ? undefined : buffer.subarray(i, i + length);
    let ch: string | undefined;
    if (sequence && sequence.length === length && [...sequence.subarray(1)].every(x => x >= 0x80 && x <= 0xbf)) {
      const decoded = sequence.toString('utf8');
      if (!decoded.includes('\ufffd')) ch = decoded;
    }
    if (ch === undefined) {
      out += `\\x${b.toString(16).padStart(2, '0')}`;
      i++;
      continue;
    }
    const r = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (r === 0x20 || /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(ch)) out += ch;
    else if (QUOTE_ESCAPES[r] !== undefined) out += QUOTE_ESCAPES[r];
    else if (r < 0x20 || r === 0x7f) out += `\\x${r.toString(16).padStart(2, '0')}`;
    else if (r < 0x10000) out += `\\u${r.toString(16).padStart(4, '0')}`;
    else out += `\\U${r.toString(16).padStart(8, '0')}`;
    i += length;
  }
  return `${out}"`;
}

const QUOTE_ESCAPES: Record<number, string> = { 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v' };
