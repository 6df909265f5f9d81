import {
  checkDNS1123Labels, checkDNS1123Preconditions, checkFQDN, checkIPAddress, checkIPSubnet, checkNamespaceSlashWildcardHostname,
  checkPartialWildcard, checkUnixAddress, checkWildcardDomain, isDNS1123Label, isValidIPAddress, isWildcardDNS1123Label,
} from '../../../../src/validation/webhook/common/hosts';

describe('DNS-1123 labels', () => {
  test.each(['a', 'A1', 'a-b', '0', 'a'.repeat(63)])('%p is a label', v => expect(isDNS1123Label(v)).toBe(true));
  test.each(['', '-a', 'a-', 'a_b', 'a.b', '*', 'a'.repeat(64), 'é'])('%p is not a label', v => expect(isDNS1123Label(v)).toBe(false));
  test.each(['*', '*a', '*-a', 'a'])('%p is a wildcard label', v => expect(isWildcardDNS1123Label(v)).toBe(true));
  test.each(['**', 'a*', '*_a', '-*'])('%p is not a wildcard label', v => expect(isWildcardDNS1123Label(v)).toBe(false));
});

describe('CheckDNS1123Preconditions', () => {
  test('valid lengths', () => expect(checkDNS1123Preconditions('a'.repeat(255))).toBeUndefined());
  test('empty', () => expect(checkDNS1123Preconditions('')).toBe('empty domain name not allowed'));
  test('too long, in bytes', () => {
    const name = 'é'.repeat(128); // 256 bytes
    expect(checkDNS1123Preconditions(name)).toBe(`domain name "${name}" too long (max 255)`);
  });
});

describe('ValidateDNS1123Labels / ValidateFQDN', () => {
  test.each(['istio.io', 'istio.io.', 'a.b.c', 'a.b1', 'x.99999999999999999999'])('%p is valid', v => {
    expect(checkDNS1123Labels(v)).toBeUndefined();
  });
  test.each([
    // strconv.Atoi accepts signs, so the top-level check fires before the label check.
    ['a.123', 'domain name "a.123" invalid (top level domain "123" cannot be all-numeric)'],
    ['a.+1', 'domain name "a.+1" invalid (top level domain "+1" cannot be all-numeric)'],
    ['a..b', 'domain name "a..b" invalid (label "" invalid)'],
    ['*.b', 'domain name "*.b" invalid (label "*" invalid)'],
  ])('%p: %s', (v, message) => expect(checkDNS1123Labels(v)).toBe(message));
  test('FQDN: preconditions first', () => {
    expect(checkFQDN('')).toBe('empty domain name not allowed');
    expect(checkFQDN('foo.com')).toBeUndefined();
    expect(checkFQDN('*.com')).toBe('domain name "*.com" invalid (label "*" invalid)');
  });
});

describe('ValidateWildcardDomain', () => {
  test.each(['*', '*.foo.com', '*-bar.foo.com', 'foo', 'foo.com.'])('%p is valid', v => expect(checkWildcardDomain(v)).toBeUndefined());
  test.each([
    ['', 'empty domain name not allowed'],
    ['a*.com', 'domain name "a*.com" invalid (label "a*" invalid)'],
    ['*.*.com', 'domain name "*.com" invalid (label "*" invalid)'],
  ])('%p: %s', (v, message) => expect(checkWildcardDomain(v)).toBe(message));
});

describe('ValidateIPAddress (netip underneath)', () => {
  test.each(['1.2.3.4', '::1', 'fe80::1%eth0'])('%p is an address', v => expect(isValidIPAddress(v)).toBe(true));
  test.each(['01.2.3.4', '1.2.3', 'localhost'])('%p is not', v => expect(isValidIPAddress(v)).toBe(false));
  test('message', () => {
    expect(checkIPAddress('1.2.3.4')).toBeUndefined();
    expect(checkIPAddress('nope')).toBe('nope is not a valid IP');
  });
});

describe('ValidatePartialWildCard', () => {
  test.each(['*', '*.foo.com', 'foo.com'])('%p has no partial wildcard', v => expect(checkPartialWildcard(v)).toBeUndefined());
  test.each(['*foo.com', 'foo.*.com'])('%p has one', v => expect(checkPartialWildcard(v)).toBe(`partial wildcard "${v}" not allowed`));
});


describe('ValidateIPSubnet', () => {
  test.each(['10.0.0.0/8', '1.2.3.4', '2001:db8::/32', '0.0.0.0/0', '::/128'])('%p is valid', v => expect(checkIPSubnet(v)).toBeUndefined());
  test.each(['10.0.0.0/33', '10.0.0.0/08', '10.0.0.0/+8', '10.0.0.0/', 'fe80::1%eth0/64', 'a/8'])('%p is not a CIDR block', v => {
    expect(checkIPSubnet(v)).toBe(`${v} is not a valid CIDR block`);
  });
  test('two slashes: checked as an address', () => expect(checkIPSubnet('1.2.3.4/8/9')).toBe('1.2.3.4/8/9 is not a valid IP'));
});

describe('ValidateUnixAddress', () => {
  test.each(['/var/run/sock', '@abstract'])('%p is valid', v => expect(checkUnixAddress(v)).toBeUndefined());
  test('empty', () => expect(checkUnixAddress('')).toBe('unix address must not be empty'));
  test.each(['relative/path', '/var/run/'])('%p is not a file path', v => expect(checkUnixAddress(v)).toBe(`${v} is not an absolute path to a file`));
});

describe('ValidateNamespaceSlashWildcardHostname', () => {
  test.each(['ns/foo.com', '*/*', './*.foo.com', '~/foo.com'])('sidecar host %p is valid', v => {
    expect(checkNamespaceSlashWildcardHostname(v, false, false)).toEqual([]);
  });
  test('sidecar hosts need a namespace', () => {
    expect(checkNamespaceSlashWildcardHostname('foo.com', false, false)).toEqual(['host must be of form namespace/dnsName']);
  });
  test('empty parts, bad namespaces, short names, partial wildcards', () => {
    expect(checkNamespaceSlashWildcardHostname('/foo.com', false, false)).toEqual([
      'config namespace and dnsName in host entry cannot be empty', 'invalid namespace value "" in sidecar',
    ]);
    expect(checkNamespaceSlashWildcardHostname('ns/foo', false, false)).toEqual(['short names (non FQDN) are not allowed']);
    expect(checkNamespaceSlashWildcardHostname('ns/*foo.com', false, false)).toEqual(['partial wildcard "*foo.com" not allowed']);
    expect(checkNamespaceSlashWildcardHostname('Bad_NS/foo.com', false, false)).toEqual(['invalid namespace value "Bad_NS" in sidecar']);
  });
  test('gateway hosts: bare names, IPs, `~` only with gateway semantics', () => {
    expect(checkNamespaceSlashWildcardHostname('foo.com', true, false)).toEqual([]);
    expect(checkNamespaceSlashWildcardHostname('ns/1.2.3.4', true, false)).toEqual([]);
    expect(checkNamespaceSlashWildcardHostname('~/foo.com', true, true)).toEqual([]);
    expect(checkNamespaceSlashWildcardHostname('~/foo.com', true, false)).toEqual(['invalid namespace value "~" in gateway']);
    expect(checkNamespaceSlashWildcardHostname('ns/a..com', true, false)).toEqual(['domain name ".com" invalid (label "" invalid)']);
  });
  test('sidecar: invalid domains are reported twice, as Istio does', () => {
    expect(checkNamespaceSlashWildcardHostname('ns/a..com', false, false)).toEqual([
      'domain name ".com" invalid (label "" invalid)', 'domain name ".com" invalid (label "" invalid)',
    ]);
  });
});
