import { describeRoute, formatRouteResult, routeResultJson } from '../../src/simulate/format';
import { RouteResult } from '../../src/simulate/types';

const base: RouteResult = {
  noRoute: false,
  host: 'a.ns.svc.cluster.local',
  port: 80,
  gateway: 'mesh',
  protocol: 'HTTP',
  virtualService: 'ns/a',
  route: { section: 'http', index: 1, name: 'r', matchIndex: 0 },
  destinations: [{ host: 'a.ns.svc.cluster.local', subset: 'v1', port: 80, weight: 100 }],
  redirect: undefined,
  rewrite: { uri: '/x', path: '/x' },
  fault: { fixedDelay: '1s', delayPercent: 5, abortHttpStatus: 503 },
  mirrors: [{ host: 'm', percentage: 10 }],
  timeout: '2s',
  retries: { attempts: 0, meshDefault: false },
  conflictingVirtualServices: [],
  considered: [{ virtualService: 'ns/a', route: { section: 'http', index: 0 }, matched: false, reason: 'uri: x' }],
  notes: ['n'],
};

test('text: the route, the outcome, notes, and with explain every route considered', () => {
  expect(formatRouteResult(base, true)).toMatchSnapshot();
  expect(formatRouteResult({ ...base, noRoute: true, virtualService: undefined, reason: 'why', fallback: '404', conflictingVirtualServices: ['ns/b'], considered: [] }, true))
    .toBe('no route: a.ns.svc.cluster.local:80 (HTTP) via mesh\n  reason: why\n  conflicting: ns/b\n  instead: 404\n  note: n\nconsidered:\n  (no route)\n');
  expect(describeRoute({ section: 'http', index: 0, delegate: 'd/d', delegateIndex: 2 })).toBe('http[0] via delegate d/d http[2]');
});

test('json: contract keys first, null when absent; considered only with explain', () => {
  const json = routeResultJson({ ...base, rewrite: undefined }, false);
  expect(Object.keys(json).slice(0, 11)).toEqual(['noRoute', 'virtualService', 'route', 'destinations', 'redirect', 'directResponse', 'rewrite', 'fault', 'mirrors', 'timeout', 'retries']);
  expect(json.rewrite).toBeNull();
  expect(json).not.toHaveProperty('considered');
  expect(routeResultJson(base, true).considered).toEqual(base.considered);
});
