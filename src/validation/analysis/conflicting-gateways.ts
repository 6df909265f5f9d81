/**
 * Gateways that select the same workload must not serve the same host on the same port.
 * Istio: pkg/config/analysis/analyzers/gateway/conflictinggateway.go (ConflictingGatewayAnalyzer) —
 * IST0145. Selectors are "the same" when their strings are equal, or when one string contains the
 * other and some workload matches both; hosts conflict when one is literally the same with the
 * same bind (model.CheckDuplicates: no wildcard matching).
 */
import { FieldPath } from '../field-path';
import { Findings } from '../findings';
import { isRecord, listOf, strings } from '../json';
import { IstioMessages } from './core/messages';
import { Entry, Group, ObjectSet, pushTo } from './core/object-set';
import { matchesSelector, selectorString, Workloads } from './core/workloads';

/** A gateway's claim of a host on one selector and port. */
interface Claim {
  readonly gateway: string;
  readonly bind: string;
}

export function analyzeConflictingGateways(set: ObjectSet, findings: Findings): void {
  const gateways = set.of(Group.NETWORKING, 'Gateway');
  // `selector~port` → host → the gateways claiming it. Unlike istioctl, where the last server of a
  // gateway on a port replaces the claims of its earlier ones, every server counts.
  const claims = new Map<string, Map<string, Claim[]>>();
  const selectors = new Map<string, Record<string, string>>();
  for (const gateway of gateways) {
    const selector = selectorOf(gateway);
    selectors.set(selectorString(selector), selector);
    for (const server of listOf(gateway.spec.servers).filter(isRecord)) {
      const key = `${selectorString(selector)}~${portOf(server)}`;
      let byHost = claims.get(key);
      if (!byHost) claims.set(key, byHost = new Map());
      for (const host of strings(server.hosts)) pushTo(byHost, host, { gateway: gateway.fullName, bind: bindOf(server) });
    }
  }
  const sameWorkloads = sameWorkloadSelectors(selectors, Workloads.of(set));
  for (const gateway of gateways) {
    const selector = selectorString(selectorOf(gateway));
    listOf(gateway.spec.servers).forEach((server, i) => {
      if (!isRecord(server)) return;
      const port = portOf(server);
      const conflicting = new Set<string>();
      for (const other of sameWorkloads.get(selector) ?? []) {
        const byHost = claims.get(`${other}~${port}`);
        if (!byHost) continue;
        for (const host of strings(server.hosts)) {
          for (const claim of byHost.get(host) ?? []) {
            if (claim.gateway !== gateway.fullName && claim.bind === bindOf(server)) conflicting.add(claim.gateway);
          }
        }
      }
      if (conflicting.size === 0) return;
      const hosts = strings(server.hosts).join(',');
      const path = FieldPath.at('spec', 'servers').index(i).child('hosts');
      findings.report(gateway, IstioMessages.ConflictingGateways, path, [...conflicting].sort().join(','), selector, port, hosts);
    });
  }
}

function selectorOf(gateway: Entry): Record<string, string> {
  const out: Record<string, string> = {};
  if (isRecord(gateway.spec.selector)) for (const [key, value] of Object.entries(gateway.spec.selector)) out[key] = String(value);
  return out;
}

function portOf(server: Record<string, any>): string {
  return String(isRecord(server.port) ? Number(server.port.number ?? 0) : 0);
}

function bindOf(server: Record<string, any>): string {
  return typeof server.bind === 'string' ? server.bind : '';
}

/**
 * For each selector string, the selector strings istioctl takes as selecting the same gateway
 * workload: itself, and any that contains it or is contained in it as a string when a workload
 * matches both. Quadratic in the number of distinct selectors, which is the number of gateway
 * deployments, not of objects.
 */
function sameWorkloadSelectors(selectors: Map<string, Record<string, string>>, workloads: Workloads): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [text, selector] of selectors) {
    const same = [text];
    for (const [otherText, other] of selectors) {
      if (otherText === text || !(otherText.includes(text) || text.includes(otherText))) continue;
      if (workloads.selectedBy(selector).some(workload => matchesSelector(other, workload.labels))) same.push(otherText);
    }
    out.set(text, same);
  }
  return out;
}
