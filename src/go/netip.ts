/**
 * Go's net/netip parser (Go 1.23+ net/netip/netip.go): whether an address or prefix parses (Istio's
 * ValidateIPAddress / ValidateIPSubnet) and, when not, why in netip's words, which Istio's
 * security.ValidateIPs passes through to the user (`bad CIDR range (...): netip.ParsePrefix(...): ...`).
 */
import { goQuote } from './format';
import { atoiError } from './strconv';

/** A netip parse failure: Go's message and, optionally, the unparsed rest it points at. */
class AddrError {
  public constructor(public readonly input: string, public readonly msg: string, public readonly at = '') {}

  /** parseAddrError.Error(). */
  public text(): string {
    const at = this.at === '' ? '' : ` (at ${goQuote(this.at)})`;
    return `ParseAddr(${goQuote(this.input)}): ${this.msg}${at}`;
  }
}

const isDigit = (c: string) => c >= '0' && c <= '9';

/** The four fields of a dotted quad `s`, or the error; `input` is what Go names in the message. */
function checkIPv4(input: string, s: string): AddrError | undefined {
  let value = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (isDigit(c)) {
      if (digits === 1 && value === 0) return new AddrError(input, 'IPv4 field has octet with leading zero');
      value = value * 10 + Number(c);
      digits++;
      if (value > 255) return new AddrError(input, 'IPv4 field has value >255');
    } else if (c === '.') {
      if (i === 0 || i === s.length - 1 || s[i - 1] === '.') {
        return new AddrError(input, 'IPv4 field must have at least one digit', s.slice(i));
      }
      if (dots === 3) return new AddrError(input, 'IPv4 address too long');
      dots++;
      value = 0;
      digits = 0;
    } else {
      return new AddrError(input, 'unexpected character', s.slice(i));
    }
  }
  return dots < 3 ? new AddrError(input, 'IPv4 address too short') : undefined;
}

/** One hex group at the start of `s`: its length, or the error. */
function hexGroup(input: string, s: string): number | AddrError {
  let acc = 0;
  let off = 0;
  for (; off < s.length && /[0-9a-fA-F]/.test(s[off]); off++) {
    if (off > 3) return new AddrError(input, 'each group must have 4 or less digits', s);
    acc = acc * 16 + parseInt(s[off], 16);
    if (acc > 0xffff) return new AddrError(input, 'IPv6 field has value >=2^16', s);
  }
  return off === 0 ? new AddrError(input, 'each colon-separated field must have at least one digit', s) : off;
}

/** The error of an IPv6 address (zone allowed), or undefined. */
function checkIPv6(input: string): AddrError | undefined {
  let s = input;
  const percent = s.indexOf('%');
  if (percent >= 0) {
    if (percent === s.length - 1) return new AddrError(input, 'zone must be a non-empty string');
    s = s.slice(0, percent);
  }
  let ellipsis = -1;
  if (s.startsWith('::')) {
    ellipsis = 0;
    s = s.slice(2);
    if (s === '') return undefined;
  }
  let filled = 0; // bytes of the address parsed so far
  while (filled < 16) {
    const off = hexGroup(input, s);
    if (off instanceof AddrError) return off;
    if (s[off] === '.') {
      // A trailing dotted quad fills the last four bytes.
      if (ellipsis < 0 && filled !== 12) return new AddrError(input, 'embedded IPv4 address must replace the final 2 fields of the address', s);
      if (filled + 4 > 16) return new AddrError(input, 'too many hex fields to fit an embedded IPv4 at the end of the address', s);
      const v4 = checkIPv4(input, s);
      if (v4) return v4;
      s = '';
      filled += 4;
      break;
    }
    filled += 2;
    s = s.slice(off);
    if (s === '') break;
    if (s[0] !== ':') return new AddrError(input, 'unexpected character, want colon', s);
    if (s.length === 1) return new AddrError(input, 'colon must be followed by more characters', s);
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return new AddrError(input, 'multiple :: in address', s);
      ellipsis = filled;
      s = s.slice(1);
      if (s === '') break;
    }
  }
  if (s !== '') return new AddrError(input, 'trailing garbage after address', s);
  if (filled < 16 && ellipsis < 0) return new AddrError(input, 'address string too short');
  if (filled === 16 && ellipsis >= 0) return new AddrError(input, 'the :: must expand to at least one field of zeros');
  return undefined;
}

/** netip.ParseAddr's result: the error, or the family of the address. */
function parseAddr(s: string): AddrError | 4 | 6 {
  for (const c of s) {
    if (c === '.') return checkIPv4(s, s) ?? 4;
    if (c === ':') return checkIPv6(s) ?? 6;
    if (c === '%') return new AddrError(s, 'missing IPv6 address');
  }
  return new AddrError(s, 'unable to parse IP');
}

/** The family of a valid address (4 or 6), undefined otherwise. */
export function addressFamily(s: string): 4 | 6 | undefined {
  const result = parseAddr(s);
  return result instanceof AddrError ? undefined : result;
}

/** netip.ParseAddr's error text, undefined for a valid address. */
export function parseAddrError(s: string): string | undefined {
  const result = parseAddr(s);
  return result instanceof AddrError ? result.text() : undefined;
}

/** netip.ParsePrefix's error text, undefined for a valid prefix. */
export function parsePrefixError(s: string): string | undefined {
  const fail = (msg: string) => `netip.ParsePrefix(${goQuote(s)}): ${msg}`;
  const slash = s.lastIndexOf('/');
  if (slash < 0) return fail("no '/'");
  const address = s.slice(0, slash);
  const family = parseAddr(address);
  if (family instanceof AddrError) return fail(family.text());
  if (family === 6 && address.includes('%')) return fail('IPv6 zones cannot be present in a prefix');
  const bits = s.slice(slash + 1);
  // Atoi would take a sign or leading zeros; netip does not.
  const badBits = fail(`bad bits after slash: ${goQuote(bits)}`);
  if (bits.length > 1 && !(bits[0] >= '1' && bits[0] <= '9')) return badBits;
  if (atoiError(bits)) return badBits;
  const value = Number(bits);
  return value > (family === 4 ? 32 : 128) ? fail('prefix length out of range') : undefined;
}
