import { Severity } from '../../../src/validation/diagnostic';
import { destinationRule, err, objectDiagnostics, warn, webhookFindings } from '../../support/objects';

const dr = (spec: Record<string, unknown>) => webhookFindings(destinationRule('x', spec, 'ns'));

describe('ValidateDestinationRule', () => {
  test('a complete, valid rule has no findings', () => {
    expect(dr({
      host: 'reviews.prod.svc.cluster.local',
      trafficPolicy: { loadBalancer: { simple: 'LEAST_REQUEST' }, tls: { mode: 'ISTIO_MUTUAL' } },
      subsets: [
        { name: 'v1', labels: { 'version': 'v1', 'app.kubernetes.io/name': 'reviews' } },
        { name: 'v2', labels: { version: 'v2' }, trafficPolicy: { loadBalancer: { simple: 'ROUND_ROBIN' } } },
      ],
      exportTo: ['.'],
    })).toEqual([]);
  });

  test.each(['reviews', '*', '*.example.com', 'reviews.prod.svc.cluster.local'])('host %p is valid', host => {
    expect(dr({ host })).toEqual([]);
  });

  test.each([
    ['', 'empty domain name not allowed'],
    ['foo_bar.com', 'domain name "foo_bar.com" invalid (label "foo_bar" invalid)'],
    // Past the first label Istio validates, and names, only the rest of the domain.
    ['foo..com', 'domain name ".com" invalid (label "" invalid)'],
    ['foo.*.com', 'domain name "*.com" invalid (label "*" invalid)'],
    ['reviews.123', 'domain name "123" invalid (top level domain "123" cannot be all-numeric)'],
  ])('host %p: %s (ValidateWildcardDomain)', (host, message) => {
    expect(dr({ host })).toEqual([err('spec.host', message)]);
  });

  test('subset may not be null', () => {
    expect(dr({ host: 'r', subsets: [null] })).toEqual([err('spec.subsets[0]', 'subset may not be null')]);
  });

  test('duplicate subset names', () => {
    expect(dr({ host: 'r', subsets: [{ name: 'v1' }, { name: 'v2' }, { name: 'v1' }] }))
      .toEqual([err('spec.subsets[2].name', 'duplicate subset names: v1')]);
  });

  test.each([
    ['', 'subset name cannot be empty'],
    ['V_1', 'subset name is invalid: V_1'],
    ['a'.repeat(64), `subset name is invalid: ${'a'.repeat(64)}`],
  ])('subset name %p (validateSubsetName)', (name, message) => {
    expect(dr({ host: 'r', subsets: [{ name }] })).toEqual([err('spec.subsets[0].name', message)]);
  });

  test('subset labels are validated (labels.Instance.Validate)', () => {
    expect(dr({ host: 'r', subsets: [{ name: 'v1', labels: { 'bad key!': 'v', 'ok': '-bad' } }] })).toEqual([
      err('spec.subsets[0].labels[bad key!]', 'invalid tag key: "bad key!"'),
      err('spec.subsets[0].labels[ok]', 'invalid tag value: "-bad"'),
    ]);
  });

  test('subset traffic policies are validated, their warnings dropped (appendErrors)', () => {
    expect(dr({
      host: 'r',
      subsets: [{ name: 'v1', trafficPolicy: { outlierDetection: { consecutiveErrors: 5, maxEjectionPercent: 101 } } }],
    })).toEqual([err('spec.subsets[0].trafficPolicy.outlierDetection.maxEjectionPercent', 'percentage 101 is not in range 0..100')]);
    expect(dr({ host: 'r', subsets: [{ name: 'v1', trafficPolicy: {} }] }))
      .toEqual([err('spec.subsets[0].trafficPolicy', 'traffic policy must have at least one field')]);
  });

  test('top-level traffic policy warnings are kept', () => {
    expect(dr({ host: 'r', trafficPolicy: { outlierDetection: { consecutiveErrors: 5 } } })).toEqual([
      warn('spec.trafficPolicy.outlierDetection.consecutiveErrors',
        'outlier detection consecutive errors is deprecated, use consecutiveGatewayErrors or consecutive5xxErrors instead'),
    ]);
  });

  describe('workloadSelector', () => {
    test('with labels and exportTo the own namespace: valid', () => {
      expect(dr({ host: 'r', workloadSelector: { matchLabels: { app: 'a' } }, exportTo: ['.'] })).toEqual([]);
      expect(dr({ host: 'r', workloadSelector: { matchLabels: { app: 'a' } }, exportTo: ['ns'] })).toEqual([]);
    });

    test('without labels: warning', () => {
      expect(dr({ host: 'r', workloadSelector: {} })).toEqual([warn('spec.workloadSelector', 'workload selector specified without labels')]);
    });

    test('empty key and wildcards (validateWorkloadSelector)', () => {
      expect(dr({ host: 'r', workloadSelector: { matchLabels: { '': 'a', 'app': 'x*' } } })).toEqual([
        err('spec.workloadSelector.matchLabels[]', 'empty key is not supported in selector: "=a"'),
        err('spec.workloadSelector.matchLabels[app]', 'wildcard is not supported in selector: "app=x*"'),
      ]);
    });

    test('exportTo beyond the own namespace', () => {
      expect(dr({ host: 'r', workloadSelector: { matchLabels: { app: 'a' } }, exportTo: ['other'] }))
        .toEqual([err('spec.exportTo', 'destination rule with workload selector cannot have exportTo beyond current namespace')]);
    });

    test('exportTo with several entries', () => {
      expect(dr({ host: 'r', workloadSelector: { matchLabels: { app: 'a' } }, exportTo: ['.', 'other'] }))
        .toEqual([err('spec.exportTo', 'destination rule with workload selector cannot have multiple entries in exportTo')]);
    });
  });

  test('findings come in Istio order: host, traffic policy, subsets, exportTo, selector', () => {
    expect(dr({
      host: '',
      trafficPolicy: {},
      subsets: [{ name: '' }],
      exportTo: ['~', 'other'],
      workloadSelector: {},
    }).map(finding => finding.path)).toEqual(['spec.host', 'spec.trafficPolicy', 'spec.subsets[0].name', 'spec.exportTo[0]', 'spec.exportTo', 'spec.workloadSelector']);
  });
});

describe('DestinationRule end to end (schema, then webhook)', () => {
  const object = (spec: any) => destinationRule('dr', spec, 'prod');

  test('webhook errors are IST0106 errors with Istio\'s message', () => {
    const diagnostics = objectDiagnostics([object({ host: 'reviews', subsets: [{ name: 'v1' }, { name: 'v1' }] })]);
    expect(diagnostics).toEqual([expect.objectContaining({
      severity: Severity.ERROR, code: 'IST0106', kind: 'DestinationRule', path: 'spec.subsets[1].name', message: 'duplicate subset names: v1',
    })]);
  });

  test('webhook warnings are IST0133 warnings', () => {
    const diagnostics = objectDiagnostics([object({ host: 'reviews', trafficPolicy: { loadBalancer: { consistentHash: { minimumRingSize: 1024 } } } })]);
    expect(diagnostics).toEqual([expect.objectContaining({
      severity: Severity.WARNING,
      code: 'IST0133',
      path: 'spec.trafficPolicy.loadBalancer.consistentHash.minimumRingSize',
      message: "consistent hash MinimumRingSize is deprecated, use ConsistentHashLB's RingHash configuration instead",
    })]);
  });

  test('sub-millisecond precision passes the CRD rule and fails the webhook', () => {
    const diagnostics = objectDiagnostics([object({ host: 'reviews', trafficPolicy: { connectionPool: { tcp: { connectTimeout: '1.5ms' } } } })]);
    expect(diagnostics.map(d => [d.code, d.path, d.message])).toEqual([
      ['IST0106', 'spec.trafficPolicy.connectionPool.tcp.connectTimeout', 'only durations to ms precision are supported'],
    ]);
  });

  test('configmap:// credentials must live in the rule\'s namespace', () => {
    const diagnostics = objectDiagnostics([object({ host: 'reviews', trafficPolicy: { tls: { mode: 'SIMPLE', credentialName: 'configmap://other/ca' } } })]);
    expect(diagnostics.map(d => d.message)).toEqual(['invalid configmap:// credentialName: namespace must match the configuration namespace "prod"']);
  });

  test('a valid rule has no diagnostics', () => {
    expect(objectDiagnostics([object({
      host: 'reviews',
      trafficPolicy: {
        connectionPool: { tcp: { maxConnections: 100, connectTimeout: '30ms' }, http: { http2MaxRequests: 1000 } },
        outlierDetection: { consecutive5xxErrors: 7, interval: '5m', baseEjectionTime: '15m' },
      },
      subsets: [{ name: 'v1', labels: { version: 'v1' } }],
    })])).toEqual([]);
  });
});
