/**
 * Host, domain and address checks of Istio's webhook (istio/pkg/config/validation/agent, labels,
 * pkg/util/net). Each check returns Istio's error message, or undefined when the value is valid.
 * Lengths are Go's len(): UTF-8 bytes.
 */
import { goQuote } from '../../go-format';

/** A DNS-1123 label, as a regular expression source (labels.dns1123LabelFmt). */
export const DNS1123_LABEL = '[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?';
const DNS1123_LABEL_RE = new RegExp(`^${DNS1123_LABEL}$`);
// A wildcard label: '*', or a DNS-1123 label optionally prefixed by '*' or '*-'.
const WILDCARD_LABEL_RE = new RegExp(`^(?:\\*|(?:\\*|\\*-)?${DNS1123_LABEL})$`);
const DNS1123_LABEL_MAX_LENGTH = 63;

/** Go's len(s): the UTF-8 byte length. */
export function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** labels.IsDNS1123Label. */
export function isDNS1123Label(value: string): boolean {
  return byteLength(value) <= DNS1123_LABEL_MAX_LENGTH && DNS1123_LABEL_RE.test(value);
}

/** labels.IsWildcardDNS1123Label. */
export function isWildcardDNS1123Label(value: string): boolean {
  return byteLength(value) <= DNS1123_LABEL_MAX_LENGTH && WILDCARD_LABEL_RE.test(value);
}

/** CheckDNS1123Preconditions: length limits shared by FQDNs and wildcard domains. */
export function checkDNS1123Preconditions(name: string): string | undefined {
  if (byteLength(name) > 255) return `domain name ${goQuote(name)} too long (max 255)`;
  if (name.length === 0) return 'empty domain name not allowed';
  return undefined;
}

/** Go's strconv.Atoi succeeding: optional sign, digits, within int64. */
function isGoInt(text: string): boolean {
  if (!/^[+-]?[0-9]+$/.test(text)) return false;
  const value = BigInt(text);
  return value >= -(2n ** 63n) && value < 2n ** 63n;
}

/** ValidateDNS1123Labels: every label valid, the top-level one not all-numeric; a trailing dot is allowed. */
export function validateDNS1123Labels(domain: string): string | undefined {
  const parts = domain.split('.');
  const topLevelDomain = parts[parts.length - 1];
  if (isGoInt(topLevelDomain)) {
    return `domain name ${goQuote(domain)} invalid (top level domain ${goQuote(topLevelDomain)} cannot be all-numeric)`;
  }
  for (let i = 0; i < parts.length; i++) {
    if (i === parts.length - 1 && parts[i] === '') return undefined;
    if (!isDNS1123Label(parts[i])) return `domain name ${goQuote(domain)} invalid (label ${goQuote(parts[i])} invalid)`;
  }
  return undefined;
}

/** ValidateFQDN. */
export function validateFQDN(fqdn: string): string | undefined {
  return checkDNS1123Preconditions(fqdn) ?? validateDNS1123Labels(fqdn);
}

/** ValidateWildcardDomain: an FQDN whose first label may be a wildcard (`*`, `*.foo.com`, `*-bar.foo.com`). */
export function validateWildcardDomain(domain: string): string | undefined {
  const precondition = checkDNS1123Preconditions(domain);
  if (precondition) return precondition;
  const dot = domain.indexOf('.');
  const first = dot < 0 ? domain : domain.slice(0, dot);
  if (!isWildcardDNS1123Label(first)) return `domain name ${goQuote(domain)} invalid (label ${goQuote(first)} invalid)`;
  return dot < 0 ? undefined : validateDNS1123Labels(domain.slice(dot + 1));
}

/** ValidatePartialWildCard: a wildcard only as the whole host or as a `*.` prefix. */
export function validatePartialWildcard(host: string): string | undefined {
  if (host.includes('*') && host.length !== 1 && !host.startsWith('*.')) return `partial wildcard ${goQuote(host)} not allowed`;
  return undefined;
}

// ---- IP addresses: Go's net/netip parser, which rejects what lenient parsers accept (leading zeros, ...).

type Family = 4 | 6;

/** Parses one IPv4 dotted quad the way netip's parseIPv4Fields does; true when valid. */
function isIPv4Fields(s: string): boolean {
  let value = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c >= '0' && c <= '9') {
      if (digits === 1 && value === 0) return false; // leading zero
      value = value * 10 + (c.charCodeAt(0) - 48);
      digits++;
      if (value > 255) return false;
    } else if (c === '.') {
      if (i === 0 || i === s.length - 1 || s[i - 1] === '.') return false;
      if (dots === 3) return false;
      dots++;
      value = 0;
      digits = 0;
    } else {
      return false;
    }
  }
  return dots === 3;
}

/** netip's parseIPv6 (zone allowed); the family, or undefined when invalid. */
function parseIPv6(input: string): Family | undefined {
  let s = input;
  const percent = s.indexOf('%');
  if (percent >= 0) {
    if (percent === s.length - 1) return undefined; // empty zone
    s = s.slice(0, percent);
  }
  let ellipsis = -1;
  if (s.startsWith('::')) {
    ellipsis = 0;
    s = s.slice(2);
    if (s.length === 0) return 6;
  }
  let filled = 0; // bytes parsed so far
  while (filled < 16) {
    let off = 0;
    let acc = 0;
    for (; off < s.length && /[0-9a-fA-F]/.test(s[off]); off++) {
      acc = acc * 16 + parseInt(s[off], 16);
      if (off > 3 || acc > 0xffff) return undefined;
    }
    if (off === 0) return undefined;
    if (off < s.length && s[off] === '.') {
      // An embedded IPv4 address takes the last 4 bytes.
      if ((ellipsis < 0 && filled !== 12) || filled + 4 > 16) return undefined;
      if (!isIPv4Fields(s)) return undefined;
      s = '';
      filled += 4;
      break;
    }
    filled += 2;
    s = s.slice(off);
    if (s.length === 0) break;
    if (s[0] !== ':' || s.length === 1) return undefined;
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return undefined;
      ellipsis = filled;
      s = s.slice(1);
      if (s.length === 0) break;
    }
  }
  if (s.length !== 0) return undefined;
  if (filled < 16 && ellipsis < 0) return undefined;
  if (filled === 16 && ellipsis >= 0) return undefined; // '::' must stand for at least one group
  return 6;
}

/** netip.ParseAddr: the family of a valid address, undefined otherwise. */
export function parseAddr(s: string): Family | undefined {
  for (const c of s) {
    if (c === '.') return isIPv4Fields(s) ? 4 : undefined;
    if (c === ':') return parseIPv6(s);
    if (c === '%') return undefined;
  }
  return undefined;
}

/** netutil.IsValidIPAddress. */
export function isValidIPAddress(s: string): boolean {
  return parseAddr(s) !== undefined;
}

/** ValidateIPAddress. */
export function validateIPAddress(addr: string): string | undefined {
  return isValidIPAddress(addr) ? undefined : `${addr} is not a valid IP`;
}

/** netip.ParsePrefix succeeding: an address without zone, then `/bits` without sign or leading zero. */
function isValidPrefix(s: string): boolean {
  const slash = s.lastIndexOf('/');
  if (slash < 0) return false;
  const address = s.slice(0, slash);
  const family = parseAddr(address);
  if (family === undefined || (family === 6 && address.includes('%'))) return false;
  const bits = s.slice(slash + 1);
  if (!/^(0|[1-9][0-9]*)$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

/** ValidateIPSubnet: CIDR notation when the value has one '/', otherwise a plain IP. */
export function validateIPSubnet(subnet: string): string | undefined {
  if (subnet.split('/').length === 2) {
    return isValidPrefix(subnet) ? undefined : `${subnet} is not a valid CIDR block`;
  }
  return validateIPAddress(subnet);
}

/** The scheme of a unix domain socket address (`unix:///var/run/app.sock`) in binds and endpoints. */
export const UNIX_PREFIX = 'unix://';

/** ValidateUnixAddress: an absolute file path, or an abstract socket name starting with '@'. */
export function validateUnixAddress(addr: string): string | undefined {
  if (addr.length === 0) return 'unix address must not be empty';
  if (addr.startsWith('@')) return undefined;
  if (!addr.startsWith('/') || addr.endsWith('/')) return `${addr} is not an absolute path to a file`;
  return undefined;
}

// ---- `namespace/dnsName` hosts of Sidecar egress listeners and Gateway servers.

/** validateSidecarOrGatewayHostnamePart: the dnsName half of a `namespace/dnsName` host. */
function validateHostnamePart(hostname: string, isGateway: boolean): string[] {
  const errors: string[] = [];
  if (hostname !== '*' && !hostname.includes('.')) errors.push('short names (non FQDN) are not allowed');
  const domainError = validateWildcardDomain(hostname);
  if (domainError) {
    if (!isGateway) errors.push(domainError);
    // A gateway host may also be an IP address.
    if (!isValidIPAddress(hostname)) errors.push(domainError);
  }
  const partial = validatePartialWildcard(hostname);
  if (partial) errors.push(partial);
  return errors;
}

/**
 * ValidateNamespaceSlashWildcardHostname: a `namespace/dnsName` host (Sidecar egress, Gateway servers; a
 * Gateway also accepts a bare dnsName). Returns Istio's errors in order, [] when valid.
 */
export function validateNamespaceSlashWildcardHostname(hostname: string, isGateway: boolean, gatewaySemantics: boolean): string[] {
  const slash = hostname.indexOf('/');
  if (slash < 0) {
    return isGateway ? validateHostnamePart(hostname, true) : ['host must be of form namespace/dnsName'];
  }
  const namespace = hostname.slice(0, slash);
  const dnsName = hostname.slice(slash + 1);
  const errors: string[] = [];
  if (namespace.length === 0 || dnsName.length === 0) errors.push('config namespace and dnsName in host entry cannot be empty');
  if (!isGateway) {
    if (!['*', '.', '~'].includes(namespace) && !isDNS1123Label(namespace)) {
      errors.push(`invalid namespace value ${goQuote(namespace)} in sidecar`);
    }
  } else if (namespace !== '*' && namespace !== '.' && (namespace !== '~' || !gatewaySemantics) && !isDNS1123Label(namespace)) {
    errors.push(`invalid namespace value ${goQuote(namespace)} in gateway`);
  }
  errors.push(...validateHostnamePart(dnsName, isGateway));
  return errors;
}
