/**
 * The port and bind checks Sidecar ingress and egress listeners share (validateSidecarIngressPortAndBind,
 * and validateSidecarEgressPortBindAndCaptureMode for a listener on a port number).
 */
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { numberOf, stringOf } from '../../json';
import { checkIPAddress } from '../common/hosts';
import { checkPort, checkPortName, checkProtocol } from '../common/ports';

/** The optional port name, then the protocol; `path` is the listener's. */
export function validatePortNameAndProtocol(path: FieldPath, findings: Findings, port: any): void {
  const name = stringOf(port.name);
  if (name !== '') findings.errorIfAny(path.child('port', 'name'), checkPortName(name));
  findings.errorIfAny(path.child('port', 'protocol'), checkProtocol(stringOf(port.protocol)));
}

/** A listener bound to IP: the port number, then the bind address when there is one; `path` is the listener's. */
export function validatePortNumberAndIPBind(path: FieldPath, findings: Findings, port: any, bind: string): void {
  findings.errorIfAny(path.child('port', 'number'), checkPort(numberOf(port.number)));
  if (bind !== '') findings.errorIfAny(path.child('bind'), checkIPAddress(bind));
}
