/** One Gateway server: validateServer, validateServerPort and validateServerBind of Istio's webhook. */
import { goQuote } from '../../../go/format';
import { portText } from '../../../go/prototext';
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { isSet, listOf, numberOf, stringOf } from '../../json';
import { checkIPAddress, checkNamespaceSlashWildcardHostname, checkUnixAddress, UNIX_PREFIX } from '../common/hosts';
import { checkPort, isHTTPProtocol, isTLSProtocol, parseProtocol, Protocol } from '../common/ports';
import { validateTLSOptions } from '../common/server-tls';

/** validateServerPort; returns true when it found an error (Istio then skips the TLS requirement checks). */
function validateServerPort(path: FieldPath, findings: Findings, port: any, bind: string): boolean {
  if (!isSet(port)) {
    findings.error(path.child('port'), 'port is required');
    return true;
  }
  const before = findings.list.length;
  const protocol = stringOf(port.protocol);
  if (parseProtocol(protocol) === Protocol.UNSUPPORTED) {
    findings.error(path.child('port', 'protocol'),
      `invalid protocol ${goQuote(protocol)}, supported protocols are HTTP, HTTP2, GRPC, GRPC-WEB, MONGO, REDIS, MYSQL, TCP`);
  }
  const number = numberOf(port.number);
  // A unix domain socket server has no port number.
  if (number > 0 || !bind.startsWith(UNIX_PREFIX)) {
    findings.errorIfAny(path.child('port', 'number'), checkPort(number));
  }
  if (typeof port.targetPort === 'number' && port.targetPort > 0) {
    findings.error(path.child('port', 'targetPort'), 'targetPort has no impact on Gateways');
  }
  if (stringOf(port.name) === '') findings.error(path.child('port', 'name'), `port name must be set: ${portText(port)}`);
  return findings.list.length > before;
}

/** validateServerBind: a unix socket path (port number 0) or an IP address. */
function validateServerBind(path: FieldPath, findings: Findings, port: any, bind: string): void {
  if (bind.startsWith(UNIX_PREFIX)) {
    findings.errorIfAny(path.child('bind'), checkUnixAddress(bind.slice(UNIX_PREFIX.length)));
    if (isSet(port) && typeof port.number === 'number' && port.number !== 0) {
      findings.error(path.child('port', 'number'), `port number must be 0 for unix domain socket: ${portText(port)}`);
    }
  } else if (bind !== '') {
    findings.errorIfAny(path.child('bind'), checkIPAddress(bind));
  }
}

/** gateway.IsPassThroughServer. */
function isPassThrough(tls: any): boolean {
  const mode = stringOf(tls.mode) || 'PASSTHROUGH';
  return mode === 'PASSTHROUGH' || mode === 'AUTO_PASSTHROUGH';
}

/** validateServer: hosts, port, bind, TLS settings, and whether the protocol wants TLS settings. */
export function validateServer(path: FieldPath, findings: Findings, server: any, gatewaySemantics: boolean): void {
  if (!isSet(server)) {
    findings.error(path, 'cannot have nil server');
    return;
  }
  const hosts = listOf(server.hosts);
  if (hosts.length === 0) {
    findings.error(path.child('hosts'), 'server config must contain at least one host');
  } else {
    hosts.forEach((host, i) => {
      for (const message of checkNamespaceSlashWildcardHostname(stringOf(host), true, gatewaySemantics)) {
        findings.error(path.child('hosts').index(i), message);
      }
    });
  }
  const bind = stringOf(server.bind);
  const portFailed = validateServerPort(path, findings, server.port, bind);
  validateServerBind(path, findings, server.port, bind);
  validateTLSOptions(path.child('tls'), findings, server.tls);
  if (portFailed) return;

  const protocol = parseProtocol(stringOf(server.port.protocol));
  const tls = server.tls;
  if (isTLSProtocol(protocol) && !isSet(tls)) {
    findings.error(path.child('tls'), 'server must have TLS settings for HTTPS/TLS protocols');
  } else if (!isTLSProtocol(protocol) && isSet(tls)) {
    if (!isHTTPProtocol(protocol)) {
      findings.error(path.child('tls'), 'server cannot have TLS settings for non HTTPS/TLS ports');
    } else if (!isPassThrough(tls) || stringOf(tls.caCertificates) || stringOf(tls.privateKey) || stringOf(tls.serverCertificate)) {
      // A plain HTTP server may only carry tls.httpsRedirect.
      findings.error(path.child('tls'), 'server cannot have TLS settings for plain text HTTP ports');
    }
  }
}
