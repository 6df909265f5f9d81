/**
 * Two VirtualServices bound to the mesh gateway must not define the same host for the same
 * namespaces: istiod would pick one of them.
 * Istio: pkg/config/analysis/analyzers/virtualservice/conflictingmeshgatewayhosts.go
 * (ConflictingMeshGatewayHostsAnalyzer) — IST0109, the host printed as `scope/fqdn`.
 */
import { FieldPath } from '../field-path';
import { Findings } from '../findings';
import { strings } from '../json';
import { HostIndex } from './core/host-index';
import { toFqdn } from './core/hosts';
import { IstioMessages } from './core/messages';
import { Entry, Group, ObjectSet, pushTo } from './core/object-set';

interface Claim {
  readonly vs: Entry;
  /** Index of the host in `spec.hosts`. */
  readonly hostIndex: number;
}

export function analyzeMeshGatewayHosts(set: ObjectSet, findings: Findings): void {
  // Claims on `scope/fqdn`, scope `*` (exported everywhere) or a namespace it is exported to.
  const claims = new Map<string, Claim[]>();
  for (const vs of set.of(Group.NETWORKING, 'VirtualService')) {
    const gateways = strings(vs.spec.gateways);
    if (gateways.length > 0 && !gateways.includes('mesh')) continue;
    for (const scope of scopes(vs)) {
      strings(vs.spec.hosts).forEach((host, hostIndex) => {
        pushTo(claims, `${scope}/${toFqdn(vs.namespace, host)}`, { vs, hostIndex });
      });
    }
  }
  // A host claimed for one namespace also conflicts with every matching host exported everywhere.
  const everywhere = new HostIndex<string>();
  for (const key of claims.keys()) if (key.startsWith('*/')) everywhere.add(key.slice(2), key);

  const reported = new Set<number>();
  for (const [key, own] of claims) {
    const slash = key.indexOf('/');
    let conflicting = own;
    if (key.slice(0, slash) !== '*') {
      const matching = everywhere.matching(key.slice(slash + 1)).sort((a, b) => firstIndex(claims, a) - firstIndex(claims, b));
      conflicting = [...own, ...matching.flatMap(other => claims.get(other)!)];
    }
    if (conflicting.length < 2) continue;
    const names = conflicting.map(claim => claim.vs.fullName).join(',');
    for (const claim of conflicting) {
      // Each VirtualService is reported once, for the first conflict it is part of.
      if (reported.has(claim.vs.index)) continue;
      reported.add(claim.vs.index);
      const path = FieldPath.at('spec', 'hosts').index(claim.hostIndex);
      findings.report(claim.vs, IstioMessages.ConflictingMeshGatewayVirtualServiceHosts, path, names, key);
    }
  }
}

/** `*` when exported to every namespace (no exportTo, or `*` in it), else each namespace it names. */
function scopes(vs: Entry): string[] {
  const exportTo = strings(vs.spec.exportTo);
  if (exportTo.length === 0 || exportTo.includes('*')) return ['*'];
  return [...new Set(exportTo.map(entry => entry === '.' ? vs.namespace : entry))];
}

function firstIndex(claims: Map<string, Claim[]>, key: string): number {
  return claims.get(key)![0].vs.index;
}
