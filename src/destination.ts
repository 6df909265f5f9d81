import { rangeProblem, shown } from './core/errors';
import { compact } from './core/render';
import { HttpHeaders, renderHttpHeaders } from './headers';
import { IHost } from './host';
import { ISubset } from './references';
import { validatePort } from './validation/webhook/common/ports';

/**
 * Where traffic goes: a host, or a subset of a host's endpoints (which carries its host), and
 * optionally a port.
 */
export interface Destination {
  /**
   * The host to send traffic to.
   * @default - the subset's host (one of `host` and `subset` is required)
   */
  readonly host?: IHost;

  /**
   * The subset of the host's endpoints to send traffic to, as `DestinationRule.addSubset()` returns it.
   * The destination's host is the subset's: give `host` too only if it is the same.
   * @default - any endpoint of the host
   */
  readonly subset?: ISubset;

  /**
   * The port on the host; required only when the host exposes more than one port.
   * @default - the host's only port
   */
  readonly port?: number;
}

/** A destination of a TCP or TLS route, with its share of the traffic. */
export interface RouteDestination extends Destination {
  /**
   * The share of the traffic (0 to 100) sent to this destination. The weights of a route's destinations
   * should add up to 100.
   * @default - all the traffic when it is the route's only destination; give every destination a weight
   * when there are several
   */
  readonly weight?: number;
}

/** A destination of an HTTP route, with its share of the traffic and its own header operations. */
export interface HttpRouteDestination extends RouteDestination {
  /**
   * Header operations applied only when this destination is chosen.
   * @default - none
   */
  readonly headers?: HttpHeaders;
}

/** A destination that receives a copy of an HTTP route's traffic (responses to the copies are discarded). */
export interface HttpMirror extends Destination {
  /**
   * The share of the traffic (0 to 100) copied to this destination.
   * @default 100 - Istio mirrors every request when no percentage is given
   */
  readonly percentage?: number;
}

/** How a destination is written in Istio's YAML. */
interface RenderedDestination {
  host: string;
  subset?: string;
  port?: { number: number };
}

/**
 * The references a destination makes (its host, its subset), for `IstioResource._refersTo()`.
 * @internal
 */
export function destinationReferences(destination: Destination): object[] {
  return [destination.host, destination.subset, destination.subset?.host].filter((x): x is IHost | ISubset => x !== undefined);
}

/**
 * `{ host, subset, port }`: the host taken from the subset when only the subset is given; fails on a
 * destination without either, with two different hosts, or with a port out of range.
 * @internal
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
    const problem = typeof port === 'number' && Number.isInteger(port) ? validatePort(port) : `port number ${shown(port)} must be an integer in the range 1..65535`;
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
 * @internal
 */
export function renderRouteDestination(destination: RouteDestination, fail: (message: string) => Error, where: string): any {
  if (destination.weight !== undefined) {
    const problem = rangeProblem('weight', destination.weight, 0, 100, true);
    if (problem) throw fail(`${where}: ${problem}`);
  }
  return compact({ destination: renderDestination(destination, fail, where), weight: destination.weight });
}

/**
 * `{ destination, weight, headers }` of an HTTP route.
 * @internal
 */
export function renderHttpRouteDestination(destination: HttpRouteDestination, fail: (message: string) => Error, where: string): any {
  return compact({
    ...renderRouteDestination(destination, fail, where),
    headers: renderHttpHeaders(destination.headers, fail, `${where}.headers`),
  });
}

/**
 * The mirror's percentage as Istio's `Percent`, checked to be 0 or in [0.0001, 100].
 * @internal
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
 * @internal
 */
export function renderMirror(mirror: HttpMirror, fail: (message: string) => Error, where: string): any {
  return compact({
    destination: renderDestination(mirror, fail, where),
    percentage: renderPercentage(mirror.percentage, fail, `${where}.percentage`),
  });
}
