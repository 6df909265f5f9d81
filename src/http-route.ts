import { Duration } from 'cdk8s';
import { optionalGoDuration } from './core/duration';
import { compact, nonEmpty } from './core/render';
import { renderHttpHeaders } from './core/render-headers';
import {
  httpMatchReferences, renderCorsPolicy, renderDirectResponse, renderFault, renderHttpMatch, renderRedirect, renderRetry, renderRewrite,
} from './core/render-http';
import { destinationReferences, renderDestination, renderHttpRouteDestination, renderMirror, renderPercentage } from './core/render-routes';
import { CorsPolicy } from './cors';
import { HttpMirror, HttpRouteDestination } from './destination';
import { HttpFault } from './fault';
import { HttpHeaders } from './headers';
import { HttpMatch } from './http-match';
import { HttpDirectResponse, HttpRedirect, HttpRewrite } from './redirect';
import { IVirtualServiceRef } from './references';
import { HttpRetry } from './retries';

/**
 * An HTTP route of a VirtualService: Istio's HTTPRoute. Routes are tried in order; the first whose
 * `match` a request meets handles it. A route does exactly one of: forward (`route`), redirect
 * (`redirect`), answer (`directResponse`) or hand over to another VirtualService (`delegate`).
 *
 * @example
 * const httpRouteOptions: HttpRouteOptions = { match: [{ uri: StringMatch.prefix('/api/') }], route: [{ subset: v1, weight: 90 }, { subset: v2, weight: 10 }] };
 */
export interface HttpRouteOptions {
  /**
   * The route's name, shown in access logs and stats.
   * @default - none
   */
  readonly name?: string;

  /**
   * The conditions a request must meet (any of them) to take this route.
   * @default - every request
   */
  readonly match?: HttpMatch[];

  /**
   * The destinations to forward to, with their weights.
   * @default - none: give this, `redirect`, `directResponse` or `delegate`
   */
  readonly route?: HttpRouteDestination[];

  /**
   * Answer with a redirect instead of forwarding.
   * @default - no redirect
   */
  readonly redirect?: HttpRedirect;

  /**
   * Answer directly instead of forwarding.
   * @default - no direct response
   */
  readonly directResponse?: HttpDirectResponse;

  /**
   * Hand the request over to the routes of another VirtualService (one without hosts). This route's
   * rewrite, timeout, retries, fault, mirrors, CORS policy and headers apply to the delegate's routes
   * that do not set their own.
   * @default - no delegation
   */
  readonly delegate?: IVirtualServiceRef;

  /**
   * Rewrite the path and/or authority before forwarding.
   * @default - no rewrite
   */
  readonly rewrite?: HttpRewrite;

  /**
   * The timeout of a request, retries included.
   * @default - Istio's default: no timeout
   */
  readonly timeout?: Duration;

  /**
   * How failed requests are retried.
   * @default - Istio's default: 2 attempts on connect-failure, refused-stream, unavailable, cancelled, retriable-status-codes
   */
  readonly retries?: HttpRetry;

  /**
   * Faults injected into the traffic, for resilience tests.
   * @default - no fault
   */
  readonly fault?: HttpFault;

  /**
   * Destinations that receive a copy of the traffic (Istio's `mirrors`).
   * @default - no mirroring
   */
  readonly mirrors?: HttpMirror[];

  /**
   * A single destination that receives a copy of the traffic, written as Istio's older `mirror` and
   * `mirrorPercentage` fields (prefer `mirrors`).
   * @default - no mirroring
   */
  readonly mirror?: HttpMirror;

  /**
   * Cross-origin resource sharing.
   * @default - no CORS policy
   */
  readonly corsPolicy?: CorsPolicy;

  /**
   * Header operations for every destination of the route.
   * @default - none
   */
  readonly headers?: HttpHeaders;
}

/** An HTTP route added to a VirtualService (`VirtualService.addHttpRoute()` returns it). */
export class HttpRoute {
  /**
   * The route of these options (VirtualService's add methods create routes).
   * @internal
   */
  public static _create(options: HttpRouteOptions): HttpRoute {
    return new HttpRoute(options);
  }

  /**
   * The route's name, if it has one.
   * @default - none
   */
  public readonly name?: string;

  /** @internal */
  public readonly _options: HttpRouteOptions;

  /**
   * The rendering made when the route was added (for the early check), kept for the first synth:
   * options are readonly, so it still holds then. Used once, so a synthesized app does not keep it.
   */
  private rendered?: { readonly namespace: string | undefined; readonly json: any };

  private constructor(options: HttpRouteOptions) {
    this._options = options;
    this.name = options.name;
  }

  /**
   * Everything the route refers to (gateways of its matches, hosts, subsets, its delegate).
   * @internal
   */
  public _references(): object[] {
    const o = this._options;
    return [
      ...(o.match ?? []).flatMap(httpMatchReferences),
      ...(o.route ?? []).flatMap(destinationReferences),
      ...(o.mirrors ?? []).flatMap(destinationReferences),
      ...(o.mirror ? destinationReferences(o.mirror) : []),
      ...(o.delegate ? [o.delegate] : []),
    ];
  }

  /**
   * Istio's HTTPRoute; fails on input wrong on its own (see the parts' renderers), on a route with
   * none or several of route/redirect/directResponse/delegate, and on `mirror` with `mirrors`.
   * @internal
   */
  public _toIstio(namespace: string | undefined, fail: (message: string) => Error, where: string): any {
    const early = this.rendered;
    this.rendered = undefined;
    return early && early.namespace === namespace ? early.json : this.render(namespace, fail, where);
  }

  /**
   * `_toIstio`, kept for the next `_toIstio` (VirtualService renders a route when it is added, to check it).
   * @internal
   */
  public _toIstioKept(namespace: string | undefined, fail: (message: string) => Error, where: string): any {
    const json = this.render(namespace, fail, where);
    this.rendered = { namespace, json };
    return json;
  }

  private render(namespace: string | undefined, fail: (message: string) => Error, where: string): any {
    const o = this._options;
    const actions = (['route', 'redirect', 'directResponse', 'delegate'] as const)
      .filter(a => a === 'route' ? (o.route ?? []).length > 0 : o[a] !== undefined);
    if (actions.length === 0) {
      throw fail(`${where} does nothing; give one of route (destinations), redirect, directResponse or delegate`);
    }
    if (actions.length > 1) throw fail(`${where} has ${actions.join(' and ')}; a route does one of them: keep one`);
    if ((o.redirect || o.directResponse) && (o.fault || o.rewrite)) {
      throw fail(`${where} answers with a ${o.redirect ? 'redirect' : 'direct response'}, which cannot go with ${o.fault ? 'fault' : 'rewrite'}; `
        + 'forward with route instead, or drop it');
    }
    if (o.mirror && (o.mirrors ?? []).length > 0) {
      throw fail(`${where} has both mirror and mirrors; put every mirror in mirrors`);
    }
    return compact({
      name: o.name,
      match: nonEmpty((o.match ?? []).map((m, i) => renderHttpMatch(m, namespace, fail, `${where}.match[${i}]`))),
      route: nonEmpty((o.route ?? []).map((d, i) => renderHttpRouteDestination(d, fail, `${where}.route[${i}]`))),
      redirect: o.redirect ? renderRedirect(o.redirect, fail, `${where}.redirect`) : undefined,
      directResponse: o.directResponse ? renderDirectResponse(o.directResponse, fail, `${where}.directResponse`) : undefined,
      delegate: o.delegate ? compact({ name: o.delegate.virtualServiceName, namespace: o.delegate.virtualServiceNamespace }) : undefined,
      rewrite: o.rewrite ? renderRewrite(o.rewrite, fail, `${where}.rewrite`) : undefined,
      timeout: optionalGoDuration(o.timeout),
      retries: o.retries ? renderRetry(o.retries, fail, `${where}.retries`) : undefined,
      fault: o.fault ? renderFault(o.fault, fail, `${where}.fault`) : undefined,
      mirror: o.mirror ? renderDestination(o.mirror, fail, `${where}.mirror`) : undefined,
      mirrorPercentage: o.mirror ? renderPercentage(o.mirror.percentage, fail, `${where}.mirror.percentage`) : undefined,
      mirrors: nonEmpty((o.mirrors ?? []).map((m, i) => renderMirror(m, fail, `${where}.mirrors[${i}]`))),
      corsPolicy: o.corsPolicy ? renderCorsPolicy(o.corsPolicy, fail, `${where}.corsPolicy`) : undefined,
      headers: renderHttpHeaders(o.headers, fail, `${where}.headers`),
    });
  }
}
