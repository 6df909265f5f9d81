/**
 * Best practice 7, "TLS Settings": CI2005, client TLS of a DestinationRule towards a mesh-internal
 * host (a Kubernetes service: a short name, or a name under `svc.cluster.local`) in a mode other
 * than ISTIO_MUTUAL — DISABLE (plain text), SIMPLE or MUTUAL (the application's certificates, not
 * the mesh's identities). An unset `tls` is fine: the mesh uses mutual TLS automatically. Checked
 * at every level: the rule's trafficPolicy, its portLevelSettings, and each subset's.
 */
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { isRecord, listOf } from '../../json';
import { SERVICE_DOMAIN, toFqdn } from '../core/hosts';
import { BestPracticeMessages } from '../core/messages';
import { Entry, Group, ObjectSet } from '../core/object-set';

const NOT_MESH_TLS = new Set(['DISABLE', 'SIMPLE', 'MUTUAL']);

export function analyzeMeshTls(set: ObjectSet, findings: Findings): void {
  for (const rule of set.of(Group.NETWORKING, 'DestinationRule')) {
    const host = typeof rule.spec.host === 'string' ? rule.spec.host : '';
    const fqdn = toFqdn(rule.namespace, host);
    if (!fqdn.endsWith(`.${SERVICE_DOMAIN}`)) continue;
    validatePolicy(FieldPath.at('spec', 'trafficPolicy'), findings, rule, host, rule.spec.trafficPolicy);
    listOf(rule.spec.subsets).forEach((subset, i) => {
      if (isRecord(subset)) validatePolicy(FieldPath.at('spec', 'subsets').index(i).child('trafficPolicy'), findings, rule, host, subset.trafficPolicy);
    });
  }
}

/** The client TLS of the traffic policy at `path` of `rule`, and of its port-level settings. */
function validatePolicy(path: FieldPath, findings: Findings, rule: Entry, host: string, policy: unknown): void {
  if (!isRecord(policy)) return;
  validateTls(path.child('tls'), findings, rule, host, policy.tls);
  listOf(policy.portLevelSettings).forEach((setting, i) => {
    if (isRecord(setting)) validateTls(path.child('portLevelSettings').index(i).child('tls'), findings, rule, host, setting.tls);
  });
}

/** The client TLS settings at `path`: a mode other than ISTIO_MUTUAL is reported on `mode`. */
function validateTls(path: FieldPath, findings: Findings, rule: Entry, host: string, tls: unknown): void {
  if (isRecord(tls) && typeof tls.mode === 'string' && NOT_MESH_TLS.has(tls.mode)) {
    findings.report(rule, BestPracticeMessages.MeshTlsNotIstioMutual, path.child('mode'), tls.mode, host);
  }
}
