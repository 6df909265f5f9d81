/** Istio's webhook rules for VirtualService (ValidateVirtualService in istio/pkg/config/validation). */
import { goList } from '../../go/format';
import { hostsMatch } from '../hosts';
import { entriesOf, isSet, listOf, messageOf, stringOf } from '../json';
import { validateExportTo } from './common/export-to';
import { validateGatewayNames } from './common/gateway-names';
import { isJwtClaimRoute } from './common/headers';
import { isValidIPAddress, validateWildcardDomain } from './common/hosts';
import { Findings, KindValidator, WebhookObject } from './types';
import { validateWildcardDomainForVirtualServiceBoundToGateway } from './virtual-service/hosts';
import { checkHttpRoute } from './virtual-service/http-route';
import { checkTcpRoute, checkTlsRoute } from './virtual-service/tcp-tls-route';

/** The annotation istiod puts on VirtualServices it generates from Gateway API routes. */
const ROUTE_SEMANTICS_ANNOTATION = 'internal.istio.io/route-semantics';

export const validateVirtualService: KindValidator = (obj: WebhookObject) => {
  const f = new Findings();
  const spec = messageOf(obj.spec);
  const hosts = listOf(spec.hosts).map(stringOf);
  const gateways = listOf(spec.gateways).map(stringOf);
  const http = listOf(spec.http);
  const tls = listOf(spec.tls);
  const tcp = listOf(spec.tcp);
  const annotations = messageOf(obj.metadata.annotations);
  const gatewaySemantics = annotations[ROUTE_SEMANTICS_ANNOTATION] === 'gateway';

  if (hosts.length === 0) {
    // no hosts: a delegate, which only holds HTTP routes
    if (gateways.length > 0) f.error('spec.gateways', 'delegate virtual service must have no gateways specified');
    if (tls.length > 0) f.error('spec.tls', 'delegate virtual service must have no tls route specified');
    if (tcp.length > 0) f.error('spec.tcp', 'delegate virtual service must have no tcp route specified');
  }

  // bound to gateways unless it names none (then: the mesh) or names `mesh`
  const appliesToGateway = gateways.length > 0 && !gateways.includes('mesh');
  const appliesToMesh = !appliesToGateway;
  if (gateways.length > 0) validateGatewayNames(gateways, 'spec.gateways', gatewaySemantics, f);
  if (!appliesToGateway) checkJwtClaimRoutes(f, http, gateways);
  const allHostsValid = checkHosts(f, hosts, tls, appliesToGateway, appliesToMesh);
  if (allHostsValid) checkDuplicateHosts(f, hosts);

  if (http.length === 0 && tcp.length === 0 && tls.length === 0) {
    f.error('spec', 'http, tcp or tls must be provided in virtual service');
  }
  http.forEach((route, i) => {
    if (!isSet(route)) f.error(`spec.http[${i}]`, 'http route may not be null');
    else checkHttpRoute(f, `spec.http[${i}]`, messageOf(route), hosts.length === 0, gatewaySemantics);
  });
  tls.forEach((route, i) => checkTlsRoute(f, `spec.tls[${i}]`, route, { hosts, gateways, gatewaySemantics }));
  tcp.forEach((route, i) => checkTcpRoute(f, `spec.tcp[${i}]`, route, gatewaySemantics));
  validateExportTo(f, 'spec.exportTo', obj.namespace, spec.exportTo);
  return f.list;
};

/** JWT claim based routing (`@request.auth.claims.*` header matches) works on gateways only. */
function checkJwtClaimRoutes(f: Findings, http: unknown[], gateways: string[]): void {
  http.forEach((route, i) => {
    listOf(messageOf(route).match).forEach((match, j) => {
      for (const field of ['headers', 'withoutHeaders']) {
        for (const [key] of entriesOf(messageOf(match)[field])) {
          if (!isJwtClaimRoute(key)) continue;
          f.error(`spec.http[${i}].match[${j}].${field}[${key}]`,
            `JWT claim based routing (key: ${key}) is only supported for gateway, found no gateways: ${goList(gateways)}`);
        }
      }
    });
  });
}

/**
 * Each host is a (wildcard) domain or an IP address; `*` alone only on gateways. Returns whether all
 * hosts passed (duplicates are only looked for then).
 */
function checkHosts(f: Findings, hosts: string[], tls: unknown[], appliesToGateway: boolean, appliesToMesh: boolean): boolean {
  // a VirtualService with SNI matches may name Envoy's auto-generated SNI hosts
  const sni = tls.some(route => listOf(messageOf(route).match).some(m => listOf(messageOf(m).sniHosts).length > 0));
  let allValid = true;
  hosts.forEach((host, i) => {
    const err = appliesToGateway
      ? validateWildcardDomainForVirtualServiceBoundToGateway(sni, host)
      : validateWildcardDomain(host);
    if (err) {
      if (!isValidIPAddress(host)) {
        f.error(`spec.hosts[${i}]`, err);
        allValid = false;
      }
    } else if (appliesToMesh && host === '*') {
      f.error(`spec.hosts[${i}]`, 'wildcard host * is not allowed for virtual services bound to the mesh gateway');
      allValid = false;
    }
  });
  return allValid;
}

/** Hosts may not overlap: `a.com` twice, or `*.com` with `a.com`. */
function checkDuplicateHosts(f: Findings, hosts: string[]): void {
  for (let i = 0; i < hosts.length; i++) {
    for (let j = i + 1; j < hosts.length; j++) {
      if (hostsMatch(hosts[i], hosts[j])) f.error(`spec.hosts[${j}]`, `duplicate hosts in virtual service: ${hosts[i]} & ${hosts[j]}`);
    }
  }
}
