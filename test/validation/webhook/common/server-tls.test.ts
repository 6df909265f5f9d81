import { validateObjects } from '../../../../src/validation/validate';
import { isValidCipherSuite } from '../../../../src/validation/webhook/common/server-tls';
import { err, gateway, warn, webhookFindings } from '../../../support/objects';

/** The findings of an HTTPS gateway server with these TLS settings. */
function check(tls: any) {
  return webhookFindings(gateway('gw', { servers: [{ port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['*'], tls }] }));
}

const tlsPath = (field: string) => `spec.servers[0].tls${field}`;
const error = (field: string, message: string) => err(tlsPath(field), message);
const warning = (field: string, message: string) => warn(tlsPath(field), message);
const simple = { mode: 'SIMPLE', credentialName: 'cert' };

describe('validateTLSOptions: protocol versions and cipher suites', () => {
  test('TLS 1.0/1.1 with cipher suites is valid', () => {
    expect(check({ ...simple, minProtocolVersion: 'TLSV1_0', cipherSuites: ['ECDHE-RSA-AES128-SHA'] })).toEqual([]);
    expect(check({ ...simple, minProtocolVersion: 'TLSV1_2' })).toEqual([]);
  });

  test.each(['TLSV1_0', 'TLSV1_1'])('%s without cipher suites is a warning', (minProtocolVersion) => {
    expect(check({ ...simple, minProtocolVersion })).toEqual([warning('.minProtocolVersion',
      'TLS version below TLSV1_2 require setting compatible ciphers as by default they no longer include compatible ciphers.')]);
  });

  test('unknown cipher suites are a warning, listed sorted', () => {
    expect(check({ ...simple, cipherSuites: ['ECDHE-RSA-AES128-SHA', 'ZZZ', 'AAA', 'ZZZ'] }))
      .toEqual([warning('.cipherSuites', 'ignoring invalid cipher suites: [AAA ZZZ]')]);
  });

  test('repeated cipher suites are a warning', () => {
    expect(check({ ...simple, cipherSuites: ['AES128-SHA', 'AES256-SHA', 'AES128-SHA', 'AES128-SHA'] }))
      .toEqual([warning('.cipherSuites', 'ignoring duplicate cipher suites: [AES128-SHA]')]);
  });

  test.each([
    ['', true], ['ALL', true], ['-AES128-SHA', true], ['!aNULL', true], ['ECDHE-ECDSA-CHACHA20-POLY1305', true],
    ['ecdhe-ecdsa-chacha20-poly1305', false], ['TLS_AES_128_GCM_SHA256', false], ['éAES', false],
  ])('isValidCipherSuite(%p) is %p', (suite, valid) => {
    expect(isValidCipherSuite(suite)).toBe(valid);
  });
});

describe('validateTLSOptions: ISTIO_MUTUAL', () => {
  test('alone it is valid', () => {
    expect(check({ mode: 'ISTIO_MUTUAL' })).toEqual([]);
  });

  test('every certificate source is an error', () => {
    expect(check({
      mode: 'ISTIO_MUTUAL',
      serverCertificate: '/c',
      privateKey: '/k',
      caCertificates: '/ca',
      tlsCertificates: [{ serverCertificate: '/c', privateKey: '/k' }],
      credentialName: 'cert',
      credentialNames: ['a'],
      caCrl: '/crl',
    })).toEqual([
      error('.serverCertificate', 'ISTIO_MUTUAL TLS cannot have associated server certificate'),
      error('.privateKey', 'ISTIO_MUTUAL TLS cannot have associated private key'),
      error('.caCertificates', 'ISTIO_MUTUAL TLS cannot have associated CA bundle'),
      error('.tlsCertificates', 'ISTIO_MUTUAL TLS cannot have associated tlsCertificates'),
      error('.credentialName', 'ISTIO_MUTUAL TLS cannot have associated credentialName'),
      error('.credentialNames', 'ISTIO_MUTUAL TLS cannot have associated credentialNames'),
    ]);
  });
});

describe('validateTLSOptions: passthrough', () => {
  test('without certificates it is valid (a missing mode is PASSTHROUGH)', () => {
    expect(check({})).toEqual([]);
    expect(check({ mode: 'AUTO_PASSTHROUGH' })).toEqual([]);
  });

  test.each([
    [{ serverCertificate: '/c' }, 'PASSTHROUGH'],
    [{ mode: 'AUTO_PASSTHROUGH', credentialNames: ['a'] }, 'AUTO_PASSTHROUGH'],
    [{ mode: 'PASSTHROUGH', tlsCertificates: [{}] }, 'PASSTHROUGH'],
  ])('certificates are ignored with a warning (%p)', (tls, mode) => {
    expect(check(tls)).toEqual([warning('.mode', `${mode} mode does not use certificates, they will be ignored`)]);
  });
});

describe('validateTLSOptions: certificate sources', () => {
  test('one source is valid', () => {
    expect(check({ mode: 'SIMPLE', serverCertificate: '/c', privateKey: '/k' })).toEqual([]);
    expect(check({ mode: 'SIMPLE', credentialNames: ['rsa', 'ecdsa'] })).toEqual([]);
    expect(check({ mode: 'SIMPLE', tlsCertificates: [{ serverCertificate: '/c', privateKey: '/k' }] })).toEqual([]);
  });

  test('two sources are an error', () => {
    expect(check({ mode: 'SIMPLE', credentialName: 'cert', serverCertificate: '/c', privateKey: '/k' })).toEqual([
      error('', 'only one of credential_name, credential_names, server_certificate/private_key, tls_certificates should be specified'),
    ]);
  });

  test('SIMPLE needs a certificate and a key', () => {
    expect(check({ mode: 'SIMPLE' })).toEqual([
      error('.serverCertificate', 'SIMPLE TLS requires a server certificate'),
      error('.privateKey', 'SIMPLE TLS requires a private key'),
    ]);
  });

  test('each tlsCertificates entry needs a certificate and a key', () => {
    expect(check({ mode: 'SIMPLE', tlsCertificates: [{ serverCertificate: '/c', privateKey: '/k' }, { serverCertificate: '/c2' }] })).toEqual([
      error('.tlsCertificates[1].privateKey', 'SIMPLE TLS requires a private key'),
    ]);
  });

  test('more than two tlsCertificates is a warning', () => {
    const cert = { serverCertificate: '/c', privateKey: '/k' };
    expect(check({ mode: 'SIMPLE', tlsCertificates: [cert, cert, cert] })).toEqual([
      warning('.tlsCertificates', 'SIMPLE TLS can support up to 2 server certificates'),
    ]);
  });

  test.each(['MUTUAL', 'OPTIONAL_MUTUAL'])('%s needs a client CA bundle too', (mode) => {
    expect(check({ mode, serverCertificate: '/c', privateKey: '/k', caCertificates: '/ca' })).toEqual([]);
    expect(check({ mode })).toEqual([
      error('.caCertificates', 'MUTUAL TLS requires a client CA bundle'),
      error('.serverCertificate', 'MUTUAL TLS requires a server certificate'),
      error('.privateKey', 'MUTUAL TLS requires a private key'),
    ]);
  });

  test('with a credential nothing else is required', () => {
    expect(check({ mode: 'MUTUAL', credentialName: 'cert' })).toEqual([]);
  });
});

describe('validateTLSOptions: CRL', () => {
  test('a CRL with MUTUAL file certificates is valid', () => {
    expect(check({ mode: 'MUTUAL', serverCertificate: '/c', privateKey: '/k', caCertificates: '/ca', caCrl: '/crl' })).toEqual([]);
  });

  test('a CRL with SIMPLE TLS is an error', () => {
    expect(check({ mode: 'SIMPLE', serverCertificate: '/c', privateKey: '/k', caCrl: '/crl' })).toEqual([
      error('.caCrl', 'CRL is not supported with SIMPLE TLS'),
    ]);
  });

  test('a CRL with credentialName is an error (reached in passthrough: terminating modes stop at the credential)', () => {
    expect(check({ credentialName: 'cert', caCrl: '/crl' })).toEqual([
      warning('.mode', 'PASSTHROUGH mode does not use certificates, they will be ignored'),
      error('.caCrl', 'CRL is not supported with credentialName. CRL has to be specified in the credential'),
    ]);
    expect(check({ mode: 'SIMPLE', credentialName: 'cert', caCrl: '/crl' })).toEqual([]);
  });
});

describe('validateTLSOptions end to end', () => {
  test('a sub-1.2 TLS version passes the CRD and warns from the webhook', () => {
    const gw = gateway('gw', {
      servers: [{ port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['*'], tls: { ...simple, minProtocolVersion: 'TLSV1_1' } }],
    }, 'default');
    expect(validateObjects([gw])).toEqual([expect.objectContaining({ severity: 'warning', code: 'IST0133', path: tlsPath('.minProtocolVersion') })]);
  });
});
