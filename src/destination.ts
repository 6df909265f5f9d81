import { HttpHeaders } from './headers';
import { IHost } from './host';
import { ISubset } from './references';

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
