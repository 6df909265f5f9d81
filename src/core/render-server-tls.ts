/**
 * Rendering of `ServerTlsSettings` (src/server-tls.ts) with its defaults and early checks, shared by
 * Gateway servers and Sidecar ingress listeners. Not part of the public API (src/index.ts does not
 * re-export it).
 */
import { shown } from './errors';
import { compact, nonEmpty } from './render';
import { ServerTlsMode, ServerTlsSettings, TlsProtocolVersion } from '../server-tls';
import { firstEngineError } from './engine-check';
import { FieldPath } from '../validation/field-path';
import { validateTLSOptions } from '../validation/webhook/common/server-tls';

/** Server TLS settings as YAML (assignable, after a cast of the enums, to the L1 tls structs). */
export interface RenderedServerTls {
  mode?: string;
  httpsRedirect?: boolean;
  credentialName?: string;
  credentialNames?: string[];
  caCertCredentialName?: string;
  tlsCertificates?: { serverCertificate: string; privateKey: string; caCertificates?: string }[];
  serverCertificate?: string;
  privateKey?: string;
  caCertificates?: string;
  caCrl?: string;
  subjectAltNames?: string[];
  verifyCertificateSpki?: string[];
  verifyCertificateHash?: string[];
  minProtocolVersion?: string;
  maxProtocolVersion?: string;
  cipherSuites?: string[];
}

const TERMINATING = new Set<string>([ServerTlsMode.SIMPLE, ServerTlsMode.MUTUAL, ServerTlsMode.OPTIONAL_MUTUAL]);
const VERSION_ORDER: string[] = [TlsProtocolVersion.TLSV1_0, TlsProtocolVersion.TLSV1_1, TlsProtocolVersion.TLSV1_2, TlsProtocolVersion.TLSV1_3];

/** True when the settings name a certificate source. */
function hasCertificateSource(tls: ServerTlsSettings): boolean {
  return Boolean(tls.credentialName || (tls.credentialNames?.length ?? 0) > 0 || (tls.tlsCertificates?.length ?? 0) > 0 || tls.serverCertificate);
}

/** The fields naming a certificate, as set, for messages. */
function certificateFields(tls: ServerTlsSettings): string[] {
  const fields: string[] = [];
  if (tls.credentialName) fields.push('credentialName');
  if ((tls.credentialNames?.length ?? 0) > 0) fields.push('credentialNames');
  if ((tls.tlsCertificates?.length ?? 0) > 0) fields.push('tlsCertificates');
  if (tls.serverCertificate) fields.push('serverCertificate');
  if (tls.privateKey) fields.push('privateKey');
  if (tls.caCertificates) fields.push('caCertificates');
  if (tls.caCrl) fields.push('caCrl');
  return fields;
}

/** How to fix what Istio's validateTLSOptions reports, keyed by the start of its message. */
const FIXES: [RegExp, string][] = [
  [/requires a server certificate|requires a private key/,
    'set credentialName (a Kubernetes Secret with tls.crt and tls.key), or serverCertificate and privateKey'],
  [/requires a client CA bundle/, 'set caCertificates, or use credentialName (its Secret holds ca.crt)'],
  [/^ISTIO_MUTUAL TLS cannot have/, "remove it: ISTIO_MUTUAL uses the proxy's own Istio certificate"],
  [/^only one of/, 'keep one certificate source'],
  [/^CRL is not supported/, 'remove caCrl, or put the CRL in the credential (ca.crl)'],
];

/**
 * The settings as YAML, with the defaults (mode SIMPLE when a certificate is given, TLS 1.2 minimum
 * when TLS is terminated). Throws `fail(message)` for settings wrong on their own: a certificate
 * with a mode that never uses it, a minimum above the maximum, and what Istio's validateTLSOptions
 * rejects. `path` is the path of the settings (`servers[1].tls`).
 */
export function renderServerTls(tls: ServerTlsSettings, path: FieldPath, fail: (message: string) => Error): RenderedServerTls {
  const mode = tls.mode ?? (hasCertificateSource(tls) ? ServerTlsMode.SIMPLE : undefined);

  if (mode === ServerTlsMode.PASSTHROUGH || mode === ServerTlsMode.AUTO_PASSTHROUGH) {
    const fields = certificateFields(tls);
    if (fields.length > 0) {
      throw fail(`${path}.mode ${mode} does not terminate TLS, so ${fields.join(', ')} would be ignored; `
        + 'set mode SIMPLE or MUTUAL to terminate TLS here, or remove the certificate settings');
    }
  }

  const min = tls.minProtocolVersion;
  const max = tls.maxProtocolVersion;
  if (min && max && VERSION_ORDER.indexOf(min) > VERSION_ORDER.indexOf(max) && VERSION_ORDER.indexOf(max) >= 0) {
    throw fail(`${path}.minProtocolVersion ${shown(min)} is above maxProtocolVersion ${shown(max)}; no TLS version would be accepted`);
  }
  const maxRank = max === undefined ? -1 : VERSION_ORDER.indexOf(max);
  const maxBelow12 = maxRank >= 0 && maxRank < VERSION_ORDER.indexOf(TlsProtocolVersion.TLSV1_2);
  const minProtocolVersion = min ?? (mode !== undefined && TERMINATING.has(mode) && !maxBelow12 ? TlsProtocolVersion.TLSV1_2 : undefined);

  const rendered = compact({
    mode,
    httpsRedirect: tls.httpsRedirect,
    credentialName: tls.credentialName,
    credentialNames: nonEmpty(tls.credentialNames),
    caCertCredentialName: tls.caCertCredentialName,
    tlsCertificates: nonEmpty(tls.tlsCertificates)?.map(c => compact({
      serverCertificate: c.serverCertificate,
      privateKey: c.privateKey,
      caCertificates: c.caCertificates,
    }) as { serverCertificate: string; privateKey: string; caCertificates?: string }),
    serverCertificate: tls.serverCertificate,
    privateKey: tls.privateKey,
    caCertificates: tls.caCertificates,
    caCrl: tls.caCrl,
    subjectAltNames: nonEmpty(tls.subjectAltNames),
    verifyCertificateSpki: nonEmpty(tls.verifyCertificateSpki),
    verifyCertificateHash: nonEmpty(tls.verifyCertificateHash),
    minProtocolVersion,
    maxProtocolVersion: max,
    cipherSuites: nonEmpty(tls.cipherSuites),
  }) as RenderedServerTls;

  // Istio's own checks of the settings (certificate sources, ISTIO_MUTUAL, CRL): errors only, its
  // warnings (ignored cipher suites, TLS 1.0 without ciphers) are reported at synth.
  const error = firstEngineError(findings => validateTLSOptions(path, findings, rendered));
  if (error) {
    const fix = FIXES.find(([pattern]) => pattern.test(error.message))?.[1];
    throw fail(`${error.path.toString()}: ${error.message}${fix ? `; ${fix}` : ''}`);
  }
  return rendered;
}
