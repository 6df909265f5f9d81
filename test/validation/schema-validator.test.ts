import { validateSchema } from '../../src/validation/schema-validator';

const lines = (obj: Record<string, unknown>) => validateSchema(obj).map(d => `${d.path}: ${d.message}`);

describe('schema + CEL validation of one object', () => {
  test('a valid object', () => {
    expect(validateSchema({
      apiVersion: 'networking.istio.io/v1',
      kind: 'Gateway',
      metadata: { name: 'public', namespace: 'istio-system' },
      spec: { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'] }] },
    })).toEqual([]);
  });

  test('diagnostics carry severity, code, kind, version, namespace and name', () => {
    expect(validateSchema({
      apiVersion: 'networking.istio.io/v1beta1',
      kind: 'DestinationRule',
      metadata: { name: 'reviews', namespace: 'bookinfo' },
      spec: { host: 'reviews', trafficPolicy: { tls: { mode: 'BLAH' } } },
    })).toEqual([{
      severity: 'error',
      code: 'IST0106',
      kind: 'DestinationRule',
      apiVersion: 'networking.istio.io/v1beta1',
      namespace: 'bookinfo',
      name: 'reviews',
      path: 'spec.trafficPolicy.tls.mode',
      message: 'Unsupported value: "BLAH": supported values: "DISABLE", "SIMPLE", "MUTUAL", "ISTIO_MUTUAL"',
    }]);
  });

  test('metadata, top-level unknown fields and spec are all checked', () => {
    expect(lines({ apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', specs: {} })).toEqual([
      'metadata.name: Required value: name or generateName is required',
      'specs: unknown field "specs"',
    ]);
  });

  test('CEL rules of the CRD', () => {
    expect(lines({
      apiVersion: 'networking.istio.io/v1',
      kind: 'ServiceEntry',
      metadata: { name: 'legacy' },
      spec: { hosts: ['legacy.internal'], resolution: 'STATIC', endpoints: [{ address: '10.0.0.1' }], workloadSelector: { labels: { app: 'legacy' } } },
    })).toEqual(['spec: Invalid value: "object": only one of WorkloadSelector or Endpoints can be set']);
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
    expect(validateSchema({ apiVersion: 'networking.istio.io/v1', metadata: { name: 'x' } }))
      .toEqual([expect.objectContaining({ kind: '<no kind>', path: 'kind', message: 'Required value: kind is required' })]);
  });
});
