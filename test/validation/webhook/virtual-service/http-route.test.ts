import { ROUTE, routeFindings, specFindings } from './helpers';
import { err, warn } from '../../../support/objects';

const P = 'spec.http[0]';
const REDIRECT = { uri: '/new' };
const DIRECT = { status: 503 };
const DELEGATE = { name: 'reviews-delegate', namespace: 'prod' };

describe('validateHTTPRouteConflict', () => {
  test.each([
    ['a route', { route: ROUTE }],
    ['a redirect', { redirect: REDIRECT }],
    ['a direct response', { directResponse: DIRECT }],
    ['a route with fault, rewrite and mirror', { route: ROUTE, fault: { abort: { httpStatus: 500 } }, rewrite: { uri: '/' }, mirror: { host: 'm' } }],
  ])('%s is valid', (_, route) => {
    expect(routeFindings(route)).toEqual([]);
  });

  test('a route, a redirect or a direct response is required', () => {
    expect(routeFindings({})).toEqual([err(P, 'HTTP route, redirect or direct_response is required')]);
    expect(routeFindings({ route: [] })).toEqual([err(P, 'HTTP route, redirect or direct_response is required')]);
  });

  test('a redirect goes with no route, fault, rewrite or direct response', () => {
    expect(routeFindings({ redirect: REDIRECT, route: ROUTE, fault: { abort: { httpStatus: 500 } }, rewrite: { uri: '/' }, directResponse: DIRECT })).toEqual([
      err(`${P}.redirect`, 'HTTP route cannot contain both route and redirect'),
      err(`${P}.redirect`, 'HTTP route cannot contain both fault and redirect'),
      err(`${P}.redirect`, 'HTTP route rule cannot contain both rewrite and redirect'),
      err(`${P}.redirect`, 'HTTP route rule cannot contain both direct_response and redirect'),
    ]);
  });

  test('a direct response goes with no route, fault or rewrite', () => {
    expect(routeFindings({ directResponse: DIRECT, route: ROUTE, fault: { delay: { fixedDelay: '1s' } }, rewrite: { uri: '/' } })).toEqual([
      err(`${P}.directResponse`, 'HTTP route cannot contain both route and direct_response'),
      err(`${P}.directResponse`, 'HTTP route cannot contain both fault and direct_response'),
      err(`${P}.directResponse`, 'HTTP route rule cannot contain both rewrite and direct_response'),
    ]);
  });

  test('mirror and mirrors exclude each other', () => {
    expect(routeFindings({ route: ROUTE, mirror: { host: 'm' }, mirrors: [{ destination: { host: 'm2' } }] })).toEqual([
      err(`${P}.mirrors`, 'HTTP route cannot contain both mirror and mirrors'),
    ]);
  });

  describe('delegation', () => {
    test('a root route only delegates', () => {
      expect(routeFindings({ delegate: DELEGATE })).toEqual([]);
      expect(routeFindings({ name: 'api', delegate: DELEGATE, redirect: REDIRECT, route: ROUTE })).toEqual([
        err(`${P}.redirect`, 'root HTTP route api must not specify redirect'),
        err(`${P}.route`, 'root HTTP route api must not specify route'),
      ]);
    });

    test('a root route without a name (Go prints the empty name)', () => {
      expect(routeFindings({ delegate: DELEGATE, route: ROUTE })).toEqual([err(`${P}.route`, 'root HTTP route  must not specify route')]);
    });

    test('a root route skips the other conflict checks', () => {
      expect(routeFindings({ delegate: DELEGATE, mirror: { host: 'm' }, mirrors: [{ destination: { host: 'm2' } }] })).toEqual([]);
    });

    test('a delegate VirtualService (no hosts) may not delegate again', () => {
      expect(specFindings({ http: [{ delegate: DELEGATE }] })).toEqual([
        err(`${P}.delegate`, 'delegate HTTP route cannot contain delegate'),
        err(P, 'HTTP route, redirect or direct_response is required'),
      ]);
    });
  });
});

describe('validateHTTPRoute', () => {
  test('header operations of the route', () => {
    expect(routeFindings({ route: ROUTE, headers: { request: { set: { ':path': '/' } }, response: { add: { host: 'x' } } } })).toEqual([
      err(`${P}.headers.request.set[:path]`, 'invalid header ":path": header cannot have ":" prefix'),
      err(`${P}.headers.response.add[host]`, 'invalid header "host": cannot set Host header'),
    ]);
  });

  describe('mirror percentages', () => {
    test('mirrorPercent is deprecated (a warning), and at most 100', () => {
      expect(routeFindings({ route: ROUTE, mirror: { host: 'm' }, mirrorPercent: 50 })).toEqual([
        warn(`${P}.mirrorPercent`, 'using deprecated setting "mirrorPercent", use "mirrorPercentage" instead'),
      ]);
      expect(routeFindings({ route: ROUTE, mirror: { host: 'm' }, mirror_percent: 101 })).toEqual([
        err(`${P}.mirror_percent`, 'mirror_percent must have a max value of 100 (it has 101)'),
        warn(`${P}.mirror_percent`, 'using deprecated setting "mirrorPercent", use "mirrorPercentage" instead'),
      ]);
      expect(routeFindings({ route: ROUTE, mirrorPercent: null })).toEqual([]);
    });

    test('mirrorPercentage is within 0..100', () => {
      expect(routeFindings({ route: ROUTE, mirror: { host: 'm' }, mirrorPercentage: { value: 100 } })).toEqual([]);
      expect(routeFindings({ route: ROUTE, mirrorPercentage: {} })).toEqual([]);
      expect(routeFindings({ route: ROUTE, mirrorPercentage: { value: 100.5 } })).toEqual([
        err(`${P}.mirrorPercentage.value`, 'mirror_percentage must have a max value of 100 (it has 100.500000)'),
      ]);
      expect(routeFindings({ route: ROUTE, mirrorPercentage: { value: -1 } })).toEqual([
        err(`${P}.mirrorPercentage.value`, 'mirror_percentage must have a min value of 0 (it has -1.000000)'),
      ]);
    });
  });

  test('the mirror destination', () => {
    expect(routeFindings({ route: ROUTE, mirror: { host: '*' } })).toEqual([err(`${P}.mirror.host`, 'invalid destination host *')]);
  });

  describe('validateHTTPMirrors', () => {
    test('valid mirrors', () => {
      expect(routeFindings({ route: ROUTE, mirrors: [{ destination: { host: 'a' }, percentage: { value: 10 } }, { destination: { host: 'b' } }] })).toEqual([]);
    });

    test('null, without destination, bad destination, percentage out of range', () => {
      expect(routeFindings({
        route: ROUTE,
        mirrors: [
          null,
          { percentage: { value: 500 } },
          { destination: { host: 'a', subset: 'V_1' }, percentage: { value: 150 } },
          { destination: { host: 'b' }, percentage: { value: -0.5 } },
        ],
      })).toEqual([
        err(`${P}.mirrors[0]`, 'mirror cannot be null'),
        err(`${P}.mirrors[1].destination`, 'destination is required for mirrors'),
        err(`${P}.mirrors[2].destination.subset`, 'subset name is invalid: V_1'),
        err(`${P}.mirrors[2].percentage.value`, 'mirror percentage must have a max value of 100 (it has 150.000000)'),
        err(`${P}.mirrors[3].percentage.value`, 'mirror percentage must have a min value of 0 (it has -0.500000)'),
      ]);
    });
  });

  test('the timeout is a whole number of milliseconds', () => {
    expect(routeFindings({ route: ROUTE, timeout: '10s' })).toEqual([]);
    expect(routeFindings({ route: ROUTE, timeout: '1.5ms' })).toEqual([err(`${P}.timeout`, 'only durations to ms precision are supported')]);
    expect(routeFindings({ route: ROUTE, timeout: '0s' })).toEqual([err(`${P}.timeout`, 'duration must be greater than 1ms')]);
  });

  test('checks run in Istio\'s order', () => {
    expect(routeFindings({
      timeout: '1.5ms',
      route: [{ destination: { host: 'a' }, weight: -1 }],
      rewrite: {},
      retries: { attempts: -1 },
      directResponse: { status: 100 },
      redirect: { uri: '/x', scheme: 'ftp' },
      mirrors: [null],
      mirror: { host: '*' },
      mirrorPercentage: { value: 101 },
      fault: {},
      corsPolicy: { allowMethods: ['x'] },
      headers: { request: { remove: [''] } },
      match: [{ port: 70000 }],
    }).map(finding => finding.path)).toEqual([
      // conflicts: redirect with route, fault, rewrite, direct response; mirror with mirrors
      `${P}.redirect`, `${P}.redirect`, `${P}.redirect`, `${P}.redirect`, `${P}.mirrors`,
      `${P}.match[0].port`,
      `${P}.headers.request.remove[0]`,
      `${P}.corsPolicy.allowMethods[0]`,
      `${P}.fault`,
      `${P}.mirrorPercentage.value`,
      `${P}.mirror.host`,
      `${P}.mirrors[0]`,
      `${P}.redirect.scheme`,
      `${P}.directResponse.status`,
      `${P}.retries.attempts`,
      `${P}.rewrite`,
      `${P}.route[0].weight`,
      `${P}.timeout`,
    ]);
  });
});
