import { ROUTE, specFindings } from './helpers';
import { err, warn } from '../../../support/objects';

const T = 'spec.tls[0]';
const tls = (route: Record<string, unknown>, spec: Record<string, unknown> = {}) =>
  specFindings({ hosts: ['*.example.com'], gateways: ['istio-system/gw'], tls: [route], ...spec });

describe('validateTLSRoute', () => {
  test('a valid TLS route', () => {
    expect(tls({
      match: [{ sniHosts: ['a.example.com', '*.example.com'], port: 443, destinationSubnets: ['10.0.0.0/8', '::1'], sourceLabels: { app: 'x' }, gateways: ['istio-system/gw'] }],
      route: ROUTE,
    })).toEqual([]);
  });

  test('at least one match, a route', () => {
    expect(tls({ match: [] })).toEqual([
      err(`${T}.match`, 'TLS route must have at least one match condition'),
      err(`${T}.route`, 'TLS route is required'),
    ]);
  });

  test('the route\'s destinations', () => {
    expect(tls({ match: [{ sniHosts: ['a.example.com'] }], route: [{ destination: { host: 'a' }, weight: -1 }] })).toEqual([
      err(`${T}.route[0].weight`, 'weight -1 < 0'),
    ]);
  });
});

describe('validateTLSMatch', () => {
  test('a match may not be null, and needs SNI hosts', () => {
    expect(tls({ match: [null, { sniHosts: [] }], route: ROUTE })).toEqual([
      err(`${T}.match[0]`, 'TLS match may not be null'),
      err(`${T}.match[1].sniHosts`, 'TLS match must have at least one SNI host'),
    ]);
  });

  test('destination subnets, port, source labels, gateways', () => {
    expect(tls({
      match: [{ sniHosts: ['a.example.com'], destinationSubnets: ['10.0.0.1/40', '10.0.0.256', 'fe80::1%eth0/64'], port: 70000, sourceLabels: { '-x': 'a' }, gateways: ['/gw'] }],
      route: ROUTE,
    })).toEqual([
      err(`${T}.match[0].destinationSubnets[0]`, '10.0.0.1/40 is not a valid CIDR block'),
      err(`${T}.match[0].destinationSubnets[1]`, '10.0.0.256 is not a valid IP'),
      err(`${T}.match[0].destinationSubnets[2]`, 'fe80::1%eth0/64 is not a valid CIDR block'),
      err(`${T}.match[0].port`, 'port number 70000 must be in the range 1..65535'),
      err(`${T}.match[0].sourceLabels[-x]`, 'invalid tag key: "-x"'),
      err(`${T}.match[0].gateways[0]`, 'config namespace and gateway name cannot be empty'),
      err(`${T}.match[0].gateways[0]`, 'invalid value for namespace: ""'),
    ]);
  });
});

describe('validateSniHost', () => {
  test('an SNI host must be covered by a VirtualService host', () => {
    expect(tls({ match: [{ sniHosts: ['a.other.com', '*.example.com', '*.a.example.com'] }], route: ROUTE }, { hosts: ['*.example.com', 'b.com'] })).toEqual([
      err(`${T}.match[0].sniHosts[0]`, 'SNI host "a.other.com" is not a compatible subset of any of the virtual service hosts: [*.example.com, b.com]'),
    ]);
    expect(tls({ match: [{ sniHosts: ['*.com'] }], route: ROUTE }, { hosts: ['*.example.com'] })).toEqual([
      err(`${T}.match[0].sniHosts[0]`, 'SNI host "*.com" is not a compatible subset of any of the virtual service hosts: [*.example.com]'),
    ]);
  });

  test('an IP address is a warning', () => {
    expect(tls({ match: [{ sniHosts: ['10.1.2.3', '2001:db8::1'] }], route: ROUTE })).toEqual([
      warn(`${T}.match[0].sniHosts[0]`, 'using an IP address ("10.1.2.3") goes against SNI spec and most clients do not support this'),
      warn(`${T}.match[0].sniHosts[1]`, 'using an IP address ("2001:db8::1") goes against SNI spec and most clients do not support this'),
    ]);
  });

  test('an invalid SNI host', () => {
    expect(tls({ match: [{ sniHosts: ['a_b.example.com'] }], route: ROUTE })).toEqual([
      err(`${T}.match[0].sniHosts[0]`, 'domain name "a_b.example.com" invalid (label "a_b" invalid)'),
    ]);
  });

  test('auto-generated SNI names pass unless the VirtualService is bound to mesh', () => {
    const match = [{ sniHosts: ['outbound_.9080_._.reviews.prod.svc.cluster.local'] }];
    const hosts = ['outbound_.9080_._.reviews.prod.svc.cluster.local'];
    expect(tls({ match, route: ROUTE }, { hosts })).toEqual([]);
    expect(tls({ match, route: ROUTE }, { hosts: ['*.example.com'], gateways: undefined })).toEqual([
      err(`${T}.match[0].sniHosts[0]`, 'SNI host "outbound_.9080_._.reviews.prod.svc.cluster.local" is not a compatible subset of any of the virtual service hosts: [*.example.com]'),
    ]);
    expect(tls({ match, route: ROUTE }, { hosts: ['*.example.com'], gateways: ['mesh'] })).toEqual([
      err(`${T}.match[0].sniHosts[0]`, 'domain name "outbound_.9080_._.reviews.prod.svc.cluster.local" invalid (label "outbound_" invalid)'),
    ]);
  });

  test('malformed auto-generated SNI names', () => {
    expect(tls({ match: [{ sniHosts: ['outbound_.80_.'] }], route: ROUTE })).toEqual([
      err(`${T}.match[0].sniHosts[0]`, 'domain name outbound_.80_. invalid, should follow \'outbound_.<PORT>_._.<HOSTNAME>\' format'),
    ]);
    expect(tls({ match: [{ sniHosts: ['outbound_.http_._.a.com'] }], route: ROUTE })).toEqual([
      err(`${T}.match[0].sniHosts[0]`, 'domain name "outbound_.http_._.a.com" invalid (label "http" invalid). should follow outbound_.<PORT>_._.<HOSTNAME> format'),
    ]);
    expect(tls({ match: [{ sniHosts: ['outbound_.80_._.123'] }], route: ROUTE })).toEqual([
      err(`${T}.match[0].sniHosts[0]`, 'domain name "outbound_.80_._.123" invalid (label "123" invalid). should follow outbound_.<PORT>_._.<HOSTNAME> format'),
    ]);
  });
});

describe('validateTCPRoute', () => {
  const P = 'spec.tcp[0]';
  const tcp = (route: Record<string, unknown>) => specFindings({ hosts: ['a.com'], tcp: [route] });

  test('a valid TCP route', () => {
    expect(tcp({ match: [{ port: 27017, destinationSubnets: ['10.0.0.0/16'], sourceLabels: { app: 'x' }, sourceSubnet: 'x', gateways: ['mesh'] }], route: ROUTE })).toEqual([]);
  });

  test('a route is required', () => {
    expect(tcp({ match: [{ port: 27017 }] })).toEqual([err(`${P}.route`, 'TCP route is required')]);
  });

  test('validateTCPMatch', () => {
    expect(tcp({ match: [null, { destinationSubnets: ['1.2.3.4/024'], port: 70000, sourceLabels: { a: '-' }, gateways: ['ns/GW_1'] }], route: ROUTE })).toEqual([
      err(`${P}.match[0]`, 'tcp match may not be nil'),
      err(`${P}.match[1].destinationSubnets[0]`, '1.2.3.4/024 is not a valid CIDR block'),
      err(`${P}.match[1].port`, 'port number 70000 must be in the range 1..65535'),
      err(`${P}.match[1].sourceLabels[a]`, 'invalid tag value: "-"'),
      err(`${P}.match[1].gateways[0]`, 'invalid value for gateway name: "GW_1"'),
    ]);
  });

  test('null routes are skipped', () => {
    expect(specFindings({ hosts: ['a.com'], tcp: [null], tls: [null] })).toEqual([]);
  });
});
