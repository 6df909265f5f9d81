import { validateObjects } from '../../../src/validation/validate';
import { sidecar, webhookFindings } from '../../support/objects';

/** The webhook's findings for the Sidecar `bookinfo/default` with this spec. */
const check = (spec: any) => webhookFindings(sidecar('default', spec, 'bookinfo'));

const egress = { egress: [{ hosts: ['./*', 'istio-system/*'] }] };

describe('ValidateSidecar', () => {
  test('a valid sidecar has no findings', () => {
    expect(check({ workloadSelector: { labels: { app: 'reviews' } }, ...egress })).toEqual([]);
  });

  describe('workload selector', () => {
    test('an empty label key is an error and ends validation', () => {
      expect(check({ workloadSelector: { labels: { '': 'x' } }, egress: [{ hosts: ['bad'] }] })).toEqual([
        { path: 'spec.workloadSelector.labels[]', message: 'empty key is not supported in selector: "=x"' },
      ]);
    });

    test('a wildcard is an error', () => {
      expect(check({ workloadSelector: { labels: { 'app*': 'x', 'v': 'a*' } }, ...egress })).toEqual([
        { path: 'spec.workloadSelector.labels[app*]', message: 'wildcard is not supported in selector: "app*=x"' },
        { path: 'spec.workloadSelector.labels[v]', message: 'wildcard is not supported in selector: "v=a*"' },
      ]);
    });

    test.each([[{}], [{ labels: {} }]])('a selector without labels is a warning (%p)', (workloadSelector) => {
      expect(check({ workloadSelector, ...egress })).toEqual([{
        path: 'spec.workloadSelector',
        message: 'sidecar: workload selector specified without labels, will be applied to all services in namespace',
        warning: true,
      }]);
    });
  });

  describe('empty configuration', () => {
    test.each([
      [{}], [{ ingress: [], egress: [] }], [{ workloadSelector: {} }],
    ])('nothing configured is an error, alone (%p)', (spec) => {
      expect(check(spec)).toEqual([{ path: 'spec', message: 'sidecar: empty configuration provided' }]);
    });

    test.each([
      [{ outboundTrafficPolicy: { mode: 'ALLOW_ANY' } }],
      [{ inboundConnectionPool: { tcp: { maxConnections: 10 } } }],
      [{ ingress: [{ port: { number: 9080, protocol: 'HTTP', name: 'http' } }] }],
    ])('any one section is enough (%p)', (spec) => {
      expect(check(spec)).toEqual([]);
    });
  });

  describe('inboundConnectionPool (validateConnectionPool, shared with DestinationRule)', () => {
    const pool = (inboundConnectionPool: any) => check({ inboundConnectionPool });

    test('a valid pool has no findings', () => {
      expect(pool({ http: { http2MaxRequests: 100, idleTimeout: '1h' }, tcp: { maxConnections: 100, connectTimeout: '30ms', idleTimeout: '0s' } })).toEqual([]);
    });

    test('an empty pool, negative limits and bad durations are errors', () => {
      expect(pool({})).toEqual([{ path: 'spec.inboundConnectionPool', message: 'connection pool must have at least one field' }]);
      expect(pool({ http: { maxRetries: -1 }, tcp: { connectTimeout: '1.5ms' } })).toEqual([
        { path: 'spec.inboundConnectionPool.http.maxRetries', message: 'max retries must be non-negative' },
        { path: 'spec.inboundConnectionPool.tcp.connectTimeout', message: 'only durations to ms precision are supported' },
      ]);
    });
  });

  test('findings come in Istio order: ingress, inbound pool, egress, outbound policy', () => {
    const findings = check({
      outboundTrafficPolicy: { egressProxy: { host: 'proxy.example.com', port: { number: 3128 } } },
      egress: [{ hosts: ['foo'] }],
      inboundConnectionPool: {},
      ingress: [{ port: { number: 0, protocol: 'HTTP' } }],
    });
    expect(findings.map(finding => finding.path)).toEqual([
      'spec.ingress[0].port.number',
      'spec.inboundConnectionPool',
      'spec.egress[0].hosts[0]',
      'spec.outboundTrafficPolicy.egressProxy',
    ]);
  });
});

describe('Sidecar end to end through validateObjects', () => {
  const object = (spec: Record<string, unknown>) => sidecar('default', spec, 'bookinfo');

  test('the documented default sidecar passes', () => {
    expect(validateObjects([object({ egress: [{ hosts: ['./*', 'istio-system/*'] }], outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } })])).toEqual([]);
  });

  test('an ingress listener with a bad default endpoint and an egress short name are IST0106 errors', () => {
    const spec = {
      ingress: [{ port: { number: 9080, protocol: 'HTTP', name: 'http' }, defaultEndpoint: '10.1.1.1:9080' }],
      egress: [{ hosts: ['bookinfo/reviews'] }],
    };
    expect(validateObjects([object(spec)])).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'IST0106',
        path: 'spec.ingress[0].defaultEndpoint',
        message: 'sidecar: defaultEndpoint must be of form 127.0.0.1:<port>,0.0.0.0:<port>,[::1]:port,[::]:port,unix://filepath or unset',
      }),
      expect.objectContaining({ severity: 'error', code: 'IST0106', path: 'spec.egress[0].hosts[0]', message: 'short names (non FQDN) are not allowed' }),
    ]);
  });

  test('a duplicated egress host is an IST0133 warning', () => {
    expect(validateObjects([object({ egress: [{ hosts: ['bookinfo/*', './reviews.bookinfo.svc.cluster.local'] }] })])).toEqual([
      expect.objectContaining({
        severity: 'warning', code: 'IST0133', path: 'spec.egress[0].hosts[1]', message: 'duplicated egress host: ./reviews.bookinfo.svc.cluster.local',
      }),
    ]);
  });

  test('an empty selector key passes the CRD and is rejected by the webhook', () => {
    expect(validateObjects([object({ workloadSelector: { labels: { '': 'reviews' } }, egress: [{ hosts: ['./*'] }] })])).toEqual([
      expect.objectContaining({ severity: 'error', path: 'spec.workloadSelector.labels[]', message: 'empty key is not supported in selector: "=reviews"' }),
    ]);
  });

  test('a sub-millisecond connect timeout passes the CRD rule and fails the webhook', () => {
    expect(validateObjects([object({ inboundConnectionPool: { tcp: { connectTimeout: '10.5ms' } } })])).toEqual([expect.objectContaining({
      severity: 'error', code: 'IST0106', path: 'spec.inboundConnectionPool.tcp.connectTimeout', message: 'only durations to ms precision are supported',
    })]);
  });
});
