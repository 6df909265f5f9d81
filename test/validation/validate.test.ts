import { isIstioObject, validateObjects } from '../../src/validation/validate';
import { gateway as istioGateway, sidecar } from '../support/objects';

describe('validateObjects', () => {
  test('Istio objects are validated, others skipped; diagnostics point at their object', () => {
    const diagnostics = validateObjects([
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'NOT_VALIDATED' } },
      'not an object',
      sidecar('default', { egress: [{}] }),
    ]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ objectIndex: 2, kind: 'Sidecar', path: 'spec.egress[0].hosts', message: 'Required value' }),
      expect.objectContaining({ objectIndex: 2, path: '<nil>', message: expect.stringMatching(/^Invalid value: "null": some validation rules were not checked/) }),
    ]);
  });

  test.each([
    [{ apiVersion: 'networking.istio.io/v1', kind: 'VirtualService' }, true],
    [{ apiVersion: 'telemetry.istio.io/v1alpha1', kind: 'Telemetry' }, true],
    [{ apiVersion: 'install.istio.io/v1alpha1', kind: 'IstioOperator' }, true],
    [{ apiVersion: 'v1', kind: 'Service' }, false],
    [{ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway' }, false],
    [{ kind: 'VirtualService' }, false],
    [['networking.istio.io/v1'], false],
    [null, false],
  ])('isIstioObject(%p) is %p', (obj, expected) => {
    expect(isIstioObject(obj)).toBe(expected);
  });
});

describe('webhook findings', () => {
  const gateway = (tls: Record<string, unknown>, port = { number: 443, name: 'https', protocol: 'HTTPS' }) =>
    istioGateway('public', { selector: { istio: 'ingressgateway' }, servers: [{ port, hosts: ['example.com'], tls }] }, 'istio-system');

  test('an admitted object keeps its warnings (IST0133)', () => {
    const diagnostics = validateObjects([gateway({ mode: 'SIMPLE', credentialName: 'cert', minProtocolVersion: 'TLSV1_1' })], { analysis: false });
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'IST0133' })]);
  });

  test('a denied object reports only its errors (IST0106), as the webhook drops warnings with a denial', () => {
    const diagnostics = validateObjects([gateway({ mode: 'SIMPLE', minProtocolVersion: 'TLSV1_1' })], { analysis: false });
    expect(diagnostics.map(d => [d.severity, d.code, d.path, d.message])).toEqual([
      ['error', 'IST0106', 'spec.servers[0].tls.serverCertificate', 'SIMPLE TLS requires a server certificate'],
      ['error', 'IST0106', 'spec.servers[0].tls.privateKey', 'SIMPLE TLS requires a private key'],
    ]);
  });
});
