/**
 * One certificate on several gateways of the same workload: an HTTP/2 client that reuses a
 * connection for a host of the other gateway gets 404s.
 * Istio: pkg/config/analysis/analyzers/gateway/certificate.go (CertificateAnalyzer) — IST0138,
 * reported on a gateway for each other gateway whose selector includes its own (any gateway when it
 * has none) and each pair of their servers with the same certificate: the same credentialName, or
 * (both without one) the same serverCertificate and privateKey. PILOT_SCOPE_GATEWAY_TO_NAMESPACE is
 * off by default, so namespaces do not separate gateways.
 */
import { FieldPath } from '../field-path';
import { Findings } from '../findings';
import { isRecord, listOf, stringMap } from '../json';
import { IstioMessages } from './core/messages';
import { Entry, Group, ObjectSet, pushTo } from './core/object-set';
import { matchesSelector } from './core/workloads';

export function analyzeGatewayCertificates(set: ObjectSet, findings: Findings): void {
  const gateways = set.of(Group.NETWORKING, 'Gateway');
  // Gateways by certificate, so each gateway is only compared with those sharing one of its certificates.
  const byCertificate = new Map<string, Entry[]>();
  for (const gateway of gateways) {
    for (const key of new Set(tlsServers(gateway).map(([, tls]) => certificateKey(tls)))) {
      if (key !== undefined) pushTo(byCertificate, key, gateway);
    }
  }
  for (const gateway of gateways) {
    const servers = tlsServers(gateway);
    const candidates = new Set<Entry>();
    for (const [, tls] of servers) for (const other of byCertificate.get(certificateKey(tls) ?? '') ?? []) candidates.add(other);
    const selector = stringMap(gateway.spec.selector);
    for (const other of [...candidates].sort((a, b) => a.index - b.index)) {
      if (other.fullName === gateway.fullName || !matchesSelector(selector, stringMap(other.spec.selector))) continue;
      for (const [index, tls] of servers) {
        for (const [, otherTls] of tlsServers(other)) {
          if (certificateKey(tls) !== undefined && certificateKey(tls) === certificateKey(otherTls)) {
            const path = FieldPath.at('spec', 'servers').index(index).child('tls', tls.credentialName ? 'credentialName' : 'serverCertificate');
            findings.report(gateway, IstioMessages.GatewayDuplicateCertificate, path, [gateway.fullName, other.fullName]);
          }
        }
      }
    }
  }
}

/** [server index, tls] of the servers with TLS settings. */
function tlsServers(gateway: Entry): [number, Record<string, any>][] {
  const out: [number, Record<string, any>][] = [];
  listOf(gateway.spec.servers).forEach((server, i) => {
    if (isRecord(server) && isRecord(server.tls)) out.push([i, server.tls]);
  });
  return out;
}

/** What haveSameCertificate compares, as one key; undefined when a server has nothing it compares. */
function certificateKey(tls: Record<string, any>): string | undefined {
  if (typeof tls.credentialName === 'string' && tls.credentialName !== '') return `credential\n${tls.credentialName}`;
  const certificate = typeof tls.serverCertificate === 'string' ? tls.serverCertificate : '';
  const key = typeof tls.privateKey === 'string' ? tls.privateKey : '';
  return certificate !== '' && key !== '' ? `files\n${certificate}\n${key}` : undefined;
}
