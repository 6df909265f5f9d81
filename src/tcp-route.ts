import { compact, nonEmpty } from './core/render';
import { l4RouteReferences, renderL4Match, renderRouteDestinations } from './core/render-routes';
import { RouteDestination } from './destination';
import { IGateway } from './references';

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
    return l4RouteReferences(this._options.match, this._options.route);
  }

  /** @internal */
  public _toIstio(namespace: string | undefined, fail: (message: string) => Error, where: string): any {
    return compact({
      match: nonEmpty((this._options.match ?? []).map((m, i) => renderL4Match(m, namespace, fail, `${where}.match[${i}]`))),
      route: renderRouteDestinations(this._options.route, fail, where, 'TCP'),
    });
  }
}
