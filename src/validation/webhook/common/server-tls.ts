/**
 * validateTLSOptions: Istio's checks of a ServerTLSSettings (Gateway `servers[].tls`, Sidecar
 * `ingress[].tls`). A missing `mode` is PASSTHROUGH, istiod's zero value.
 */
import { goSortedList } from '../../../go/format';
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { isSet, listOf, stringItems, stringOf } from '../../json';

/** security.ValidCipherSuites: what BoringSSL names (`bssl ciphers -openssl-name ALL`, PSK excluded). */
const VALID_CIPHER_SUITES = new Set([
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
  'ECDHE-ECDSA-AES128-SHA',
  'ECDHE-RSA-AES128-SHA',
  'ECDHE-ECDSA-AES256-SHA',
  'ECDHE-RSA-AES256-SHA',
  'AES128-GCM-SHA256',
  'AES256-GCM-SHA384',
  'AES128-SHA',
  'AES256-SHA',
  'DES-CBC3-SHA',
]);

/**
 * security.IsValidCipherSuite. Istio looks at the first *byte* as a rune: anything that is not a
 * letter or digit there (`-AES128-SHA`, `+...`, `!...`) is an operator expression it lets through.
 */
export function isValidCipherSuite(suite: string): boolean {
  if (suite === '' || suite === 'ALL') return true;
  const firstByte = Buffer.from(suite, 'utf8')[0];
  if (!/[\p{L}\p{N}]/u.test(String.fromCharCode(firstByte))) return true;
  return VALID_CIPHER_SUITES.has(suite);
}

type Certificate = { serverCertificate: string; privateKey: string; path: FieldPath };

/** Where each certificate a SIMPLE/MUTUAL server needs comes from: `tlsCertificates`, else the top-level fields. */
function certificatesToVerify(path: FieldPath, tls: any): Certificate[] {
  const certificates = listOf(tls.tlsCertificates);
  if (certificates.length > 0) {
    return certificates.map((cert: any, i) => ({
      serverCertificate: stringOf(cert?.serverCertificate),
      privateKey: stringOf(cert?.privateKey),
      path: path.child('tlsCertificates').index(i),
    }));
  }
  return [{ serverCertificate: stringOf(tls.serverCertificate), privateKey: stringOf(tls.privateKey), path }];
}

/** validateTLSOptions. `path` is the path of the `tls` object; nothing is checked when it is absent. */
export function validateTLSOptions(path: FieldPath, findings: Findings, tls: any): void {
  if (!isSet(tls)) return;
  const mode = stringOf(tls.mode) || 'PASSTHROUGH';
  const cipherSuites = stringItems(tls.cipherSuites);
  const minVersion = stringOf(tls.minProtocolVersion);
  if ((minVersion === 'TLSV1_0' || minVersion === 'TLSV1_1') && cipherSuites.length === 0) {
    findings.warn(path.child('minProtocolVersion'),
      'TLS version below TLSV1_2 require setting compatible ciphers as by default they no longer include compatible ciphers.');
  }

  const invalid = new Set<string>();
  const valid = new Set<string>();
  const duplicate = new Set<string>();
  for (const suite of cipherSuites) {
    if (!isValidCipherSuite(suite)) invalid.add(suite);
    else if (valid.has(suite)) duplicate.add(suite);
    else valid.add(suite);
  }
  if (invalid.size > 0) findings.warn(path.child('cipherSuites'), `ignoring invalid cipher suites: ${goSortedList(invalid)}`);
  if (duplicate.size > 0) findings.warn(path.child('cipherSuites'), `ignoring duplicate cipher suites: ${goSortedList(duplicate)}`);

  const serverCertificate = stringOf(tls.serverCertificate);
  const privateKey = stringOf(tls.privateKey);
  const caCertificates = stringOf(tls.caCertificates);
  const caCrl = stringOf(tls.caCrl);
  const credentialName = stringOf(tls.credentialName);
  const hasCredentialNames = listOf(tls.credentialNames).length > 0;
  const hasTlsCertificates = listOf(tls.tlsCertificates).length > 0;

  // ISTIO_MUTUAL uses the workload's own certificates: any other certificate source is an error.
  if (mode === 'ISTIO_MUTUAL') {
    if (serverCertificate) findings.error(path.child('serverCertificate'), 'ISTIO_MUTUAL TLS cannot have associated server certificate');
    if (privateKey) findings.error(path.child('privateKey'), 'ISTIO_MUTUAL TLS cannot have associated private key');
    if (caCertificates) findings.error(path.child('caCertificates'), 'ISTIO_MUTUAL TLS cannot have associated CA bundle');
    if (hasTlsCertificates) findings.error(path.child('tlsCertificates'), 'ISTIO_MUTUAL TLS cannot have associated tlsCertificates');
    if (credentialName) findings.error(path.child('credentialName'), 'ISTIO_MUTUAL TLS cannot have associated credentialName');
    if (hasCredentialNames) findings.error(path.child('credentialNames'), 'ISTIO_MUTUAL TLS cannot have associated credentialNames');
    return;
  }

  // Passthrough never terminates TLS; certificates are tolerated for backwards compatibility.
  if ((mode === 'PASSTHROUGH' || mode === 'AUTO_PASSTHROUGH')
    && (caCrl || serverCertificate || privateKey || caCertificates || hasTlsCertificates || credentialName || hasCredentialNames)) {
    findings.warn(path.child('mode'), `${mode} mode does not use certificates, they will be ignored`);
  }

  const sources = [serverCertificate !== '' && privateKey !== '', credentialName !== '', hasCredentialNames, hasTlsCertificates];
  if (sources.filter(Boolean).length > 1) {
    findings.error(path, 'only one of credential_name, credential_names, server_certificate/private_key, tls_certificates should be specified');
  }

  const terminating = mode === 'SIMPLE' || mode === 'MUTUAL' || mode === 'OPTIONAL_MUTUAL';
  // With a credential, istiod fetches the certificates over SDS: nothing more to check.
  if (terminating && (credentialName || hasCredentialNames)) return;
  if (terminating) {
    const mutual = mode !== 'SIMPLE';
    const prefix = mutual ? 'MUTUAL TLS' : 'SIMPLE TLS';
    if (mutual && !caCertificates) findings.error(path.child('caCertificates'), `${prefix} requires a client CA bundle`);
    if (listOf(tls.tlsCertificates).length > 2) findings.warn(path.child('tlsCertificates'), `${prefix} can support up to 2 server certificates`);
    for (const cert of certificatesToVerify(path, tls)) {
      if (!cert.serverCertificate) findings.error(cert.path.child('serverCertificate'), `${prefix} requires a server certificate`);
      if (!cert.privateKey) findings.error(cert.path.child('privateKey'), `${prefix} requires a private key`);
    }
  }
  if (caCrl) {
    if (credentialName) findings.error(path.child('caCrl'), 'CRL is not supported with credentialName. CRL has to be specified in the credential');
    if (mode === 'SIMPLE') findings.error(path.child('caCrl'), 'CRL is not supported with SIMPLE TLS');
  }
}
