import { compact } from './core/render';
import { l4RouteReferences, renderL4Match, renderRouteDestinations } from './core/render-routes';
import { RouteDestination } from './destination';
import { TcpMatch } from './tcp-route';

/**
 * The conditions of a TLS route: a connection must meet all of them, its SNI first. Istio's
 * TLSMatchAttributes.
 *
 * @example
 * const tlsMatch: TlsMatch = { sniHosts: ['login.example.com'], port: 443 };
 */
export interface TlsMatch extends TcpMatch {
  /** The SNI names to match (each covered by one of the VirtualService's hosts; wildcards allowed). */
  readonly sniHosts: string[];
}

/**
 * A route for TLS traffic that is passed through without being terminated, routed by its SNI:
 * Istio's TLSRoute.
 *
 * @example
 * const tlsRouteOptions: TlsRouteOptions = { match: [{ sniHosts: ['login.example.com'] }], route: [{ host: Host.fromName('login') }] };
 */
export interface TlsRouteOptions {
  /** The conditions a connection must meet (any of them) to take this route; at least one. */
  readonly match: TlsMatch[];

  /** The destinations to forward to, with their weights. */
  readonly route: RouteDestination[];
}

/** A TLS route added to a VirtualService (`VirtualService.addTlsRoute()` returns it). */
export class TlsRoute {
  /**
   * The route of these options (VirtualService's add methods create routes).
   * @internal
   */
  public static _create(options: TlsRouteOptions): TlsRoute {
    return new TlsRoute(options);
  }

  /** @internal */
  public readonly _options: TlsRouteOptions;

  private constructor(options: TlsRouteOptions) {
    this._options = options;
  }

  /** @internal */
  public _references(): object[] {
    return l4RouteReferences(this._options.match, this._options.route);
  }

  /**
   * Istio's TLSRoute; fails on no match, a match without SNI hosts, no destination.
   * @internal
   */
  public _toIstio(namespace: string | undefined, fail: (message: string) => Error, where: string): any {
    const matches = this._options.match ?? [];
    if (matches.length === 0) {
      throw fail(`${where} has no match; a TLS route matches at least one SNI name (match: [{ sniHosts: ['login.example.com'] }])`);
    }
    return compact({
      match: matches.map((m, i) => {
        if (!m.sniHosts || m.sniHosts.length === 0) {
          throw fail(`${where}.match[${i}].sniHosts is empty; give the SNI names this match is for, e.g. ['login.example.com']`);
        }
        return { sniHosts: [...m.sniHosts], ...renderL4Match(m, namespace, fail, `${where}.match[${i}]`) };
      }),
      route: renderRouteDestinations(this._options.route, fail, where, 'TLS'),
    });
  }
}
