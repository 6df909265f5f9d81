/**
 * Istio's webhook rules for EnvoyFilter (ValidateEnvoyFilter in istio/pkg/config/validation/envoyfilter):
 * the standing warning, the workload selector, then each config patch: applyTo, patch and operation
 * present, a value unless removing, the proxy version regex, and a match that fits applyTo. Istio
 * then decodes `patch.value` into the Envoy message applyTo names; that needs Envoy's protobuf
 * descriptors and is not reproduced here.
 */
import { checkAlphaWorkloadSelector } from './common/labels';
import { Findings, KindValidator } from './types';
import { goQuote } from '../../go/format';
import { regexpCompileError } from '../../go/regexp';
import { isSet, listOf, messageOf, stringOf } from '../json';

const HTTP_CONNECTION_MANAGER = 'envoy.filters.network.http_connection_manager';

/**
 * xds.ReverseDeprecatedFilterNames: deprecated filter name to canonical name. `envoy.ext_authz` is
 * the old name of both ext_authz filters; Go's reversed map keeps either at random (http here).
 */
const CANONICAL_FILTER_NAMES: Record<string, string> = {
  'envoy.buffer': 'envoy.filters.http.buffer',
  'envoy.cors': 'envoy.filters.http.cors',
  'envoy.csrf': 'envoy.filters.http.csrf',
  'envoy.http_dynamo_filter': 'envoy.filters.http.dynamo',
  'envoy.ext_authz': 'envoy.filters.http.ext_authz',
  'envoy.fault': 'envoy.filters.http.fault',
  'envoy.grpc_http1_bridge': 'envoy.filters.http.grpc_http1_bridge',
  'envoy.grpc_json_transcoder': 'envoy.filters.http.grpc_json_transcoder',
  'envoy.grpc_web': 'envoy.filters.http.grpc_web',
  'envoy.gzip': 'envoy.filters.http.gzip',
  'envoy.health_check': 'envoy.filters.http.health_check',
  'envoy.ip_tagging': 'envoy.filters.http.ip_tagging',
  'envoy.lua': 'envoy.filters.http.lua',
  'envoy.rate_limit': 'envoy.filters.http.ratelimit',
  'envoy.router': 'envoy.filters.http.router',
  'envoy.squash': 'envoy.filters.http.squash',
  'envoy.listener.http_inspector': 'envoy.filters.listener.http_inspector',
  'envoy.listener.original_dst': 'envoy.filters.listener.original_dst',
  'envoy.listener.original_src': 'envoy.filters.listener.original_src',
  'envoy.listener.proxy_protocol': 'envoy.filters.listener.proxy_protocol',
  'envoy.listener.tls_inspector': 'envoy.filters.listener.tls_inspector',
  'envoy.client_ssl_auth': 'envoy.filters.network.client_ssl_auth',
  'envoy.http_connection_manager': HTTP_CONNECTION_MANAGER,
  'envoy.mongo_proxy': 'envoy.filters.network.mongo_proxy',
  'envoy.ratelimit': 'envoy.filters.network.ratelimit',
  'envoy.redis_proxy': 'envoy.filters.network.redis_proxy',
  'envoy.tcp_proxy': 'envoy.filters.network.tcp_proxy',
};

const LISTENER_CLASS = new Set(['LISTENER', 'FILTER_CHAIN', 'NETWORK_FILTER', 'HTTP_FILTER']);
const ROUTE_CLASS = new Set(['ROUTE_CONFIGURATION', 'VIRTUAL_HOST', 'HTTP_ROUTE']);
/** The match's oneof `objectTypes`. */
const OBJECT_TYPES = ['listener', 'routeConfiguration', 'cluster', 'waypoint'];

/** validateListenerMatchName: a warning for a deprecated filter name. */
function warnDeprecatedName(f: Findings, path: string, name: string): void {
  const canonical = Object.prototype.hasOwnProperty.call(CANONICAL_FILTER_NAMES, name) ? CANONICAL_FILTER_NAMES[name] : undefined;
  if (canonical) f.warn(path, `using deprecated filter name ${goQuote(name)}; use ${goQuote(canonical)} instead`);
}

/** A listener match's filter (and sub-filter) against applyTo. False where Istio stops checking the patch. */
function checkFilterMatch(f: Findings, path: string, applyTo: string, filter: Record<string, any>): boolean {
  if (applyTo === 'LISTENER' || applyTo === 'FILTER_CHAIN') {
    // An error in principle; a warning for backwards compatibility.
    f.warn(path, `Envoy filter: filter match has no effect when used with ${applyTo}`);
  }
  const name = stringOf(filter.name);
  if (name === '') {
    f.error(`${path}.name`, 'Envoy filter: filter match has no name to match on');
    return false;
  }
  if (isSet(filter.subFilter)) {
    if (applyTo !== 'HTTP_FILTER') {
      f.error(`${path}.subFilter`, 'Envoy filter: subfilter match can be used with applyTo HTTP_FILTER only');
      return false;
    }
    if (name !== HTTP_CONNECTION_MANAGER && name !== 'envoy.http_connection_manager') {
      f.error(`${path}.name`, `Envoy filter: subfilter match requires filter match with ${HTTP_CONNECTION_MANAGER}`);
      return false;
    }
    if (stringOf(messageOf(filter.subFilter).name) === '') {
      f.error(`${path}.subFilter.name`, 'Envoy filter: subfilter match has no name to match on');
      return false;
    }
  }
  warnDeprecatedName(f, `${path}.name`, name);
  warnDeprecatedName(f, `${path}.subFilter.name`, stringOf(messageOf(filter.subFilter).name));
  return true;
}

/** One config patch. */
function validateConfigPatch(f: Findings, path: string, patch: Record<string, any>): void {
  const match = isSet(patch.match) ? messageOf(patch.match) : undefined;
  // Waypoint patches are not validated yet in Istio.
  if (match && stringOf(match.context) === 'WAYPOINT') return;

  const applyTo = stringOf(patch.applyTo) || 'INVALID';
  if (applyTo === 'INVALID') return f.error(`${path}.applyTo`, 'Envoy filter: missing applyTo');
  if (!isSet(patch.patch)) return f.error(`${path}.patch`, 'Envoy filter: missing patch');
  const body = messageOf(patch.patch);
  const operation = stringOf(body.operation) || 'INVALID';
  if (operation === 'INVALID') return f.error(`${path}.patch.operation`, 'Envoy filter: missing patch operation');
  if (operation !== 'REMOVE' && !isSet(body.value)) {
    return f.error(`${path}.patch.value`, 'Envoy filter: missing patch value for non-remove operation');
  }

  const proxyVersion = stringOf(messageOf(match?.proxy).proxyVersion);
  if (proxyVersion !== '') {
    const regexError = regexpCompileError(proxyVersion);
    if (regexError) return f.error(`${path}.match.proxy.proxyVersion`, `Envoy filter: invalid regex for proxy version, [${regexError}]`);
  }

  const objectType = match ? OBJECT_TYPES.find(t => isSet(match[t])) : undefined;
  if (!objectType) return;
  if (LISTENER_CLASS.has(applyTo)) {
    if (objectType !== 'listener') {
      return f.error(`${path}.match`, 'Envoy filter: applyTo for listener class objects cannot have non listener match');
    }
    const filterChain = messageOf(match!.listener).filterChain;
    if (isSet(filterChain) && isSet(messageOf(filterChain).filter)) {
      checkFilterMatch(f, `${path}.match.listener.filterChain.filter`, applyTo, messageOf(messageOf(filterChain).filter));
    }
  } else if (ROUTE_CLASS.has(applyTo) && objectType !== 'routeConfiguration') {
    f.error(`${path}.match`, 'Envoy filter: applyTo for http route class objects cannot have non route configuration match');
  } else if (applyTo === 'CLUSTER' && objectType !== 'cluster') {
    f.error(`${path}.match`, 'Envoy filter: applyTo for cluster class objects cannot have non cluster match');
  }
}

export const validateEnvoyFilter: KindValidator = obj => {
  const f = new Findings();
  f.warn('', 'EnvoyFilter exposes internal implementation details that may change at any time. '
    + 'Prefer other APIs if possible, and exercise extreme caution, especially around upgrades.');
  // Selector errors are returned alone (the warning above is dropped with them).
  const selector = new Findings();
  if (!checkAlphaWorkloadSelector(selector, obj.spec.workloadSelector, 'Envoy filter')) return selector.list;
  f.list.push(...selector.list);

  listOf(obj.spec.configPatches).forEach((patch, i) => {
    const path = `spec.configPatches[${i}]`;
    if (!isSet(patch)) f.error(path, 'Envoy filter: null config patch');
    else validateConfigPatch(f, path, messageOf(patch));
  });
  return f.list;
};
