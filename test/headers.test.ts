import { Testing } from 'cdk8s';
import { Host, HttpHeaders, IstioValidation, VirtualService } from '../src';

const reviews = Host.fromName('reviews');

/** Route-level and destination-level header operations as synthesized. */
function headers(routeHeaders: HttpHeaders | undefined, destinationHeaders?: HttpHeaders): any {
  const chart = Testing.chart();
  IstioValidation.disableAnalysis(chart);
  new VirtualService(chart, 'Vs', { hosts: [reviews], http: [{ headers: routeHeaders, route: [{ host: reviews, headers: destinationHeaders }] }] });
  const route = Testing.synth(chart)[0].spec.http[0];
  return { route: route.headers, destination: route.route[0].headers };
}

describe('HttpHeaders', () => {
  test('request and response set, add and remove, on the route and on a destination', () => {
    const all = {
      request: { set: { 'x-a': '1' }, add: { 'x-b': '2' }, remove: ['x-c'] },
      response: { set: { 'cache-control': 'no-store' }, add: { 'x-served-by': '%HOSTNAME%' }, remove: ['server'] },
    };
    expect(headers(all, { response: { set: { 'x-version': 'v1' } } })).toEqual({
      route: all,
      destination: { response: { set: { 'x-version': 'v1' } } },
    });
  });

  test('empty operations are left out', () => {
    expect(headers({ request: { set: {}, remove: [] }, response: {} })).toEqual({ route: undefined, destination: undefined });
  });

  test('a request may set the authority', () => {
    expect(headers({ request: { set: { ':authority': 'internal.example.com' } } }).route).toEqual({ request: { set: { ':authority': 'internal.example.com' } } });
  });

  describe('fails', () => {
    test('on setting a pseudo-header other than the authority', () => {
      expect(() => headers({ request: { set: { ':path': '/x' } } }))
        .toThrow("VirtualService 'test/Vs': http[0].headers.request.set[\":path\"]: invalid header \":path\": header cannot have \":\" prefix");
    });

    test('on a response operation on Host', () => {
      expect(() => headers({ response: { add: { host: 'x' } } }))
        .toThrow("VirtualService 'test/Vs': http[0].headers.response.add[\"host\"]: invalid header \"host\": cannot set Host header");
    });

    test('on removing a pseudo-header, on a destination', () => {
      expect(() => headers(undefined, { request: { remove: [':authority'] } }))
        .toThrow("VirtualService 'test/Vs': http[0].route[0].headers.request.remove[0]: invalid header \":authority\": header cannot have \":\" prefix");
    });

    test('on a value with a control character', () => {
      expect(() => headers({ request: { add: { 'x-a': 'a\nb' } } }))
        .toThrow("VirtualService 'test/Vs': http[0].headers.request.add[\"x-a\"]: header value configuration a\nb is invalid");
    });

    test('on an unterminated Envoy variable', () => {
      expect(() => headers({ response: { set: { 'x-a': '%START_TIME' } } }))
        .toThrow(/http\[0\]\.headers\.response\.set\["x-a"\]: header value configuration: invalid header configuration\. Un-terminated variable expression/);
    });
  });
});
