/**
 * ServiceEntry endpoint checks of Istio's webhook: validateWorkloadEntry (STATIC resolution) and the
 * inline checks of DNS / DNS_ROUND_ROBIN resolution.
 */
import { goQuote } from '../../../go/format';
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { entriesOf, messageOf, numberOf, stringOf } from '../../json';
import { checkFQDN, checkUnixAddress, isValidIPAddress, UNIX_PREFIX } from '../common/hosts';
import { validateLabels } from '../common/labels';
import { checkPort, checkPortName } from '../common/ports';

/** The endpoint's `ports` map: each port must name a service port, be a valid name and a valid number. */
function validateEndpointPorts(path: FieldPath, findings: Findings, ports: unknown, servicePorts: ReadonlySet<string>): void {
  const map = messageOf(ports);
  for (const name of Object.keys(map).sort()) {
    const port = numberOf(map[name]);
    const at = path.key(name);
    if (!servicePorts.has(name)) findings.error(at, `endpoint port ${port} is not defined by the service entry`);
    findings.errorIfAny(at, checkPortName(name));
    findings.errorIfAny(at, checkPort(port));
  }
}

/** validateWorkloadEntry as a STATIC ServiceEntry calls it: IP or unix:// addresses only. */
export function validateStaticEndpoint(path: FieldPath, findings: Findings, endpoint: any, servicePorts: ReadonlySet<string>): void {
  const address = stringOf(endpoint.address);
  const network = stringOf(endpoint.network);
  if (address === '') {
    if (network === '') {
      findings.error(path.child('address'), 'address is required');
      return;
    }
    findings.warn(path.child('address'), `address is unset with network ${goQuote(network)}`);
  }
  const unixEndpoint = address.startsWith(UNIX_PREFIX);
  if (unixEndpoint) {
    findings.errorIfAny(path.child('address'), checkUnixAddress(address.slice(UNIX_PREFIX.length)));
    if (entriesOf(endpoint.ports).length > 0) findings.error(path.child('ports'), `unix endpoint ${address} must not include ports`);
  } else if (address !== '' && !isValidIPAddress(address)) {
    findings.error(path.child('address'), `endpoint address ${goQuote(address)} is not a valid IP address`);
  }
  validateEndpointPorts(path.child('ports'), findings, endpoint.ports, servicePorts);
  validateLabels(path.child('labels'), findings, endpoint.labels);
  if (unixEndpoint && servicePorts.size !== 1) findings.error(path.child('address'), 'exactly 1 service port required for unix endpoints');
}

/** A DNS / DNS_ROUND_ROBIN endpoint: an IP address or an FQDN to resolve. */
export function validateDNSEndpoint(path: FieldPath, findings: Findings, endpoint: any, servicePorts: ReadonlySet<string>): void {
  const address = stringOf(endpoint.address);
  if (!isValidIPAddress(address) && checkFQDN(address)) {
    findings.error(path.child('address'), `endpoint address ${goQuote(address)} is not a valid FQDN or an IP address`);
  }
  validateLabels(path.child('labels'), findings, endpoint.labels);
  validateEndpointPorts(path.child('ports'), findings, endpoint.ports, servicePorts);
}
