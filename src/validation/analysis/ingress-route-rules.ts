/**
 * IST0140 (IngressRouteRulesNotAffected): a VirtualService bound to gateways routes to a host
 * without a subset while another VirtualService (or itself) routes that host to subsets.
 * Istio: pkg/config/analysis/analyzers/virtualservice/destinationhosts.go (analyzeSubset and
 * initVirtualServiceDestinations of DestinationHostAnalyzer), 1.30.3. As there:
 * - only VirtualServices with `gateways` (any, `mesh` included) are checked, only their HTTP routes;
 * - a VirtualService counts as routing to subsets through each HTTP route destination with a
 *   subset whose host is, as written, one of its own `hosts`;
 * - hosts are compared as written (no short-name resolution, no wildcards, no namespace scoping);
 * - the message names the subset-routing VirtualService, then the checked one; istioctl reports
 *   one per route and such VirtualService (its output drops identical messages).
 */
import { FieldPath } from '../field-path';
import { Findings } from '../findings';
import { isRecord, listOf, strings } from '../json';
import { IstioMessages } from './core/messages';
import { Entry, Group, ObjectSet } from './core/object-set';

export function analyzeIngressRouteRules(set: ObjectSet, findings: Findings): void {
  const services = set.of(Group.NETWORKING, 'VirtualService');
  // Per host, the VirtualServices that route it to a subset (input order).
  const subsetRouters = new Map<string, Entry[]>();
  for (const vs of services) {
    const hosts = new Set(strings(vs.spec.hosts));
    for (const destination of httpDestinations(vs)) {
      if (destination.subset === '' || !hosts.has(destination.host)) continue;
      const routers = subsetRouters.get(destination.host) ?? [];
      if (!routers.includes(vs)) routers.push(vs);
      subsetRouters.set(destination.host, routers);
    }
  }
  if (subsetRouters.size === 0) return;
  for (const vs of services) {
    if (listOf(vs.spec.gateways).length === 0) continue;
    listOf(vs.spec.http).forEach((rule, i) => {
      listOf(isRecord(rule) ? rule.route : undefined).forEach((route, j) => {
        const destination = destinationOf(route);
        if (destination.subset !== '') return;
        const path = FieldPath.at('spec', 'http').index(i).child('route').index(j).child('destination', 'host');
        for (const router of subsetRouters.get(destination.host) ?? []) {
          findings.report(vs, IstioMessages.IngressRouteRulesNotAffected, path, router.fullName, vs.fullName);
        }
      });
    });
  }
}

function destinationOf(route: unknown): { host: string; subset: string } {
  const destination = isRecord(route) && isRecord(route.destination) ? route.destination : {};
  return {
    host: typeof destination.host === 'string' ? destination.host : '',
    subset: typeof destination.subset === 'string' ? destination.subset : '',
  };
}

function httpDestinations(vs: Entry): { host: string; subset: string }[] {
  return listOf(vs.spec.http).flatMap(rule => listOf(isRecord(rule) ? rule.route : undefined).map(destinationOf));
}
