import { validateObjects } from '../../../../src/validation/validate';
import { err, sidecar, warn, webhookFindings } from '../../../support/objects';

/** The webhook's findings for the Sidecar `bookinfo/default` with these egress listeners. */
function check(...egress: any[]) {
  return webhookFindings(sidecar('default', { egress }, 'bookinfo'));
}

const hosts = (...list: string[]) => ({ hosts: list });
const onPort = (port: any, over: any = {}) => ({ port: { number: 9080, protocol: 'HTTP', name: 'http', ...port }, hosts: ['./*'], ...over });
const error = (path: string, message: string, i = 0) => err(`spec.egress[${i}]${path}`, message);
const warning = (path: string, message: string, i = 0) => warn(`spec.egress[${i}]${path}`, message);

describe('ValidateSidecar: egress listeners', () => {
  test('a null listener is an error', () => {
    expect(check(null)).toEqual([error('', 'egress listener may not be null')]);
  });

  describe('the catch-all listener (no port)', () => {
    test('last is valid', () => {
      expect(check(onPort({}), hosts('./*'))).toEqual([]);
    });

    test('anywhere else is an error', () => {
      expect(check(hosts('./*'), onPort({}))).toEqual([
        error('', 'sidecar: the egress listener with empty port should be the last listener in the list'),
      ]);
      expect(check(hosts('./*'), hosts('istio-system/*'))).toEqual([
        error('', 'sidecar: the egress listener with empty port should be the last listener in the list'),
      ]);
    });
  });

  describe('ports (validateSidecarEgressPortBindAndCaptureMode)', () => {
    test('targetPort is an error', () => {
      expect(check(onPort({ targetPort: 8080 }))).toEqual([error('.port.targetPort', 'targetPort has no impact on Sidecars')]);
    });

    test('a port name is optional but must be a DNS label', () => {
      expect(check(onPort({ name: undefined }))).toEqual([]);
      expect(check(onPort({ name: 'Web_1' }))).toEqual([error('.port.name', 'invalid port name: Web_1')]);
    });

    test('an unknown protocol is an error', () => {
      expect(check(onPort({ protocol: 'SMTP' }))).toEqual([error('.port.protocol', 'unsupported protocol: SMTP')]);
    });

    test('an out-of-range port is an error', () => {
      expect(check(onPort({ number: 70000 }))).toEqual([error('.port.number', 'port number 70000 must be in the range 1..65535')]);
    });

    test('an IP bind is valid, anything else an error', () => {
      expect(check(onPort({}, { bind: '127.0.0.2' }))).toEqual([]);
      expect(check(onPort({}, { bind: '127.0.0.010' }))).toEqual([error('.bind', '127.0.0.010 is not a valid IP')]);
    });

    test('repeated port numbers are an error', () => {
      expect(check(onPort({}), onPort({ name: 'b' }))).toEqual([error('.port.number', 'sidecar: ports on IP bound listeners must be unique', 1)]);
    });
  });

  describe('unix domain socket listeners (port 0)', () => {
    const uds = (over: any = {}) => onPort({ number: 0 }, { bind: 'unix:///var/run/someuds.sock', ...over });

    test('a unix bind with DEFAULT or NONE capture is valid', () => {
      expect(check(uds())).toEqual([]);
      expect(check(uds({ captureMode: 'NONE' }))).toEqual([]);
      expect(check(uds({ bind: 'unix://@abstract', captureMode: 'DEFAULT' }))).toEqual([]);
    });

    test('port 0 needs a unix bind', () => {
      expect(check(uds({ bind: '0.0.0.0' }))).toEqual([error('.bind', 'sidecar: ports with 0 value must have a unix domain socket bind address')]);
    });

    test('the socket path must be absolute', () => {
      expect(check(uds({ bind: 'unix://' }))).toEqual([error('.bind', 'unix address must not be empty')]);
    });

    test('iptables capture is an error', () => {
      expect(check(uds({ captureMode: 'IPTABLES' }))).toEqual([
        error('.captureMode', 'sidecar: captureMode must be DEFAULT/NONE for unix domain socket listeners'),
      ]);
    });

    test('the protocol is still checked', () => {
      expect(check(onPort({ number: 0, protocol: 'SMTP' }, { bind: 'unix:///s.sock' }))).toEqual([error('.port.protocol', 'unsupported protocol: SMTP')]);
    });

    test('repeated socket paths are an error', () => {
      expect(check(uds(), uds())).toEqual([error('.bind', 'sidecar: unix domain socket values for listeners must be unique', 1)]);
    });
  });

  describe('hosts', () => {
    test('no host is an error', () => {
      expect(check(hosts())).toEqual([error('.hosts', 'sidecar: egress listener must contain at least one host')]);
    });

    test.each(['*/*', './*', '~/*', 'ns/*', 'ns/foo.example.com', '*/foo.example.com', 'ns/*.example.com'])('%s is valid', (host) => {
      expect(check(hosts(host))).toEqual([]);
    });

    test.each([
      ['foo.example.com', ['host must be of form namespace/dnsName']],
      ['ns/foo', ['short names (non FQDN) are not allowed']],
      ['Bad_ns/foo.example.com', ['invalid namespace value "Bad_ns" in sidecar']],
      ['/foo.example.com', ['config namespace and dnsName in host entry cannot be empty', 'invalid namespace value "" in sidecar']],
      // The domain error comes twice: once for sidecars, once because it is not an IP either.
      ['ns/foo_bar.example.com', ['domain name "foo_bar.example.com" invalid (label "foo_bar" invalid)',
        'domain name "foo_bar.example.com" invalid (label "foo_bar" invalid)']],
      // An IP is no domain; the message names the part after the first label, as Istio's does.
      ['ns/1.2.3.4', ['domain name "2.3.4" invalid (top level domain "4" cannot be all-numeric)']],
      ['ns/foo.*.com', ['domain name "*.com" invalid (label "*" invalid)', 'domain name "*.com" invalid (label "*" invalid)',
        'partial wildcard "foo.*.com" not allowed']],
    ])('%s is rejected', (host, messages) => {
      expect(check(hosts(host))).toEqual(messages.map(m => error('.hosts[0]', m)));
    });

    test.each([
      [['ns/a.example.com', 'ns/a.example.com'], 1],
      [['ns/*', 'ns/a.example.com'], 1],
      [['ns/a.example.com', 'ns/*'], 1],
      [['./a.example.com', 'bookinfo/a.example.com'], 1],
    ])('%p repeats a host: a warning', (list, index) => {
      expect(check(hosts(...list))).toEqual([warning(`.hosts[${index}]`, `duplicated egress host: ${list[index]}`)]);
    });

    test('distinct hosts in distinct namespaces are valid', () => {
      expect(check(hosts('a/*', 'b/*', 'c/x.example.com'))).toEqual([]);
    });

    test('*/* next to other hosts is a warning', () => {
      expect(check(hosts('*/*', 'istio-system/*'))).toEqual([warning('.hosts', '`*/*` host select all resources, no other hosts can be added')]);
    });
  });
});

describe('egress end to end', () => {
  test('a unix socket listener with iptables capture passes the CRD and fails the webhook', () => {
    const object = sidecar('uds', {
      egress: [{ port: { number: 0, protocol: 'HTTP', name: 'uds' }, bind: 'unix:///var/run/uds.sock', captureMode: 'IPTABLES', hosts: ['./*'] }],
    }, 'bookinfo');
    expect(validateObjects([object])).toEqual([expect.objectContaining({
      severity: 'error', code: 'IST0106', path: 'spec.egress[0].captureMode', message: 'sidecar: captureMode must be DEFAULT/NONE for unix domain socket listeners',
    })]);
  });
});
