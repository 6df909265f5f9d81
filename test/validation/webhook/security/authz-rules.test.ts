import { validateRule } from '../../../../src/validation/webhook/security/authz-rules';
import { at, collect, err, warn } from '../../../support/objects';

const rule = (value: any, deny = false) => collect(findings => validateRule(at('spec', 'rules').index(0), findings, 0, value, deny));
const src = (source: any) => rule({ from: [{ source }] });
const op = (operation: any) => rule({ to: [{ operation }] });
const when = (condition: any) => rule({ when: [condition] });
const S = 'spec.rules[0].from[0].source';
const O = 'spec.rules[0].to[0].operation';
const W = 'spec.rules[0].when[0]';
const DENY_ALL = 'configured AuthorizationPolicy will deny all traffic to TCP ports under its scope due to the use of only HTTP attributes '
  + 'in a DENY rule; it is recommended to explicitly specify the port';

describe('an AuthorizationPolicy rule', () => {
  test('a complete rule is valid', () => {
    expect(rule({
      from: [{ source: { principals: ['cluster.local/ns/default/sa/sleep'], namespaces: ['test'], ipBlocks: ['10.0.0.0/8'], notRemoteIpBlocks: ['1.2.3.4'] } }],
      to: [{ operation: { methods: ['GET'], paths: ['/info*', '/api/{*}/x'], ports: ['8080'], hosts: ['a.com'] } }],
      when: [{ key: 'request.auth.claims[iss]', values: ['https://accounts.google.com'] }],
    })).toEqual([]);
  });

  test('an empty rule is valid', () => {
    expect(rule({})).toEqual([]);
  });

  test('a rule may not be null', () => {
    expect(rule(null)).toEqual([err('spec.rules[0]', '`rule` must not be nil, found at rule 0')]);
  });

  test('`from: []` and `to: []` decode to nil lists: nothing to check', () => {
    expect(rule({ from: [], to: [] })).toEqual([]);
  });

  describe('from', () => {
    test('an entry may not be null or lack a source', () => {
      expect(rule({ from: [null, {}] })).toEqual([
        err('spec.rules[0].from[0]', '`from` must not be nil, found at rule 0'),
        err('spec.rules[0].from[1]', '`from.source` must not be nil, found at rule 0'),
      ]);
    });

    test('a source may not be empty', () => {
      expect(src({})).toEqual([err(S, '`from.source` must not be empty, found at rule 0')]);
      expect(src({ principals: [] })).toEqual([err(S, '`from.source` must not be empty, found at rule 0')]);
    });

    test.each([
      ['serviceAccounts', 'ns/sa'], ['notServiceAccounts', 'sa'], ['trustDomains', 'td'], ['notTrustDomains', 'td'],
      ['requestPrincipals', '*'], ['notRemoteIpBlocks', '10.0.0.1'],
    ])('a source with only %s is not empty', (field, value) => {
      expect(src({ [field]: [value] })).toEqual([]);
    });

    test('service accounts exclude namespaces and principals', () => {
      expect(src({ serviceAccounts: ['ns/sa'], notPrincipals: ['p'] }))
        .toEqual([err(S, 'cannot set serviceAccounts with namespaces or principals, found at rule 0')]);
    });

    test('IP blocks are checked in Istio\'s order: ipBlocks, notIpBlocks, remoteIpBlocks, notRemoteIpBlocks', () => {
      expect(src({ remoteIpBlocks: ['x'], ipBlocks: ['10.0.0.0/33', '1.2.3'], notIpBlocks: ['::1/129'], notRemoteIpBlocks: ['10.0.0.1'] })).toEqual([
        err(`${S}.ipBlocks[0]`, 'bad CIDR range (10.0.0.0/33): netip.ParsePrefix("10.0.0.0/33"): prefix length out of range'),
        err(`${S}.ipBlocks[1]`, 'bad IP address (1.2.3)'),
        err(`${S}.notIpBlocks[0]`, 'bad CIDR range (::1/129): netip.ParsePrefix("::1/129"): prefix length out of range'),
        err(`${S}.remoteIpBlocks[0]`, 'bad IP address (x)'),
      ]);
    });

    test('empty values are reported per field, after the IP checks', () => {
      expect(src({ principals: ['a', ''], notNamespaces: [''], ipBlocks: [''], trustDomains: [''] })).toEqual([
        err(`${S}.ipBlocks[0]`, 'bad IP address ()'),
        err(`${S}.principals[1]`, 'empty value not allowed, found in Principals'),
        err(`${S}.trustDomains[0]`, 'empty value not allowed, found in TrustDomains'),
        err(`${S}.ipBlocks[0]`, 'empty value not allowed, found in IpBlocks'),
        err(`${S}.notNamespaces[0]`, 'empty value not allowed, found in NotNamespaces'),
      ]);
    });

    test('trust domains are checked by CheckTrustDomainValues: one wildcard at an end, no "/"; the first error per field', () => {
      expect(src({ trustDomains: ['cluster.local', '*.example.com', 'td*', '*'] })).toEqual([]);
      expect(src({ trustDomains: ['a*b', '**'], notTrustDomains: ['*.a*', 'x'] })).toEqual([
        err(`${S}.trustDomains[0]`, 'wildcard is only allowed at the start or end, found in TrustDomains: "a*b"'),
        err(`${S}.notTrustDomains[0]`, 'at most one wildcard is allowed, found in NotTrustDomains: "*.a*"'),
      ]);
      expect(src({ trustDomains: ['ok', 'cluster.local/ns/default'], notTrustDomains: ['*/x'] })).toEqual([
        err(`${S}.trustDomains[1]`, 'trust domain must not contain \'/\', found in TrustDomains: "cluster.local/ns/default"'),
        err(`${S}.notTrustDomains[0]`, 'trust domain must not contain \'/\', found in NotTrustDomains: "*/x"'),
      ]);
    });

    test('trust domains are not TCP attributes: a DENY rule with only them warns', () => {
      expect(rule({ from: [{ source: { trustDomains: ['td'] } }] }, true)).toEqual([warn('spec.rules[0]', DENY_ALL)]);
      expect(rule({ from: [{ source: { notTrustDomains: ['td'], notNamespaces: ['ns'] } }] }, true)).toEqual([]);
    });

    test('service accounts are checked by CheckServiceAccount', () => {
      expect(src({ serviceAccounts: ['ns/*'], notServiceAccounts: ['a/b/c'] })).toEqual([
        err(`${S}.serviceAccounts[0]`, 'wildcard not allowed, found in ServiceAccounts'),
        err(`${S}.notServiceAccounts[0]`, 'expected format \'serviceAccount\' or \'namespace/serviceAccount\', found "a/b/c" in NotServiceAccounts'),
      ]);
    });
  });

  describe('to', () => {
    test('an entry may not be null or lack an operation', () => {
      expect(rule({ to: [null, {}] })).toEqual([
        err('spec.rules[0].to[0]', '`to` must not be nil, found at rule 0'),
        err('spec.rules[0].to[1]', '`to.operation` must not be nil, found at rule 0'),
      ]);
    });

    test('an operation may not be empty', () => {
      expect(op({})).toEqual([err(O, '`to.operation` must not be empty, found at rule 0')]);
    });

    test('ports are decimal numbers up to 65535', () => {
      expect(op({ ports: ['http', '80'], notPorts: ['65536'] })).toEqual([
        err(`${O}.ports[0]`, 'bad port (http): strconv.ParseUint: parsing "http": invalid syntax'),
        err(`${O}.notPorts[0]`, 'bad port (65536): <nil>'),
      ]);
    });

    test('empty values are reported per field', () => {
      expect(op({ methods: ['GET', ''], notHosts: [''], ports: [''] })).toEqual([
        err(`${O}.ports[0]`, 'bad port (): strconv.ParseUint: parsing "": invalid syntax'),
        err(`${O}.ports[0]`, 'empty value not allowed, found in Ports'),
        err(`${O}.methods[1]`, 'empty value not allowed, found in Methods'),
        err(`${O}.notHosts[0]`, 'empty value not allowed, found in NotHosts'),
      ]);
    });

    test('path templates are checked in paths and notPaths', () => {
      expect(op({ paths: ['/a/{**}/{*}'], notPaths: ['/b/{x}'] })).toEqual([
        err(`${O}.paths[0]`, 'invalid or unsupported path a/{**}/{*}, found in Paths. {**} is not the last operator'),
        err(`${O}.notPaths[0]`, "invalid or unsupported path b/{x}, found in NotPaths. Contains '{' or '}' beyond a supported path template"),
      ]);
    });
  });

  describe('when', () => {
    test('the key must not be empty', () => {
      expect(when({ key: '', values: ['a'] })).toEqual([err(`${W}.key`, '`key` must not be empty')]);
      expect(when(null)).toEqual([err(`${W}.key`, '`key` must not be empty')]);
    });

    test('values or notValues are needed', () => {
      expect(when({ key: 'source.ip' })).toEqual([err(W, 'at least one of `values` or `notValues` must be set for key source.ip')]);
      expect(when({ key: 'source.ip', values: [] })).toEqual([err(W, 'at least one of `values` or `notValues` must be set for key source.ip')]);
    });

    test('source.trustDomain is a known key, its values checked by CheckWildcardValues (a "/" is allowed)', () => {
      expect(when({ key: 'source.trustDomain', values: ['cluster.local', '*.example.com', 'a/b'], notValues: ['td*'] })).toEqual([]);
      expect(when({ key: 'source.trustDomain', values: ['a*b*'], notValues: ['x', 'a*b'] })).toEqual([
        err(`${W}.values[0]`, 'invalid `value` for `key` source.trustDomain: at most one wildcard is allowed, found in source.trustDomain: "a*b*"'),
        err(`${W}.notValues[1]`, 'invalid `notValue` for `key` source.trustDomain: wildcard is only allowed at the start or end, found in source.trustDomain: "a*b"'),
      ]);
      expect(when({ key: 'source.trustDomain', values: [''] }))
        .toEqual([err(`${W}.values[0]`, 'invalid `value` for `key` source.trustDomain: empty value not allowed, found in source.trustDomain')]);
      // Keys are case-sensitive; an unknown key fails for values and for the (absent) notValues alike.
      expect(when({ key: 'source.trustdomain', values: ['td'] })).toEqual([
        err(`${W}.key`, 'invalid `value` for `key` source.trustdomain: unknown attribute: source.trustdomain'),
        err(`${W}.key`, 'invalid `notValue` for `key` source.trustdomain: unknown attribute: source.trustdomain'),
      ]);
    });

    test('values and notValues are checked for the key', () => {
      expect(when({ key: 'source.ip', values: ['10.0.0.1', 'x'], notValues: ['10.0.0.0/8'] })).toEqual([
        err(`${W}.values[1]`, 'invalid `value` for `key` source.ip: 1 error occurred:\n\t* bad IP address (x)\n\n'),
      ]);
      expect(when({ key: 'source.namespace', notValues: ['a', ''] }))
        .toEqual([err(`${W}.notValues[1]`, 'invalid `notValue` for `key` source.namespace: empty value not allowed, found in source.namespace')]);
    });

    test('a bad key is reported once for values and once for notValues, even when one of them is absent', () => {
      expect(when({ key: 'request.headers', notValues: ['x'] })).toEqual([
        err(`${W}.key`, 'invalid `value` for `key` request.headers: bad key (request.headers): should have format a[b]'),
        err(`${W}.key`, 'invalid `notValue` for `key` request.headers: bad key (request.headers): should have format a[b]'),
      ]);
    });

    test('too many service accounts are reported at the list', () => {
      expect(when({ key: 'source.serviceAccount', values: Array(17).fill('sa') }))
        .toEqual([err(`${W}.values`, 'invalid `value` for `key` source.serviceAccount: may not have more than 16 values')]);
    });
  });

  describe('DENY rules that only HTTP attributes match (warning)', () => {
    test.each([
      ['only a request principal', { from: [{ source: { requestPrincipals: ['*'] } }] }],
      ['only methods', { to: [{ operation: { methods: ['GET'] } }] }],
      ['a namespace, and methods', { from: [{ source: { namespaces: ['a'] } }], to: [{ operation: { methods: ['GET'] } }] }],
    ])('%s: warns', (_, value) => {
      expect(rule(value, true)).toEqual([warn('spec.rules[0]', DENY_ALL)]);
    });

    test.each([
      ['a namespace', { from: [{ source: { namespaces: ['a'] } }] }],
      ['a port', { to: [{ operation: { ports: ['80'], methods: ['GET'] } }] }],
      ['a not-port, and a request principal', { from: [{ source: { requestPrincipals: ['*'] } }], to: [{ operation: { notPorts: ['80'] } }] }],
      ['a service account', { from: [{ source: { serviceAccounts: ['sa'] } }] }],
      ['conditions only', { when: [{ key: 'request.headers[x]', values: ['y'] }] }],
    ])('%s: no warning', (_, value) => {
      expect(rule(value, true)).toEqual([]);
    });

    test('ALLOW rules never warn', () => {
      expect(rule({ to: [{ operation: { methods: ['GET'] } }] }, false)).toEqual([]);
    });
  });
});
