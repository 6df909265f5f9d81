import { addressFamily, parseAddrError, parsePrefixError } from '../../src/go/netip';

describe('netip.ParseAddr errors', () => {
  test.each(['1.2.3.4', '0.0.0.0', '255.255.255.255', '::', '::1', '2001:db8::68', 'fe80::1%eth0', '::ffff:1.2.3.4', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:1.2.3.4'])(
    '%p is valid', s => {
      expect(parseAddrError(s)).toBeUndefined();
    });

  test.each([
    ['', 'ParseAddr(""): unable to parse IP'],
    ['foo', 'ParseAddr("foo"): unable to parse IP'],
    ['%eth0', 'ParseAddr("%eth0"): missing IPv6 address'],
    ['1.2.3', 'ParseAddr("1.2.3"): IPv4 address too short'],
    ['1.2.3.4.5', 'ParseAddr("1.2.3.4.5"): IPv4 address too long'],
    ['1.2.3.256', 'ParseAddr("1.2.3.256"): IPv4 field has value >255'],
    ['01.2.3.4', 'ParseAddr("01.2.3.4"): IPv4 field has octet with leading zero'],
    ['1..2.3', 'ParseAddr("1..2.3"): IPv4 field must have at least one digit (at ".2.3")'],
    ['1.2.3.', 'ParseAddr("1.2.3."): IPv4 field must have at least one digit (at ".")'],
    ['1.2.3.a', 'ParseAddr("1.2.3.a"): unexpected character (at "a")'],
    ['fe80::1%', 'ParseAddr("fe80::1%"): zone must be a non-empty string'],
    ['12345::', 'ParseAddr("12345::"): each group must have 4 or less digits (at "12345::")'],
    [':1', 'ParseAddr(":1"): each colon-separated field must have at least one digit (at ":1")'],
    ['1:2:3:4:5:6:7:8:9', 'ParseAddr("1:2:3:4:5:6:7:8:9"): trailing garbage after address (at "9")'],
    ['1:2', 'ParseAddr("1:2"): address string too short'],
    ['1::2::3', 'ParseAddr("1::2::3"): multiple :: in address (at ":3")'],
    ['1:', 'ParseAddr("1:"): colon must be followed by more characters (at ":")'],
    ['1:2g::', 'ParseAddr("1:2g::"): unexpected character, want colon (at "g::")'],
    ['1::2:3:4:5:6:7:8', 'ParseAddr("1::2:3:4:5:6:7:8"): the :: must expand to at least one field of zeros'],
    ['1.2.3.4::', 'ParseAddr("1.2.3.4::"): unexpected character (at "::")'],
    ['1:2:1.2.3.4', 'ParseAddr("1:2:1.2.3.4"): embedded IPv4 address must replace the final 2 fields of the address (at "1.2.3.4")'],
    ['::1.2.3.256', 'ParseAddr("::1.2.3.256"): IPv4 field has value >255'],
    ['::1.2.3.', 'ParseAddr("::1.2.3."): IPv4 field must have at least one digit (at ".")'],
  ])('%p: %s', (s, message) => {
    expect(parseAddrError(s)).toBe(message);
  });
});

describe('netip.ParsePrefix errors', () => {
  test.each(['10.0.0.0/8', '10.1.2.3/32', '0.0.0.0/0', '2001:db8::/32', '::/0', '::1/128'])('%p is valid', s => {
    expect(parsePrefixError(s)).toBeUndefined();
  });

  test.each([
    ['10.0.0.0', 'netip.ParsePrefix("10.0.0.0"): no \'/\''],
    ['10.0.0/8', 'netip.ParsePrefix("10.0.0/8"): ParseAddr("10.0.0"): IPv4 address too short'],
    ['fe80::1%eth0/64', 'netip.ParsePrefix("fe80::1%eth0/64"): IPv6 zones cannot be present in a prefix'],
    ['10.0.0.0/33', 'netip.ParsePrefix("10.0.0.0/33"): prefix length out of range'],
    ['::/129', 'netip.ParsePrefix("::/129"): prefix length out of range'],
    ['10.0.0.0/08', 'netip.ParsePrefix("10.0.0.0/08"): bad bits after slash: "08"'],
    ['10.0.0.0/+8', 'netip.ParsePrefix("10.0.0.0/+8"): bad bits after slash: "+8"'],
    ['10.0.0.0/', 'netip.ParsePrefix("10.0.0.0/"): bad bits after slash: ""'],
    ['10.0.0.0/x', 'netip.ParsePrefix("10.0.0.0/x"): bad bits after slash: "x"'],
    ['10.0.0.0/99999999999999999999', 'netip.ParsePrefix("10.0.0.0/99999999999999999999"): bad bits after slash: "99999999999999999999"'],
    ['10.0.0.0/8/8', 'netip.ParsePrefix("10.0.0.0/8/8"): ParseAddr("10.0.0.0/8"): unexpected character (at "/8")'],
  ])('%p: %s', (s, message) => {
    expect(parsePrefixError(s)).toBe(message);
  });
});

describe('addressFamily (netip.ParseAddr succeeding)', () => {
  test.each([
    ['1.2.3.4', 4], ['0.0.0.0', 4], ['255.255.255.255', 4],
    ['::', 6], ['::1', 6], ['2001:db8::1', 6], ['1:2:3:4:5:6:7:8', 6], ['::ffff:1.2.3.4', 6], ['fe80::1%eth0', 6],
    ['1:2:3:4:5:6:1.2.3.4', 6], ['1::', 6], ['ABCD::ef', 6],
  ])('%p is IPv%p', (v, family) => expect(addressFamily(v)).toBe(family));
  test.each([
    '', '1.2.3', '1.2.3.4.5', '01.2.3.4', '1.2.3.256', '1..2.3', '1.2.3.4.', ' 1.2.3.4', '1.2.3.4%eth0', '%eth0',
    'fe80::1%', '1:2:3:4:5:6:7:8:9', '1::2::3', '12345::', '::g', '1:2:3:4:5:6:7::8', '1:2:3:4:5:6:7:8::', ':1', '1:',
    '1:2:3:4:5:1.2.3.4', '::1.2.3.04', 'localhost',
  ])('%p is not an address', v => expect(addressFamily(v)).toBeUndefined());
});
