import { parseRequestUri } from '../../../src/validation/cel/go-url';

describe('parseRequestUri (Go url.ParseRequestURI)', () => {
  test('an absolute URI: scheme lower-cased, host, port, path, query', () => {
    expect(parseRequestUri('HTTPS://user@api.example.com:8443/v1/x?y=1')).toEqual({
      scheme: 'https', host: 'api.example.com:8443', hostname: 'api.example.com', port: '8443', path: '/v1/x', query: 'y=1',
    });
  });

  test('an absolute path has no scheme or host', () => {
    expect(parseRequestUri('/etc/plugin.wasm')).toEqual({ scheme: '', host: '', hostname: '', port: '', path: '/etc/plugin.wasm', query: '' });
  });

  test('an opaque URI (mailto:) is valid', () => {
    expect(parseRequestUri('mailto:ops@example.com').scheme).toBe('mailto');
  });

  test('an IPv6 host keeps its brackets in host, not in hostname', () => {
    expect(parseRequestUri('http://[::1]:80/x')).toMatchObject({ host: '[::1]:80', hostname: '::1', port: '80' });
  });

  test.each([
    ['example.com/x', 'invalid URI for request'],
    [':8080/x', 'missing protocol scheme'],
    ['http://host:port/x', 'invalid port ":port" after host'],
    ['http://[::1/x', "missing ']' in host"],
    ['http://[::1]x/', 'invalid port "x" after host'],
    ['http://exa mple.com/', 'invalid character " " in host name'],
  ])('rejects %p: %s', (raw, reason) => {
    expect(() => parseRequestUri(raw)).toThrow(`parse "${raw}": ${reason}`);
  });
});
