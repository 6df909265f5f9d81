import { ROUTE, specFindings } from './virtual-service/helpers';
import { validateObjects } from '../../../src/validation/validate';
import { err, virtualService, warn } from '../../support/objects';

const HTTP = [{ route: ROUTE }];

describe('ValidateVirtualService', () => {
  test('a plain VirtualService is valid', () => {
    expect(specFindings({ hosts: ['reviews', 'reviews.prod.svc.cluster.local', '*.example.com'], http: HTTP })).toEqual([]);
  });

  describe('delegates (no hosts)', () => {
    test('a delegate with HTTP routes only is valid', () => {
      expect(specFindings({ http: HTTP })).toEqual([]);
    });

    test('a delegate may have no gateways, TLS or TCP routes', () => {
      expect(specFindings({
        gateways: ['istio-system/gw'],
        http: HTTP,
        tls: [{ match: [{ sniHosts: ['a.com'] }], route: ROUTE }],
        tcp: [{ route: ROUTE }],
      })).toEqual([
        err('spec.gateways', 'delegate virtual service must have no gateways specified'),
        err('spec.tls', 'delegate virtual service must have no tls route specified'),
        err('spec.tcp', 'delegate virtual service must have no tcp route specified'),
        // the TLS route's SNI host is checked against the (missing) hosts as well
        err('spec.tls[0].match[0].sniHosts[0]', 'SNI host "a.com" is not a compatible subset of any of the virtual service hosts: []'),
      ]);
    });
  });

  describe('gateways (validateGatewayNames)', () => {
    test.each([[['mesh']], [['istio-system/gw']], [['gw']], [['mesh', 'ns/gw']]])('%p is valid', gateways => {
      expect(specFindings({ hosts: ['reviews'], gateways, http: HTTP })).toEqual([]);
    });

    test('bad references', () => {
      expect(specFindings({ hosts: ['a.com'], gateways: ['ns/', 'n_s/gw', 'ns/gw.x'], http: HTTP })).toEqual([
        err('spec.gateways[0]', 'config namespace and gateway name cannot be empty'),
        err('spec.gateways[0]', 'invalid value for gateway name: ""'),
        err('spec.gateways[1]', 'invalid value for namespace: "n_s"'),
        err('spec.gateways[2]', 'invalid value for gateway name: "gw.x"'),
      ]);
    });

    test('a legacy FQDN reference is a warning, and ends the check', () => {
      expect(specFindings({ hosts: ['a.com'], gateways: ['gw.istio-system.svc.cluster.local', 'BAD/x'], http: HTTP })).toEqual([
        warn('spec.gateways[0]', 'using legacy gatewayName format "gw.istio-system.svc.cluster.local"; prefer the <namespace>/<name> format: "istio-system/gw"'),
      ]);
    });

    test('a reference without / must be an FQDN', () => {
      expect(specFindings({ hosts: ['a.com'], gateways: ['Gw_1'], http: HTTP })).toEqual([
        err('spec.gateways[0]', 'domain name "Gw_1" invalid (label "Gw_1" invalid)'),
      ]);
    });

    test('Gateway API semantics (internal.istio.io/route-semantics: gateway) allow any gateway name and skip destination checks', () => {
      const spec = { hosts: ['a.com'], gateways: ['ns/My.Gateway'], http: [{ route: [{ destination: { host: 'Bad_Host' } }] }] };
      expect(specFindings(spec, { annotations: { 'internal.istio.io/route-semantics': 'gateway' } })).toEqual([]);
      expect(specFindings(spec)).toEqual([
        err('spec.gateways[0]', 'invalid value for gateway name: "My.Gateway"'),
        err('spec.http[0].route[0].destination.host', 'domain name "Bad_Host" invalid (label "Bad_Host" invalid)'),
      ]);
    });
  });

  describe('JWT claim based routing', () => {
    const jwtRoute = { match: [{ headers: { '@request.auth.claims.group': { exact: 'a' } }, withoutHeaders: { '@request.auth.claims[sub]': { exact: 'b' } } }], route: ROUTE };

    test('is allowed on gateways', () => {
      expect(specFindings({ hosts: ['a.com'], gateways: ['ns/gw'], http: [jwtRoute] })).toEqual([]);
    });

    test('is an error without gateways or with mesh', () => {
      expect(specFindings({ hosts: ['a.com'], http: [jwtRoute] })).toEqual([
        err('spec.http[0].match[0].headers[@request.auth.claims.group]', 'JWT claim based routing (key: @request.auth.claims.group) is only supported for gateway, found no gateways: []'),
        err('spec.http[0].match[0].withoutHeaders[@request.auth.claims[sub]]', 'JWT claim based routing (key: @request.auth.claims[sub]) is only supported for gateway, found no gateways: []'),
      ]);
      expect(specFindings({ hosts: ['a.com'], gateways: ['mesh', 'ns/gw'], http: [jwtRoute] })).toEqual([
        err('spec.http[0].match[0].headers[@request.auth.claims.group]', 'JWT claim based routing (key: @request.auth.claims.group) is only supported for gateway, found no gateways: [mesh ns/gw]'),
        err('spec.http[0].match[0].withoutHeaders[@request.auth.claims[sub]]', 'JWT claim based routing (key: @request.auth.claims[sub]) is only supported for gateway, found no gateways: [mesh ns/gw]'),
      ]);
    });
  });

  describe('hosts', () => {
    test.each([['10.0.0.1'], ['2001:db8::1'], ['*.a.com'], ['*-svc.a.com'], ['a.com.']])('%s is a valid host', host => {
      expect(specFindings({ hosts: [host], http: HTTP })).toEqual([]);
    });

    test.each([
      ['a_b', 'domain name "a_b" invalid (label "a_b" invalid)'],
      // past the first label, Istio names only the rest of the domain
      ['a.*.com', 'domain name "*.com" invalid (label "*" invalid)'],
      ['a.123', 'domain name "123" invalid (top level domain "123" cannot be all-numeric)'],
      ['', 'empty domain name not allowed'],
      ['010.0.0.1', 'domain name "0.0.1" invalid (top level domain "1" cannot be all-numeric)'],
      [`${'a'.repeat(64)}.com`, `domain name "${'a'.repeat(64)}.com" invalid (label "${'a'.repeat(64)}" invalid)`],
    ])('%p is invalid', (host, message) => {
      expect(specFindings({ hosts: [host], http: HTTP })).toEqual([err('spec.hosts[0]', message)]);
    });

    test('* is allowed on gateways only', () => {
      expect(specFindings({ hosts: ['*'], gateways: ['ns/gw'], http: HTTP })).toEqual([]);
      expect(specFindings({ hosts: ['*'], http: HTTP })).toEqual([
        err('spec.hosts[0]', 'wildcard host * is not allowed for virtual services bound to the mesh gateway'),
      ]);
      expect(specFindings({ hosts: ['*'], gateways: ['ns/gw', 'mesh'], http: HTTP })).toEqual([
        err('spec.hosts[0]', 'wildcard host * is not allowed for virtual services bound to the mesh gateway'),
      ]);
    });

    test('on a gateway with SNI matches, hosts may be auto-generated SNI names', () => {
      const tls = [{ match: [{ sniHosts: ['outbound_.80_._.a.com'] }], route: ROUTE }];
      expect(specFindings({ hosts: ['outbound_.80_._.a.com'], gateways: ['ns/gw'], tls })).toEqual([]);
      expect(specFindings({ hosts: ['outbound_.80_._.a.com'], gateways: ['ns/gw'], http: HTTP })).toEqual([
        err('spec.hosts[0]', 'domain name "outbound_.80_._.a.com" invalid (label "outbound_" invalid)'),
      ]);
      expect(specFindings({ hosts: ['outbound_.x_._.a.com'], gateways: ['ns/gw'], tls })).toEqual([
        err('spec.hosts[0]', 'domain name "outbound_.x_._.a.com" invalid (label "x" invalid). should follow outbound_.<PORT>_._.<HOSTNAME> format'),
        err('spec.tls[0].match[0].sniHosts[0]', 'SNI host "outbound_.80_._.a.com" is not a compatible subset of any of the virtual service hosts: [outbound_.x_._.a.com]'),
      ]);
    });

    test('duplicate and overlapping hosts', () => {
      expect(specFindings({ hosts: ['a.com', '*.com', 'a.com', 'b.org'], http: HTTP })).toEqual([
        err('spec.hosts[1]', 'duplicate hosts in virtual service: a.com & *.com'),
        err('spec.hosts[2]', 'duplicate hosts in virtual service: a.com & a.com'),
        err('spec.hosts[2]', 'duplicate hosts in virtual service: *.com & a.com'),
      ]);
    });

    test('duplicates are only looked for when every host is valid', () => {
      expect(specFindings({ hosts: ['a.com', 'a.com', 'b_c'], http: HTTP })).toEqual([
        err('spec.hosts[2]', 'domain name "b_c" invalid (label "b_c" invalid)'),
      ]);
    });
  });

  describe('routes', () => {
    test('http, tcp or tls must be provided', () => {
      expect(specFindings({ hosts: ['a.com'] })).toEqual([err('spec', 'http, tcp or tls must be provided in virtual service')]);
      expect(specFindings({ hosts: ['a.com'], http: [] })).toEqual([err('spec', 'http, tcp or tls must be provided in virtual service')]);
      expect(specFindings({ hosts: ['a.com'], tcp: [{ route: ROUTE }] })).toEqual([]);
    });

    test('an HTTP route may not be null', () => {
      expect(specFindings({ hosts: ['a.com'], http: [null, { route: ROUTE }] })).toEqual([err('spec.http[0]', 'http route may not be null')]);
    });
  });

  describe('exportTo (validateExportTo)', () => {
    test.each([[['.']], [['*']], [['.', 'other']], [[]]])('%p is valid', exportTo => {
      expect(specFindings({ hosts: ['a.com'], http: HTTP, exportTo })).toEqual([]);
    });

    test('duplicates, ~, bad names, * with others', () => {
      expect(specFindings({ hosts: ['a.com'], http: HTTP, exportTo: ['.', 'default', 'x', 'x', '~', 'b_ad', '*'] })).toEqual([
        err('spec.exportTo[1]', 'duplicate entries in exportTo for entry default'),
        err('spec.exportTo[3]', 'duplicate entries in exportTo for entry x'),
        err('spec.exportTo[4]', 'exportTo ~ (none) is not allowed for Istio configuration objects'),
        err('spec.exportTo[5]', 'only .,*, or a valid DNS 1123 label is allowed as exportTo entry'),
        err('spec.exportTo', 'cannot have both public (*) and non-public exportTo values for a resource'),
      ]);
      expect(specFindings({ hosts: ['a.com'], http: HTTP, exportTo: ['default', '.'] })).toEqual([
        err('spec.exportTo[1]', 'duplicate entries in exportTo: . and current namespace default'),
      ]);
    });
  });
});

describe('VirtualService webhook rules end to end (schema first, then webhook)', () => {
  const vs = (spec: Record<string, unknown>) => virtualService('reviews', spec, 'prod');
  // the webhook's diagnostics only (cross-resource analysis has codes of its own)
  const webhook = (spec: Record<string, unknown>) => validateObjects([vs(spec)])
    .filter(d => d.code === 'IST0106' || d.code === 'IST0133')
    .map(d => ({ severity: d.severity, code: d.code, path: d.path, message: d.message }));

  test('a valid VirtualService has no diagnostics', () => {
    expect(webhook({
      hosts: ['reviews'],
      http: [{
        match: [{ uri: { prefix: '/api' }, headers: { 'x-user': { regex: '^(alice|bob)$' } } }],
        timeout: '1.5s',
        retries: { attempts: 3, perTryTimeout: '2s', retryOn: '5xx,503' },
        route: [{ destination: { host: 'reviews', subset: 'v1' }, weight: 90 }, { destination: { host: 'reviews', subset: 'v2' }, weight: 10 }],
      }],
    })).toEqual([]);
  });

  test('webhook errors are IST0106 errors', () => {
    expect(webhook({
      hosts: ['*'],
      http: [{ match: [{ uri: { regex: '(?!a)' } }], timeout: '1.5ms', route: [{ destination: { host: 'reviews' }, weight: -1 }] }],
    })).toEqual([
      { severity: 'error', code: 'IST0106', path: 'spec.hosts[0]', message: 'wildcard host * is not allowed for virtual services bound to the mesh gateway' },
      {
        severity: 'error',
        code: 'IST0106',
        path: 'spec.http[0].match[0].uri.regex',
        message: '"uri": error parsing regexp: invalid or unsupported Perl syntax: `(?!`; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)',
      },
      { severity: 'error', code: 'IST0106', path: 'spec.http[0].route[0].weight', message: 'weight -1 < 0' },
      { severity: 'error', code: 'IST0106', path: 'spec.http[0].timeout', message: 'only durations to ms precision are supported' },
    ]);
  });

  test('webhook warnings are IST0133 warnings', () => {
    expect(webhook({ hosts: ['reviews'], http: [{ mirror: { host: 'mirror' }, mirrorPercent: 50, route: ROUTE }] })).toEqual([
      { severity: 'warning', code: 'IST0133', path: 'spec.http[0].mirrorPercent', message: 'using deprecated setting "mirrorPercent", use "mirrorPercentage" instead' },
    ]);
  });

  test('redirect conflicts and CORS', () => {
    expect(webhook({
      hosts: ['reviews'],
      http: [{
        redirect: { uri: '/new', redirectCode: 200 },
        route: ROUTE,
        corsPolicy: { allowMethods: ['FETCH'], maxAge: '1.5s' },
      }],
    }).map(d => d.message)).toEqual([
      'HTTP route cannot contain both route and redirect',
      '"FETCH" is not a supported HTTP method',
      'max_age duration is accurate only to seconds precision',
      '200 is not a valid redirect code, must be 3xx',
    ]);
  });

  test('TLS and TCP routes', () => {
    expect(webhook({
      hosts: ['a.example.com'],
      gateways: ['istio-system/gw'],
      tls: [{ match: [{ sniHosts: ['b.example.com'] }], route: [{ destination: { host: 'a' } }] }],
      tcp: [{ match: [{ destinationSubnets: ['10.0.0.0/33'], port: 70000 }], route: [{ destination: { host: 'a' } }] }],
    }).map(d => [d.severity, d.path, d.message])).toEqual([
      ['error', 'spec.tls[0].match[0].sniHosts[0]', 'SNI host "b.example.com" is not a compatible subset of any of the virtual service hosts: [a.example.com]'],
      ['error', 'spec.tcp[0].match[0].destinationSubnets[0]', '10.0.0.0/33 is not a valid CIDR block'],
      ['error', 'spec.tcp[0].match[0].port', 'port number 70000 must be in the range 1..65535'],
    ]);
  });

  test('an admitted object carries its warnings; a denied one only its errors', () => {
    const tls = [{ match: [{ sniHosts: ['10.0.0.1'] }], route: [{ destination: { host: 'a' } }] }];
    expect(webhook({ hosts: ['a.example.com'], gateways: ['istio-system/gw'], tls }).map(d => [d.severity, d.path, d.message])).toEqual([
      ['warning', 'spec.tls[0].match[0].sniHosts[0]', 'using an IP address ("10.0.0.1") goes against SNI spec and most clients do not support this'],
    ]);
    expect(webhook({ hosts: ['a.example.com'], gateways: ['istio-system/gw'], tls, exportTo: ['~'] }).map(d => [d.severity, d.path, d.message])).toEqual([
      ['error', 'spec.exportTo[0]', 'exportTo ~ (none) is not allowed for Istio configuration objects'],
    ]);
  });

  test('durations the CRD rejects never reach the webhook: the CEL rule\'s error only', () => {
    expect(webhook({ hosts: ['reviews'], http: [{ timeout: '0.5ms', route: ROUTE }] })).toEqual([
      { severity: 'error', code: 'IST0106', path: 'spec.http[0].timeout', message: 'Invalid value: "0.5ms": must be a valid duration greater than 1ms' },
    ]);
  });
});
