/** One HTTP route of a VirtualService (validateHTTPRoute, virtualservice.go), in Istio's order of checks. */
import { validateCorsPolicy, validateFaultInjection } from './cors-fault';
import { validateDestination, validateHttpRouteDestinations } from './destinations';
import { validateHttpMatchRequests } from './match';
import { validateAuthorityRewrite, validateHttpDirectResponse, validateHttpRedirect, validateHttpRewrite } from './redirect-rewrite';
import { validateRetry } from './retry';
import { goFloatF } from '../../../go/format';
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { isSet, listOf, messageOf, numberOf, stringOf } from '../../json';
import { validateDuration } from '../common/duration';
import { validateHeaderOperations } from '../common/headers';

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
export function validateHttpRoute(
  path: FieldPath, findings: Findings, route: Record<string, any>, delegate: boolean, gatewaySemantics: boolean): void {
  const type = delegate ? HttpRouteType.DELEGATE : isSet(route.delegate) ? HttpRouteType.ROOT : HttpRouteType.INDEPENDENT;
  validateConflicts(path, findings, route, type);
  validateHttpMatchRequests(path.child('match'), findings, route.match);
  validateHeaderOperations(path.child('headers'), findings, route.headers);
  validateCorsPolicy(path.child('corsPolicy'), findings, route.corsPolicy);
  validateFaultInjection(path.child('fault'), findings, route.fault);
  validateMirrorPercent(path, findings, route);
  validateDestination(path.child('mirror'), findings, route.mirror);
  validateHttpMirrors(path.child('mirrors'), findings, route.mirrors);
  validateHttpRedirect(path.child('redirect'), findings, route.redirect);
  validateHttpDirectResponse(path.child('directResponse'), findings, route.directResponse);
  validateRetry(path.child('retries'), findings, route.retries);
  validateHttpRewrite(path.child('rewrite'), findings, route.rewrite);
  validateAuthorityRewrite(path, findings, route.rewrite, route.headers);
  validateHttpRouteDestinations(path.child('route'), findings, route.route, gatewaySemantics);
  validateDuration(path.child('timeout'), findings, route.timeout);
}

/** validateHTTPRouteConflict: which of route, redirect, direct response, fault, rewrite, mirror(s) go together. */
function validateConflicts(path: FieldPath, findings: Findings, route: Record<string, any>, type: HttpRouteType): void {
  const name = stringOf(route.name);
  const routes = listOf(route.route).length;
  if (type === HttpRouteType.ROOT) {
    // a delegating route may only delegate
    if (isSet(route.redirect)) findings.error(path.child('redirect'), `root HTTP route ${name} must not specify redirect`);
    if (routes > 0) findings.error(path.child('route'), `root HTTP route ${name} must not specify route`);
    return;
  }
  if (type === HttpRouteType.DELEGATE && isSet(route.delegate)) {
    findings.error(path.child('delegate'), 'delegate HTTP route cannot contain delegate');
  }
  if (isSet(route.redirect)) {
    if (routes > 0) findings.error(path.child('redirect'), 'HTTP route cannot contain both route and redirect');
    if (isSet(route.fault)) findings.error(path.child('redirect'), 'HTTP route cannot contain both fault and redirect');
    if (isSet(route.rewrite)) findings.error(path.child('redirect'), 'HTTP route rule cannot contain both rewrite and redirect');
    if (isSet(route.directResponse)) findings.error(path.child('redirect'), 'HTTP route rule cannot contain both direct_response and redirect');
  } else if (isSet(route.directResponse)) {
    if (routes > 0) findings.error(path.child('directResponse'), 'HTTP route cannot contain both route and direct_response');
    if (isSet(route.fault)) findings.error(path.child('directResponse'), 'HTTP route cannot contain both fault and direct_response');
    if (isSet(route.rewrite)) findings.error(path.child('directResponse'), 'HTTP route rule cannot contain both rewrite and direct_response');
    // unreachable as in Istio: this branch is only taken without a redirect
    if (isSet(route.redirect)) findings.error(path.child('directResponse'), 'HTTP route rule cannot contain both redirect and direct_response');
  } else if (routes === 0) {
    findings.error(path, 'HTTP route, redirect or direct_response is required');
  }
  if (isSet(route.mirror) && listOf(route.mirrors).length > 0) {
    findings.error(path.child('mirrors'), 'HTTP route cannot contain both mirror and mirrors');
  }
}

/** The deprecated `mirrorPercent` (a UInt32Value, also spelt `mirror_percent`) and `mirrorPercentage`. */
function validateMirrorPercent(path: FieldPath, findings: Findings, route: Record<string, any>): void {
  const field = isSet(route.mirrorPercent) ? 'mirrorPercent' : isSet(route.mirror_percent) ? 'mirror_percent' : undefined;
  if (field) {
    const value = numberOf(route[field]);
    if (value > 100) findings.error(path.child(field), `mirror_percent must have a max value of 100 (it has ${value})`);
    findings.warn(path.child(field), 'using deprecated setting "mirrorPercent", use "mirrorPercentage" instead');
  }
  if (isSet(route.mirrorPercentage)) {
    const value = numberOf(messageOf(route.mirrorPercentage).value);
    if (value > 100) findings.error(path.child('mirrorPercentage', 'value'), `mirror_percentage must have a max value of 100 (it has ${goFloatF(value)})`);
    if (value < 0) findings.error(path.child('mirrorPercentage', 'value'), `mirror_percentage must have a min value of 0 (it has ${goFloatF(value)})`);
  }
}

/** validateHTTPMirrors: each mirror has a valid destination and a percentage in 0..100. */
function validateHttpMirrors(path: FieldPath, findings: Findings, mirrors: unknown): void {
  listOf(mirrors).forEach((item, i) => {
    const where = path.index(i);
    if (!isSet(item)) {
      findings.error(where, 'mirror cannot be null');
      return;
    }
    const mirror = messageOf(item);
    if (!isSet(mirror.destination)) {
      findings.error(where.child('destination'), 'destination is required for mirrors');
      return;
    }
    validateDestination(where.child('destination'), findings, mirror.destination);
    if (isSet(mirror.percentage)) {
      const value = numberOf(messageOf(mirror.percentage).value);
      if (value > 100) findings.error(where.child('percentage', 'value'), `mirror percentage must have a max value of 100 (it has ${goFloatF(value)})`);
      if (value < 0) findings.error(where.child('percentage', 'value'), `mirror percentage must have a min value of 0 (it has ${goFloatF(value)})`);
    }
  });
}
