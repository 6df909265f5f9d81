/**
 * A VirtualService destination's host is a known service, with the port it names, and names a port
 * when the service has several.
 * Istio: pkg/config/analysis/analyzers/virtualservice/destinationhosts.go (DestinationHostAnalyzer) —
 * IST0101 with reftype "host", "mirror host" or "host:port"; IST0112.
 */
import { FieldPath } from '../field-path';
import { Findings } from '../findings';
import { isRecord, strings } from '../json';
import { IstioMessages } from './core/messages';
import { Entry, Group, ObjectSet, isOpaque } from './core/object-set';
import { RegistryService, ServiceRegistry } from './core/registry';
import { allDestinations, destinationHost } from './core/routes';

export function analyzeVirtualServiceDestinations(set: ObjectSet, findings: Findings): void {
  const registry = ServiceRegistry.of(set);
  // istioctl reports every host it cannot find. Offline, a set without any Service holds Istio
  // config for services deployed elsewhere, so an unknown host proves nothing: report it only when
  // the set carries its Services (CI1001 covers the other case).
  const knowsServices = set.of(Group.CORE, 'Service').length > 0;
  for (const vs of set.of(Group.NETWORKING, 'VirtualService')) {
    const exportTo = strings(vs.spec.exportTo);
    for (const target of allDestinations(set, vs)) {
      const host = destinationHost(target.destination);
      const service = registry.lookup(vs.namespace, exportTo, host);
      if (service) validateDestinationPort(target.path, findings, vs, target.destination, host, service);
      else if (knowsServices) findings.report(vs, IstioMessages.ReferencedResourceNotFound, target.path.child('host'), target.mirror ? 'mirror host' : 'host', host);
    }
  }
}

/**
 * checkServiceEntryPorts (pkg/config/analysis/analyzers/virtualservice/destinationhosts.go): the
 * port of the destination at `path`, which goes to `service`. No port is fine for a one-port
 * service; a named port must exist.
 */
function validateDestinationPort(
  path: FieldPath, findings: Findings, vs: Entry, destination: Record<string, any>, host: string, service: RegistryService): void {
  // An imported host's ports are unknown; a refused ServiceEntry's are not judged.
  if (isOpaque(service.source)) return;
  const port = destination.port;
  if (port === undefined || port === null) {
    if (service.ports.length > 1) {
      findings.report(vs, IstioMessages.VirtualServiceDestinationPortSelectorRequired, path.child('port'), host, service.ports.map(p => p.number));
    }
    return;
  }
  const number = isRecord(port) ? Number(port.number ?? 0) : 0;
  if (!service.ports.some(p => p.number === number)) {
    findings.report(vs, IstioMessages.ReferencedResourceNotFound, path.child('port', 'number'), 'host:port', `${host}:${number}`);
  }
}
