import { Protocol } from '../src';
import { defaultPortName, renderServerPort, renderServicePort } from '../src/core/render-port';

const fail = (message: string) => new Error(`Test: ${message}`);

describe('Protocol', () => {
  test('has every protocol Istio parses, written as Istio documents them', () => {
    expect(Object.values(Protocol).sort()).toEqual([
      'GRPC', 'GRPC-WEB', 'HTTP', 'HTTP2', 'HTTPS', 'HTTP_PROXY', 'MONGO', 'MYSQL', 'REDIS', 'TCP', 'TLS', 'UDP',
    ]);
  });
});

describe('default port names', () => {
  test('are <protocol>-<number> in lowercase, DNS-1123 labels', () => {
    expect(defaultPortName(443, Protocol.HTTPS)).toBe('https-443');
    expect(defaultPortName(8080, Protocol.GRPC_WEB)).toBe('grpc-web-8080');
    expect(defaultPortName(3128, Protocol.HTTP_PROXY)).toBe('http-proxy-3128');
  });

  test('are port-<number> without a protocol', () => {
    expect(defaultPortName(5432, undefined)).toBe('port-5432');
  });

  test('get -2, -3 appended while taken', () => {
    const taken = new Set(['https-443', 'https-443-2']);
    expect(defaultPortName(443, Protocol.HTTPS, n => taken.has(n))).toBe('https-443-3');
  });
});

describe('ServerPort', () => {
  test('renders number, protocol and the name given, unchanged', () => {
    expect(renderServerPort({ number: 80, protocol: Protocol.HTTP, name: 'web' }, { field: 'port', defaultName: true }, fail))
      .toEqual({ number: 80, protocol: 'HTTP', name: 'web' });
  });

  test('generates a name when asked to', () => {
    expect(renderServerPort({ number: 443, protocol: Protocol.HTTPS }, { field: 'port', defaultName: true }, fail))
      .toEqual({ number: 443, protocol: 'HTTPS', name: 'https-443' });
  });

  test('leaves the name out when not asked to generate one', () => {
    expect(renderServerPort({ number: 443, protocol: Protocol.HTTPS }, { field: 'port' }, fail))
      .toEqual({ number: 443, protocol: 'HTTPS' });
  });

  test('accepts port 0 only where allowed (unix domain socket listeners)', () => {
    expect(renderServerPort({ number: 0, protocol: Protocol.HTTP }, { field: 'port', allowZero: true }, fail))
      .toEqual({ number: 0, protocol: 'HTTP' });
    expect(() => renderServerPort({ number: 0, protocol: Protocol.HTTP }, { field: 'port' }, fail))
      .toThrow('Test: port.number must be an integer between 1 and 65535, got 0');
  });

  test.each([65536, -1, 80.5, NaN])('fails for port number %p', (number) => {
    expect(() => renderServerPort({ number, protocol: Protocol.HTTP }, { field: 'servers[0].port' }, fail))
      .toThrow(/^Test: servers\[0\]\.port\.number must be an integer between 1 and 65535, got /);
  });

  test('fails for an empty name', () => {
    expect(() => renderServerPort({ number: 80, protocol: Protocol.HTTP, name: '' }, { field: 'port' }, fail))
      .toThrow('Test: port.name must not be empty; leave it out for a generated name');
  });

  test('accepts any non-empty name on a Gateway, requires a DNS-1123 label where Istio does', () => {
    expect(renderServerPort({ number: 80, protocol: Protocol.HTTP, name: 'Web_1' }, { field: 'port' }, fail).name).toBe('Web_1');
    expect(() => renderServerPort({ number: 80, protocol: Protocol.HTTP, name: 'Web_1' }, { field: 'port', dns1123Name: true }, fail))
      .toThrow('Test: port.name must be a DNS-1123 label (lowercase letters, digits and \'-\', at most 63 characters), got "Web_1"');
  });
});

describe('ServicePort', () => {
  test('renders every field', () => {
    expect(renderServicePort({ number: 443, protocol: Protocol.TLS, name: 'tls', targetPort: 8443 }, 'ports[0]', fail))
      .toEqual({ number: 443, protocol: 'TLS', name: 'tls', targetPort: 8443 });
  });

  test('generates the name, leaves out what is not set', () => {
    expect(renderServicePort({ number: 5432 }, 'ports[0]', fail)).toEqual({ number: 5432, name: 'port-5432' });
    expect(renderServicePort({ number: 80, protocol: Protocol.HTTP }, 'ports[0]', fail, n => n === 'http-80'))
      .toEqual({ number: 80, protocol: 'HTTP', name: 'http-80-2' });
  });

  test('fails for a port number out of range', () => {
    expect(() => renderServicePort({ number: 0 }, 'ports[0]', fail)).toThrow('Test: ports[0].number must be an integer between 1 and 65535, got 0');
  });

  test('fails for a target port out of range', () => {
    expect(() => renderServicePort({ number: 80, targetPort: 70000 }, 'ports[0]', fail))
      .toThrow('Test: ports[0].targetPort must be an integer between 1 and 65535, got 70000');
  });

  test('fails for a name that is not a DNS-1123 label', () => {
    expect(() => renderServicePort({ number: 80, name: 'http.web' }, 'ports[0]', fail))
      .toThrow(/^Test: ports\[0\]\.name must be a DNS-1123 label .*got "http\.web"$/);
  });
});
