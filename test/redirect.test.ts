import { Testing } from 'cdk8s';
import { Host, HttpRouteOptions, IstioValidation, RedirectPortSelection, RedirectScheme, StringMatch, VirtualService } from '../src';

const reviews = Host.fromName('reviews');

function http(options: HttpRouteOptions): any {
  const chart = Testing.chart();
  IstioValidation.disableAnalysis(chart);
  new VirtualService(chart, 'Vs', { hosts: [reviews], http: [options] });
  return Testing.synth(chart)[0].spec.http[0];
}

describe('HttpRedirect', () => {
  test('every field', () => {
    expect(http({ redirect: { uri: '/new', authority: 'new.example.com', port: 8443, scheme: RedirectScheme.HTTPS, redirectCode: 308 } }).redirect)
      .toEqual({ uri: '/new', authority: 'new.example.com', port: 8443, scheme: 'https', redirectCode: 308 });
  });

  test('the port derived from the scheme', () => {
    expect(http({ redirect: { scheme: RedirectScheme.HTTPS, derivePort: RedirectPortSelection.FROM_PROTOCOL_DEFAULT } }).redirect)
      .toEqual({ scheme: 'https', derivePort: 'FROM_PROTOCOL_DEFAULT' });
  });

  describe('fails', () => {
    test('when it changes nothing', () => {
      expect(() => http({ redirect: {} }))
        .toThrow("VirtualService 'test/Vs': http[0].redirect changes nothing; give at least one of uri, authority, port, derivePort or scheme");
    });

    test('with both port and derivePort', () => {
      expect(() => http({ redirect: { port: 443, derivePort: RedirectPortSelection.FROM_REQUEST_PORT } }))
        .toThrow("VirtualService 'test/Vs': http[0].redirect has both port 443 and derivePort FROM_REQUEST_PORT; give one of them");
    });

    test.each([200, 400, 301.5])('with the code %p', redirectCode => {
      expect(() => http({ redirect: { uri: '/x', redirectCode } }))
        .toThrow(`VirtualService 'test/Vs': http[0].redirect: redirectCode must be an integer between 300 and 399, got ${redirectCode}`);
    });

    test('with a port out of range', () => {
      expect(() => http({ redirect: { port: 0 } })).toThrow("VirtualService 'test/Vs': http[0].redirect.port: port number 0 must be in the range 1..65535");
    });
  });
});

describe('HttpDirectResponse', () => {
  test('a status with a text body, and with bytes', () => {
    expect(http({ directResponse: { status: 503, body: 'maintenance' } }).directResponse).toEqual({ status: 503, body: { string: 'maintenance' } });
    expect(http({ directResponse: { status: 200, bodyBytes: 'aGk=' } }).directResponse).toEqual({ status: 200, body: { bytes: 'aGk=' } });
    expect(http({ directResponse: { status: 204 } }).directResponse).toEqual({ status: 204 });
  });

  describe('fails', () => {
    test.each([100, 700, 200.5])('with the status %p', status => {
      expect(() => http({ directResponse: { status } })).toThrow(/VirtualService 'test\/Vs': http\[0\]\.directResponse\.status: HTTP status/);
    });

    test('with two bodies', () => {
      expect(() => http({ directResponse: { status: 200, body: 'a', bodyBytes: 'YQ==' } }))
        .toThrow("VirtualService 'test/Vs': http[0].directResponse has both body and bodyBytes; give the body once");
    });

    test('with bytes that are not base64', () => {
      expect(() => http({ directResponse: { status: 200, bodyBytes: 'not base64!' } }))
        .toThrow("VirtualService 'test/Vs': http[0].directResponse.bodyBytes must be base64-encoded, got \"not base64!\"");
    });

    test('with a body over 1MB (Istio\'s rule)', () => {
      expect(() => http({ directResponse: { status: 200, body: 'x'.repeat(1024 * 1024 + 1) } }))
        .toThrow("http[0].directResponse.body: large direct_responses may impact control plane performance, must be less than 1MB (Istio's webhook rejects this)");
    });
  });
});

describe('HttpRewrite', () => {
  test('uri and authority', () => {
    expect(http({ match: [{ uri: StringMatch.prefix('/v1/') }], rewrite: { uri: '/v2/', authority: 'api-v2' }, route: [{ host: reviews }] }).rewrite)
      .toEqual({ uri: '/v2/', authority: 'api-v2' });
  });

  test('a regex rewrite', () => {
    expect(http({ rewrite: { uriRegexRewrite: { match: '^/service/([^/]+)(/.*)$', rewrite: '\\2/instance/\\1' } }, route: [{ host: reviews }] }).rewrite)
      .toEqual({ uriRegexRewrite: { match: '^/service/([^/]+)(/.*)$', rewrite: '\\2/instance/\\1' } });
  });

  describe('fails', () => {
    test('when it changes nothing', () => {
      expect(() => http({ rewrite: {}, route: [{ host: reviews }] }))
        .toThrow("VirtualService 'test/Vs': http[0].rewrite changes nothing; give uri, uriRegexRewrite or authority");
    });

    test('with both uri and uriRegexRewrite', () => {
      expect(() => http({ rewrite: { uri: '/a', uriRegexRewrite: { match: 'a', rewrite: 'b' } }, route: [{ host: reviews }] }))
        .toThrow("VirtualService 'test/Vs': http[0].rewrite has both uri and uriRegexRewrite; give one of them");
    });

    test('with a regex rewrite missing its replacement', () => {
      expect(() => http({ rewrite: { uriRegexRewrite: { match: 'a', rewrite: '' } }, route: [{ host: reviews }] }))
        .toThrow("VirtualService 'test/Vs': http[0].rewrite.uriRegexRewrite needs both match and rewrite");
    });

    test('with a regex RE2 rejects', () => {
      expect(() => http({ rewrite: { uriRegexRewrite: { match: '(?<=a)b', rewrite: 'c' } }, route: [{ host: reviews }] }))
        .toThrow(/VirtualService 'test\/Vs': http\[0\]\.rewrite\.uriRegexRewrite\.match: .*invalid/);
    });

    test('with the authority rewritten twice (Istio\'s rule)', () => {
      expect(() => http({ rewrite: { authority: 'a' }, headers: { request: { set: { host: 'b' } } }, route: [{ host: reviews }] }))
        .toThrow('authority header cannot be set multiple times: have "a", attempting to set "b" (Istio\'s webhook rejects this)');
    });
  });
});
