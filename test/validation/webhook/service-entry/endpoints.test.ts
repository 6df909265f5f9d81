import { err, Meta, serviceEntry, warn, webhookFindings } from '../../../support/objects';

const se = (spec: Record<string, unknown>, meta?: Meta) => webhookFindings(serviceEntry('x', spec, { namespace: 'ns', ...meta }));

const HTTP = { number: 80, name: 'http', protocol: 'HTTP' };
const staticSE = (endpoints: any[], ports: any[] = [HTTP]) => se({ hosts: ['a.com'], ports, resolution: 'STATIC', endpoints });
const dnsSE = (endpoints: any[], resolution = 'DNS') => se({ hosts: ['a.com'], ports: [HTTP], resolution, endpoints });

describe('STATIC endpoints (validateWorkloadEntry)', () => {
  test('valid endpoints', () => {
    expect(staticSE([{ address: '10.0.0.1', ports: { http: 8080 }, labels: { app: 'a' } }, { address: '2001:db8::1' }])).toEqual([]);
    expect(staticSE([{ address: 'unix:///var/run/a.sock' }])).toEqual([]);
    expect(staticSE([{ address: 'unix://@abstract' }])).toEqual([]);
  });

  test('null endpoints', () => expect(staticSE([null])).toEqual([err('spec.endpoints[0]', 'endpoint cannot be nil')]));

  test('address required unless a network is given (then: warning)', () => {
    expect(staticSE([{ ports: { nope: 0 } }])).toEqual([err('spec.endpoints[0].address', 'address is required')]);
    expect(staticSE([{ network: 'net1' }])).toEqual([warn('spec.endpoints[0].address', 'address is unset with network "net1"')]);
  });

  test('addresses must be IPs', () => {
    expect(staticSE([{ address: 'host.com' }])).toEqual([err('spec.endpoints[0].address', 'endpoint address "host.com" is not a valid IP address')]);
  });

  test('unix endpoints: absolute path, no ports, exactly one service port', () => {
    expect(staticSE([{ address: 'unix://relative', ports: { http: 80 } }], [HTTP, { number: 81, name: 'b', protocol: 'HTTP' }])).toEqual([
      err('spec.endpoints[0].address', 'relative is not an absolute path to a file'),
      err('spec.endpoints[0].ports', 'unix endpoint unix://relative must not include ports'),
      err('spec.endpoints[0].address', 'exactly 1 service port required for unix endpoints'),
    ]);
    expect(staticSE([{ address: 'unix://' }])).toEqual([err('spec.endpoints[0].address', 'unix address must not be empty')]);
  });

  test('ports must name service ports, with valid names and numbers; then labels', () => {
    expect(staticSE([{ address: '1.1.1.1', ports: { other: 0, Bad_Name: 80 }, labels: { 'bad key': 'v' } }])).toEqual([
      err('spec.endpoints[0].ports[Bad_Name]', 'endpoint port 80 is not defined by the service entry'),
      err('spec.endpoints[0].ports[Bad_Name]', 'invalid port name: Bad_Name'),
      err('spec.endpoints[0].ports[other]', 'endpoint port 0 is not defined by the service entry'),
      err('spec.endpoints[0].ports[other]', 'port number 0 must be in the range 1..65535'),
      err('spec.endpoints[0].labels[bad key]', 'invalid tag key: "bad key"'),
    ]);
  });
});

describe('DNS endpoints', () => {
  test('IPs and FQDNs are valid', () => {
    expect(dnsSE([{ address: 'backend.example.com', ports: { http: 8080 } }, { address: '1.2.3.4' }])).toEqual([]);
  });

  test('other addresses', () => {
    expect(dnsSE([{ address: 'unix:///a.sock' }, { network: 'n' }])).toEqual([
      err('spec.endpoints[0].address', 'endpoint address "unix:///a.sock" is not a valid FQDN or an IP address'),
      err('spec.endpoints[1].address', 'endpoint address "" is not a valid FQDN or an IP address'),
    ]);
  });

  test('labels, then ports', () => {
    expect(dnsSE([{ address: 'a.com', labels: { k: '-v' }, ports: { other: 70000 } }])).toEqual([
      err('spec.endpoints[0].labels[k]', 'invalid tag value: "-v"'),
      err('spec.endpoints[0].ports[other]', 'endpoint port 70000 is not defined by the service entry'),
      err('spec.endpoints[0].ports[other]', 'port number 70000 must be in the range 1..65535'),
    ]);
  });

  test('null endpoints', () => expect(dnsSE([null])).toEqual([err('spec.endpoints[0]', 'endpoint cannot be nil')]));
});
