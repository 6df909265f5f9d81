import { Severity } from '../../../../src/validation/diagnostic';
import { Findings } from '../../../../src/validation/findings';
import { ErrorsOnly } from '../../../../src/validation/webhook/common/traffic-policy';
import { at, destinationRule, err, objectDiagnostics, printed, webhookFindings } from '../../../support/objects';

const dr = (spec: Record<string, unknown>) => webhookFindings(destinationRule('x', spec, 'ns'));
const drPolicy = (trafficPolicy: unknown) => dr({ host: 'reviews', trafficPolicy });

const P = 'spec.trafficPolicy';

describe('validateTrafficPolicy', () => {
  test.each([
    [{ tunnel: { targetHost: 'proxy.corp', targetPort: 3128 } }],
    [{ proxyProtocol: { version: 'V2' } }],
    [{ retryBudget: { percent: 20 } }],
    [{ portLevelSettings: [{ port: { number: 80 }, loadBalancer: { simple: 'RANDOM' } }] }],
  ])('a policy with only %p is valid', policy => expect(drPolicy(policy)).toEqual([]));

  test('an empty policy (empty portLevelSettings count as none)', () => {
    expect(drPolicy({})).toEqual([err(P, 'traffic policy must have at least one field')]);
    expect(drPolicy({ portLevelSettings: [] })).toEqual([err(P, 'traffic policy must have at least one field')]);
  });

  test('tunnel with proxyProtocol: that error alone', () => {
    expect(drPolicy({ tunnel: { targetHost: '', targetPort: 0 }, proxyProtocol: { version: 'V1' }, outlierDetection: { maxEjectionPercent: 200 } }))
      .toEqual([err(P, 'tunnel and proxyProtocol must not be set together')]);
  });

  test('proxy protocol versions other than V1/V2', () => {
    expect(drPolicy({ proxyProtocol: { version: 'V3' } })).toEqual([err(`${P}.proxyProtocol.version`, 'proxy protocol version is invalid: V3')]);
    expect(drPolicy({ proxyProtocol: { version: 2 } })).toEqual([err(`${P}.proxyProtocol.version`, 'proxy protocol version is invalid: 2')]);
  });

  describe('validateTunnelSettings', () => {
    test.each(['CONNECT', 'POST', undefined])('protocol %p is valid; targetHost may be an IP', protocol => {
      expect(drPolicy({ tunnel: { protocol, targetHost: '10.0.0.1', targetPort: 8080 } })).toEqual([]);
    });
    test('bad protocol, host and port', () => {
      expect(drPolicy({ tunnel: { protocol: 'GET', targetHost: 'bad_host', targetPort: 0 } })).toEqual([
        err(`${P}.tunnel.protocol`, 'tunnel protocol must be "CONNECT" or "POST"'),
        err(`${P}.tunnel.targetHost`, 'tunnel target host must be valid FQDN or IP address: domain name "bad_host" invalid (label "bad_host" invalid); bad_host is not a valid IP'),
        err(`${P}.tunnel.targetPort`, 'tunnel target port is invalid: port number 0 must be in the range 1..65535'),
      ]);
    });
  });

  describe('validatePortTrafficPolicies', () => {
    const L = `${P}.portLevelSettings`;
    test('null entries, missing port, empty policy', () => {
      expect(drPolicy({ portLevelSettings: [null, { tls: { mode: 'SIMPLE' } }, { port: { number: 80 } }] })).toEqual([
        err(`${L}[0]`, 'traffic policy may not be null'),
        err(`${L}[1].port`, 'portTrafficPolicy must have valid port'),
        err(`${L}[2]`, 'port traffic policy must have at least one field'),
      ]);
    });
    test('entries are validated, warnings dropped (appendErrors)', () => {
      expect(drPolicy({
        portLevelSettings: [{
          port: { number: 80 },
          outlierDetection: { consecutiveErrors: 1, maxEjectionPercent: -1 },
          connectionPool: { tcp: { maxConnections: -1 } },
          loadBalancer: { consistentHash: { minimumRingSize: 5, httpCookie: { name: '' } } },
          tls: { mode: 'MUTUAL' },
        }],
      })).toEqual([
        err(`${L}[0].outlierDetection.maxEjectionPercent`, 'percentage -1 is not in range 0..100'),
        err(`${L}[0].connectionPool.tcp.maxConnections`, 'max connections must be non-negative'),
        err(`${L}[0].loadBalancer.consistentHash.httpCookie.name`, 'name required for HttpCookie'),
        err(`${L}[0].tls.clientCertificate`, 'client certificate required for mutual tls'),
        err(`${L}[0].tls.privateKey`, 'private key required for mutual tls'),
      ]);
    });
  });

  test('order: outlier, pool, load balancer, tls, port level, tunnel', () => {
    expect(drPolicy({
      outlierDetection: { minHealthPercent: 101 },
      connectionPool: {},
      loadBalancer: { warmup: { duration: '1s', aggression: 0 } },
      tls: { mode: 'MUTUAL', clientCertificate: 'c' },
      portLevelSettings: [null],
      tunnel: { targetHost: 'proxy', targetPort: 70000 },
    }).map(finding => finding.path)).toEqual([
      `${P}.outlierDetection.minHealthPercent`, `${P}.connectionPool`, `${P}.loadBalancer.warmup.aggression`,
      `${P}.tls.privateKey`, `${P}.portLevelSettings[0]`, `${P}.tunnel.targetPort`,
    ]);
  });

  test('ErrorsOnly forwards errors and drops warnings', () => {
    const target = new Findings();
    const errors = new ErrorsOnly(target);
    errors.warn();
    errors.error(at('p'), 'm');
    errors.add({ path: at('q'), message: 'w', severity: Severity.WARNING, code: 'IST0133' });
    errors.add({ path: at('r'), message: 'e', severity: Severity.ERROR, code: 'IST0106' });
    expect(printed(target.list)).toEqual([err('p', 'm'), err('r', 'e')]);
  });

  test('end to end: a tunnel target port of 0 passes the schema and fails the webhook', () => {
    const diagnostics = objectDiagnostics([
      destinationRule('egress', { host: 'proxy.corp', trafficPolicy: { tunnel: { targetHost: 'proxy.corp', targetPort: 0 } } }),
    ]);
    expect(diagnostics.map(d => [d.code, d.path, d.message])).toEqual([
      ['IST0106', `${P}.tunnel.targetPort`, 'tunnel target port is invalid: port number 0 must be in the range 1..65535'],
    ]);
  });

  test('subsets get the same checks', () => {
    expect(dr({ host: 'r', subsets: [{ name: 'a', trafficPolicy: { tunnel: { targetHost: 'h.com', targetPort: 1 }, proxyProtocol: {} } }] }))
      .toEqual([err('spec.subsets[0].trafficPolicy', 'tunnel and proxyProtocol must not be set together')]);
  });
});
