import { Diagnostic, toDiagnostic } from '../../../src/validation/diagnostic';
import { validateSchema } from '../../../src/validation/schema/validate-schema';
import { reportLines } from '../../support/objects';

const lines = (obj: Record<string, unknown>) => reportLines(validateSchema(obj));

/** The findings as the engine returns them, the object at `objectIndex` of its list (the plain Diagnostic part). */
function diagnostics(obj: Record<string, unknown>, objectIndex: number): Diagnostic[] {
  return validateSchema(obj).map(finding => {
    const { fieldPath, ...diagnostic } = toDiagnostic(finding, obj, objectIndex);
    expect(fieldPath).toBe(finding.path);
    return diagnostic;
  });
}

describe('schema + CEL validation of one object', () => {
  test('a valid object', () => {
    expect(diagnostics({
      apiVersion: 'networking.istio.io/v1',
      kind: 'Gateway',
      metadata: { name: 'public', namespace: 'istio-system' },
      spec: { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'] }] },
    }, 0)).toEqual([]);
  });

  test('diagnostics carry severity, code, kind, version, namespace, name and the object\'s index', () => {
    expect(diagnostics({
      apiVersion: 'networking.istio.io/v1beta1',
      kind: 'DestinationRule',
      metadata: { name: 'reviews', namespace: 'bookinfo' },
      spec: { host: 'reviews', trafficPolicy: { tls: { mode: 'BLAH' } } },
    }, 3)).toEqual([{
      severity: 'error',
      code: 'IST0106',
      kind: 'DestinationRule',
      apiVersion: 'networking.istio.io/v1beta1',
      namespace: 'bookinfo',
      name: 'reviews',
      path: 'spec.trafficPolicy.tls.mode',
      message: 'Unsupported value: "BLAH": supported values: "DISABLE", "SIMPLE", "MUTUAL", "ISTIO_MUTUAL"',
      objectIndex: 3,
    }, expect.objectContaining({ path: '<nil>', objectIndex: 3 })]);
  });

  test('unknown fields end validation, as strict decoding does', () => {
    expect(lines({ apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: { nam: 'x' }, specs: {} })).toEqual([
      'metadata.nam: unknown field "metadata.nam"',
      'specs: unknown field "specs"',
    ]);
  });

  test('a blocking error skips every CEL rule, and says so', () => {
    expect(lines({ apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', spec: { hosts: ['a'], http: [{ timeout: '1us' }] } })).toEqual([
      'metadata.name: Required value: name or generateName is required',
      '<nil>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
    ]);
  });

  test('a non-blocking error leaves the CEL rules running', () => {
    expect(lines({ apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'Bad' }, spec: { hosts: ['a'], http: [{ timeout: '1us' }] } })).toEqual([
      expect.stringMatching(/^metadata\.name: Invalid value: "Bad": a lowercase RFC 1123 subdomain/),
      'spec.http[0].timeout: Invalid value: "1us": must be a valid duration greater than 1ms',
    ]);
  });

  test('status is dropped, not validated', () => {
    expect(lines({ apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'x' }, spec: { hosts: ['a'] }, status: { observedGeneration: 'x' } })).toEqual([]);
  });

  test('CEL rules of the CRD', () => {
    expect(lines({
      apiVersion: 'networking.istio.io/v1',
      kind: 'ServiceEntry',
      metadata: { name: 'legacy' },
      spec: { hosts: ['legacy.internal'], resolution: 'STATIC', endpoints: [{ address: '10.0.0.1' }], workloadSelector: { labels: { app: 'legacy' } } },
    })).toEqual(['spec: Invalid value: only one of WorkloadSelector or Endpoints can be set']);
  });

  test('a version Istio does not serve names the ones it does', () => {
    expect(lines({ apiVersion: 'networking.istio.io/v2', kind: 'VirtualService', metadata: { name: 'x' } })).toEqual([
      ': no matches for kind "VirtualService" in version "networking.istio.io/v2": Istio serves VirtualService as '
      + 'networking.istio.io/v1, networking.istio.io/v1alpha3, networking.istio.io/v1beta1',
    ]);
  });

  test('a kind Istio does not have', () => {
    expect(lines({ apiVersion: 'networking.istio.io/v1', kind: 'Route', metadata: { name: 'x' } }))
      .toEqual([': no matches for kind "Route" in version "networking.istio.io/v1": Istio has no kind Route in networking.istio.io']);
  });

  test('no kind', () => {
    expect(diagnostics({ apiVersion: 'networking.istio.io/v1', metadata: { name: 'x' } }, 0))
      .toEqual([expect.objectContaining({ kind: '<no kind>', path: 'kind', message: 'Required value: kind is required' })]);
  });
});
