/** Sidecar ingress listeners (ValidateSidecar, validateSidecarIngressPortAndBind). */
import { goQuote } from '../../../go/format';
import { isSet, numberOf, stringOf } from '../../json';
import { validateConnectionPool } from '../common/connection-pool';
import { isHTTPProtocol, isTLSProtocol, parseProtocol } from '../common/ports';
import { validateTLSOptions } from '../common/server-tls';
import { Findings } from '../types';
import { validateDefaultEndpoint } from './default-endpoint';
import { validatePortNameAndProtocol, validatePortNumberAndIPBind } from './listener-port';

/** What a sidecar's inbound TLS may not use, then the ServerTLSSettings rules every server TLS follows. */
function validateIngressTLS(tls: any, port: any, path: string, findings: Findings): void {
  if (!isSet(tls)) return;
  const at = `${path}.tls`;
  if (Array.isArray(tls.subjectAltNames) && tls.subjectAltNames.length > 0) {
    findings.error(`${at}.subjectAltNames`, 'sidecar: subjectAltNames is not supported in ingress tls');
  }
  if (tls.httpsRedirect === true) findings.error(`${at}.httpsRedirect`, 'sidecar: httpsRedirect is not supported');
  if (stringOf(tls.credentialName) !== '') findings.error(`${at}.credentialName`, 'sidecar: credentialName is not currently supported');
  if (Array.isArray(tls.credentialNames) && tls.credentialNames.length > 0) {
    findings.error(`${at}.credentialNames`, 'sidecar: credentialNames is not currently supported');
  }
  if (Array.isArray(tls.tlsCertificates) && tls.tlsCertificates.length > 0) {
    findings.error(`${at}.tlsCertificates`, 'sidecar: tls_certificates is not currently supported');
  }
  const mode = stringOf(tls.mode) || 'PASSTHROUGH';
  if (mode === 'ISTIO_MUTUAL' || mode === 'AUTO_PASSTHROUGH') {
    findings.error(`${at}.mode`, `configuration is invalid: cannot set mode to ${mode} in sidecar ingress tls`);
  }
  if (!isTLSProtocol(parseProtocol(stringOf(port.protocol)))) {
    findings.error(at, 'server cannot have TLS settings for non HTTPS/TLS ports');
  }
  validateTLSOptions(tls, at, findings);
}

/** ValidateSidecar's loop over `spec.ingress`. */
export function validateIngress(ingress: unknown[], findings: Findings): void {
  const ports = new Set<number>();
  ingress.forEach((listener: any, i) => {
    const path = `spec.ingress[${i}]`;
    if (!isSet(listener)) {
      findings.error(path, 'sidecar: ingress may not be null');
      return;
    }
    const port = listener.port;
    if (!isSet(port)) {
      findings.error(`${path}.port`, 'sidecar: port is required for ingress listeners');
      return;
    }
    if (numberOf(port.targetPort) > 0) findings.error(`${path}.port.targetPort`, 'targetPort has no impact on Sidecars');
    // validateSidecarIngressPortAndBind
    validatePortNameAndProtocol(port, path, findings);
    validatePortNumberAndIPBind(port, stringOf(listener.bind), path, findings);
    const number = numberOf(port.number);
    if (ports.has(number)) findings.error(`${path}.port.number`, 'sidecar: ports on IP bound listeners must be unique');
    ports.add(number);
    validateDefaultEndpoint(stringOf(listener.defaultEndpoint), `${path}.defaultEndpoint`, findings);
    validateIngressTLS(listener.tls, port, path, findings);

    validateConnectionPool(findings, `${path}.connectionPool`, listener.connectionPool);
    if (isSet(listener.connectionPool?.http) && !isHTTPProtocol(parseProtocol(stringOf(port.protocol)))) {
      findings.warn(`${path}.connectionPool.http`,
        `sidecar: HTTP connection pool settings are configured for port ${number} (${goQuote(stringOf(port.name))}) `
        + `but its protocol is not HTTP (${stringOf(port.protocol)}); only TCP settings will apply`);
    }
  });
}
