/**
 * Best practice 7, "TLS Settings": CI2005, client TLS of a DestinationRule towards a mesh-internal
 * host (a Kubernetes service: a short name, or a name under `svc.cluster.local`) in a mode other
 * than ISTIO_MUTUAL — DISABLE (plain text), SIMPLE or MUTUAL (the application's certificates, not
 * the mesh's identities). An unset `tls` is fine: the mesh uses mutual TLS automatically. Checked
 * at every level: the rule's trafficPolicy, its portLevelSettings, and each subset's.
 */
import { isRecord, listOf } from '../../json';
import { SERVICE_DOMAIN, toFqdn } from '../core/hosts';
import { BestPracticeMessages } from '../core/messages';
import { Entry, Group, ObjectSet } from '../core/object-set';
import { Report } from '../core/report';

const NOT_MESH_TLS = new Set(['DISABLE', 'SIMPLE', 'MUTUAL']);

export function analyzeMeshTls(set: ObjectSet, report: Report): void {
  for (const rule of set.of(Group.NETWORKING, 'DestinationRule')) {
    const host = typeof rule.spec.host === 'string' ? rule.spec.host : '';
    const fqdn = toFqdn(rule.namespace, host);
    if (!fqdn.endsWith(`.${SERVICE_DOMAIN}`)) continue;
    checkPolicy(report, rule, host, rule.spec.trafficPolicy, 'spec.trafficPolicy');
    listOf(rule.spec.subsets).forEach((subset, i) => {
      if (isRecord(subset)) checkPolicy(report, rule, host, subset.trafficPolicy, `spec.subsets[${i}].trafficPolicy`);
    });
  }
}

function checkPolicy(report: Report, rule: Entry, host: string, policy: unknown, path: string): void {
  if (!isRecord(policy)) return;
  checkTls(report, rule, host, policy.tls, `${path}.tls.mode`);
  listOf(policy.portLevelSettings).forEach((setting, i) => {
    if (isRecord(setting)) checkTls(report, rule, host, setting.tls, `${path}.portLevelSettings[${i}].tls.mode`);
  });
}

function checkTls(report: Report, rule: Entry, host: string, tls: unknown, path: string): void {
  if (isRecord(tls) && typeof tls.mode === 'string' && NOT_MESH_TLS.has(tls.mode)) {
    report.add(rule, BestPracticeMessages.MeshTlsNotIstioMutual, path, tls.mode, host);
  }
}
