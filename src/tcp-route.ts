import { shown } from './core/errors';
import { compact, nonEmpty, nonEmptyMap } from './core/render';
import { destinationReferences, renderRouteDestination, RouteDestination } from './destination';
import { gatewayReference, IGateway } from './references';
import { validateIPSubnet } from './validation/webhook/common/hosts';
import { validatePort } from './validation/webhook/common/ports';

/**
 * The conditions of a TCP route: a connection must meet all of them. Istio's L4MatchAttributes.
 *
 * @example
 * const tcpMatch: TcpMatch = { port: 5432, sourceLabels: { app: 'billing' } };
 */
export interface TcpMatch {
  /**
   * Destination IP addresses or subnets (`10.0.0.0/16`, `192.168.1.4`).
   * @default - any destination address
   */
  readonly destinationSubnets?: string[];

  /**
   * The port the connection is addressed to.
   * @default - any port
   */
  readonly port?: number;

  /**
   * Labels the calling workload must have.
   * @default - any caller
   */
  readonly sourceLabels?: { [key: string]: string };

  /**
   * The namespace of the calling workload.
   * @default - any namespace
   */
  readonly sourceNamespace?: string;

  /**
   * Gateways this match applies to, overriding the VirtualService's `gateways` for this match.
   * @default - the VirtualService's gateways
   */
  readonly gateways?: IGateway[];
}

/**
 * A route for opaque TCP traffic: Istio's TCPRoute.
 *
 * @example
 * const tcpRouteOptions: TcpRouteOptions = { match: [{ port: 27017 }], route: [{ host: Host.fromName('mongo') }] };
 */
export interface TcpRouteOptions {
  /**
   * The conditions a connection must meet (any of them) to take this route.
   * @default - every connection
   */
  readonly match?: TcpMatch[];

  /** The destinations to forward to, with their weights. */
  readonly route: RouteDestination[];
}

/** A TCP route added to a VirtualService (`VirtualService.addTcpRoute()` returns it). */
export class TcpRoute {
  /**
   * The route of these options (VirtualService's add methods create routes).
   * @internal
   */
  public static _create(options: TcpRouteOptions): TcpRoute {
    return new TcpRoute(options);
  }

  /** @internal */
  public readonly _options: TcpRouteOptions;

  private constructor(options: TcpRouteOptions) {
    this._options = options;
  }

  /** @internal */
  public _references(): object[] {
    return [
      ...(this._options.match ?? []).flatMap(m => m.gateways ?? []),
      ...(this._options.route ?? []).flatMap(destinationReferences),
    ];
  }

  /** @internal */
  public _toIstio(namespace: string | undefined, fail: (message: string) => Error, where: string): any {
    return compact({
      match: nonEmpty((this._options.match ?? []).map((m, i) => renderL4Match(m, namespace, fail, `${where}.match[${i}]`))),
      route: renderRouteDestinations(this._options.route, fail, where, 'TCP'),
    });
  }
}

/**
 * The destinations of a TCP or TLS route; fails when there are none.
 * @internal
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
 * @internal
 */
export function renderL4Match(match: TcpMatch, namespace: string | undefined, fail: (message: string) => Error, where: string): any {
  (match.destinationSubnets ?? []).forEach((subnet, i) => {
    const problem = validateIPSubnet(subnet);
    if (problem) throw fail(`${where}.destinationSubnets[${i}]: ${problem}`);
  });
  if (match.port !== undefined) {
    const problem = Number.isInteger(match.port) ? validatePort(match.port) : `port number ${shown(match.port)} must be an integer in the range 1..65535`;
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
