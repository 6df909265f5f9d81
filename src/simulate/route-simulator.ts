/**
 * The public face of the route simulator: build it over objects, an app or a chart, ask where a
 * request goes, or assert it in one line.
 */
import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import type { RoutingModel } from './model';
import { RouteRequest, RouteResult } from './types';

// The simulator's engine loads on first use: most apps never simulate, and `require('cdk8s-istio')` stays small.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const engine = (): typeof import('./engine') => require('./engine');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const format = (): typeof import('./format') => require('./format');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const model = (): typeof import('./model') => require('./model');

/**
 * Answers "where does this request go?" offline, with Istio's routing semantics, over a set of
 * Istio objects (VirtualServices, Gateways, and the Services / ServiceEntries that give ports
 * their protocol).
 *
 * @example
 * const reviews = Host.fromName('reviews');
 * const rule = new DestinationRule(chart, 'Subsets', { host: reviews });
 * const stable = rule.addSubset('v1', { labels: { version: 'v1' } });
 * const beta = rule.addSubset('v2', { labels: { version: 'v2' } });
 * new VirtualService(chart, 'Reviews', {
 *   hosts: [reviews],
 *   http: [
 *     { match: [{ headers: { 'end-user': StringMatch.exact('jason') } }], route: [{ subset: beta }] },
 *     { route: [{ subset: stable }] },
 *   ],
 * });
 * const sim = RouteSimulator.fromApp(chart);
 * sim.expect({ host: 'reviews', headers: { 'end-user': 'jason' } }).toSubset('reviews', 'v2');
 */
export class RouteSimulator {
  /** A simulator over plain Kubernetes objects (as parsed from YAML or JSON). */
  public static fromObjects(objects: any[]): RouteSimulator {
    return new RouteSimulator(objects);
  }

  /**
   * A simulator over every object a cdk8s App or Chart renders (as it will be written: L1 and L2
   * constructs, included YAML).
   */
  public static fromApp(scope: IConstruct): RouteSimulator {
    const apiObjects = scope.node.findAll().filter((c): c is ApiObject => Object.prototype.isPrototypeOf.call(ApiObject.prototype, c));
    return new RouteSimulator(apiObjects.map(o => o.toJson()));
  }

  private readonly model: RoutingModel;

  private constructor(objects: readonly unknown[]) {
    this.model = new (model().RoutingModel)(objects);
  }

  /** Number of routable (root) VirtualServices. */
  public get virtualServiceCount(): number {
    return this.model.virtualServices.length;
  }

  /** Where `request` goes: the VirtualService and route, the outcome, and every route considered. */
  public route(request: RouteRequest): RouteResult {
    return engine().routeRequest(this.model, request);
  }

  /** The result as text: the route, the outcome, and with `explain` every route considered. */
  public explain(request: RouteRequest): string {
    return format().formatRouteResult(this.route(request), true);
  }

  /** Assertions on where `request` goes, each throwing an error with the explanation when wrong. */
  public expect(request: RouteRequest): RouteExpectation {
    return new RouteExpectation(this.route(request));
  }
}

/**
 * One-line assertions on a route result, for unit tests (jest, or any runner: a failed assertion
 * throws an Error whose message holds the simulator's explanation).
 */
export class RouteExpectation {
  constructor(public readonly result: RouteResult) {}

  /** Every request goes to `subset` of `host` (short host names match their FQDN). */
  public toSubset(host: string, subset: string): RouteExpectation {
    const d = this.result.destinations;
    if (this.result.noRoute || d.length !== 1 || !sameHost(d[0].host, host) || d[0].subset !== subset) {
      this.fail(`expected every request to go to subset ${subset} of ${host}`);
    }
    return this;
  }

  /** One of the destinations is `host` (and `subset` when given) with `weight` when given. */
  public toDestination(host: string, subset?: string, weight?: number): RouteExpectation {
    const found = this.result.destinations.some(d => sameHost(d.host, host) && (subset === undefined || d.subset === subset)
      && (weight === undefined || d.weight === weight));
    if (!found) this.fail(`expected a destination ${host}${subset ? ` subset ${subset}` : ''}${weight !== undefined ? ` weight ${weight}` : ''}`);
    return this;
  }

  /** The request is handled by this VirtualService (`name` or `namespace/name`), and rule name when given. */
  public toVirtualService(name: string, routeName?: string): RouteExpectation {
    const vs = this.result.virtualService ?? '';
    if (this.result.noRoute || !(vs === name || vs.endsWith(`/${name}`)) || (routeName !== undefined && this.result.route?.name !== routeName)) {
      this.fail(`expected VirtualService ${name}${routeName !== undefined ? ` route "${routeName}"` : ''}`);
    }
    return this;
  }

  /** The request is redirected (to `uri` when given). */
  public toRedirect(uri?: string): RouteExpectation {
    if (!this.result.redirect || (uri !== undefined && this.result.redirect.uri !== uri)) this.fail(`expected a redirect${uri ? ` to ${uri}` : ''}`);
    return this;
  }

  /** No VirtualService route handles the request. */
  public toNoRoute(): RouteExpectation {
    if (!this.result.noRoute) this.fail('expected no route');
    return this;
  }

  private fail(expectation: string): never {
    throw new Error(`${expectation}, but:\n${format().formatRouteResult(this.result, true)}`);
  }
}

/** `reviews` matches `reviews.<ns>.svc.cluster.local`; FQDNs compare exactly. */
function sameHost(actual: string, expected: string): boolean {
  const e = expected.toLowerCase();
  return actual === e || (!e.includes('.') && actual.startsWith(`${e}.`) && actual.endsWith('.svc.cluster.local'))
    || (/^[^.]+\.[^.]+$/.test(e) && actual === `${e}.svc.cluster.local`);
}
