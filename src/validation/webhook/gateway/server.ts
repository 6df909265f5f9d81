/** One Gateway server: validateServer, validateServerPort and validateServerBind of Istio's webhook. */
import { goQuote } from '../../../go/format';
import { isSet, listOf, numberOf, stringOf } from '../../json';
import { UNIX_PREFIX, validateIPAddress, validateNamespaceSlashWildcardHostname, validateUnixAddress } from '../common/hosts';
import { isHTTPProtocol, isTLSProtocol, parseProtocol, Protocol, validatePort } from '../common/ports';
import { validateTLSOptions } from '../common/server-tls';
import { Findings } from '../types';
import { portText } from './port-text';

/** validateServerPort; returns true when it found an error (Istio then skips the TLS requirement checks). */
function validateServerPort(port: any, bind: string, path: string, findings: Findings): boolean {
  if (!isSet(port)) {
    findings.error(`${path}.port`, 'port is required');
    return true;
  }
  const before = findings.list.length;
  const protocol = stringOf(port.protocol);
  if (parseProtocol(protocol) === Protocol.UNSUPPORTED) {
    findings.error(`${path}.port.protocol`,
      `invalid protocol ${goQuote(protocol)}, supported protocols are HTTP, HTTP2, GRPC, GRPC-WEB, MONGO, REDIS, MYSQL, TCP`);
  }
  const number = numberOf(port.number);
  // A unix domain socket server has no port number.
  if (number > 0 || !bind.startsWith(UNIX_PREFIX)) {
    const portError = validatePort(number);
    if (portError) findings.error(`${path}.port.number`, portError);
  }
  if (typeof port.targetPort === 'number' && port.targetPort > 0) {
    findings.error(`${path}.port.targetPort`, 'targetPort has no impact on Gateways');
  }
  if (stringOf(port.name) === '') findings.error(`${path}.port.name`, `port name must be set: ${portText(port)}`);
  return findings.list.length > before;
}

/** validateServerBind: a unix socket path (port number 0) or an IP address. */
function validateServerBind(port: any, bind: string, path: string, findings: Findings): void {
  if (bind.startsWith(UNIX_PREFIX)) {
    const unixError = validateUnixAddress(bind.slice(UNIX_PREFIX.length));
    if (unixError) findings.error(`${path}.bind`, unixError);
    if (isSet(port) && typeof port.number === 'number' && port.number !== 0) {
      findings.error(`${path}.port.number`, `port number must be 0 for unix domain socket: ${portText(port)}`);
    }
  } else if (bind !== '') {
    const ipError = validateIPAddress(bind);
    if (ipError) findings.error(`${path}.bind`, ipError);
  }
}

/** gateway.IsPassThroughServer. */
function isPassThrough(tls: any): boolean {
  const mode = stringOf(tls.mode) || 'PASSTHROUGH';
  return mode === 'PASSTHROUGH' || mode === 'AUTO_PASSTHROUGH';
}

/** validateServer: hosts, port, bind, TLS settings, and whether the protocol wants TLS settings. */
export function validateServer(server: any, path: string, gatewaySemantics: boolean, findings: Findings): void {
  if (!isSet(server)) {
    findings.error(path, 'cannot have nil server');
    return;
  }
  const hosts = listOf(server.hosts);
  if (hosts.length === 0) {
    findings.error(`${path}.hosts`, 'server config must contain at least one host');
  } else {
    hosts.forEach((host, i) => {
      for (const message of validateNamespaceSlashWildcardHostname(stringOf(host), true, gatewaySemantics)) {
        findings.error(`${path}.hosts[${i}]`, message);
      }
    });
  }
  const bind = stringOf(server.bind);
  const portFailed = validateServerPort(server.port, bind, path, findings);
  validateServerBind(server.port, bind, path, findings);
  validateTLSOptions(server.tls, `${path}.tls`, findings);
  if (portFailed) return;

  const protocol = parseProtocol(stringOf(server.port.protocol));
  const tls = server.tls;
  if (isTLSProtocol(protocol) && !isSet(tls)) {
    findings.error(`${path}.tls`, 'server must have TLS settings for HTTPS/TLS protocols');
  } else if (!isTLSProtocol(protocol) && isSet(tls)) {
    if (!isHTTPProtocol(protocol)) {
      findings.error(`${path}.tls`, 'server cannot have TLS settings for non HTTPS/TLS ports');
    } else if (!isPassThrough(tls) || stringOf(tls.caCertificates) || stringOf(tls.privateKey) || stringOf(tls.serverCertificate)) {
      // A plain HTTP server may only carry tls.httpsRedirect.
      findings.error(`${path}.tls`, 'server cannot have TLS settings for plain text HTTP ports');
    }
  }
}
