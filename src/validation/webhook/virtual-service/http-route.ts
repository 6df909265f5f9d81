/** One HTTP route of a VirtualService (validateHTTPRoute, virtualservice.go), in Istio's order of checks. */
import { checkCorsPolicy, checkFaultInjection } from './cors-fault';
import { checkDestination, checkHttpRouteDestinations } from './destinations';
import { checkHttpMatchRequests } from './match';
import { checkHttpRedirect, checkHttpDirectResponse, checkHttpRewrite, checkAuthorityRewrite } from './redirect-rewrite';
import { checkRetry } from './retry';
import { goFloatF } from '../../../go/format';
import { isSet, listOf, messageOf, numberOf, stringOf } from '../../json';
import { checkDuration } from '../common/duration';
import { checkHeaderOperations } from '../common/headers';
import { Findings } from '../types';

/** Where an HTTP route sits in delegation (getHTTPRouteType). */
export enum HttpRouteType {
  /** A route of an ordinary VirtualService. */
  INDEPENDENT,
  /** A route that delegates to another VirtualService. */
  ROOT,
  /** A route of a delegate VirtualService (one without hosts). */
  DELEGATE,
}

/** validateHTTPRoute: `route` is the route object, `delegate` whether its VirtualService has no hosts. */
export function checkHttpRoute(f: Findings, path: string, route: Record<string, any>, delegate: boolean, gatewaySemantics: boolean): void {
  const type = delegate ? HttpRouteType.DELEGATE : isSet(route.delegate) ? HttpRouteType.ROOT : HttpRouteType.INDEPENDENT;
  checkConflicts(f, path, route, type);
  checkHttpMatchRequests(f, `${path}.match`, route.match);
  checkHeaderOperations(f, `${path}.headers`, route.headers);
  checkCorsPolicy(f, `${path}.corsPolicy`, route.corsPolicy);
  checkFaultInjection(f, `${path}.fault`, route.fault);
  checkMirrorPercent(f, path, route);
  checkDestination(f, `${path}.mirror`, route.mirror);
  checkHttpMirrors(f, `${path}.mirrors`, route.mirrors);
  checkHttpRedirect(f, `${path}.redirect`, route.redirect);
  checkHttpDirectResponse(f, `${path}.directResponse`, route.directResponse);
  checkRetry(f, `${path}.retries`, route.retries);
  checkHttpRewrite(f, `${path}.rewrite`, route.rewrite);
  checkAuthorityRewrite(f, path, route.rewrite, route.headers);
  checkHttpRouteDestinations(f, `${path}.route`, route.route, gatewaySemantics);
  checkDuration(f, `${path}.timeout`, route.timeout);
}

/** validateHTTPRouteConflict: which of route, redirect, direct response, fault, rewrite, mirror(s) go together. */
function checkConflicts(f: Findings, path: string, route: Record<string, any>, type: HttpRouteType): void {
  const name = stringOf(route.name);
  const routes = listOf(route.route).length;
  if (type === HttpRouteType.ROOT) {
    // a delegating route may only delegate
    if (isSet(route.redirect)) f.error(`${path}.redirect`, `root HTTP route ${name} must not specify redirect`);
    if (routes > 0) f.error(`${path}.route`, `root HTTP route ${name} must not specify route`);
    return;
  }
  if (type === HttpRouteType.DELEGATE && isSet(route.delegate)) {
    f.error(`${path}.delegate`, 'delegate HTTP route cannot contain delegate');
  }
  if (isSet(route.redirect)) {
    if (routes > 0) f.error(`${path}.redirect`, 'HTTP route cannot contain both route and redirect');
    if (isSet(route.fault)) f.error(`${path}.redirect`, 'HTTP route cannot contain both fault and redirect');
    if (isSet(route.rewrite)) f.error(`${path}.redirect`, 'HTTP route rule cannot contain both rewrite and redirect');
    if (isSet(route.directResponse)) f.error(`${path}.redirect`, 'HTTP route rule cannot contain both direct_response and redirect');
  } else if (isSet(route.directResponse)) {
    if (routes > 0) f.error(`${path}.directResponse`, 'HTTP route cannot contain both route and direct_response');
    if (isSet(route.fault)) f.error(`${path}.directResponse`, 'HTTP route cannot contain both fault and direct_response');
    if (isSet(route.rewrite)) f.error(`${path}.directResponse`, 'HTTP route rule cannot contain both rewrite and direct_response');
    // unreachable as in Istio: this branch is only taken without a redirect
    if (isSet(route.redirect)) f.error(`${path}.directResponse`, 'HTTP route rule cannot contain both redirect and direct_response');
  } else if (routes === 0) {
    f.error(path, 'HTTP route, redirect or direct_response is required');
  }
  if (isSet(route.mirror) && listOf(route.mirrors).length > 0) {
    f.error(`${path}.mirrors`, 'HTTP route cannot contain both mirror and mirrors');
  }
}

/** The deprecated `mirrorPercent` (a UInt32Value, also spelt `mirror_percent`) and `mirrorPercentage`. */
function checkMirrorPercent(f: Findings, path: string, route: Record<string, any>): void {
  const field = isSet(route.mirrorPercent) ? 'mirrorPercent' : isSet(route.mirror_percent) ? 'mirror_percent' : undefined;
  if (field) {
    const value = numberOf(route[field]);
    if (value > 100) f.error(`${path}.${field}`, `mirror_percent must have a max value of 100 (it has ${value})`);
    f.warn(`${path}.${field}`, 'using deprecated setting "mirrorPercent", use "mirrorPercentage" instead');
  }
  if (isSet(route.mirrorPercentage)) {
    const value = numberOf(messageOf(route.mirrorPercentage).value);
    if (value > 100) f.error(`${path}.mirrorPercentage.value`, `mirror_percentage must have a max value of 100 (it has ${goFloatF(value)})`);
    if (value < 0) f.error(`${path}.mirrorPercentage.value`, `mirror_percentage must have a min value of 0 (it has ${goFloatF(value)})`);
  }
}

/** validateHTTPMirrors: each mirror has a valid destination and a percentage in 0..100. */
function checkHttpMirrors(f: Findings, path: string, mirrors: unknown): void {
  listOf(mirrors).forEach((item, i) => {
    const where = `${path}[${i}]`;
    if (!isSet(item)) {
      f.error(where, 'mirror cannot be null');
      return;
    }
    const mirror = messageOf(item);
    if (!isSet(mirror.destination)) {
      f.error(`${where}.destination`, 'destination is required for mirrors');
      return;
    }
    checkDestination(f, `${where}.destination`, mirror.destination);
    if (isSet(mirror.percentage)) {
      const value = numberOf(messageOf(mirror.percentage).value);
      if (value > 100) f.error(`${where}.percentage.value`, `mirror percentage must have a max value of 100 (it has ${goFloatF(value)})`);
      if (value < 0) f.error(`${where}.percentage.value`, `mirror percentage must have a min value of 0 (it has ${goFloatF(value)})`);
    }
  });
}
