import { validateObjects } from '../../../src/validation/validate';
import { validateWorkloadEntry } from '../../../src/validation/webhook/workload-entry';
import { collect, err, warn, webhookView, workloadEntry } from '../../support/objects';

/** The WorkloadEntry `vms/vm1` with this spec. */
const object = (spec: any) => workloadEntry('vm1', spec, 'vms');
const check = (spec: any) => collect(findings => validateWorkloadEntry(webhookView(object(spec)), findings));

describe('ValidateWorkloadEntry', () => {
  test.each([
    [{ address: '10.0.0.1', ports: { http: 8080 }, labels: { app: 'vm' } }],
    [{ address: '2001:db8::1' }],
    [{ address: 'vm1.example.com', ports: { 'grpc-api': 9000 } }],
    [{ address: 'unix:///var/run/app.sock' }],
    [{ address: 'unix://@abstract' }],
  ])('a valid entry has no findings (%p)', (spec) => {
    expect(check(spec)).toEqual([]);
  });

  test('no address and no network is an error, alone', () => {
    expect(check({ address: '', ports: { Bad_Name: 0 } })).toEqual([err('spec.address', 'address is required')]);
  });

  test('no address with a network is a warning', () => {
    expect(check({ network: 'net1' })).toEqual([warn('spec.address', 'address is unset with network "net1"')]);
  });

  test('an address that is neither an IP nor an FQDN', () => {
    expect(check({ address: 'bad_host.example.com' })).toEqual([
      err('spec.address', 'endpoint address "bad_host.example.com" is not a valid FQDN or an IP address'),
    ]);
    expect(check({ address: '10.0.0.300' })).toEqual([
      err('spec.address', 'endpoint address "10.0.0.300" is not a valid FQDN or an IP address'),
    ]);
  });

  test('a unix address: an absolute path, and no ports', () => {
    expect(check({ address: 'unix://' })).toEqual([err('spec.address', 'unix address must not be empty')]);
    expect(check({ address: 'unix://var/run/x.sock' })).toEqual([err('spec.address', 'var/run/x.sock is not an absolute path to a file')]);
    expect(check({ address: 'unix:///var/run/x.sock', ports: { http: 80 } })).toEqual([
      err('spec.ports', 'unix endpoint unix:///var/run/x.sock must not include ports'),
    ]);
  });

  test('port names and numbers, in key order', () => {
    expect(check({ address: '10.0.0.1', ports: { z: 80, Bad_Name: 8080, http: 0 } })).toEqual([
      err('spec.ports[Bad_Name]', 'invalid port name: Bad_Name'),
      err('spec.ports[http]', 'port number 0 must be in the range 1..65535'),
    ]);
  });

  test('labels', () => {
    expect(check({ address: '10.0.0.1', labels: { 'app': 'a b', '-bad': 'x' } })).toEqual([
      err('spec.labels[-bad]', 'invalid tag key: "-bad"'),
      err('spec.labels[app]', 'invalid tag value: "a b"'),
    ]);
  });
});

describe('WorkloadEntry end to end through validateObjects', () => {
  test('a valid entry passes', () => {
    expect(validateObjects([object({ address: '10.0.0.1', ports: { http: 8080 }, labels: { app: 'vm' } })])).toEqual([]);
  });

  test('an empty address passes the CRD (it is present) and the webhook rejects it', () => {
    expect(validateObjects([object({ address: '' })])).toEqual([
      expect.objectContaining({ severity: 'error', code: 'IST0106', path: 'spec.address', message: 'address is required' }),
    ]);
  });

  test('a label value with a space is an IST0106 error', () => {
    expect(validateObjects([object({ address: '10.0.0.1', labels: { app: 'a b' } })])).toEqual([
      expect.objectContaining({ severity: 'error', code: 'IST0106', path: 'spec.labels[app]', message: 'invalid tag value: "a b"' }),
    ]);
  });
});
