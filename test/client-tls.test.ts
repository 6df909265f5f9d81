import { Testing } from 'cdk8s';
import { ClientTlsSettings, DestinationRule, Host, IstioValidation, TlsMode } from '../src';

function synthTls(tls: ClientTlsSettings, namespace?: string): any[] {
  const chart = Testing.chart();
  new DestinationRule(chart, 'Rule', { metadata: { name: 'tls', namespace }, host: Host.fromName('api.example.com'), trafficPolicy: { tls } });
  return Testing.synth(chart);
}

describe('ClientTlsSettings', () => {
  test.each([TlsMode.DISABLE, TlsMode.SIMPLE, TlsMode.MUTUAL, TlsMode.ISTIO_MUTUAL])('mode %s is rendered', mode => {
    const extra = {
      [TlsMode.MUTUAL]: { clientCertificate: '/etc/client.pem', privateKey: '/etc/key.pem', caCertificates: '/etc/ca.pem' },
      [TlsMode.SIMPLE]: { caCertificates: '/etc/ca.pem' },
    }[mode as string];
    const tls = { mode, ...extra };
    expect(synthTls(tls)[0].spec.trafficPolicy.tls).toEqual(tls);
  });

  test('every field is rendered (MUTUAL with files), and validation accepts it', () => {
    const manifest = synthTls({
      mode: TlsMode.MUTUAL,
      clientCertificate: '/etc/certs/client.pem',
      privateKey: '/etc/certs/key.pem',
      caCertificates: '/etc/certs/ca.pem',
      caCrl: '/etc/certs/crl.pem',
      subjectAltNames: ['api.example.com'],
      sni: 'api.example.com',
      insecureSkipVerify: false,
    });
    expect(manifest[0].spec.trafficPolicy.tls).toEqual({
      mode: 'MUTUAL',
      clientCertificate: '/etc/certs/client.pem',
      privateKey: '/etc/certs/key.pem',
      caCertificates: '/etc/certs/ca.pem',
      caCrl: '/etc/certs/crl.pem',
      subjectAltNames: ['api.example.com'],
      sni: 'api.example.com',
      insecureSkipVerify: false,
    });
    expect(IstioValidation.validate(manifest)).toEqual([]);
    expect(manifest).toMatchSnapshot();
  });

  test('SIMPLE without caCertificates synthesizes with the analysis\' warning that the server is not verified', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      synthTls({ mode: TlsMode.SIMPLE, sni: 'api.example.com' });
      expect(warn.mock.calls.map(call => String(call[0]))).toEqual([expect.stringMatching(/IST0128 DestinationRule tls: spec.trafficPolicy.tls.caCertificates/)]);
    } finally {
      warn.mockRestore();
    }
  });

  test.each([
    ['no mode', { } as ClientTlsSettings, /trafficPolicy.tls.mode is required: one of DISABLE, SIMPLE, MUTUAL, ISTIO_MUTUAL/],
    ['an unknown mode', { mode: 'STRICT' as TlsMode }, /trafficPolicy.tls.mode must be one of DISABLE, SIMPLE, MUTUAL, ISTIO_MUTUAL, got "STRICT"/],
    ['an empty credentialName', { mode: TlsMode.SIMPLE, credentialName: '' }, /trafficPolicy.tls.credentialName must not be empty, got ""; leave it out instead/],
    ['an empty subject alt name', { mode: TlsMode.SIMPLE, subjectAltNames: ['a', ' '] }, /trafficPolicy.tls.subjectAltNames\[1\] must not be empty/],
    ['an empty sni', { mode: TlsMode.SIMPLE, sni: '' }, /trafficPolicy.tls.sni must not be empty/],
  ])('fails early on %s', (_, tls, message) => {
    expect(() => new DestinationRule(Testing.chart(), 'Rule', { host: Host.fromName('reviews'), trafficPolicy: { tls } })).toThrow(message);
  });

  test.each([
    ['MUTUAL without a certificate', { mode: TlsMode.MUTUAL, privateKey: '/k.pem' }, /spec.trafficPolicy.tls.clientCertificate: client certificate required for mutual tls/],
    ['a credentialName with file paths', { mode: TlsMode.SIMPLE, credentialName: 'ca', caCertificates: '/ca.pem' },
      /cannot specify client certificates or CA certificate or CA CRL If credentialName is set/],
    ['insecureSkipVerify with a CA', { mode: TlsMode.SIMPLE, insecureSkipVerify: true, caCertificates: '/ca.pem' },
      /cannot specify CaCertificates or CredentialName or SubjectAltNames when InsecureSkipVerify is set true/],
  ])('%s is a contradiction reported at synth with Istio\'s message', (_, tls, message) => {
    expect(() => synthTls(tls)).toThrow(message);
  });
});
