import { parseRequestUri, parseUrl, quoteBytes, urlParseError } from '../../src/go/url';
import { validateObjects } from '../../src/validation/validate';

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

  test.each([
    // validUserinfo: RFC 3986 userinfo characters only (runes, so non-ASCII fails too)
    ['http://us er@h/', 'net/url: invalid userinfo'],
    ['http://#%blah$#@', 'net/url: invalid userinfo'],
    ['http://ü@h/', 'net/url: invalid userinfo'],
    // unescape: every '%' starts two hex digits, in userinfo, password, host, path
    ['http://u%zz@h/', 'invalid URL escape "%zz"'],
    ['http://u:p%2@h/', 'invalid URL escape "%2"'],
    ['http://h/a%', 'invalid URL escape "%"'],
    ['http://h/a%g1/b', 'invalid URL escape "%g1"'],
    // Go quotes the three bytes after '%': here "%" and the two bytes of "ä"
    ['/x%ä', 'invalid URL escape "%ä"'],
    ['/x%aä', 'invalid URL escape "%a\\xc3"'],
    // a host %-encodes only non-ASCII bytes (and %25)
    ['http://%41/', 'invalid URL escape "%41"'],
    // an IPv6 zone may not escape bytes a host could not hold
    ['http://[fe80::1%25%0a]/', 'invalid URL escape "%0a"'],
    ['', 'empty url'],
  ])('rejects %p: %s', (raw, reason) => {
    expect(() => parseRequestUri(raw)).toThrow(`parse ${JSON.stringify(raw)}: ${reason}`);
  });

  test.each([
    ['http://u:p%40ss@h/', 'h'],
    ['http://h<>"/', 'h<>"'],
    ['http://%C3%A4.example/', 'ä.example'],
    ['http://[fe80::1%25en0]:80/x', '[fe80::1%en0]:80'],
    ['http://[fe80::1%25en%200]/', '[fe80::1%en 0]'],
  ])('accepts %p, host %p (decoded)', (raw, host) => {
    expect(parseRequestUri(raw).host).toBe(host);
  });

  test('a control character, quoted as Go quotes it', () => {
    expect(() => parseRequestUri('http://h/\x7f')).toThrow('parse "http://h/\\x7f": net/url: invalid control character in URL');
  });

  test('the path is Go\'s EscapedPath: the raw path when it is a valid encoding, else re-escaped', () => {
    expect(parseRequestUri('http://h/a%2fb').path).toBe('/a%2fb');
    expect(parseRequestUri('http://h/a b').path).toBe('/a%20b');
    expect(parseRequestUri('http://h/ä').path).toBe('/%C3%A4');
    expect(parseRequestUri('*').path).toBe('*');
  });

  test('a query is cut at the first "?"; a lone trailing "?" is an empty query', () => {
    expect(parseRequestUri('http://h/p?a=1?b').query).toBe('a=1?b');
    expect(parseRequestUri('http://h/p?')).toMatchObject({ path: '/p', query: '' });
  });

  test('ParseRequestURI does not cut a fragment: "#" in the authority is userinfo or host', () => {
    expect(() => parseRequestUri('http://h#x/')).toThrow('parse "http://h#x/": invalid character "#" in host name');
  });
});

describe('parseUrl (Go url.Parse)', () => {
  test('relative references and fragments', () => {
    expect(parseUrl('a/b#frag')).toMatchObject({ path: 'a/b', fragment: 'frag' });
    expect(parseUrl('//h/p')).toMatchObject({ host: 'h', path: '/p' });
    expect(parseUrl('x#')).toMatchObject({ path: 'x', fragment: '' });
  });

  test('errors name the URL without its fragment, except a fragment\'s own', () => {
    expect(() => parseUrl('http://u%zz@h/#f')).toThrow('parse "http://u%zz@h/": invalid URL escape "%zz"');
    expect(() => parseUrl('http://h/#%zz')).toThrow('parse "http://h/#%zz": invalid URL escape "%zz"');
    expect(() => parseUrl('a:b/c')).not.toThrow();
    expect(() => parseUrl('a_b:c')).toThrow('parse "a_b:c": first path segment in URL cannot contain colon');
  });
});

describe('urlParseError (url.Parse after url.ParseRequestURI accepted the URL)', () => {
  const after = (raw: string) => urlParseError(raw, parseRequestUri(raw));

  test('both accept', () => {
    expect(after('http://h/p#f')).toBeUndefined();
    expect(after('/p')).toBeUndefined();
  });

  test('the fragment: Parse unescapes it (ParseRequestURI reads it as part of the raw query)', () => {
    expect(after('http://h/p?q#%zz')).toBe('parse "http://h/p?q#%zz": invalid URL escape "%zz"');
    expect(after('http://h/p?q#%4')).toBe('parse "http://h/p?q#%4": invalid URL escape "%4"');
  });

  test('a scheme-less //authority: Parse reads the authority, named without the fragment', () => {
    expect(after('//a b/p#f')).toBe('parse "//a b/p": invalid character " " in host name');
    expect(after('///p')).toBeUndefined();
  });
});

describe('quoteBytes (strconv.Quote of bytes)', () => {
  test('valid UTF-8 as is, invalid bytes as \\x', () => {
    expect(quoteBytes('a"b')).toBe('"a\\"b"');
    expect(quoteBytes('\xc3\xa4')).toBe('"ä"');
    expect(quoteBytes('%\xc3')).toBe('"%\\xc3"');
  });
});

describe('the CEL URL rules of the CRDs, with Go\'s checks', () => {
  const wasmPlugin = (url: string) => ({
    apiVersion: 'extensions.istio.io/v1alpha1',
    kind: 'WasmPlugin',
    metadata: { name: 'w', namespace: 'ns' },
    spec: { url, selector: { matchLabels: { app: 'x' } } },
  });
  // The rule tries the url as is, then with "http://" in front: only what fails both is rejected.
  test.each(['#%blah$#@', 'oci://h/%zz', 'x%', '@#%', 'h/a%g'])('WasmPlugin url %p is rejected', url => {
    expect(validateObjects([wasmPlugin(url)], { analysis: false }).map(d => d.path)).toContain('spec.url');
  });
  test.each(['oci://ghcr.io/x/y:1', 'https://u:p%40@h/x.wasm', 'file:///opt/x.wasm', 'ghcr.io/x/y', 'http://us er@h/x.wasm'])('WasmPlugin url %p is accepted', url => {
    expect(validateObjects([wasmPlugin(url)], { analysis: false }).filter(d => d.path === 'spec.url')).toEqual([]);
  });
});
