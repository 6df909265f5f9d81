import { err, sidecar, webhookFindings } from '../../../support/objects';

/** The webhook's findings for the Sidecar `bookinfo/default` with these ingress listeners. */
function check(...ingress: any[]) {
  return webhookFindings(sidecar('default', { ingress }, 'bookinfo'));
}

const listener = (over: any = {}) => ({ port: { number: 9080, protocol: 'HTTP', name: 'http' }, ...over });
const withPort = (port: any, over: any = {}) => listener({ port: { number: 9080, protocol: 'HTTP', name: 'http', ...port }, ...over });
const error = (path: string, message: string) => err(`spec.ingress[0]${path}`, message);

describe('ValidateSidecar: ingress listeners', () => {
  test('a valid listener has no findings', () => {
    expect(check(listener({ bind: '0.0.0.0', defaultEndpoint: '127.0.0.1:8080', captureMode: 'NONE' }))).toEqual([]);
  });

  test('a null listener is an error', () => {
    expect(check(null)).toEqual([{ path: 'spec.ingress[0]', message: 'sidecar: ingress may not be null' }]);
  });

  test('a listener without port is an error, and nothing else is checked', () => {
    expect(check({ bind: 'nonsense' })).toEqual([error('.port', 'sidecar: port is required for ingress listeners')]);
  });

  test('targetPort is an error', () => {
    expect(check(withPort({ targetPort: 8080 }))).toEqual([error('.port.targetPort', 'targetPort has no impact on Sidecars')]);
  });

  describe('validateSidecarIngressPortAndBind', () => {
    test('the port name is optional, the protocol may be empty (sniffing)', () => {
      expect(check({ port: { number: 9080 } })).toEqual([]);
    });

    test('an invalid port name is an error', () => {
      expect(check(withPort({ name: 'http_web' }))).toEqual([error('.port.name', 'invalid port name: http_web')]);
    });

    test('an unknown protocol is an error', () => {
      expect(check(withPort({ protocol: 'FTP' }))).toEqual([error('.port.protocol', 'unsupported protocol: FTP')]);
    });

    test.each([0, 65536])('port number %p is out of range', (number) => {
      expect(check(withPort({ number }))).toEqual([error('.port.number', `port number ${number} must be in the range 1..65535`)]);
    });

    test('a bind that is not an IP is an error', () => {
      expect(check(listener({ bind: 'unix:///var/run/app.sock' }))).toEqual([error('.bind', 'unix:///var/run/app.sock is not a valid IP')]);
    });
  });

  test('repeated port numbers are an error', () => {
    expect(check(listener(), withPort({ name: 'other' }))).toEqual([
      { path: 'spec.ingress[1].port.number', message: 'sidecar: ports on IP bound listeners must be unique' },
    ]);
    expect(check(listener(), withPort({ number: 9081, name: 'other' }))).toEqual([]);
  });

  test('a default endpoint is checked (details in default-endpoint.test.ts)', () => {
    expect(check(listener({ defaultEndpoint: 'unix://relative' }))).toEqual([error('.defaultEndpoint', 'relative is not an absolute path to a file')]);
  });

  describe('tls', () => {
    const https = (tls: any) => withPort({ protocol: 'HTTPS', name: 'https' }, { tls });
    const files = { mode: 'SIMPLE', serverCertificate: '/etc/cert.pem', privateKey: '/etc/key.pem' };

    test('SIMPLE with certificate files on an HTTPS port is valid', () => {
      expect(check(https(files))).toEqual([]);
      expect(check(https({ mode: 'MUTUAL', serverCertificate: '/c', privateKey: '/k', caCertificates: '/ca' }))).toEqual([]);
    });

    test.each([
      [{ subjectAltNames: ['spiffe://x'] }, '.tls.subjectAltNames', 'sidecar: subjectAltNames is not supported in ingress tls'],
      [{ httpsRedirect: true }, '.tls.httpsRedirect', 'sidecar: httpsRedirect is not supported'],
    ])('%p is not supported', (extra, path, message) => {
      expect(check(https({ ...files, ...extra }))).toEqual([error(path, message)]);
    });

    test('credentials are not supported', () => {
      expect(check(https({ mode: 'SIMPLE', credentialName: 'cert' }))).toEqual([
        error('.tls.credentialName', 'sidecar: credentialName is not currently supported'),
      ]);
      expect(check(https({ mode: 'SIMPLE', credentialNames: ['cert'] }))).toEqual([
        error('.tls.credentialNames', 'sidecar: credentialNames is not currently supported'),
      ]);
      expect(check(https({ mode: 'SIMPLE', tlsCertificates: [{ serverCertificate: '/c', privateKey: '/k' }] }))).toEqual([
        error('.tls.tlsCertificates', 'sidecar: tls_certificates is not currently supported'),
      ]);
    });

    test.each(['ISTIO_MUTUAL', 'AUTO_PASSTHROUGH'])('mode %s is not allowed', (mode) => {
      expect(check(https({ mode }))).toEqual([error('.tls.mode', `configuration is invalid: cannot set mode to ${mode} in sidecar ingress tls`)]);
    });

    test('TLS settings need an HTTPS or TLS port, then the server TLS rules apply', () => {
      expect(check(listener({ tls: { mode: 'SIMPLE' } }))).toEqual([
        error('.tls', 'server cannot have TLS settings for non HTTPS/TLS ports'),
        error('.tls.serverCertificate', 'SIMPLE TLS requires a server certificate'),
        error('.tls.privateKey', 'SIMPLE TLS requires a private key'),
      ]);
    });
  });

  describe('connectionPool', () => {
    test('an HTTP pool on an HTTP port is valid', () => {
      expect(check(listener({ connectionPool: { http: { http1MaxPendingRequests: 10 } } }))).toEqual([]);
    });

    test('the pool rules apply (details in connection-pool.test.ts)', () => {
      expect(check(listener({ connectionPool: {} }))).toEqual([error('.connectionPool', 'connection pool must have at least one field')]);
    });

    test('an HTTP pool on a non-HTTP port is a warning', () => {
      expect(check(withPort({ protocol: 'TCP', name: 'tcp' }, { connectionPool: { http: { maxRetries: 3 }, tcp: { maxConnections: 5 } } }))).toEqual([{
        path: 'spec.ingress[0].connectionPool.http',
        message: 'sidecar: HTTP connection pool settings are configured for port 9080 ("tcp") but its protocol is not HTTP (TCP); only TCP settings will apply',
        warning: true,
      }]);
    });
  });
});
