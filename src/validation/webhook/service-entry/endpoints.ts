/**
 * ServiceEntry endpoint checks of Istio's webhook: validateWorkloadEntry (STATIC resolution) and the
 * inline checks of DNS / DNS_ROUND_ROBIN resolution.
 */
import { goQuote } from '../../../go/format';
import { entriesOf, messageOf, numberOf } from '../../json';
import { isValidIPAddress, UNIX_PREFIX, validateFQDN, validateUnixAddress } from '../common/hosts';
import { keyPath, validateLabels } from '../common/labels';
import { validatePort, validatePortName } from '../common/ports';
import { Findings } from '../types';

/** The endpoint's `ports` map: each port must name a service port, be a valid name and a valid number. */
function validateEndpointPorts(f: Findings, path: string, ports: unknown, servicePorts: ReadonlySet<string>): void {
  const map = messageOf(ports);
  for (const name of Object.keys(map).sort()) {
    const port = numberOf(map[name]);
    const at = keyPath(`${path}.ports`, name);
    if (!servicePorts.has(name)) f.error(at, `endpoint port ${port} is not defined by the service entry`);
    const nameError = validatePortName(name);
    if (nameError) f.error(at, nameError);
    const portError = validatePort(port);
    if (portError) f.error(at, portError);
  }
}

/** validateWorkloadEntry as a STATIC ServiceEntry calls it: IP or unix:// addresses only. */
export function validateStaticEndpoint(f: Findings, path: string, endpoint: any, servicePorts: ReadonlySet<string>): void {
  const address = String(endpoint.address ?? '');
  const network = String(endpoint.network ?? '');
  if (address === '') {
    if (network === '') {
      f.error(`${path}.address`, 'address is required');
      return;
    }
    f.warn(`${path}.address`, `address is unset with network ${goQuote(network)}`);
  }
  const unixEndpoint = address.startsWith(UNIX_PREFIX);
  if (unixEndpoint) {
    const unixError = validateUnixAddress(address.slice(UNIX_PREFIX.length));
    if (unixError) f.error(`${path}.address`, unixError);
    if (entriesOf(endpoint.ports).length > 0) f.error(`${path}.ports`, `unix endpoint ${address} must not include ports`);
  } else if (address !== '' && !isValidIPAddress(address)) {
    f.error(`${path}.address`, `endpoint address ${goQuote(address)} is not a valid IP address`);
  }
  validateEndpointPorts(f, path, endpoint.ports, servicePorts);
  validateLabels(f, `${path}.labels`, endpoint.labels);
  if (unixEndpoint && servicePorts.size !== 1) f.error(`${path}.address`, 'exactly 1 service port required for unix endpoints');
}

/** A DNS / DNS_ROUND_ROBIN endpoint: an IP address or an FQDN to resolve. */
export function validateDNSEndpoint(f: Findings, path: string, endpoint: any, servicePorts: ReadonlySet<string>): void {
  const address = String(endpoint.address ?? '');
  if (!isValidIPAddress(address) && validateFQDN(address)) {
    f.error(`${path}.address`, `endpoint address ${goQuote(address)} is not a valid FQDN or an IP address`);
  }
  validateLabels(f, `${path}.labels`, endpoint.labels);
  validateEndpointPorts(f, path, endpoint.ports, servicePorts);
}
