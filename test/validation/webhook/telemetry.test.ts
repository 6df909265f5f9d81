import { validateObjects } from '../../../src/validation/validate';
import { validateTelemetry } from '../../../src/validation/webhook/telemetry';
import { collect, err, telemetry, warn, webhookView } from '../../support/objects';

/** The Telemetry `istio-system/mesh-default` with this spec. */
const object = (spec: any) => telemetry('mesh-default', spec, 'istio-system');
const check = (spec: any) => collect(findings => validateTelemetry(webhookView(object(spec)), findings));

describe('ValidateTelemetry', () => {
  test('a full valid Telemetry has no findings', () => {
    expect(check({
      selector: { matchLabels: { app: 'reviews' } },
      metrics: [{
        providers: [{ name: 'prometheus' }],
        overrides: [{
          match: { metric: 'REQUEST_COUNT', mode: 'CLIENT_AND_SERVER' },
          tagOverrides: { request_host: { operation: 'REMOVE' }, custom: { value: 'request.host' } },
        }, { match: { customMetric: 'my_metric' }, disabled: true }],
      }],
      tracing: [{
        providers: [{ name: 'zipkin' }],
        randomSamplingPercentage: 10.5,
        customTags: { lit: { literal: { value: 'v' } }, hdr: { header: { name: 'x-user' } }, env: { environment: { name: 'POD' } }, fmt: { formatter: { value: '%REQ(:PATH)%' } } },
      }],
      accessLogging: [{ providers: [{ name: 'envoy' }], filter: { expression: 'response.code >= 400 && request.url_path.startsWith("/api")' } }],
    })).toEqual([]);
  });

  test('targets: one kind of selection, then the selector, then each reference', () => {
    expect(check({ selector: { matchLabels: {} }, targetRefs: [{ kind: 'Pod', name: 'p' }] })).toEqual([
      err('spec', 'only one of targetRefs or workloadSelector can be set'),
      warn('spec.selector', 'workload selector specified without labels'),
      err('spec.targetRefs[0]', 'targetRef must be to one of [core/v1/Service networking.istio.io/v1/ServiceEntry gateway.networking.k8s.io/v1/Gateway gateway.networking.k8s.io/v1/GatewayClass] but was /Pod'),
    ]);
  });

  test('providers: the first one without a name, once per list', () => {
    expect(check({ metrics: [{ providers: [{ name: 'p' }, { name: '' }, null] }], accessLogging: [{ providers: [null] }] })).toEqual([
      err('spec.metrics[0].providers[1]', 'providers.name may not be empty'),
      err('spec.accessLogging[0].providers[0]', 'providers.name may not be empty'),
    ]);
  });

  test('metric overrides: null entries, tag names, UPSERT (the default) needs a value, REMOVE takes none, custom metric name', () => {
    expect(check({
      metrics: [{
        overrides: [null, {
          tagOverrides: { '': { value: 'x' }, 'a': {}, 'b': { operation: 'UPSERT', value: '' }, 'c': { operation: 'REMOVE', value: 'x' }, 'd': null },
          match: { customMetric: '' },
        }],
      }],
    })).toEqual([
      err('spec.metrics[0].overrides[0]', 'tagOverrides may not be null'),
      warn('spec.metrics[0].overrides[1].tagOverrides[]', 'tagOverrides.name may not be empty'),
      err('spec.metrics[0].overrides[1].tagOverrides[a].value', 'tagOverrides.value must be set when operation is UPSERT'),
      err('spec.metrics[0].overrides[1].tagOverrides[b].value', 'tagOverrides.value must be set when operation is UPSERT'),
      err('spec.metrics[0].overrides[1].tagOverrides[c].value', 'tagOverrides.value may only be set when operation is UPSERT'),
      err('spec.metrics[0].overrides[1].tagOverrides[d]', 'tagOverrides may not be null'),
      err('spec.metrics[0].overrides[1].match.customMetric', 'customMetric may not be empty'),
    ]);
  });

  test('tracing: several configurations or providers are warnings', () => {
    expect(check({ tracing: [{ providers: [{ name: 'a' }, { name: 'b' }] }, {}] })).toEqual([
      warn('spec.tracing', 'multiple tracing is not currently supported'),
      warn('spec.tracing[0].providers', 'multiple providers is not currently supported'),
    ]);
  });

  test.each([-0.1, 100.5])('tracing: sampling percentage %p is out of range', (randomSamplingPercentage) => {
    expect(check({ tracing: [{ randomSamplingPercentage }] })).toEqual([
      err('spec.tracing[0].randomSamplingPercentage', 'randomSamplingPercentage must be in range [0.0, 100.0]'),
    ]);
  });

  test('tracing: custom tags need a name and a value of their type', () => {
    expect(check({
      tracing: [{
        customTags: {
          '': { literal: { value: 'v' } },
          'e': { environment: { name: '' } },
          'h': { header: { name: '' } },
          'l': { literal: { value: '' } },
          'n': null,
        },
      }],
    })).toEqual([
      err('spec.tracing[0].customTags[]', 'tag name may not be empty'),
      err('spec.tracing[0].customTags[e].environment.name', 'environment tag name may not be empty'),
      err('spec.tracing[0].customTags[h].header.name', 'header tag name may not be empty'),
      err('spec.tracing[0].customTags[l].literal.value', 'literal tag value may not be empty'),
      err('spec.tracing[0].customTags[n]', "tag 'n' may not have a nil value"),
    ]);
  });

  test('access logging: the filter must parse as CEL (Istio\'s prefix; the parser error text is ours)', () => {
    const findings = check({ accessLogging: [{ filter: { expression: 'response.code >=' } }, { filter: {} }] });
    expect(findings.map(f => f.path)).toEqual(['spec.accessLogging[0].filter.expression', 'spec.accessLogging[1].filter.expression']);
    for (const finding of findings) expect(finding.message).toMatch(/^must be a valid CEL expression, /);
  });
});

describe('Telemetry end to end through validateObjects', () => {
  test('a valid Telemetry passes', () => {
    expect(validateObjects([object({ accessLogging: [{ providers: [{ name: 'envoy' }] }], tracing: [{ randomSamplingPercentage: 1 }] })])).toEqual([]);
  });

  test('a tag override without operation or value passes the CRD rule and the webhook rejects it (UPSERT is the default)', () => {
    expect(validateObjects([object({ metrics: [{ overrides: [{ tagOverrides: { request_host: {} } }] }] })])).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'IST0106',
        path: 'spec.metrics[0].overrides[0].tagOverrides[request_host].value',
        message: 'tagOverrides.value must be set when operation is UPSERT',
      }),
    ]);
  });

  test('an access log filter that is no CEL expression is an IST0106 error', () => {
    expect(validateObjects([object({ accessLogging: [{ filter: { expression: 'response.code >=' } }] })])).toEqual([
      expect.objectContaining({ severity: 'error', code: 'IST0106', path: 'spec.accessLogging[0].filter.expression' }),
    ]);
  });
});
