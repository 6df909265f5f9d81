import { routeFindings, specFindings } from './helpers';
import { err } from '../../../support/objects';

const R = 'spec.http[0].route';
const withRoute = (route: unknown[]) => routeFindings({ route });

describe('validateHTTPRouteDestinations', () => {
  test('weighted destinations are valid', () => {
    expect(withRoute([
      { destination: { host: 'reviews', subset: 'v1', port: { number: 9080 } }, weight: 75, headers: { request: { set: { 'x-v': '1' } } } },
      { destination: { host: 'reviews.prod.svc.cluster.local', subset: 'v2' }, weight: 25 },
    ])).toEqual([]);
    expect(withRoute([{ destination: { host: 'reviews' } }])).toEqual([]);
  });

  test('a null entry, a missing destination', () => {
    expect(withRoute([null, { weight: 10 }])).toEqual([
      err(`${R}[0]`, 'weight may not be nil'),
      err(`${R}[1].destination`, 'destination is required'),
    ]);
  });

  test('header operations of a destination', () => {
    expect(withRoute([{ destination: { host: 'a' }, headers: { request: { add: { ':method': 'GET' } }, response: { remove: ['Host'] } } }])).toEqual([
      err(`${R}[0].headers.request.add[:method]`, 'invalid header ":method": header cannot have ":" prefix'),
      err(`${R}[0].headers.response.remove[0]`, 'invalid header "Host": cannot set Host header'),
    ]);
  });

  test('validateWeight', () => {
    expect(withRoute([{ destination: { host: 'a' }, weight: -5 }])).toEqual([err(`${R}[0].weight`, 'weight -5 < 0')]);
  });

  test('several destinations may not all weigh 0', () => {
    expect(withRoute([{ destination: { host: 'a' } }, { destination: { host: 'b' }, weight: 0 }])).toEqual([err(R, 'total destination weight = 0')]);
    expect(withRoute([{ destination: { host: 'a' }, weight: 0 }])).toEqual([]);
  });

  test('weights add up as int32, as in Go', () => {
    expect(withRoute([
      { destination: { host: 'a' }, weight: 2147483647 },
      { destination: { host: 'b' }, weight: 2147483647 },
      { destination: { host: 'c' }, weight: 2 },
    ])).toEqual([err(R, 'total destination weight = 0')]);
  });
});

describe('validateDestination', () => {
  test.each([
    [{ host: '*' }, 'host', 'invalid destination host *'],
    [{ host: '' }, 'host', 'empty domain name not allowed'],
    [{ host: 'a..b' }, 'host', 'domain name ".b" invalid (label "" invalid)'], // Istio names the rest after the first label
    [{ host: 'a', subset: 'v1.0' }, 'subset', 'subset name is invalid: v1.0'],
    [{ host: 'a', port: {} }, 'port.number', 'port number 0 must be in the range 1..65535'],
    [{ host: 'a', port: { number: 65536 } }, 'port.number', 'port number 65536 must be in the range 1..65535'],
  ])('%p', (destination, field, message) => {
    expect(withRoute([{ destination }])).toEqual([err(`${R}[0].destination.${field}`, message)]);
  });

  test('wildcard hosts and an empty subset are fine', () => {
    expect(withRoute([{ destination: { host: '*.example.com', subset: '' } }])).toEqual([]);
  });
});

describe('validateRouteDestinations (TCP, TLS)', () => {
  const T = 'spec.tcp[0].route';
  const withTcpRoute = (route: unknown[]) => specFindings({ hosts: ['a.com'], tcp: [{ route }] });

  test('valid', () => {
    expect(withTcpRoute([{ destination: { host: 'a', port: { number: 27017 } }, weight: 100 }])).toEqual([]);
  });

  test('null, missing destination, bad destination, negative weight, all zero', () => {
    expect(withTcpRoute([null, { weight: 0 }, { destination: { host: '*' }, weight: -1 }, { destination: { host: 'b' }, weight: 1 }])).toEqual([
      err(`${T}[0]`, 'weight may not be nil'),
      err(`${T}[1].destination`, 'destination is required'),
      err(`${T}[2].destination.host`, 'invalid destination host *'),
      err(`${T}[2].weight`, 'weight -1 < 0'),
      err(T, 'total destination weight = 0'),
    ]);
  });

  test('header operations are not looked at', () => {
    expect(withTcpRoute([{ destination: { host: 'a' }, headers: { request: { set: { ':path': '/' } } } }])).toEqual([]);
  });
});
