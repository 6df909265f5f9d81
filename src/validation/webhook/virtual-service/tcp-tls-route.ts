/** TLS and TCP routes of a VirtualService (validateTLSRoute, validateTLSMatch, validateSniHost, validateTCPRoute, validateTCPMatch). */
import { checkRouteDestinations } from './destinations';
import { validateWildcardDomainForVirtualServiceBoundToGateway } from './hosts';
import { goQuote } from '../../../go/format';
import { hostSubsetOf } from '../../hosts';
import { isSet, listOf, messageOf, numberOf, stringOf } from '../../json';
import { validateGatewayNames } from '../common/gateway-names';
import { isValidIPAddress, validateIPSubnet, validateWildcardDomain } from '../common/hosts';
import { validateLabels } from '../common/labels';
import { validatePort } from '../common/ports';
import { Findings } from '../types';

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
export function checkTlsRoute(f: Findings, path: string, tls: unknown, context: TlsRouteContext): void {
  if (!isSet(tls)) return;
  const route = messageOf(tls);
  const matches = listOf(route.match);
  if (matches.length === 0) f.error(`${path}.match`, 'TLS route must have at least one match condition');
  matches.forEach((match, i) => checkTlsMatch(f, `${path}.match[${i}]`, match, context));
  if (listOf(route.route).length === 0) f.error(`${path}.route`, 'TLS route is required');
  checkRouteDestinations(f, `${path}.route`, route.route, context.gatewaySemantics);
}

/** validateTLSMatch. */
function checkTlsMatch(f: Findings, path: string, match: unknown, context: TlsRouteContext): void {
  if (!isSet(match)) {
    f.error(path, 'TLS match may not be null');
    return;
  }
  const m = messageOf(match);
  const sniHosts = listOf(m.sniHosts).map(stringOf);
  if (sniHosts.length === 0) f.error(`${path}.sniHosts`, 'TLS match must have at least one SNI host');
  sniHosts.forEach((sniHost, i) => checkSniHost(f, `${path}.sniHosts[${i}]`, sniHost, context));
  checkL4Match(f, path, m);
}

/** The parts TLS and TCP matches share: destination subnets, port, source labels, gateways. */
function checkL4Match(f: Findings, path: string, m: Record<string, any>): void {
  listOf(m.destinationSubnets).forEach((subnet, i) => {
    const err = validateIPSubnet(stringOf(subnet));
    if (err) f.error(`${path}.destinationSubnets[${i}]`, err);
  });
  const port = numberOf(m.port);
  const portError = port !== 0 ? validatePort(port) : undefined;
  if (portError) f.error(`${path}.port`, portError);
  validateLabels(f, `${path}.sourceLabels`, m.sourceLabels);
  validateGatewayNames(listOf(m.gateways).map(stringOf), `${path}.gateways`, false, f);
}

/**
 * validateSniHost: a (wildcard) domain, or an IP (a warning), covered by one of the VirtualService's
 * hosts. Unless bound to `mesh`, Envoy's auto-generated `outbound_.<port>_._.<host>` names pass too.
 */
function checkSniHost(f: Findings, path: string, sniHost: string, context: TlsRouteContext): void {
  const boundToGateway = !context.gateways.includes('mesh');
  const err = boundToGateway
    ? validateWildcardDomainForVirtualServiceBoundToGateway(true, sniHost)
    : validateWildcardDomain(sniHost);
  if (err) {
    if (isValidIPAddress(sniHost)) {
      f.warn(path, `using an IP address (${goQuote(sniHost)}) goes against SNI spec and most clients do not support this`);
    } else {
      f.error(path, err);
    }
    return;
  }
  if (context.hosts.some(host => hostSubsetOf(sniHost, host))) return;
  f.error(path, `SNI host ${goQuote(sniHost)} is not a compatible subset of any of the virtual service hosts: [${context.hosts.join(', ')}]`);
}

/** validateTCPRoute: matches well-formed, at least one destination. */
export function checkTcpRoute(f: Findings, path: string, tcp: unknown, gatewaySemantics: boolean): void {
  if (!isSet(tcp)) return;
  const route = messageOf(tcp);
  listOf(route.match).forEach((match, i) => {
    // validateTCPMatch
    if (!isSet(match)) f.error(`${path}.match[${i}]`, 'tcp match may not be nil');
    else checkL4Match(f, `${path}.match[${i}]`, messageOf(match));
  });
  if (listOf(route.route).length === 0) f.error(`${path}.route`, 'TCP route is required');
  checkRouteDestinations(f, `${path}.route`, route.route, gatewaySemantics);
}
