import { Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { ServiceVersion } from './service-version';
import { VersionedServiceProps } from './versioned-service';
import { constructError, factoryError, rangeProblem, shown } from '../core/errors';
import { addRoutes, checkHeaders, checkRange, cookieMatch, cookieProblem, FAULT_ROUTE_NAME, versionedMetadata, versionsDestinationRule, versionsVirtualService } from '../core/versioned-routing';
import { HttpRouteDestination } from '../destination';
import { DestinationRule, Subset } from '../destination-rule';
import { HttpMatch } from '../http-match';
import { HttpRouteOptions } from '../http-route';
import { StringMatch } from '../string-match';
import { VirtualService } from '../virtual-service';
import { ResilienceProfile } from './resilience-profile';

/**
 * Keeps a user who reached the canary on it: the canary's responses set a cookie, and requests that
 * carry it are routed to the canary first.
 */
export interface CanarySessionAffinity {
  /**
   * The cookie's name.
   * @default 'canary-session'
   */
  readonly cookieName?: string;

  /**
   * The cookie's value. Change it with each new canary, so users pinned to an earlier one are not
   * pinned to this one.
   * @default - the canary version's name (e.g. `v2`)
   */
  readonly cookieValue?: string;

  /**
   * How long the browser keeps the cookie (its `Max-Age`); the stickiness lasts that long.
   * @default Duration.hours(24)
   */
  readonly maxAge?: Duration;
}

/** Props of a CanaryService. */
export interface CanaryServiceProps extends VersionedServiceProps {
  /**
   * The version that serves most of the traffic.
   * @default ServiceVersion.named('stable') - pods labelled `version: stable`
   */
  readonly stable?: ServiceVersion;

  /**
   * The new version under test.
   * @default ServiceVersion.named('canary') - pods labelled `version: canary`
   */
  readonly canary?: ServiceVersion;

  /**
   * The share of the traffic (an integer, 0 to 100) sent to the canary; the stable version gets the
   * rest. Both destinations are always rendered (a weight of 0 included), so moving the weight is a
   * one-number diff.
   * @default 0 - the canary gets no live traffic (only opt-in requests and mirrored copies)
   */
  readonly canaryWeight?: number;

  /**
   * Request headers (all must match) that send a request to the canary whatever the weight: for
   * testers and smoke tests. Istio's header match, e.g. `{ 'x-canary': StringMatch.exact('always') }`.
   * @default - no header opt-in
   */
  readonly canaryHeaders?: { [name: string]: StringMatch };

  /**
   * A cookie `name=value` (e.g. `canary=always`) that sends a request to the canary whatever the
   * weight: an opt-in for browsers.
   * @default - no cookie opt-in
   */
  readonly canaryCookie?: string;

  /**
   * The share (0 to 100) of the default route's requests copied to the canary (responses to the
   * copies are discarded): tests it with production traffic before it answers any (best practice
   * 10). Istio mirrors a route's requests whichever version answers them, so at a weight of 5 and a
   * mirror of 100, 5% of the requests reach the canary twice. Not allowed with `canaryWeight: 100`.
   * @default - no mirroring
   */
  readonly mirrorPercentage?: number;

  /**
   * Sticky canary sessions, as Flagger's session affinity: the canary's responses set a cookie, and a
   * route ahead of the weighted one sends requests carrying it to the canary. Rendered only while the
   * split is live (`canaryWeight` between 1 and 99): at 0 (rolled back) nobody is pinned to the
   * canary any more, at 100 there is nothing to pin.
   *
   * Consistent-hash load balancing (`LoadBalancer.consistentHash(...)` in `trafficPolicy`) cannot do
   * this: Istio applies it among the endpoints of one subset, after the weighted choice between the
   * subsets, which stays random per request.
   * @default - no stickiness: each request is split by weight on its own
   */
  readonly sessionAffinity?: CanarySessionAffinity;

  /**
   * The name of the weighted route (stable and canary): the route Argo Rollouts' `trafficRouting.istio.virtualService.routes` lists.
   * @default 'primary'
   */
  readonly routeName?: string;

  /**
   * Hand the weights to Argo Rollouts: the weighted route starts at 100/0 (`canaryWeight` must stay 0)
   * and Argo changes the weights while it runs the Rollout's steps. Session affinity is refused
   * (Argo would not remove its route when it aborts). See the class doc for the Rollout's YAML and
   * what the GitOps tool must ignore.
   * @default false
   */
  readonly argoRollouts?: boolean;
}

const STICKY_ROUTE_NAME = 'canary-sticky';
const OPT_IN_ROUTE_NAME = 'canary-opt-in';

/**
 * A canary release of one service: a stable and a canary version (DestinationRule subsets), and a
 * VirtualService that sends `canaryWeight`% of the requests to the canary and the rest to the stable
 * version, with optional opt-in routes (header, cookie), mirroring, sticky sessions and fault
 * injection.
 *
 * It creates a DestinationRule (`destinationRule`: subsets `stable` and `canary`, client TLS
 * `ISTIO_MUTUAL`, outlier detection) and a VirtualService (`virtualService`), both named `name`.
 * Routes, in order, most specific first: `fault-injection` (with a scoped fault), `canary-opt-in`
 * (header or cookie), `canary-sticky` (session affinity), and the weighted route `primary`; each with
 * the resilience profile's timeout and retries. Anything else: `ApiObject.of(canary.virtualService).addJsonPatch(...)`.
 *
 * Progressive delivery as code: `CanaryService.steps([5, 25, 50, 100])` checks a list of weights;
 * build one app per step (one commit per step), each a reviewed diff of one number.
 *
 * Argo Rollouts (`argoRollouts: true`): the weights start at 100/0 and the Rollout points at this
 * construct's names (here `name` is `reviews`):
 *
 * ```yaml
 * strategy:
 *   canary:
 *     trafficRouting:
 *       istio:
 *         virtualService: { name: reviews, routes: [primary] }
 *         destinationRule: { name: reviews, canarySubsetName: canary, stableSubsetName: stable }
 *     steps: [{ setWeight: 5 }, { pause: {} }, { setWeight: 50 }, { pause: { duration: 10m } }]
 * ```
 *
 * Argo then owns the weights at runtime and adds a `rollouts-pod-template-hash` label to the subsets:
 * the GitOps tool must ignore those differences (Argo CD: `ignoreDifferences` with `jqPathExpressions`
 * `.spec.http[].route[].weight` on the VirtualService and `.spec.subsets[].labels` on the DestinationRule).
 * Both versions come from one Rollout, so give both the Rollout's pod labels
 * (`ServiceVersion.fromLabels('stable', { app: 'reviews' })`, same for `canary`).
 *
 * @example
 * const reviews = new CanaryService(chart, 'Reviews', {
 *   host: Host.fromService('reviews', 'shop'),
 *   stable: ServiceVersion.named('v1'),
 *   canary: ServiceVersion.named('v2'),
 *   canaryWeight: 10,
 *   canaryHeaders: { 'x-canary': StringMatch.exact('always') },
 * });
 */
export class CanaryService extends Construct {
  /**
   * The weights of a progressive rollout, checked: integers from 0 to 100, strictly ascending.
   * Build one app (or commit) per weight, e.g. `CanaryService.steps([5, 25, 50, 100]).map(w => ...)`.
   *
   * @param weights the canary weights, in the order they are rolled out
   * @returns a copy of the weights
   */
  public static steps(weights: number[]): number[] {
    if (!Array.isArray(weights) || weights.length === 0) {
      throw factoryError('CanaryService.steps()', `give at least one weight, e.g. [5, 25, 50, 100], got ${shown(weights)}`);
    }
    weights.forEach((weight, i) => {
      const problem = rangeProblem(`weights[${i}]`, weight, 0, 100, true);
      if (problem) throw factoryError('CanaryService.steps()', problem);
      if (i > 0 && weight <= weights[i - 1]) {
        throw factoryError('CanaryService.steps()', `weights must go up: weights[${i}] is ${weight}, after ${weights[i - 1]}; `
          + 'list them in the order they are rolled out, e.g. [5, 25, 50, 100]');
      }
    });
    return [...weights];
  }

  /** The DestinationRule declaring the stable and canary subsets. */
  public readonly destinationRule: DestinationRule;
  /** The VirtualService splitting the traffic. */
  public readonly virtualService: VirtualService;
  /** The stable version's subset. */
  public readonly stableSubset: Subset;
  /** The canary version's subset. */
  public readonly canarySubset: Subset;
  /** The name of the weighted route (for Argo Rollouts' `routes`). */
  public readonly routeName: string;
  /** The names of the VirtualService's HTTP routes, in order. */
  public readonly routeNames: string[];
  /** The canary's weight as rendered. */
  public readonly canaryWeight: number;

  constructor(scope: Construct, id: string, props: CanaryServiceProps) {
    super(scope, id);
    const fail = (message: string) => constructError('CanaryService', this, message);
    const metadata = versionedMetadata('CanaryService', this, props);
    const stable = props.stable ?? ServiceVersion.named('stable');
    const canary = props.canary ?? ServiceVersion.named('canary');
    if (stable.name === canary.name) {
      throw fail(`stable and canary are both named ${shown(stable.name)}; give the versions different names (e.g. 'v1' and 'v2')`);
    }
    const weight = props.canaryWeight ?? 0;
    checkRange('CanaryService', this, 'canaryWeight', weight, 0, 100, true);
    checkRange('CanaryService', this, 'mirrorPercentage', props.mirrorPercentage, 0, 100);
    checkHeaders('CanaryService', this, 'canaryHeaders', props.canaryHeaders);
    if (props.mirrorPercentage !== undefined && weight === 100) {
      throw fail('mirrorPercentage with canaryWeight 100: the canary already answers every request, a mirror would send each twice; leave mirrorPercentage out');
    }
    if (props.argoRollouts && weight !== 0) {
      throw fail(`canaryWeight is ${weight} with argoRollouts: Argo Rollouts sets the weights at runtime and the route must start at 100/0; leave canaryWeight out`);
    }
    if (props.argoRollouts && props.sessionAffinity) {
      throw fail('sessionAffinity with argoRollouts: Argo Rollouts would not remove the sticky route when it aborts a rollout; leave one of them out');
    }
    this.routeName = props.routeName ?? 'primary';
    if (typeof this.routeName !== 'string' || this.routeName === '' || [FAULT_ROUTE_NAME, OPT_IN_ROUTE_NAME, STICKY_ROUTE_NAME].includes(this.routeName)) {
      throw fail(`routeName must be a non-empty name other than the pattern's own routes (${FAULT_ROUTE_NAME}, ${OPT_IN_ROUTE_NAME}, ${STICKY_ROUTE_NAME}), `
        + `got ${shown(props.routeName)}`);
    }
    const optIn: HttpMatch[] = [];
    if (props.canaryHeaders) optIn.push({ headers: props.canaryHeaders });
    if (props.canaryCookie !== undefined) optIn.push({ headers: parseCookie(props.canaryCookie, fail) });
    const sticky = props.sessionAffinity ? stickySession(props.sessionAffinity, canary, fail) : undefined;
    const profile = props.resilience ?? ResilienceProfile.standard();
    this.canaryWeight = weight;

    const { rule, subsets } = versionsDestinationRule(this, metadata, props, profile, [stable, canary]);
    this.destinationRule = rule;
    [this.stableSubset, this.canarySubset] = subsets;
    this.virtualService = versionsVirtualService('CanaryService', this, metadata, props);

    const live = weight > 0 && weight < 100;
    const split: HttpRouteDestination[] = [
      { subset: this.stableSubset, weight: 100 - weight },
      { subset: this.canarySubset, weight, headers: sticky && live ? { response: { add: { 'set-cookie': sticky.setCookie } } } : undefined },
    ];
    const routes: HttpRouteOptions[] = [];
    if (optIn.length > 0) routes.push({ name: OPT_IN_ROUTE_NAME, match: optIn, route: [{ subset: this.canarySubset }] });
    if (sticky && live) routes.push({ name: STICKY_ROUTE_NAME, match: [{ headers: sticky.match }], route: [{ subset: this.canarySubset }] });
    routes.push({
      name: this.routeName,
      route: split,
      mirrors: props.mirrorPercentage !== undefined ? [{ subset: this.canarySubset, percentage: props.mirrorPercentage }] : undefined,
    });
    this.routeNames = addRoutes('CanaryService', this, this.virtualService, props, profile, split, routes);
  }
}

/** `name=value` as a cookie match. */
function parseCookie(cookie: string, fail: (message: string) => Error): { [header: string]: StringMatch } {
  const at = typeof cookie === 'string' ? cookie.indexOf('=') : -1;
  const problem = at <= 0 ? `canaryCookie must be name=value, e.g. 'canary=always', got ${shown(cookie)}`
    : cookieProblem('canaryCookie', cookie.slice(0, at), cookie.slice(at + 1));
  if (problem) throw fail(problem);
  return cookieMatch(cookie.slice(0, at), cookie.slice(at + 1));
}

/** The Set-Cookie value the canary's responses carry and the match of requests that carry it. */
function stickySession(affinity: CanarySessionAffinity, canary: ServiceVersion, fail: (message: string) => Error) {
  const name = affinity.cookieName ?? 'canary-session';
  const value = affinity.cookieValue ?? canary.name;
  const problem = cookieProblem('sessionAffinity', name, value);
  if (problem) throw fail(problem);
  const maxAge = (affinity.maxAge ?? Duration.hours(24)).toSeconds({ integral: false });
  if (!Number.isInteger(maxAge) || maxAge <= 0) {
    throw fail(`sessionAffinity.maxAge must be a whole number of seconds above 0, got ${maxAge}s`);
  }
  return { setCookie: `${name}=${value}; Max-Age=${maxAge}; Path=/`, match: cookieMatch(name, value) };
}
