/**
 * Istio's webhook rules for EnvoyFilter (ValidateEnvoyFilter in istio/pkg/config/validation/envoyfilter):
 * the standing warning, the workload selector, then each config patch: applyTo, patch and operation
 * present, a value unless removing, the proxy version regex, and a match that fits applyTo. Istio
 * then decodes `patch.value` into the Envoy message applyTo names; that needs Envoy's protobuf
 * descriptors and is not reproduced here.
 */
import { validateAlphaWorkloadSelector } from './common/labels';
import { KindValidator } from './types';
import { goQuote } from '../../go/format';
import { regexpCompileError } from '../../go/regexp';
import { FieldPath } from '../field-path';
import { Findings } from '../findings';
import { isSet, listOf, messageOf, stringOf } from '../json';

const SPEC = FieldPath.at('spec');

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
function validateListenerMatchName(path: FieldPath, findings: Findings, name: string): void {
  const canonical = Object.prototype.hasOwnProperty.call(CANONICAL_FILTER_NAMES, name) ? CANONICAL_FILTER_NAMES[name] : undefined;
  if (canonical) findings.warn(path, `using deprecated filter name ${goQuote(name)}; use ${goQuote(canonical)} instead`);
}

/** A listener match's filter (and sub-filter) against applyTo. False where Istio stops checking the patch. */
function validateFilterMatch(path: FieldPath, findings: Findings, applyTo: string, filter: Record<string, any>): boolean {
  if (applyTo === 'LISTENER' || applyTo === 'FILTER_CHAIN') {
    // An error in principle; a warning for backwards compatibility.
    findings.warn(path, `Envoy filter: filter match has no effect when used with ${applyTo}`);
  }
  const name = stringOf(filter.name);
  if (name === '') {
    findings.error(path.child('name'), 'Envoy filter: filter match has no name to match on');
    return false;
  }
  if (isSet(filter.subFilter)) {
    if (applyTo !== 'HTTP_FILTER') {
      findings.error(path.child('subFilter'), 'Envoy filter: subfilter match can be used with applyTo HTTP_FILTER only');
      return false;
    }
    if (name !== HTTP_CONNECTION_MANAGER && name !== 'envoy.http_connection_manager') {
      findings.error(path.child('name'), `Envoy filter: subfilter match requires filter match with ${HTTP_CONNECTION_MANAGER}`);
      return false;
    }
    if (stringOf(messageOf(filter.subFilter).name) === '') {
      findings.error(path.child('subFilter', 'name'), 'Envoy filter: subfilter match has no name to match on');
      return false;
    }
  }
  validateListenerMatchName(path.child('name'), findings, name);
  validateListenerMatchName(path.child('subFilter', 'name'), findings, stringOf(messageOf(filter.subFilter).name));
  return true;
}

/** One config patch. */
function validateConfigPatch(path: FieldPath, findings: Findings, patch: Record<string, any>): void {
  const match = isSet(patch.match) ? messageOf(patch.match) : undefined;
  // Waypoint patches are not validated yet in Istio.
  if (match && stringOf(match.context) === 'WAYPOINT') return;

  const applyTo = stringOf(patch.applyTo) || 'INVALID';
  if (applyTo === 'INVALID') return findings.error(path.child('applyTo'), 'Envoy filter: missing applyTo');
  if (!isSet(patch.patch)) return findings.error(path.child('patch'), 'Envoy filter: missing patch');
  const body = messageOf(patch.patch);
  const operation = stringOf(body.operation) || 'INVALID';
  if (operation === 'INVALID') return findings.error(path.child('patch', 'operation'), 'Envoy filter: missing patch operation');
  if (operation !== 'REMOVE' && !isSet(body.value)) {
    return findings.error(path.child('patch', 'value'), 'Envoy filter: missing patch value for non-remove operation');
  }

  const proxyVersion = stringOf(messageOf(match?.proxy).proxyVersion);
  if (proxyVersion !== '') {
    const regexError = regexpCompileError(proxyVersion);
    if (regexError) return findings.error(path.child('match', 'proxy', 'proxyVersion'), `Envoy filter: invalid regex for proxy version, [${regexError}]`);
  }

  const objectType = match ? OBJECT_TYPES.find(t => isSet(match[t])) : undefined;
  if (!objectType) return;
  if (LISTENER_CLASS.has(applyTo)) {
    if (objectType !== 'listener') {
      return findings.error(path.child('match'), 'Envoy filter: applyTo for listener class objects cannot have non listener match');
    }
    const filterChain = messageOf(match!.listener).filterChain;
    if (isSet(filterChain) && isSet(messageOf(filterChain).filter)) {
      validateFilterMatch(path.child('match', 'listener', 'filterChain', 'filter'), findings, applyTo, messageOf(messageOf(filterChain).filter));
    }
  } else if (ROUTE_CLASS.has(applyTo) && objectType !== 'routeConfiguration') {
    findings.error(path.child('match'), 'Envoy filter: applyTo for http route class objects cannot have non route configuration match');
  } else if (applyTo === 'CLUSTER' && objectType !== 'cluster') {
    findings.error(path.child('match'), 'Envoy filter: applyTo for cluster class objects cannot have non cluster match');
  }
}

export const validateEnvoyFilter: KindValidator = (obj, findings) => {
  // Selector errors are returned alone (the standing warning is dropped with them).
  const selector = new Findings();
  const selectorValid = validateAlphaWorkloadSelector(SPEC.child('workloadSelector'), selector, obj.spec.workloadSelector, 'Envoy filter');
  if (selectorValid) {
    findings.warn(FieldPath.ROOT, 'EnvoyFilter exposes internal implementation details that may change at any time. '
      + 'Prefer other APIs if possible, and exercise extreme caution, especially around upgrades.');
  }
  selector.list.forEach(finding => findings.add(finding));
  if (!selectorValid) return;

  listOf(obj.spec.configPatches).forEach((patch, i) => {
    const path = SPEC.child('configPatches').index(i);
    if (!isSet(patch)) findings.error(path, 'Envoy filter: null config patch');
    else validateConfigPatch(path, findings, messageOf(patch));
  });
};
