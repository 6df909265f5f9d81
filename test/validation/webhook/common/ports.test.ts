import {
  checkPort, checkPortName, checkProtocol, isHTTPProtocol, isTCPProtocol, isTLSProtocol, parseProtocol, Protocol,
} from '../../../../src/validation/webhook/common/ports';

describe('protocol.Parse', () => {
  test.each([
    ['http', Protocol.HTTP], ['HTTP2', Protocol.HTTP2], ['grpc-web', Protocol.GRPC_WEB], ['Https', Protocol.HTTPS],
    ['tls', Protocol.TLS], ['tcp', Protocol.TCP], ['udp', Protocol.UDP], ['MONGO', Protocol.MONGO], ['redis', Protocol.REDIS],
    ['mysql', Protocol.MYSQL], ['http_proxy', Protocol.HTTP_PROXY], ['grpc', Protocol.GRPC], ['', Protocol.UNSUPPORTED],
    ['h2c', Protocol.UNSUPPORTED], ['constructor', Protocol.UNSUPPORTED],
  ])('%p is %p', (name, protocol) => expect(parseProtocol(name)).toBe(protocol));

  test('families', () => {
    expect([Protocol.HTTP, Protocol.HTTP2, Protocol.HTTP_PROXY, Protocol.GRPC, Protocol.GRPC_WEB].every(isHTTPProtocol)).toBe(true);
    expect(isHTTPProtocol(Protocol.HTTPS)).toBe(false);
    expect([Protocol.TCP, Protocol.HTTPS, Protocol.TLS, Protocol.MONGO, Protocol.REDIS, Protocol.MYSQL].every(isTCPProtocol)).toBe(true);
    expect(isTCPProtocol(Protocol.HTTP)).toBe(false);
    expect(isTLSProtocol(Protocol.HTTPS) && isTLSProtocol(Protocol.TLS)).toBe(true);
    expect(isTLSProtocol(Protocol.TCP)).toBe(false);
  });
});

describe('ValidatePort', () => {
  test.each([1, 80, 65535])('%p is valid', p => expect(checkPort(p)).toBeUndefined());
  test.each([0, 65536, -1])('%p is not', p => expect(checkPort(p)).toBe(`port number ${p} must be in the range 1..65535`));
});

describe('ValidatePortName', () => {
  test('a DNS-1123 label', () => {
    expect(checkPortName('http-web')).toBeUndefined();
    expect(checkPortName('')).toBe('invalid port name: ');
    expect(checkPortName('http_web')).toBe('invalid port name: http_web');
  });
});

describe('ValidateProtocol', () => {
  test('empty (sniffing) and known names are valid, case-insensitively', () => {
    expect(checkProtocol('')).toBeUndefined();
    expect(checkProtocol('hTTp')).toBeUndefined();
  });
  test('unknown names', () => expect(checkProtocol('QUIC')).toBe('unsupported protocol: QUIC'));
});
