/**
 * Rendering and early checks of route destinations, mirrors and percentages (src/destination.ts) and
 * of the match attributes TCP and TLS routes share (src/tcp-route.ts, src/tls-route.ts). Not part of
 * the public API (src/index.ts does not re-export it).
 */
import { rangeProblem, shown } from './errors';
import { gatewayReference } from './gateway-reference';
import { compact, nonEmpty, nonEmptyMap } from './render';
import { renderHttpHeaders } from './render-headers';
import { Destination, HttpMirror, HttpRouteDestination, RouteDestination } from '../destination';
import { IHost } from '../host';
import { ISubset } from '../references';
import { TcpMatch } from '../tcp-route';
import { checkIPSubnet } from '../validation/webhook/common/hosts';
import { checkPort } from '../validation/webhook/common/ports';

/** How a destination is written in Istio's YAML. */
interface RenderedDestination {
  host: string;
  subset?: string;
  port?: { number: number };
}

/**
 * The references a destination makes (its host, its subset), for `IstioResource._refersTo()`.
 */
export function destinationReferences(destination: Destination): object[] {
  return [destination.host, destination.subset, destination.subset?.host].filter((x): x is IHost | ISubset => x !== undefined);
}

/** What a TCP or TLS route refers to: the gateways of its matches, then its destinations. */
export function l4RouteReferences(
  match: readonly { readonly gateways?: object[] }[] | undefined,
  route: readonly Destination[] | undefined,
): object[] {
  return [...(match ?? []).flatMap(m => m.gateways ?? []), ...(route ?? []).flatMap(destinationReferences)];
}

/**
 * `{ host, subset, port }`: the host taken from the subset when only the subset is given; fails on a
 * destination without either, with two different hosts, or with a port out of range.
 */
export function renderDestination(destination: Destination, fail: (message: string) => Error, where: string): RenderedDestination {
  const { host, subset, port } = destination ?? {};
  if (!host && !subset) {
    throw fail(`${where} has neither host nor subset; give the host (host: Host.fromName('reviews')) or a subset of it (subset: rule.addSubset(...))`);
  }
  if (host && subset && host.hostName !== subset.host.hostName) {
    throw fail(`${where} names the host ${shown(host.hostName)} and the subset ${shown(subset.subsetName)} of another host, `
      + `${shown(subset.host.hostName)}; give only the subset (its host comes with it)`);
  }
  if (port !== undefined) {
    const problem = typeof port === 'number' && Number.isInteger(port) ? checkPort(port) : `port number ${shown(port)} must be an integer in the range 1..65535`;
    if (problem) throw fail(`${where}.port: ${problem}`);
  }
  return compact({
    host: (host ?? subset!.host).hostName,
    subset: subset?.subsetName,
    port: port === undefined ? undefined : { number: port },
  }) as RenderedDestination;
}

/**
 * `{ destination, weight }` of a TCP or TLS route; the weight is checked to be an integer in 0..100.
 */
function renderRouteDestination(destination: RouteDestination, fail: (message: string) => Error, where: string): any {
  if (destination.weight !== undefined) {
    const problem = rangeProblem('weight', destination.weight, 0, 100, true);
    if (problem) throw fail(`${where}: ${problem}`);
  }
  return compact({ destination: renderDestination(destination, fail, where), weight: destination.weight });
}

/**
 * `{ destination, weight, headers }` of an HTTP route.
 */
export function renderHttpRouteDestination(destination: HttpRouteDestination, fail: (message: string) => Error, where: string): any {
  return compact({
    ...renderRouteDestination(destination, fail, where),
    headers: renderHttpHeaders(destination.headers, fail, `${where}.headers`),
  });
}

/**
 * The mirror's percentage as Istio's `Percent`, checked to be 0 or in [0.0001, 100].
 */
export function renderPercentage(value: number | undefined, fail: (message: string) => Error, where: string): { value: number } | undefined {
  if (value === undefined) return undefined;
  const problem = rangeProblem(where, value, 0, 100) ?? (value > 0 && value < 0.0001
    ? `${where} must be 0 or at least 0.0001 (Istio's precision), got ${shown(value)}` : undefined);
  if (problem) throw fail(problem);
  return { value };
}

/**
 * `{ destination, percentage }` of an entry of `mirrors`.
 */
export function renderMirror(mirror: HttpMirror, fail: (message: string) => Error, where: string): any {
  return compact({
    destination: renderDestination(mirror, fail, where),
    percentage: renderPercentage(mirror.percentage, fail, `${where}.percentage`),
  });
}

/**
 * The destinations of a TCP or TLS route; fails when there are none.
 */
export function renderRouteDestinations(route: RouteDestination[] | undefined, fail: (message: string) => Error, where: string, kind: string): any[] {
  if (!route || route.length === 0) {
    throw fail(`${where} has no destination; a ${kind} route forwards to at least one (route: [{ host }])`);
  }
  return route.map((d, i) => renderRouteDestination(d, fail, `${where}.route[${i}]`));
}

/**
 * The attributes TCP and TLS matches share; fails on a subnet that is not an IP or CIDR and on a
 * port out of range.
 */
export function renderL4Match(match: TcpMatch, namespace: string | undefined, fail: (message: string) => Error, where: string): any {
  (match.destinationSubnets ?? []).forEach((subnet, i) => {
    const problem = checkIPSubnet(subnet);
    if (problem) throw fail(`${where}.destinationSubnets[${i}]: ${problem}`);
  });
  if (match.port !== undefined) {
    const problem = Number.isInteger(match.port) ? checkPort(match.port) : `port number ${shown(match.port)} must be an integer in the range 1..65535`;
    if (problem) throw fail(`${where}.port: ${problem}`);
  }
  return compact({
    destinationSubnets: nonEmpty(match.destinationSubnets),
    port: match.port,
    sourceLabels: nonEmptyMap(match.sourceLabels),
    sourceNamespace: match.sourceNamespace,
    gateways: nonEmpty(match.gateways?.map(g => gatewayReference(g, namespace))),
  });
}
