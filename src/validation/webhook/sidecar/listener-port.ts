/**
 * The port and bind checks Sidecar ingress and egress listeners share (validateSidecarIngressPortAndBind,
 * and validateSidecarEgressPortBindAndCaptureMode for a listener on a port number).
 */
import { numberOf, stringOf } from '../../json';
import { validateIPAddress } from '../common/hosts';
import { validatePort, validatePortName, validateProtocol } from '../common/ports';
import { Findings } from '../types';

/** The optional port name, then the protocol. */
export function validatePortNameAndProtocol(port: any, path: string, findings: Findings): void {
  const name = stringOf(port.name);
  const nameError = name !== '' ? validatePortName(name) : undefined;
  if (nameError) findings.error(`${path}.port.name`, nameError);
  const protocolError = validateProtocol(stringOf(port.protocol));
  if (protocolError) findings.error(`${path}.port.protocol`, protocolError);
}

/** A listener bound to IP: the port number, then the bind address when there is one. */
export function validatePortNumberAndIPBind(port: any, bind: string, path: string, findings: Findings): void {
  const portError = validatePort(numberOf(port.number));
  if (portError) findings.error(`${path}.port.number`, portError);
  const bindError = bind !== '' ? validateIPAddress(bind) : undefined;
  if (bindError) findings.error(`${path}.bind`, bindError);
}
