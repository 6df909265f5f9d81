/**
 * CI1001: a route or mirror to a host nothing in the set declares. Runs only when the set has no
 * Kubernetes Service; with Services, istioctl's IST0101 (virtual-service-destinations.ts) covers it.
 * - An external host (a name with a dot that is not `*.svc.cluster.local`) is only routable through
 *   a ServiceEntry: without one, istiod has no cluster for it and the request fails (503).
 * - A cluster-local host (short name or `name.ns.svc.cluster.local`) is likely a Service deployed
 *   outside the set; it is reported only when no VirtualService or DestinationRule of the set
 *   names it either, as a hint of a typo.
 */
import { Findings } from '../findings';
import { strings } from '../json';
import { resourceNameFromHost, SERVICE_DOMAIN, toFqdn } from './core/hosts';
import { OwnMessages } from './core/messages';
import { Entry, Group, ObjectSet } from './core/object-set';
import { ServiceRegistry } from './core/registry';
import { allDestinations, destinationHost } from './core/routes';

export function analyzeUnknownHosts(set: ObjectSet, findings: Findings): void {
  if (set.of(Group.CORE, 'Service').length > 0) return;
  const registry = ServiceRegistry.of(set);
  const named = namedHosts(set);
  for (const vs of set.of(Group.NETWORKING, 'VirtualService')) {
    const exportTo = strings(vs.spec.exportTo);
    for (const target of allDestinations(set, vs)) {
      const host = destinationHost(target.destination);
      if (host === '' || registry.lookup(vs.namespace, exportTo, host)) continue;
      const path = target.path.child('host');
      if (!isClusterLocal(host)) {
        findings.report(vs, OwnMessages.UnknownDestinationHost, path,
          `host "${host}" is not in the service registry: no ServiceEntry in the set declares it, so istiod has no cluster to route to; add a ServiceEntry for it`);
      } else if (!named.has(resourceNameFromHost(vs.namespace, host))) {
        const fqdn = toFqdn(vs.namespace, host);
        findings.report(vs, OwnMessages.UnknownDestinationHost, path,
          `host "${host}"${fqdn === host ? '' : ` (${fqdn})`} is not declared by any Service, ServiceEntry, VirtualService or DestinationRule in the set`);
      }
    }
  }
}

function isClusterLocal(host: string): boolean {
  return !host.includes('.') || host.endsWith(`.${SERVICE_DOMAIN}`);
}

/** `namespace/name` of every cluster-local host a VirtualService or DestinationRule of the set names. */
function namedHosts(set: ObjectSet): Set<string> {
  const out = new Set<string>();
  const add = (entry: Entry, host: string) => {
    if (isClusterLocal(host)) out.add(resourceNameFromHost(entry.namespace, host));
  };
  for (const vs of set.targets(Group.NETWORKING, 'VirtualService')) for (const host of strings(vs.spec.hosts)) add(vs, host);
  for (const rule of set.targets(Group.NETWORKING, 'DestinationRule')) if (typeof rule.spec.host === 'string') add(rule, rule.spec.host);
  return out;
}
