/**
 * A ServiceEntry port serving TCP (or no declared protocol) needs addresses: without a VIP the
 * sidecar cannot tell its traffic apart.
 * Istio: pkg/config/analysis/analyzers/serviceentry/protocoladdresses.go (ProtocolAddressesAnalyzer)
 * — IST0134 per such port, unless the entry has addresses (in spec or allocated in status) or the
 * MeshConfig turns on DNS auto-allocation. A set of manifests carries no MeshConfig, so Istio's
 * default (off) applies.
 */
import { FieldPath } from '../field-path';
import { Findings } from '../findings';
import { isRecord, listOf } from '../json';
import { IstioMessages } from './core/messages';
import { Group, ObjectSet } from './core/object-set';

export function analyzeServiceEntryAddresses(set: ObjectSet, findings: Findings): void {
  for (const entry of set.of(Group.NETWORKING, 'ServiceEntry')) {
    const status = isRecord(entry.raw.status) ? entry.raw.status : {};
    if (listOf(entry.spec.addresses).length > 0 || listOf(status.addresses).length > 0) continue;
    listOf(entry.spec.ports).forEach((port, i) => {
      if (!isRecord(port)) return;
      const protocol = typeof port.protocol === 'string' ? port.protocol : '';
      if (protocol !== '' && protocol.toUpperCase() !== 'TCP') return;
      findings.report(entry, IstioMessages.ServiceEntryAddressesRequired, FieldPath.at('spec', 'ports').index(i).child('protocol'));
    });
  }
}
