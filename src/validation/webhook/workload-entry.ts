/**
 * Istio's webhook rules for WorkloadEntry (ValidateWorkloadEntry in istio/pkg/config/validation):
 * validateWorkloadEntry without a ServiceEntry's ports, so the address may be an IP, a unix socket
 * or an FQDN, and a port name need not name a service port.
 */
import { entriesOf, numberOf, stringOf } from '../json';
import { isValidIPAddress, UNIX_PREFIX, validateFQDN, validateUnixAddress } from './common/hosts';
import { keyPath, validateLabels } from './common/labels';
import { validatePort, validatePortName } from './common/ports';
import { Findings, KindValidator } from './types';
import { goQuote } from '../../go/format';

export const validateWorkloadEntry: KindValidator = obj => {
  const f = new Findings();
  const spec = obj.spec;
  const address = stringOf(spec.address);
  const network = stringOf(spec.network);

  if (address === '') {
    // Istio returns this error alone.
    if (network === '') return [{ path: 'spec.address', message: 'address is required' }];
    f.warn('spec.address', `address is unset with network ${goQuote(network)}`);
  }

  if (address.startsWith(UNIX_PREFIX)) {
    f.errorIfAny('spec.address', validateUnixAddress(address.slice(UNIX_PREFIX.length)));
    if (entriesOf(spec.ports).length > 0) f.error('spec.ports', `unix endpoint ${address} must not include ports`);
  } else if (address !== '' && !isValidIPAddress(address) && validateFQDN(address) !== undefined) {
    f.error('spec.address', `endpoint address ${goQuote(address)} is not a valid FQDN or an IP address`);
  }

  // Go ranges over the map in random order; key order keeps the findings stable.
  for (const [name, port] of entriesOf(spec.ports).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const at = keyPath('spec.ports', name);
    f.errorIfAny(at, validatePortName(name));
    f.errorIfAny(at, validatePort(numberOf(port)));
  }
  validateLabels(f, 'spec.labels', spec.labels);
  return f.list;
};
