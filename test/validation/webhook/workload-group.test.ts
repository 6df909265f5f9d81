import { validateObjects } from '../../../src/validation/validate';
import { validateWorkloadGroup } from '../../../src/validation/webhook/workload-group';
import { collect, err, webhookView, workloadGroup } from '../../support/objects';

/** The WorkloadGroup `vms/vms` with this spec. */
const object = (spec: any) => workloadGroup('vms', spec, 'vms');
const check = (spec: any) => collect(findings => validateWorkloadGroup(webhookView(object(spec)), findings));
const template = { serviceAccount: 'sa', network: 'net' };
const probe = (p: any) => check({ template, probe: p });

describe('ValidateWorkloadGroup', () => {
  test.each([
    [{ template }],
    [{ template: {}, metadata: { labels: { app: 'vm' }, annotations: { a: 'any value' } } }],
    [{ template, probe: { periodSeconds: 5, httpGet: { port: 8080, scheme: 'HTTPS', httpHeaders: [{ name: 'X-Probe', value: 'v' }] } } }],
    [{ template, probe: { tcpSocket: { port: 3306 } } }],
    [{ template, probe: { exec: { command: ['cat', '/tmp/healthy'] } } }],
  ])('a valid group has no findings (%p)', (spec) => {
    expect(check(spec)).toEqual([]);
  });

  test('a missing template is an error, alone', () => {
    expect(check({ template: null, probe: {} })).toEqual([err('spec.template', 'template is required')]);
  });

  test('invalid metadata labels: one error listing them (go-multierror format), alone', () => {
    expect(check({ template, metadata: { labels: { app: 'a b' } }, probe: {} })).toEqual([
      err('spec.metadata.labels', 'invalid labels: 1 error occurred:\n\t* invalid tag value: "a b"\n\n'),
    ]);
    expect(check({ template, metadata: { labels: { '-k': 'v', 'app': 'a b' } } })).toEqual([
      err('spec.metadata.labels', 'invalid labels: 2 errors occurred:\n\t* invalid tag key: "-k"\n\t* invalid tag value: "a b"\n\n'),
    ]);
  });

  test('probe timings must be non-negative', () => {
    const timings = { periodSeconds: -1, initialDelaySeconds: -2, timeoutSeconds: -3, successThreshold: -4, failureThreshold: -5 };
    expect(probe({ ...timings, tcpSocket: { port: 80 } })).toEqual([
      err('spec.probe.periodSeconds', 'periodSeconds must be non-negative'),
      err('spec.probe.initialDelaySeconds', 'initialDelaySeconds must be non-negative'),
      err('spec.probe.timeoutSeconds', 'timeoutSeconds must be non-negative'),
      err('spec.probe.successThreshold', 'successThreshold must be non-negative'),
      err('spec.probe.failureThreshold', 'failureThreshold must be non-negative'),
    ]);
  });

  test('httpGet: port, scheme, headers', () => {
    expect(probe({ httpGet: { port: 0, scheme: 'http', httpHeaders: [null, { name: '' }, { name: 'x_probe' }, { name: 'ok' }] } })).toEqual([
      err('spec.probe.httpGet.port', 'port number 0 must be in the range 1..65535'),
      err('spec.probe.httpGet.scheme', 'httpGet.scheme must be one of "HTTPS", "HTTP"'),
      err('spec.probe.httpGet.httpHeaders[0]', 'invalid nil header'),
      err('spec.probe.httpGet.httpHeaders[1].name', 'header name cannot be empty'),
      err('spec.probe.httpGet.httpHeaders[2].name', 'header name x_probe is not a valid header name'),
    ]);
  });

  test('tcpSocket port and exec command', () => {
    expect(probe({ tcpSocket: { port: 70000 } })).toEqual([err('spec.probe.tcpSocket.port', 'port number 70000 must be in the range 1..65535')]);
    expect(probe({ exec: { command: [] } })).toEqual([err('spec.probe.exec.command', 'exec.command is required')]);
  });

  test('a probe without a method, or with gRPC (no case in 1.30.3), is an unknown method', () => {
    expect(probe({ periodSeconds: 1 })).toEqual([err('spec.probe', 'unknown health check method <nil>')]);
    expect(probe({ grpc: { port: 8080 } })).toEqual([err('spec.probe.grpc', 'unknown health check method *v1alpha3.ReadinessProbe_Grpc')]);
  });
});

describe('WorkloadGroup end to end through validateObjects', () => {
  test('a valid group passes', () => {
    expect(validateObjects([object({ template, probe: { httpGet: { port: 8080, path: '/ready' } } })])).toEqual([]);
  });

  test('a probe header name with "_" passes the CRD pattern and the webhook rejects it', () => {
    expect(validateObjects([object({ template, probe: { httpGet: { port: 8080, httpHeaders: [{ name: 'x_probe' }] } } })])).toEqual([
      expect.objectContaining({ severity: 'error', code: 'IST0106', path: 'spec.probe.httpGet.httpHeaders[0].name', message: 'header name x_probe is not a valid header name' }),
    ]);
  });

  test('a gRPC probe passes the CRD and the 1.30.3 webhook rejects it', () => {
    expect(validateObjects([object({ template, probe: { grpc: { port: 8080 } } })])).toEqual([
      expect.objectContaining({ severity: 'error', code: 'IST0106', message: 'unknown health check method *v1alpha3.ReadinessProbe_Grpc' }),
    ]);
  });
});
