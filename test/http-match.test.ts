import { Testing } from 'cdk8s';
import { Gateway, Host, HttpMatch, IstioValidation, StringMatch, VirtualService } from '../src';

const reviews = Host.fromName('reviews');

/** The first route's match as synthesized, for a VirtualService in namespace `shop`. */
function match(...matches: HttpMatch[]): any {
  const chart = Testing.chart();
  IstioValidation.disableAnalysis(chart);
  new VirtualService(chart, 'Vs', { metadata: { namespace: 'shop' }, hosts: [reviews], http: [{ match: matches, route: [{ host: reviews }] }] });
  return Testing.synth(chart)[0].spec.http[0].match;
}

describe('HttpMatch', () => {
  test('every field is rendered in Istio\'s names', () => {
    const chart = Testing.chart();
    const publicGateway = Gateway.fromGatewayName(chart, 'Public', 'istio-system/public');
    new VirtualService(chart, 'Vs', {
      metadata: { namespace: 'shop' },
      hosts: [Host.fromName('shop.example.com')],
      gateways: [publicGateway, Gateway.MESH],
      http: [{
        match: [{
          name: 'beta',
          uri: StringMatch.prefix('/api/'),
          ignoreUriCase: true,
          scheme: StringMatch.exact('https'),
          method: StringMatch.regex('GET|HEAD'),
          authority: StringMatch.exact('shop.example.com'),
          headers: { 'x-beta': StringMatch.exact('on') },
          withoutHeaders: { 'x-debug': StringMatch.prefix('1') },
          queryParams: { flag: StringMatch.exact('') },
          port: 8080,
          sourceLabels: { app: 'web' },
          sourceNamespace: 'frontend',
          gateways: [publicGateway],
          statPrefix: 'beta-api',
        }],
        route: [{ host: Host.fromExternalName(chart, 'Web', 'web.shop.svc.cluster.local') }],
      }],
    });

    const [obj] = Testing.synth(chart);
    expect(obj.spec.http[0].match).toEqual([{
      name: 'beta',
      uri: { prefix: '/api/' },
      ignoreUriCase: true,
      scheme: { exact: 'https' },
      method: { regex: 'GET|HEAD' },
      authority: { exact: 'shop.example.com' },
      headers: { 'x-beta': { exact: 'on' } },
      withoutHeaders: { 'x-debug': { prefix: '1' } },
      queryParams: { flag: { exact: '' } },
      port: 8080,
      sourceLabels: { app: 'web' },
      sourceNamespace: 'frontend',
      gateways: ['istio-system/public'],
      statPrefix: 'beta-api',
    }]);
    expect(obj).toMatchSnapshot();
  });

  test('several matches are alternatives, rendered in order', () => {
    expect(match({ uri: StringMatch.exact('/a') }, { uri: StringMatch.exact('/b') })).toEqual([{ uri: { exact: '/a' } }, { uri: { exact: '/b' } }]);
  });

  test('present and absent headers are Istio\'s empty matches', () => {
    expect(match({ headers: { 'x-tier': StringMatch.exact('gold') }, presentHeaders: ['x-user'], absentHeaders: ['x-debug'] })).toEqual([{
      headers: { 'x-tier': { exact: 'gold' }, 'x-user': {} },
      withoutHeaders: { 'x-debug': {} },
    }]);
  });

  test('a match gateway in the VirtualService\'s own namespace is written by its name', () => {
    expect(match({ gateways: [{ gatewayName: 'own', gatewayNamespace: 'shop' }, Gateway.MESH] })).toEqual([{ gateways: ['own', 'mesh'] }]);
  });

  test('empty maps and lists are left out', () => {
    expect(match({ headers: {}, presentHeaders: [], sourceLabels: {}, gateways: [], uri: StringMatch.prefix('/') })).toEqual([{ uri: { prefix: '/' } }]);
  });

  describe('fails', () => {
    test('on a header with a value match that is also listed as present', () => {
      expect(() => match({ headers: { 'x-a': StringMatch.exact('1') }, presentHeaders: ['x-a'] }))
        .toThrow("VirtualService 'test/Vs': http[0].match[0].headers: header \"x-a\" is given both a value match and in presentHeaders; keep one of them");
    });

    test('on a header with a value match that is also listed as absent', () => {
      expect(() => match({ withoutHeaders: { 'x-a': StringMatch.exact('1') }, absentHeaders: ['x-a'] }))
        .toThrow("VirtualService 'test/Vs': http[0].match[0].withoutHeaders: header \"x-a\" is given both a value match and in absentHeaders");
    });

    test('on an empty header name', () => {
      expect(() => match({ presentHeaders: [''] })).toThrow("VirtualService 'test/Vs': http[0].match[0].headers: presentHeaders holds an empty header name");
    });

    test.each([0, 70000])('on the port %p', port => {
      expect(() => match({ port })).toThrow(`VirtualService 'test/Vs': http[0].match[0].port: port number ${port} must be in the range 1..65535`);
    });

    test('on source labels Istio rejects', () => {
      expect(() => match({ sourceLabels: { 'bad key!': 'x' } })).toThrow(/http\[0\]\.match\[0\]\.sourceLabels.*\(Istio's webhook rejects this\)/);
    });

    test('on a source namespace that is not a DNS-1123 label', () => {
      expect(() => match({ sourceNamespace: 'Front_End' }))
        .toThrow("VirtualService 'test/Vs': http[0].match[0].sourceNamespace: sourceNamespace match Front_End is invalid (Istio's webhook rejects this)");
    });
  });
});
