import { validateObjects } from '../../../src/validation/validate';
import { validateEnvoyFilter } from '../../../src/validation/webhook/envoy-filter';
import { collect, envoyFilter, err, warn, webhookView } from '../../support/objects';

/** The EnvoyFilter `apps/ef` with this spec. */
const object = (spec: any) => envoyFilter('ef', spec, 'apps');
const check = (spec: any) => collect(findings => validateEnvoyFilter(webhookView(object(spec)), findings));
const EXPOSES = warn('', 'EnvoyFilter exposes internal implementation details that may change at any time. '
  + 'Prefer other APIs if possible, and exercise extreme caution, especially around upgrades.');
const HCM = 'envoy.filters.network.http_connection_manager';
const value = { name: 'envoy.filters.http.lua' };
/** One patch; its findings after the standing warning. */
const patch = (p: any) => check({ configPatches: [p] }).slice(1);
const httpFilter = (filter: any, applyTo = 'HTTP_FILTER') =>
  patch({ applyTo, match: { context: 'SIDECAR_INBOUND', listener: { filterChain: { filter } } }, patch: { operation: 'INSERT_BEFORE', value } });

describe('ValidateEnvoyFilter', () => {
  test('every EnvoyFilter gets the standing warning', () => {
    expect(check({})).toEqual([EXPOSES]);
    expect(check({
      workloadSelector: { labels: { app: 'api' } },
      configPatches: [
        { applyTo: 'HTTP_FILTER', match: { context: 'SIDECAR_INBOUND', listener: { filterChain: { filter: { name: HCM, subFilter: { name: 'envoy.filters.http.router' } } } } }, patch: { operation: 'INSERT_BEFORE', value } },
        { applyTo: 'CLUSTER', match: { cluster: { service: 'reviews' }, proxy: { proxyVersion: '^1\\.30.*' } }, patch: { operation: 'MERGE', value: {} } },
        { applyTo: 'HTTP_ROUTE', match: { routeConfiguration: { vhost: { name: 'x' } } }, patch: { operation: 'REMOVE' } },
        { applyTo: 'BOOTSTRAP', patch: { operation: 'MERGE', value: {} } },
      ],
    })).toEqual([EXPOSES]);
  });

  test('the workload selector: errors are returned alone, no labels is a warning', () => {
    expect(check({ workloadSelector: { labels: { '': 'x' } }, configPatches: [null] })).toEqual([
      err('spec.workloadSelector.labels[]', 'empty key is not supported in selector: "=x"'),
    ]);
    expect(check({ workloadSelector: {} })).toEqual([
      EXPOSES, warn('spec.workloadSelector', 'Envoy filter: workload selector specified without labels, will be applied to all services in namespace'),
    ]);
  });

  test('a patch needs applyTo, a patch, an operation and (unless REMOVE) a value; each ends its checks', () => {
    expect(check({ configPatches: [null] }).slice(1)).toEqual([err('spec.configPatches[0]', 'Envoy filter: null config patch')]);
    expect(patch({ patch: { operation: 'MERGE', value } })).toEqual([err('spec.configPatches[0].applyTo', 'Envoy filter: missing applyTo')]);
    expect(patch({ applyTo: 'INVALID' })).toEqual([err('spec.configPatches[0].applyTo', 'Envoy filter: missing applyTo')]);
    expect(patch({ applyTo: 'CLUSTER' })).toEqual([err('spec.configPatches[0].patch', 'Envoy filter: missing patch')]);
    expect(patch({ applyTo: 'CLUSTER', patch: { value } })).toEqual([err('spec.configPatches[0].patch.operation', 'Envoy filter: missing patch operation')]);
    expect(patch({ applyTo: 'CLUSTER', patch: { operation: 'ADD' } })).toEqual([
      err('spec.configPatches[0].patch.value', 'Envoy filter: missing patch value for non-remove operation'),
    ]);
    expect(patch({ applyTo: 'CLUSTER', patch: { operation: 'REMOVE' } })).toEqual([]);
  });

  test('a waypoint patch is not checked', () => {
    expect(patch({ match: { context: 'WAYPOINT', waypoint: { portNumber: 80 } } })).toEqual([]);
  });

  test('the proxy version must compile as a Go regexp', () => {
    expect(patch({ applyTo: 'CLUSTER', match: { proxy: { proxyVersion: '1\\.(' } }, patch: { operation: 'MERGE', value } })).toEqual([
      err('spec.configPatches[0].match.proxy.proxyVersion', 'Envoy filter: invalid regex for proxy version, [error parsing regexp: missing closing ): `1\\.(`]'),
    ]);
  });

  test('the match must fit the class of applyTo', () => {
    const withMatch = (applyTo: string, match: any) => patch({ applyTo, match, patch: { operation: 'MERGE', value } });
    expect(withMatch('NETWORK_FILTER', { cluster: {} })).toEqual([
      err('spec.configPatches[0].match', 'Envoy filter: applyTo for listener class objects cannot have non listener match'),
    ]);
    expect(withMatch('VIRTUAL_HOST', { listener: {} })).toEqual([
      err('spec.configPatches[0].match', 'Envoy filter: applyTo for http route class objects cannot have non route configuration match'),
    ]);
    expect(withMatch('CLUSTER', { routeConfiguration: {} })).toEqual([
      err('spec.configPatches[0].match', 'Envoy filter: applyTo for cluster class objects cannot have non cluster match'),
    ]);
    expect(withMatch('EXTENSION_CONFIG', { listener: {} })).toEqual([]);
    expect(withMatch('CLUSTER', { context: 'GATEWAY' })).toEqual([]);
  });

  describe('listener filter matches', () => {
    test.each(['LISTENER', 'FILTER_CHAIN'])('a filter match has no effect with %s: a warning', (applyTo) => {
      expect(httpFilter({ name: 'envoy.filters.network.tcp_proxy' }, applyTo)).toEqual([
        warn('spec.configPatches[0].match.listener.filterChain.filter', `Envoy filter: filter match has no effect when used with ${applyTo}`),
      ]);
    });

    test('a filter match needs a name', () => {
      expect(httpFilter({})).toEqual([err('spec.configPatches[0].match.listener.filterChain.filter.name', 'Envoy filter: filter match has no name to match on')]);
    });

    test('a sub-filter match: HTTP_FILTER only, inside the HTTP connection manager, with a name', () => {
      expect(httpFilter({ name: HCM, subFilter: { name: 'x' } }, 'NETWORK_FILTER')).toEqual([
        err('spec.configPatches[0].match.listener.filterChain.filter.subFilter', 'Envoy filter: subfilter match can be used with applyTo HTTP_FILTER only'),
      ]);
      expect(httpFilter({ name: 'envoy.filters.network.tcp_proxy', subFilter: { name: 'x' } })).toEqual([
        err('spec.configPatches[0].match.listener.filterChain.filter.name', `Envoy filter: subfilter match requires filter match with ${HCM}`),
      ]);
      expect(httpFilter({ name: HCM, subFilter: {} })).toEqual([
        err('spec.configPatches[0].match.listener.filterChain.filter.subFilter.name', 'Envoy filter: subfilter match has no name to match on'),
      ]);
    });

    test('deprecated filter names are warnings', () => {
      expect(httpFilter({ name: 'envoy.http_connection_manager', subFilter: { name: 'envoy.router' } })).toEqual([
        warn('spec.configPatches[0].match.listener.filterChain.filter.name', `using deprecated filter name "envoy.http_connection_manager"; use "${HCM}" instead`),
        warn('spec.configPatches[0].match.listener.filterChain.filter.subFilter.name', 'using deprecated filter name "envoy.router"; use "envoy.filters.http.router" instead'),
      ]);
    });
  });

  test('each patch is checked on its own', () => {
    expect(check({ configPatches: [{ applyTo: 'CLUSTER' }, null, { patch: {} }] }).slice(1)).toEqual([
      err('spec.configPatches[0].patch', 'Envoy filter: missing patch'),
      err('spec.configPatches[1]', 'Envoy filter: null config patch'),
      err('spec.configPatches[2].applyTo', 'Envoy filter: missing applyTo'),
    ]);
  });
});

describe('EnvoyFilter end to end through validateObjects', () => {
  test('a valid EnvoyFilter carries the standing IST0133 warning only', () => {
    const spec = {
      workloadSelector: { labels: { app: 'api' } },
      configPatches: [{
        applyTo: 'HTTP_FILTER',
        match: { context: 'SIDECAR_INBOUND', listener: { filterChain: { filter: { name: HCM, subFilter: { name: 'envoy.filters.http.router' } } } } },
        patch: { operation: 'INSERT_BEFORE', value: { name: 'envoy.filters.http.lua', typed_config: { '@type': 'type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua' } } },
      }],
    };
    expect(validateObjects([object(spec)])).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'IST0133', message: EXPOSES.message }),
    ]);
  });

  test('a patch without applyTo is an IST0106 error (and the denial drops the warning)', () => {
    expect(validateObjects([object({ configPatches: [{ patch: { operation: 'MERGE', value: {} } }] })])).toEqual([
      expect.objectContaining({ severity: 'error', code: 'IST0106', path: 'spec.configPatches[0].applyTo', message: 'Envoy filter: missing applyTo' }),
    ]);
  });
});
