/**
 * Client TLS (SIMPLE or MUTUAL) without caCertificates does not verify the server's certificate.
 * Istio: pkg/config/analysis/analyzers/destinationrule/ca-certificates.go (CaCertificateAnalyzer) —
 * IST0128 for the rule's traffic policy, IST0129 per port-level setting; not reported for a
 * credentialName on a DestinationRule with a workloadSelector (the CA comes with the credential).
 */
import { FieldPath } from '../field-path';
import { Findings } from '../findings';
import { isRecord, listOf } from '../json';
import { IstioMessages } from './core/messages';
import { Group, ObjectSet } from './core/object-set';

export function analyzeDestinationRuleCaCertificates(set: ObjectSet, findings: Findings): void {
  for (const rule of set.of(Group.NETWORKING, 'DestinationRule')) {
    const host = typeof rule.spec.host === 'string' ? rule.spec.host : '';
    const hasSelector = isRecord(rule.spec.workloadSelector);
    const policy = isRecord(rule.spec.trafficPolicy) ? rule.spec.trafficPolicy : {};
    const tls = policy.tls;
    if (unverified(tls, hasSelector)) {
      findings.report(rule, IstioMessages.NoServerCertificateVerificationDestinationLevel, FieldPath.at('spec', 'trafficPolicy', 'tls', 'caCertificates'),
        rule.fullName, rule.namespace, tls.mode, host);
    }
    listOf(policy.portLevelSettings).forEach((setting, i) => {
      if (!isRecord(setting) || !unverified(setting.tls, hasSelector)) return;
      const path = FieldPath.at('spec', 'trafficPolicy', 'portLevelSettings').index(i).child('tls', 'caCertificates');
      findings.report(rule, IstioMessages.NoServerCertificateVerificationPortLevel, path,
        rule.fullName, rule.namespace, setting.tls.mode, host, portSelectorText(setting.port));
    });
  }
}

function unverified(tls: unknown, hasSelector: boolean): tls is Record<string, any> {
  if (!isRecord(tls) || (tls.mode !== 'SIMPLE' && tls.mode !== 'MUTUAL')) return false;
  if (typeof tls.caCertificates === 'string' && tls.caCertificates !== '') return false;
  return !(hasSelector && typeof tls.credentialName === 'string' && tls.credentialName !== '');
}

/**
 * The PortSelector as Go prints a proto message (`number:9080`; `<nil>` when absent, '' when empty).
 * protobuf-go may print a space after the colon in some builds; `number:N` is the usual form.
 */
function portSelectorText(port: unknown): string {
  if (port === undefined || port === null) return '<nil>';
  const number = isRecord(port) ? Number(port.number ?? 0) : 0;
  return number === 0 ? '' : `number:${number}`;
}
