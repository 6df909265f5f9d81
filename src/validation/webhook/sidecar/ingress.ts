/** Sidecar ingress listeners (ValidateSidecar, validateSidecarIngressPortAndBind). */
import { validateDefaultEndpoint } from './default-endpoint';
import { validatePortNameAndProtocol, validatePortNumberAndIPBind } from './listener-port';
import { goQuote } from '../../../go/format';
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { isSet, listOf, numberOf, stringOf } from '../../json';
import { validateConnectionPool } from '../common/connection-pool';
import { isHTTPProtocol, isTLSProtocol, parseProtocol } from '../common/ports';
import { validateTLSOptions } from '../common/server-tls';

/** What a sidecar's inbound TLS (at `path`) may not use, then the ServerTLSSettings rules every server TLS follows. */
function validateIngressTLS(path: FieldPath, findings: Findings, tls: any, port: any): void {
  if (!isSet(tls)) return;
  if (listOf(tls.subjectAltNames).length > 0) {
    findings.error(path.child('subjectAltNames'), 'sidecar: subjectAltNames is not supported in ingress tls');
  }
  if (tls.httpsRedirect === true) findings.error(path.child('httpsRedirect'), 'sidecar: httpsRedirect is not supported');
  if (stringOf(tls.credentialName) !== '') findings.error(path.child('credentialName'), 'sidecar: credentialName is not currently supported');
  if (listOf(tls.credentialNames).length > 0) {
    findings.error(path.child('credentialNames'), 'sidecar: credentialNames is not currently supported');
  }
  if (listOf(tls.tlsCertificates).length > 0) {
    findings.error(path.child('tlsCertificates'), 'sidecar: tls_certificates is not currently supported');
  }
  const mode = stringOf(tls.mode) || 'PASSTHROUGH';
  if (mode === 'ISTIO_MUTUAL' || mode === 'AUTO_PASSTHROUGH') {
    findings.error(path.child('mode'), `configuration is invalid: cannot set mode to ${mode} in sidecar ingress tls`);
  }
  if (!isTLSProtocol(parseProtocol(stringOf(port.protocol)))) {
    findings.error(path, 'server cannot have TLS settings for non HTTPS/TLS ports');
  }
  validateTLSOptions(path, findings, tls);
}

/** ValidateSidecar's loop over `spec.ingress` (`path`). */
export function validateIngress(path: FieldPath, findings: Findings, ingress: unknown[]): void {
  const ports = new Set<number>();
  ingress.forEach((listener: any, i) => {
    const at = path.index(i);
    if (!isSet(listener)) {
      findings.error(at, 'sidecar: ingress may not be null');
      return;
    }
    const port = listener.port;
    if (!isSet(port)) {
      findings.error(at.child('port'), 'sidecar: port is required for ingress listeners');
      return;
    }
    if (numberOf(port.targetPort) > 0) findings.error(at.child('port', 'targetPort'), 'targetPort has no impact on Sidecars');
    // validateSidecarIngressPortAndBind
    validatePortNameAndProtocol(at, findings, port);
    validatePortNumberAndIPBind(at, findings, port, stringOf(listener.bind));
    const number = numberOf(port.number);
    if (ports.has(number)) findings.error(at.child('port', 'number'), 'sidecar: ports on IP bound listeners must be unique');
    ports.add(number);
    validateDefaultEndpoint(at.child('defaultEndpoint'), findings, stringOf(listener.defaultEndpoint));
    validateIngressTLS(at.child('tls'), findings, listener.tls, port);

    validateConnectionPool(at.child('connectionPool'), findings, listener.connectionPool);
    if (isSet(listener.connectionPool?.http) && !isHTTPProtocol(parseProtocol(stringOf(port.protocol)))) {
      findings.warn(at.child('connectionPool', 'http'),
        `sidecar: HTTP connection pool settings are configured for port ${number} (${goQuote(stringOf(port.name))}) `
        + `but its protocol is not HTTP (${stringOf(port.protocol)}); only TCP settings will apply`);
    }
  });
}
