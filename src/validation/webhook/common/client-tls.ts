/**
 * ValidateTLS of Istio's webhook (istio/pkg/config/validation/agent): ClientTLSSettings of DestinationRule
 * traffic policies. A missing mode is DISABLE.
 */
import { goQuote } from '../../../go/format';
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { isSet, listOf, stringOf } from '../../json';

const CONFIGMAP_PREFIX = 'configmap://';

/** credentials.ParseResourceName for `configmap://namespace/name`: the namespace, or Istio's parse error. */
function parseConfigMapName(resourceName: string): { namespace?: string; error?: string } {
  const split = resourceName.slice(CONFIGMAP_PREFIX.length).split('/');
  if (split.length <= 1) return { error: `invalid resource name ${goQuote(resourceName)}. Expected namespace and name` };
  if (split[0] === '') return { error: `invalid resource name ${goQuote(resourceName)}. Expected namespace` };
  if (split[1] === '') return { error: `invalid resource name ${goQuote(resourceName)}. Expected name` };
  return { namespace: split[0] };
}

/**
 * ValidateTLS. `namespace` is the object's namespace, '' when unknown (istiod always knows it; we then
 * skip the configmap namespace comparison rather than reject every configmap:// credential).
 */
export function validateClientTLS(path: FieldPath, findings: Findings, namespace: string, tls: any): void {
  if (!isSet(tls)) return;
  const mode = typeof tls.mode === 'string' ? tls.mode : 'DISABLE';
  const credentialName = stringOf(tls.credentialName);
  const caCertificates = stringOf(tls.caCertificates);
  const subjectAltNamesSet = listOf(tls.subjectAltNames).length > 0;

  if (credentialName.startsWith(CONFIGMAP_PREFIX)) {
    const parsed = parseConfigMapName(credentialName);
    if (parsed.error) {
      findings.error(path.child('credentialName'), `invalid configmap:// credentialName: ${parsed.error}`);
    } else if (namespace !== '' && parsed.namespace !== namespace) {
      findings.error(path.child('credentialName'),
        `invalid configmap:// credentialName: namespace must match the configuration namespace ${goQuote(namespace)}`);
    }
  }

  if (tls.insecureSkipVerify === true) {
    if (mode === 'SIMPLE' && (caCertificates !== '' || credentialName !== '' || subjectAltNamesSet)) {
      findings.error(path.child('insecureSkipVerify'), 'cannot specify CaCertificates or CredentialName or SubjectAltNames when InsecureSkipVerify is set true');
    }
    // In MUTUAL mode credentialName also carries the client certificate, so it stays allowed.
    if (mode === 'MUTUAL' && (caCertificates !== '' || subjectAltNamesSet)) {
      findings.error(path.child('insecureSkipVerify'), 'cannot specify CaCertificates or SubjectAltNames when InsecureSkipVerify is set true');
    }
  }

  if ((mode === 'SIMPLE' || mode === 'MUTUAL') && credentialName !== '') {
    // Credentials come from the named secret: no file paths alongside it.
    if (tls.clientCertificate || caCertificates !== '' || tls.privateKey || tls.caCrl) {
      findings.error(path.child('credentialName'), 'cannot specify client certificates or CA certificate or CA CRL If credentialName is set');
    }
    return;
  }
  if (mode === 'MUTUAL') {
    if (!tls.clientCertificate) findings.error(path.child('clientCertificate'), 'client certificate required for mutual tls');
    if (!tls.privateKey) findings.error(path.child('privateKey'), 'private key required for mutual tls');
  }
}
