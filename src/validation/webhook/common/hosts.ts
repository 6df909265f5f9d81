/**
 * Host, domain and address checks of Istio's webhook (istio/pkg/config/validation/agent, labels,
 * pkg/util/net). Each check returns Istio's error message, or undefined when the value is valid.
 * Lengths are Go's len(): UTF-8 bytes.
 */
import { byteLength } from '../../../go/builtin';
import { goQuote } from '../../../go/format';
import { addressFamily, parsePrefixError } from '../../../go/netip';
import { atoi } from '../../../go/strconv';

/** A DNS-1123 label, as a regular expression source (labels.dns1123LabelFmt). */
export const DNS1123_LABEL = '[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?';
const DNS1123_LABEL_RE = new RegExp(`^${DNS1123_LABEL}$`);
// A wildcard label: '*', or a DNS-1123 label optionally prefixed by '*' or '*-'.
const WILDCARD_LABEL_RE = new RegExp(`^(?:\\*|(?:\\*|\\*-)?${DNS1123_LABEL})$`);
const DNS1123_LABEL_MAX_LENGTH = 63;

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

/** ValidateDNS1123Labels: every label valid, the top-level one not all-numeric; a trailing dot is allowed. */
export function checkDNS1123Labels(domain: string): string | undefined {
  const parts = domain.split('.');
  const topLevelDomain = parts[parts.length - 1];
  if (atoi(topLevelDomain) !== undefined) {
    return `domain name ${goQuote(domain)} invalid (top level domain ${goQuote(topLevelDomain)} cannot be all-numeric)`;
  }
  for (let i = 0; i < parts.length; i++) {
    if (i === parts.length - 1 && parts[i] === '') return undefined;
    if (!isDNS1123Label(parts[i])) return `domain name ${goQuote(domain)} invalid (label ${goQuote(parts[i])} invalid)`;
  }
  return undefined;
}

/** ValidateFQDN. */
export function checkFQDN(fqdn: string): string | undefined {
  return checkDNS1123Preconditions(fqdn) ?? checkDNS1123Labels(fqdn);
}

/** ValidateWildcardDomain: an FQDN whose first label may be a wildcard (`*`, `*.foo.com`, `*-bar.foo.com`). */
export function checkWildcardDomain(domain: string): string | undefined {
  const precondition = checkDNS1123Preconditions(domain);
  if (precondition) return precondition;
  const dot = domain.indexOf('.');
  const first = dot < 0 ? domain : domain.slice(0, dot);
  if (!isWildcardDNS1123Label(first)) return `domain name ${goQuote(domain)} invalid (label ${goQuote(first)} invalid)`;
  return dot < 0 ? undefined : checkDNS1123Labels(domain.slice(dot + 1));
}

/** ValidatePartialWildCard: a wildcard only as the whole host or as a `*.` prefix. */
export function checkPartialWildcard(host: string): string | undefined {
  if (host.includes('*') && host.length !== 1 && !host.startsWith('*.')) return `partial wildcard ${goQuote(host)} not allowed`;
  return undefined;
}

// ---- IP addresses: Go's net/netip parser (src/go/netip.ts), which rejects what lenient parsers accept (leading zeros, ...).

/** netutil.IsValidIPAddress. */
export function isValidIPAddress(s: string): boolean {
  return addressFamily(s) !== undefined;
}

/** ValidateIPAddress. */
export function checkIPAddress(addr: string): string | undefined {
  return isValidIPAddress(addr) ? undefined : `${addr} is not a valid IP`;
}

/** ValidateIPSubnet: CIDR notation when the value has one '/', otherwise a plain IP. */
export function checkIPSubnet(subnet: string): string | undefined {
  if (subnet.split('/').length === 2) {
    return parsePrefixError(subnet) === undefined ? undefined : `${subnet} is not a valid CIDR block`;
  }
  return checkIPAddress(subnet);
}

/** The scheme of a unix domain socket address (`unix:///var/run/app.sock`) in binds and endpoints. */
export const UNIX_PREFIX = 'unix://';

/** ValidateUnixAddress: an absolute file path, or an abstract socket name starting with '@'. */
export function checkUnixAddress(addr: string): string | undefined {
  if (addr.length === 0) return 'unix address must not be empty';
  if (addr.startsWith('@')) return undefined;
  if (!addr.startsWith('/') || addr.endsWith('/')) return `${addr} is not an absolute path to a file`;
  return undefined;
}

// ---- `namespace/dnsName` hosts of Sidecar egress listeners and Gateway servers.

/** validateSidecarOrGatewayHostnamePart: the dnsName half of a `namespace/dnsName` host. */
function checkHostnamePart(hostname: string, isGateway: boolean): string[] {
  const errors: string[] = [];
  if (hostname !== '*' && !hostname.includes('.')) errors.push('short names (non FQDN) are not allowed');
  const domainError = checkWildcardDomain(hostname);
  if (domainError) {
    if (!isGateway) errors.push(domainError);
    // A gateway host may also be an IP address.
    if (!isValidIPAddress(hostname)) errors.push(domainError);
  }
  const partial = checkPartialWildcard(hostname);
  if (partial) errors.push(partial);
  return errors;
}

/**
 * ValidateNamespaceSlashWildcardHostname: a `namespace/dnsName` host (Sidecar egress, Gateway servers; a
 * Gateway also accepts a bare dnsName). Returns Istio's errors in order, [] when valid.
 */
export function checkNamespaceSlashWildcardHostname(hostname: string, isGateway: boolean, gatewaySemantics: boolean): string[] {
  const slash = hostname.indexOf('/');
  if (slash < 0) {
    return isGateway ? checkHostnamePart(hostname, true) : ['host must be of form namespace/dnsName'];
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
  errors.push(...checkHostnamePart(dnsName, isGateway));
  return errors;
}
