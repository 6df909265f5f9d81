/** TLS and TCP routes of a VirtualService (validateTLSRoute, validateTLSMatch, validateSniHost, validateTCPRoute, validateTCPMatch). */
import { validateRouteDestinations } from './destinations';
import { checkWildcardDomainForVirtualServiceBoundToGateway } from './hosts';
import { goQuote } from '../../../go/format';
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { hostSubsetOf } from '../../hosts';
import { isSet, listOf, messageOf, numberOf, stringItems, stringOf } from '../../json';
import { validateGatewayNames } from '../common/gateway-names';
import { checkIPSubnet, checkWildcardDomain, isValidIPAddress } from '../common/hosts';
import { validateLabels } from '../common/labels';
import { checkPort } from '../common/ports';

/** What a TLS route needs to know of its VirtualService. */
export interface TlsRouteContext {
  /** The VirtualService's hosts. */
  readonly hosts: string[];
  /** The VirtualService's gateways. */
  readonly gateways: string[];
  /** Objects generated from the Gateway API skip destination checks. */
  readonly gatewaySemantics: boolean;
}

/** validateTLSRoute: at least one match, each with SNI hosts; at least one destination. */
export function validateTlsRoute(path: FieldPath, findings: Findings, tls: unknown, context: TlsRouteContext): void {
  if (!isSet(tls)) return;
  const route = messageOf(tls);
  const matches = listOf(route.match);
  if (matches.length === 0) findings.error(path.child('match'), 'TLS route must have at least one match condition');
  matches.forEach((match, i) => validateTlsMatch(path.child('match').index(i), findings, match, context));
  if (listOf(route.route).length === 0) findings.error(path.child('route'), 'TLS route is required');
  validateRouteDestinations(path.child('route'), findings, route.route, context.gatewaySemantics);
}

/** validateTLSMatch. */
function validateTlsMatch(path: FieldPath, findings: Findings, match: unknown, context: TlsRouteContext): void {
  if (!isSet(match)) {
    findings.error(path, 'TLS match may not be null');
    return;
  }
  const m = messageOf(match);
  const sniHosts = stringItems(m.sniHosts);
  if (sniHosts.length === 0) findings.error(path.child('sniHosts'), 'TLS match must have at least one SNI host');
  sniHosts.forEach((sniHost, i) => validateSniHost(path.child('sniHosts').index(i), findings, sniHost, context));
  validateL4Match(path, findings, m);
}

/** The parts TLS and TCP matches share: destination subnets, port, source labels, gateways. */
function validateL4Match(path: FieldPath, findings: Findings, m: Record<string, any>): void {
  listOf(m.destinationSubnets).forEach((subnet, i) => {
    findings.errorIfAny(path.child('destinationSubnets').index(i), checkIPSubnet(stringOf(subnet)));
  });
  const port = numberOf(m.port);
  if (port !== 0) findings.errorIfAny(path.child('port'), checkPort(port));
  validateLabels(path.child('sourceLabels'), findings, m.sourceLabels);
  validateGatewayNames(path.child('gateways'), findings, stringItems(m.gateways), false);
}

/**
 * validateSniHost: a (wildcard) domain, or an IP (a warning), covered by one of the VirtualService's
 * hosts. Unless bound to `mesh`, Envoy's auto-generated `outbound_.<port>_._.<host>` names pass too.
 */
function validateSniHost(path: FieldPath, findings: Findings, sniHost: string, context: TlsRouteContext): void {
  const boundToGateway = !context.gateways.includes('mesh');
  const err = boundToGateway
    ? checkWildcardDomainForVirtualServiceBoundToGateway(true, sniHost)
    : checkWildcardDomain(sniHost);
  if (err) {
    if (isValidIPAddress(sniHost)) {
      findings.warn(path, `using an IP address (${goQuote(sniHost)}) goes against SNI spec and most clients do not support this`);
    } else {
      findings.error(path, err);
    }
    return;
  }
  if (context.hosts.some(host => hostSubsetOf(sniHost, host))) return;
  findings.error(path, `SNI host ${goQuote(sniHost)} is not a compatible subset of any of the virtual service hosts: [${context.hosts.join(', ')}]`);
}

/** validateTCPRoute: matches well-formed, at least one destination. */
export function validateTcpRoute(path: FieldPath, findings: Findings, tcp: unknown, gatewaySemantics: boolean): void {
  if (!isSet(tcp)) return;
  const route = messageOf(tcp);
  listOf(route.match).forEach((match, i) => {
    // validateTCPMatch
    const at = path.child('match').index(i);
    if (!isSet(match)) findings.error(at, 'tcp match may not be nil');
    else validateL4Match(at, findings, messageOf(match));
  });
  if (listOf(route.route).length === 0) findings.error(path.child('route'), 'TCP route is required');
  validateRouteDestinations(path.child('route'), findings, route.route, gatewaySemantics);
}
