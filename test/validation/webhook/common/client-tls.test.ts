import { validateClientTLS } from '../../../../src/validation/webhook/common/client-tls';
import { at, collect, err } from '../../../support/objects';

const check = (tls: any, namespace = 'ns') => collect(findings => validateClientTLS(at('t'), findings, namespace, tls));

describe('ValidateTLS (client TLS settings)', () => {
  test.each([
    [undefined],
    [{}],
    [{ mode: 'DISABLE' }],
    [{ mode: 'ISTIO_MUTUAL', sni: 'a.com' }],
    [{ mode: 'SIMPLE', caCertificates: '/ca.pem', subjectAltNames: ['a.com'] }],
    [{ mode: 'SIMPLE', credentialName: 'my-secret' }],
    [{ mode: 'MUTUAL', credentialName: 'my-secret', insecureSkipVerify: true }],
    [{ mode: 'MUTUAL', clientCertificate: '/c.pem', privateKey: '/k.pem' }],
    [{ mode: 'SIMPLE', insecureSkipVerify: true, subjectAltNames: [] }],
    [{ mode: 'SIMPLE', credentialName: 'configmap://ns/ca' }],
  ])('%p is valid', tls => expect(check(tls)).toEqual([]));

  test.each([
    ['configmap://ca', 'invalid configmap:// credentialName: invalid resource name "configmap://ca". Expected namespace and name'],
    ['configmap:///ca', 'invalid configmap:// credentialName: invalid resource name "configmap:///ca". Expected namespace'],
    ['configmap://ns/', 'invalid configmap:// credentialName: invalid resource name "configmap://ns/". Expected name'],
    ['configmap://other/ca', 'invalid configmap:// credentialName: namespace must match the configuration namespace "ns"'],
  ])('credentialName %p', (credentialName, message) => {
    expect(check({ mode: 'SIMPLE', credentialName })).toEqual([err('t.credentialName', message)]);
  });

  test('configmap namespace is not compared when the object\'s namespace is unknown', () => {
    expect(check({ mode: 'SIMPLE', credentialName: 'configmap://other/ca' }, '')).toEqual([]);
  });

  test('insecureSkipVerify in SIMPLE mode', () => {
    expect(check({ mode: 'SIMPLE', insecureSkipVerify: true, subjectAltNames: ['a'] })).toEqual([
      err('t.insecureSkipVerify', 'cannot specify CaCertificates or CredentialName or SubjectAltNames when InsecureSkipVerify is set true'),
    ]);
    expect(check({ mode: 'SIMPLE', insecureSkipVerify: true, credentialName: 's' })).toEqual([
      err('t.insecureSkipVerify', 'cannot specify CaCertificates or CredentialName or SubjectAltNames when InsecureSkipVerify is set true'),
    ]);
  });

  test('insecureSkipVerify in MUTUAL mode', () => {
    expect(check({ mode: 'MUTUAL', insecureSkipVerify: true, caCertificates: '/ca', clientCertificate: '/c', privateKey: '/k' })).toEqual([
      err('t.insecureSkipVerify', 'cannot specify CaCertificates or SubjectAltNames when InsecureSkipVerify is set true'),
    ]);
  });

  test('insecureSkipVerify is ignored in other modes', () => {
    expect(check({ insecureSkipVerify: true, caCertificates: '/ca' })).toEqual([]);
  });

  test('credentialName excludes file paths', () => {
    expect(check({ mode: 'MUTUAL', credentialName: 's', caCrl: '/crl' })).toEqual([
      err('t.credentialName', 'cannot specify client certificates or CA certificate or CA CRL If credentialName is set'),
    ]);
    expect(check({ mode: 'SIMPLE', credentialName: 's', caCertificates: '/ca' })).toEqual([
      err('t.credentialName', 'cannot specify client certificates or CA certificate or CA CRL If credentialName is set'),
    ]);
  });

  test('MUTUAL needs a client certificate and a private key', () => {
    expect(check({ mode: 'MUTUAL' })).toEqual([
      err('t.clientCertificate', 'client certificate required for mutual tls'),
      err('t.privateKey', 'private key required for mutual tls'),
    ]);
  });
});
