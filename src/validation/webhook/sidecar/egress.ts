/** Sidecar egress listeners (ValidateSidecar, validateSidecarEgressPortBindAndCaptureMode). */
import { validatePortNameAndProtocol, validatePortNumberAndIPBind } from './listener-port';
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { isSet, listOf, numberOf, stringOf } from '../../json';
import { checkNamespaceSlashWildcardHostname, checkUnixAddress, UNIX_PREFIX } from '../common/hosts';

/**
 * validateSidecarEgressPortBindAndCaptureMode: port 0 means a unix domain socket listener, which needs
 * a `unix://` bind and no iptables capture; any other port needs a valid number and an IP bind.
 */
function validatePortBindAndCaptureMode(path: FieldPath, findings: Findings, listener: any): void {
  const port = listener.port;
  const bind = stringOf(listener.bind);
  validatePortNameAndProtocol(path, findings, port);
  if (numberOf(port.number) !== 0) {
    validatePortNumberAndIPBind(path, findings, port, bind);
    return;
  }
  if (!bind.startsWith(UNIX_PREFIX)) {
    findings.error(path.child('bind'), 'sidecar: ports with 0 value must have a unix domain socket bind address');
  } else {
    findings.errorIfAny(path.child('bind'), checkUnixAddress(bind.slice(UNIX_PREFIX.length)));
  }
  const captureMode = stringOf(listener.captureMode) || 'DEFAULT';
  if (captureMode !== 'DEFAULT' && captureMode !== 'NONE') {
    findings.error(path.child('captureMode'), 'sidecar: captureMode must be DEFAULT/NONE for unix domain socket listeners');
  }
}

/**
 * The `namespace/dnsName` hosts of one listener: each must be well formed; a host repeated or already
 * covered by a namespace wildcard is a warning, and so is the select-all host next to anything else.
 * `path` is the listener's `hosts`.
 */
function validateHosts(path: FieldPath, findings: Findings, hosts: unknown[], configNamespace: string): void {
  if (hosts.length === 0) {
    findings.error(path, 'sidecar: egress listener must contain at least one host');
    return;
  }
  const byNamespace = new Map<string, Set<string>>();
  hosts.forEach((entry, j) => {
    const host = stringOf(entry);
    const where = path.index(j);
    const slash = host.indexOf('/');
    if (slash >= 0) {
      const namespace = host.slice(0, slash) === '.' ? configNamespace : host.slice(0, slash);
      const service = host.slice(slash + 1);
      const seen = byNamespace.get(namespace) ?? new Set<string>();
      byNamespace.set(namespace, seen);
      const duplicate = service !== '*' ? seen.has(service) || seen.has('*') : seen.size !== 0;
      if (duplicate) findings.warn(where, `duplicated egress host: ${host}`);
      seen.add(service);
    }
    for (const message of checkNamespaceSlashWildcardHostname(host, false, false)) findings.error(where, message);
  });
  if (byNamespace.get('*')?.has('*') && byNamespace.size !== 1) {
    findings.warn(path, '`*/*` host select all resources, no other hosts can be added');
  }
}

/** ValidateSidecar's loop over `spec.egress` (`path`). `configNamespace` stands in for `.` in hosts. */
export function validateEgress(path: FieldPath, findings: Findings, egress: unknown[], configNamespace: string): void {
  const ports = new Set<number>();
  const sockets = new Set<string>();
  egress.forEach((listener: any, i) => {
    const at = path.index(i);
    if (!isSet(listener)) {
      findings.error(at, 'egress listener may not be null');
      return;
    }
    // Only the last listener may omit the port (the catch-all). Istio's second message, "egress can
    // have only one listener with empty port", needs a listener after the last one: it never fires.
    if (!isSet(listener.port)) {
      if (i !== egress.length - 1) {
        findings.error(at, 'sidecar: the egress listener with empty port should be the last listener in the list');
      }
    } else {
      if (numberOf(listener.port.targetPort) > 0) findings.error(at.child('port', 'targetPort'), 'targetPort has no impact on Sidecars');
      validatePortBindAndCaptureMode(at, findings, listener);
      const number = numberOf(listener.port.number);
      if (number === 0) {
        const bind = stringOf(listener.bind);
        if (sockets.has(bind)) findings.error(at.child('bind'), 'sidecar: unix domain socket values for listeners must be unique');
        sockets.add(bind);
      } else {
        if (ports.has(number)) findings.error(at.child('port', 'number'), 'sidecar: ports on IP bound listeners must be unique');
        ports.add(number);
      }
    }
    validateHosts(at.child('hosts'), findings, listOf(listener.hosts), configNamespace);
  });
}
