import { err, gateway, webhookFindings } from '../../../support/objects';

/** The webhook's findings for a Gateway with this one server. */
function check(server: any, annotations?: Record<string, string>) {
  return webhookFindings(gateway('gw', { servers: [server] }, { namespace: 'default', annotations }));
}

const http = (over: any = {}) => ({ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*.example.com'], ...over });
const withPort = (port: any, over: any = {}) => http({ port: { number: 80, name: 'http', protocol: 'HTTP', ...port }, ...over });
const error = (path: string, message: string) => err(`spec.servers[0]${path}`, message);

describe('validateServer: hosts', () => {
  test('no host is an error', () => {
    expect(check(http({ hosts: [] }))).toEqual([error('.hosts', 'server config must contain at least one host')]);
  });

  test.each([
    '*', 'foo.example.com', '*.example.com', 'ns/foo.example.com', './foo.example.com', '*/foo.example.com', 'ns/*', '1.2.3.4',
  ])('%s is a valid host', (host) => {
    expect(check(http({ hosts: [host] }))).toEqual([]);
  });

  test.each([
    ['foo', ['short names (non FQDN) are not allowed']],
    ['bad_ns/foo.example.com', ['invalid namespace value "bad_ns" in gateway']],
    ['/foo.example.com', ['config namespace and dnsName in host entry cannot be empty', 'invalid namespace value "" in gateway']],
    ['ns/', ['config namespace and dnsName in host entry cannot be empty', 'short names (non FQDN) are not allowed', 'empty domain name not allowed']],
    ['ns/*foo.example.com', ['partial wildcard "*foo.example.com" not allowed']],
    ['foo_bar.example.com', ['domain name "foo_bar.example.com" invalid (label "foo_bar" invalid)']],
    ['~/foo.example.com', ['invalid namespace value "~" in gateway']],
  ])('%s is rejected', (host, messages) => {
    expect(check(http({ hosts: [host] }))).toEqual(messages.map(m => error('.hosts[0]', m)));
  });

  test('Gateway API semantics allow the ~ namespace', () => {
    expect(check(http({ hosts: ['~/foo.example.com'] }), { 'internal.istio.io/gateway-semantics': 'gateway' })).toEqual([]);
  });
});

describe('validateServerPort', () => {
  test('a missing port is an error', () => {
    expect(check({ hosts: ['*'] })).toEqual([error('.port', 'port is required')]);
  });

  test.each(['HTTP', 'http', 'HTTP2', 'GRPC', 'GRPC-Web', 'MONGO', 'Redis', 'mysql', 'TCP', 'UDP', 'HTTP_PROXY'])('protocol %s is valid', (protocol) => {
    expect(check(withPort({ protocol }, { hosts: ['*'] }))).toEqual([]);
  });

  test('an unknown protocol is an error', () => {
    expect(check(withPort({ protocol: 'FTP' }))).toEqual([
      error('.port.protocol', 'invalid protocol "FTP", supported protocols are HTTP, HTTP2, GRPC, GRPC-WEB, MONGO, REDIS, MYSQL, TCP'),
    ]);
  });

  test.each([0, 65536, 4294967295])('port number %p is out of range', (number) => {
    expect(check(withPort({ number }))).toEqual([error('.port.number', `port number ${number} must be in the range 1..65535`)]);
  });

  test('targetPort is an error, and port errors skip the TLS requirement', () => {
    expect(check(withPort({ targetPort: 8080, protocol: 'HTTPS' }))).toEqual([error('.port.targetPort', 'targetPort has no impact on Gateways')]);
  });

  test('an empty port name is an error that prints the port', () => {
    expect(check(withPort({ name: '' }))).toEqual([error('.port.name', 'port name must be set: number:80 protocol:"HTTP"')]);
  });
});

describe('validateServerBind', () => {
  test.each(['10.0.0.1', '::', 'fe80::1%eth0'])('IP bind %s is valid', (bind) => {
    expect(check(http({ bind }))).toEqual([]);
  });

  test('a bind that is not an IP is an error', () => {
    expect(check(http({ bind: 'localhost' }))).toEqual([error('.bind', 'localhost is not a valid IP')]);
  });

  test.each(['unix:///var/run/gateway.sock', 'unix://@abstract'])('unix socket %s with port 0 is valid', (bind) => {
    expect(check(withPort({ number: 0 }, { bind }))).toEqual([]);
  });

  test.each([
    ['unix://', 'unix address must not be empty'],
    ['unix://relative.sock', 'relative.sock is not an absolute path to a file'],
    ['unix:///var/run/', '/var/run/ is not an absolute path to a file'],
  ])('unix socket %s is rejected', (bind, message) => {
    expect(check(withPort({ number: 0 }, { bind }))).toEqual([error('.bind', message)]);
  });

  test('a unix socket needs port number 0', () => {
    expect(check(http({ bind: 'unix:///var/run/gw.sock' }))).toEqual([
      error('.port.number', 'port number must be 0 for unix domain socket: number:80 protocol:"HTTP" name:"http"'),
    ]);
  });
});

describe('validateServer: TLS settings and protocol', () => {
  const https = (tls?: any) => withPort({ number: 443, name: 'https', protocol: 'HTTPS' }, tls ? { tls } : {});

  test('HTTPS and TLS servers with TLS settings are valid', () => {
    expect(check(https({ mode: 'SIMPLE', credentialName: 'cert' }))).toEqual([]);
    expect(check(withPort({ number: 443, name: 'tls', protocol: 'TLS' }, { tls: { mode: 'PASSTHROUGH' } }))).toEqual([]);
  });

  test.each(['HTTPS', 'TLS'])('a %s server without TLS settings is an error', (protocol) => {
    expect(check(withPort({ number: 443, name: 'tls', protocol }))).toEqual([error('.tls', 'server must have TLS settings for HTTPS/TLS protocols')]);
  });

  test('a plain HTTP server may only redirect', () => {
    expect(check(http({ tls: { httpsRedirect: true } }))).toEqual([]);
    expect(check(http({ tls: { mode: 'SIMPLE', credentialName: 'cert' } }))).toEqual([
      error('.tls', 'server cannot have TLS settings for plain text HTTP ports'),
    ]);
  });

  test('certificates on a plain HTTP server are an error even in PASSTHROUGH', () => {
    expect(check(http({ tls: { httpsRedirect: true, serverCertificate: '/etc/cert.pem' } }))).toEqual([
      { ...error('.tls.mode', 'PASSTHROUGH mode does not use certificates, they will be ignored'), warning: true },
      error('.tls', 'server cannot have TLS settings for plain text HTTP ports'),
    ]);
  });

  test('a TCP server with TLS settings is an error', () => {
    expect(check(withPort({ number: 31400, name: 'tcp', protocol: 'TCP' }, { tls: { mode: 'PASSTHROUGH' } }))).toEqual([
      error('.tls', 'server cannot have TLS settings for non HTTPS/TLS ports'),
    ]);
  });
});
