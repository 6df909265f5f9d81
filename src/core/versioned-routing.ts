/**
 * What the version-routing patterns (CanaryService, BlueGreenService) build the same way: the names
 * of their objects, the DestinationRule with one subset per version, and the resilience and fault
 * settings of their routes. Internal: not exported from the package.
 */
import { Construct } from 'constructs';
import { constructError, rangeProblem, shown } from './errors';
import { faultRouteOptions } from './fault-injection-route';
import { MESH_GATEWAY } from './gateway-reference';
import { TlsMode } from '../client-tls';
import { HttpRouteDestination } from '../destination';
import { DestinationRule, Subset } from '../destination-rule';
import { Host, IHost } from '../host';
import { HttpRouteOptions } from '../http-route';
import { ResilienceProfile } from '../patterns/resilience-profile';
import { ServiceVersion } from '../patterns/service-version';
import { VersionedServiceProps } from '../patterns/versioned-service';
import { StringMatch } from '../string-match';
import { TrafficPolicy } from '../traffic-policy';
import { hostsMatch } from '../validation/hosts';
import { checkWildcardDomain, isDNS1123Label, isValidIPAddress } from '../validation/webhook/common/hosts';
import { checkWildcardDomainForVirtualServiceBoundToGateway } from '../validation/webhook/virtual-service/hosts';
import { VirtualService } from '../virtual-service';

/** The name of the route a scoped fault injection gets. */
export const FAULT_ROUTE_NAME = 'fault-injection';

/** Checks the props every version-routing pattern shares; returns the metadata of its objects. */
export function versionedMetadata(kind: string, scope: Construct, props: VersionedServiceProps): { name: string; namespace?: string } {
  if (!props.host || typeof props.host.hostName !== 'string') {
    throw constructError(kind, scope, 'host is required: pass Host.fromService(name, namespace) or Host.fromKubeService(service)');
  }
  if (props.name !== undefined) return { name: props.name, namespace: props.namespace };
  const short = props.host.hostName.split('.')[0];
  if (!isDNS1123Label(short)) {
    throw constructError(kind, scope, `cannot name the objects after host ${shown(props.host.hostName)}: its first label is not a `
      + 'DNS-1123 label; give name (e.g. name: \'reviews\')');
  }
  return { name: short, namespace: props.namespace };
}

/** Throws the construct error when `value` is set and outside min..max. */
export function checkRange(kind: string, scope: Construct, field: string, value: number | undefined, min: number, max: number,
  integer = false): void {
  if (value === undefined) return;
  const problem = rangeProblem(field, value, min, max, integer);
  if (problem) throw constructError(kind, scope, problem);
}

/** Checks that a map of header conditions, when given, names at least one header. */
export function checkHeaders(kind: string, scope: Construct, field: string, headers: { [name: string]: StringMatch } | undefined): void {
  if (headers !== undefined && Object.keys(headers).length === 0) {
    throw constructError(kind, scope, `${field} is empty: give at least one header, e.g. { 'x-canary': StringMatch.exact('always') }, or leave it out`);
  }
}

/** The DestinationRule of the pattern: the traffic policy with its defaults, one subset per version, in order. */
export function versionsDestinationRule(scope: Construct, metadata: { name: string; namespace?: string }, props: VersionedServiceProps,
  profile: ResilienceProfile, versions: ServiceVersion[]): { rule: DestinationRule; subsets: Subset[] } {
  const given: TrafficPolicy = props.trafficPolicy ?? {};
  const trafficPolicy: TrafficPolicy = {
    ...given,
    tls: given.tls ?? { mode: TlsMode.ISTIO_MUTUAL },
    outlierDetection: given.outlierDetection ?? profile.outlierDetection,
    connectionPool: given.connectionPool ?? profile.connectionPool,
  };
  const rule = new DestinationRule(scope, 'DestinationRule', { metadata, host: props.host, exportTo: props.exportTo, trafficPolicy });
  const subsets = versions.map(version => rule.addSubset(version.name, { labels: version.labels }));
  return { rule, subsets };
}

/** Whether the routes apply at the sidecars: no gateways given, or `Gateway.MESH` among them. */
export function appliesToMesh(props: VersionedServiceProps): boolean {
  return props.gateways === undefined || props.gateways.some(gateway => gateway === MESH_GATEWAY || gateway?.gatewayName === 'mesh');
}

/**
 * The pattern's VirtualService: hosts `host` then `externalHosts`, bound to `gateways` when given.
 * Checks at once what Istio's webhook would reject (host forms, overlapping hosts) and an empty
 * gateway list; whether a gateway serves the hosts is left to the analysis (IST0132).
 */
export function versionsVirtualService(kind: string, scope: Construct, metadata: { name: string; namespace?: string },
  props: VersionedServiceProps): VirtualService {
  const fail = (message: string) => constructError(kind, scope, message);
  if (props.gateways !== undefined) {
    if (!Array.isArray(props.gateways) || props.gateways.length === 0) {
      throw fail(`gateways is empty: list the gateways whose traffic the routes apply to (Gateway.MESH for the sidecars), or leave it out, got ${shown(props.gateways)}`);
    }
    props.gateways.forEach((gateway, i) => {
      if (typeof gateway?.gatewayName !== 'string') {
        throw fail(`gateways[${i}] must be a Gateway, Gateway.fromGatewayName(scope, id, 'namespace/name') or Gateway.MESH, got ${shown(gateway)}`);
      }
    });
  }
  const external = props.externalHosts ?? [];
  if (!Array.isArray(external)) throw fail(`externalHosts must be a list of host names, e.g. ['shop.example.com'], got ${shown(external)}`);
  const mesh = appliesToMesh(props);
  external.forEach((host, i) => {
    if (typeof host !== 'string') throw fail(`externalHosts[${i}] must be a host name such as 'shop.example.com', got ${shown(host)}`);
    const problem = mesh ? checkWildcardDomain(host) : checkWildcardDomainForVirtualServiceBoundToGateway(false, host);
    if (problem && !isValidIPAddress(host)) throw fail(`externalHosts[${i}]: ${problem}`);
    if (mesh && host === '*') {
      throw fail(`externalHosts[${i}]: wildcard host * is not allowed for routes that apply to the mesh (Istio rejects it); `
        + 'list the names clients use (e.g. \'shop.example.com\'), or give gateways without Gateway.MESH');
    }
  });
  const names = [props.host.hostName, ...external];
  for (let j = 1; j < names.length; j++) {
    for (let i = 0; i < j; i++) {
      if (!hostsMatch(names[i], names[j])) continue;
      const other = i === 0 ? `host ${shown(names[0])}` : `externalHosts[${i - 1}] ${shown(names[i])}`;
      throw fail(`externalHosts[${j - 1}] ${shown(names[j])} overlaps ${other}: Istio rejects a VirtualService whose hosts overlap; `
        + 'give each name once, and no wildcard covering another host');
    }
  }
  const hosts: IHost[] = [props.host, ...external.map(host => Host.fromName(host))];
  return new VirtualService(scope, 'VirtualService', { metadata, hosts, gateways: props.gateways, exportTo: props.exportTo });
}

/** Adds the routes in order, after the scoped fault route, with the profile's timeout and retries (and an unscoped fault on every route); returns their names. */
export function addRoutes(kind: string, scope: Construct, vs: VirtualService, props: VersionedServiceProps, profile: ResilienceProfile,
  defaultDestinations: HttpRouteDestination[], routes: HttpRouteOptions[]): string[] {
  const resilience = { timeout: profile.timeout, retries: profile.retries };
  const all: HttpRouteOptions[] = [];
  let everyRouteFault;
  if (props.faultInjection) {
    const { match, fault } = faultRouteOptions(`${kind} '${scope.node.path}'`, props.faultInjection);
    if (match) all.push({ name: FAULT_ROUTE_NAME, match, route: defaultDestinations, fault });
    else everyRouteFault = fault;
  }
  all.push(...routes);
  for (const route of all) vs.addHttpRoute({ ...route, ...resilience, fault: route.fault ?? everyRouteFault });
  return all.map(route => route.name!);
}

/** RFC 6265 cookie-name (a token) and cookie-value characters. */
const COOKIE_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
const COOKIE_VALUE = /^[A-Za-z0-9!#$%&'()*+./:<=>?@[\]^_`{|}~-]+$/;

/** The problem with a cookie `name=value`, if any. */
export function cookieProblem(field: string, name: string, value: string): string | undefined {
  if (typeof name !== 'string' || !COOKIE_NAME.test(name)) {
    return `${field}: cookie name must be a token (letters, digits and !#$%&'*+.^_\`|~-), got ${shown(name)}`;
  }
  if (typeof value !== 'string' || !COOKIE_VALUE.test(value)) {
    return `${field}: cookie value must be non-empty, without spaces, quotes, commas, semicolons or backslashes, got ${shown(value)}`;
  }
  return undefined;
}

/**
 * A match on the `cookie` request header holding `name=value` among the request's cookies (first,
 * or after `;` and optional spaces), as Istio's documentation matches cookies.
 */
export function cookieMatch(name: string, value: string): { [header: string]: StringMatch } {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return { cookie: StringMatch.regex(`^(.*?;\\s*)?(${escape(name)}=${escape(value)})(;.*)?$`) };
}
