/** Istio's webhook rules for VirtualService (ValidateVirtualService in istio/pkg/config/validation). */
import { goList } from '../../go/format';
import { FieldPath } from '../field-path';
import { Findings } from '../findings';
import { hostsMatch } from '../hosts';
import { entriesOf, isSet, listOf, messageOf, stringItems } from '../json';
import { validateExportTo } from './common/export-to';
import { validateGatewayNames } from './common/gateway-names';
import { isJwtClaimRoute } from './common/headers';
import { checkWildcardDomain, isValidIPAddress } from './common/hosts';
import { KindValidator, WebhookObject } from './types';
import { checkWildcardDomainForVirtualServiceBoundToGateway } from './virtual-service/hosts';
import { validateHttpRoute } from './virtual-service/http-route';
import { validateTcpRoute, validateTlsRoute } from './virtual-service/tcp-tls-route';

/** The annotation istiod puts on VirtualServices it generates from Gateway API routes. */
const ROUTE_SEMANTICS_ANNOTATION = 'internal.istio.io/route-semantics';

const SPEC = FieldPath.at('spec');

export const validateVirtualService: KindValidator = (obj: WebhookObject, findings: Findings) => {
  const spec = messageOf(obj.spec);
  const hosts = stringItems(spec.hosts);
  const gateways = stringItems(spec.gateways);
  const http = listOf(spec.http);
  const tls = listOf(spec.tls);
  const tcp = listOf(spec.tcp);
  const annotations = messageOf(obj.metadata.annotations);
  const gatewaySemantics = annotations[ROUTE_SEMANTICS_ANNOTATION] === 'gateway';

  if (hosts.length === 0) {
    // no hosts: a delegate, which only holds HTTP routes
    if (gateways.length > 0) findings.error(SPEC.child('gateways'), 'delegate virtual service must have no gateways specified');
    if (tls.length > 0) findings.error(SPEC.child('tls'), 'delegate virtual service must have no tls route specified');
    if (tcp.length > 0) findings.error(SPEC.child('tcp'), 'delegate virtual service must have no tcp route specified');
  }

  // bound to gateways unless it names none (then: the mesh) or names `mesh`
  const appliesToGateway = gateways.length > 0 && !gateways.includes('mesh');
  const appliesToMesh = !appliesToGateway;
  if (gateways.length > 0) validateGatewayNames(SPEC.child('gateways'), findings, gateways, gatewaySemantics);
  if (!appliesToGateway) validateJwtClaimRoutes(SPEC.child('http'), findings, http, gateways);
  const allHostsValid = validateHosts(SPEC.child('hosts'), findings, hosts, tls, appliesToGateway, appliesToMesh);
  if (allHostsValid) validateDuplicateHosts(SPEC.child('hosts'), findings, hosts);

  if (http.length === 0 && tcp.length === 0 && tls.length === 0) {
    findings.error(SPEC, 'http, tcp or tls must be provided in virtual service');
  }
  http.forEach((route, i) => {
    const at = SPEC.child('http').index(i);
    if (!isSet(route)) findings.error(at, 'http route may not be null');
    else validateHttpRoute(at, findings, messageOf(route), hosts.length === 0, gatewaySemantics);
  });
  tls.forEach((route, i) => validateTlsRoute(SPEC.child('tls').index(i), findings, route, { hosts, gateways, gatewaySemantics }));
  tcp.forEach((route, i) => validateTcpRoute(SPEC.child('tcp').index(i), findings, route, gatewaySemantics));
  validateExportTo(SPEC.child('exportTo'), findings, obj.namespace, spec.exportTo);
};

/** JWT claim based routing (`@request.auth.claims.*` header matches) works on gateways only. `path` is `spec.http`. */
function validateJwtClaimRoutes(path: FieldPath, findings: Findings, http: unknown[], gateways: string[]): void {
  http.forEach((route, i) => {
    listOf(messageOf(route).match).forEach((match, j) => {
      for (const field of ['headers', 'withoutHeaders']) {
        for (const [key] of entriesOf(messageOf(match)[field])) {
          if (!isJwtClaimRoute(key)) continue;
          findings.error(path.index(i).child('match').index(j).child(field).key(key),
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
function validateHosts(
  path: FieldPath, findings: Findings, hosts: string[], tls: unknown[], appliesToGateway: boolean, appliesToMesh: boolean): boolean {
  // a VirtualService with SNI matches may name Envoy's auto-generated SNI hosts
  const sni = tls.some(route => listOf(messageOf(route).match).some(m => listOf(messageOf(m).sniHosts).length > 0));
  let allValid = true;
  hosts.forEach((host, i) => {
    const err = appliesToGateway
      ? checkWildcardDomainForVirtualServiceBoundToGateway(sni, host)
      : checkWildcardDomain(host);
    if (err) {
      if (!isValidIPAddress(host)) {
        findings.error(path.index(i), err);
        allValid = false;
      }
    } else if (appliesToMesh && host === '*') {
      findings.error(path.index(i), 'wildcard host * is not allowed for virtual services bound to the mesh gateway');
      allValid = false;
    }
  });
  return allValid;
}

/** Hosts may not overlap: `a.com` twice, or `*.com` with `a.com`. */
function validateDuplicateHosts(path: FieldPath, findings: Findings, hosts: string[]): void {
  for (let i = 0; i < hosts.length; i++) {
    for (let j = i + 1; j < hosts.length; j++) {
      if (hostsMatch(hosts[i], hosts[j])) findings.error(path.index(j), `duplicate hosts in virtual service: ${hosts[i]} & ${hosts[j]}`);
    }
  }
}
