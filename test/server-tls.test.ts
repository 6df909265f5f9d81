import { ServerTlsMode, TlsProtocolVersion } from '../src';
import { renderServerTls } from '../src/core/render-server-tls';
import { FieldPath } from '../src/validation/field-path';

const fail = (message: string) => new Error(`Test: ${message}`);
const render = (tls: Parameters<typeof renderServerTls>[0]) => renderServerTls(tls, FieldPath.at('tls'), fail);

describe('ServerTlsSettings', () => {
  test('renders every field as set', () => {
    expect(render({
      mode: ServerTlsMode.MUTUAL,
      serverCertificate: '/etc/certs/server.pem',
      privateKey: '/etc/certs/key.pem',
      caCertificates: '/etc/certs/ca.pem',
      caCrl: '/etc/certs/crl.pem',
      subjectAltNames: ['spiffe://example.com/client'],
      verifyCertificateSpki: ['spki='],
      verifyCertificateHash: ['ab:cd'],
      minProtocolVersion: TlsProtocolVersion.TLSV1_3,
      maxProtocolVersion: TlsProtocolVersion.TLSV1_3,
      cipherSuites: ['ECDHE-RSA-AES128-GCM-SHA256'],
    })).toEqual({
      mode: 'MUTUAL',
      serverCertificate: '/etc/certs/server.pem',
      privateKey: '/etc/certs/key.pem',
      caCertificates: '/etc/certs/ca.pem',
      caCrl: '/etc/certs/crl.pem',
      subjectAltNames: ['spiffe://example.com/client'],
      verifyCertificateSpki: ['spki='],
      verifyCertificateHash: ['ab:cd'],
      minProtocolVersion: 'TLSV1_3',
      maxProtocolVersion: 'TLSV1_3',
      cipherSuites: ['ECDHE-RSA-AES128-GCM-SHA256'],
    });
  });

  test('renders credentialNames, caCertCredentialName and tlsCertificates', () => {
    expect(render({ mode: ServerTlsMode.OPTIONAL_MUTUAL, credentialNames: ['rsa', 'ecdsa'], caCertCredentialName: 'client-ca' })).toEqual({
      mode: 'OPTIONAL_MUTUAL', credentialNames: ['rsa', 'ecdsa'], caCertCredentialName: 'client-ca', minProtocolVersion: 'TLSV1_2',
    });
    expect(render({ tlsCertificates: [{ serverCertificate: '/a.pem', privateKey: '/a.key' }, { serverCertificate: '/b.pem', privateKey: '/b.key', caCertificates: '/ca.pem' }] }))
      .toEqual({
        mode: 'SIMPLE',
        tlsCertificates: [{ serverCertificate: '/a.pem', privateKey: '/a.key' }, { serverCertificate: '/b.pem', privateKey: '/b.key', caCertificates: '/ca.pem' }],
        minProtocolVersion: 'TLSV1_2',
      });
  });

  test('httpsRedirect alone renders no mode (a plain HTTP server)', () => {
    expect(render({ httpsRedirect: true })).toEqual({ httpsRedirect: true });
  });

  test('empty lists are not rendered', () => {
    expect(render({ mode: ServerTlsMode.PASSTHROUGH, subjectAltNames: [], cipherSuites: [] })).toEqual({ mode: 'PASSTHROUGH' });
  });

  describe('secure defaults', () => {
    test('mode is SIMPLE when a certificate source is given', () => {
      expect(render({ credentialName: 'cert' })).toEqual({ mode: 'SIMPLE', credentialName: 'cert', minProtocolVersion: 'TLSV1_2' });
      expect(render({ serverCertificate: '/c.pem', privateKey: '/k.pem' }).mode).toBe('SIMPLE');
      expect(render({ credentialNames: ['a'] }).mode).toBe('SIMPLE');
    });

    test.each([ServerTlsMode.SIMPLE, ServerTlsMode.MUTUAL, ServerTlsMode.OPTIONAL_MUTUAL])('%s gets minProtocolVersion TLSV1_2', (mode) => {
      expect(render({ mode, credentialName: 'cert' }).minProtocolVersion).toBe('TLSV1_2');
    });

    test.each([ServerTlsMode.PASSTHROUGH, ServerTlsMode.AUTO_PASSTHROUGH, ServerTlsMode.ISTIO_MUTUAL])('%s gets no minProtocolVersion', (mode) => {
      expect(render({ mode }).minProtocolVersion).toBeUndefined();
    });

    test('a minProtocolVersion the user set is kept, even a lower one', () => {
      expect(render({ credentialName: 'c', minProtocolVersion: TlsProtocolVersion.TLSV1_0, cipherSuites: ['AES128-SHA'] }).minProtocolVersion).toBe('TLSV1_0');
      expect(render({ credentialName: 'c', minProtocolVersion: TlsProtocolVersion.TLS_AUTO }).minProtocolVersion).toBe('TLS_AUTO');
    });

    test('no minimum is added when the maximum is below TLS 1.2', () => {
      expect(render({ credentialName: 'c', maxProtocolVersion: TlsProtocolVersion.TLSV1_1 })).toEqual({
        mode: 'SIMPLE', credentialName: 'c', maxProtocolVersion: 'TLSV1_1',
      });
    });

    test('a mode the user set is kept', () => {
      expect(render({ mode: ServerTlsMode.MUTUAL, credentialName: 'c' }).mode).toBe('MUTUAL');
    });
  });

  describe('errors', () => {
    test('a certificate with a passthrough mode', () => {
      expect(() => render({ mode: ServerTlsMode.PASSTHROUGH, credentialName: 'cert' })).toThrow(
        'Test: tls.mode PASSTHROUGH does not terminate TLS, so credentialName would be ignored; set mode SIMPLE or MUTUAL to terminate TLS here, or remove the certificate settings');
      expect(() => render({ mode: ServerTlsMode.AUTO_PASSTHROUGH, serverCertificate: '/c', privateKey: '/k' }))
        .toThrow(/mode AUTO_PASSTHROUGH does not terminate TLS, so serverCertificate, privateKey would be ignored/);
    });

    test('a minimum version above the maximum', () => {
      expect(() => render({ credentialName: 'c', minProtocolVersion: TlsProtocolVersion.TLSV1_3, maxProtocolVersion: TlsProtocolVersion.TLSV1_2 }))
        .toThrow('Test: tls.minProtocolVersion "TLSV1_3" is above maxProtocolVersion "TLSV1_2"; no TLS version would be accepted');
    });

    test('SIMPLE without a certificate (Istio\'s rule)', () => {
      expect(() => render({ mode: ServerTlsMode.SIMPLE })).toThrow(
        'Test: tls.serverCertificate: SIMPLE TLS requires a server certificate; set credentialName (a Kubernetes Secret with tls.crt and tls.key), or serverCertificate and privateKey');
    });

    test('a server certificate without its key (Istio\'s rule)', () => {
      expect(() => render({ serverCertificate: '/c.pem' })).toThrow('Test: tls.privateKey: SIMPLE TLS requires a private key');
    });

    test('MUTUAL with file certificates but no CA bundle (Istio\'s rule)', () => {
      expect(() => render({ mode: ServerTlsMode.MUTUAL, serverCertificate: '/c', privateKey: '/k' })).toThrow(
        'Test: tls.caCertificates: MUTUAL TLS requires a client CA bundle; set caCertificates, or use credentialName (its Secret holds ca.crt)');
    });

    test('ISTIO_MUTUAL with a certificate (Istio\'s rule)', () => {
      expect(() => render({ mode: ServerTlsMode.ISTIO_MUTUAL, credentialName: 'c' })).toThrow(
        "Test: tls.credentialName: ISTIO_MUTUAL TLS cannot have associated credentialName; remove it: ISTIO_MUTUAL uses the proxy's own Istio certificate");
    });

    test('two certificate sources (Istio\'s rule)', () => {
      expect(() => render({ credentialName: 'c', serverCertificate: '/c', privateKey: '/k' })).toThrow(
        'Test: tls: only one of credential_name, credential_names, server_certificate/private_key, tls_certificates should be specified; keep one certificate source');
    });

    test('a CRL with SIMPLE (Istio\'s rule)', () => {
      expect(() => render({ serverCertificate: '/c', privateKey: '/k', caCrl: '/crl' })).toThrow(
        'Test: tls.caCrl: CRL is not supported with SIMPLE TLS; remove caCrl, or put the CRL in the credential (ca.crl)');
    });
  });
});
