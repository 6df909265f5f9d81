/**
 * A ServiceEntry port serving TCP (or no declared protocol) needs addresses: without a VIP the
 * sidecar cannot tell its traffic apart.
 * Istio: pkg/config/analysis/analyzers/serviceentry/protocoladdresses.go (ProtocolAddressesAnalyzer)
 * — IST0134 per such port, unless the entry has addresses (in spec or allocated in status) or the
 * MeshConfig turns on DNS auto-allocation. A set of manifests carries no MeshConfig, so Istio's
 * default (off) applies.
 */
import { isRecord, listOf } from '../json';
import { IstioMessages } from './core/messages';
import { Group, ObjectSet } from './core/object-set';
import { Report } from './core/report';

export function analyzeServiceEntryAddresses(set: ObjectSet, report: Report): void {
  for (const entry of set.of(Group.NETWORKING, 'ServiceEntry')) {
    const status = isRecord(entry.raw.status) ? entry.raw.status : {};
    if (listOf(entry.spec.addresses).length > 0 || listOf(status.addresses).length > 0) continue;
    listOf(entry.spec.ports).forEach((port, i) => {
      if (!isRecord(port)) return;
      const protocol = typeof port.protocol === 'string' ? port.protocol : '';
      if (protocol === '' || protocol.toUpperCase() === 'TCP') report.add(entry, IstioMessages.ServiceEntryAddressesRequired, `spec.ports[${i}].protocol`);
    });
  }
}
