/**
 * Istio's webhook rules for WorkloadEntry (ValidateWorkloadEntry in istio/pkg/config/validation):
 * validateWorkloadEntry without a ServiceEntry's ports, so the address may be an IP, a unix socket
 * or an FQDN, and a port name need not name a service port.
 */
import { checkFQDN, checkUnixAddress, isValidIPAddress, UNIX_PREFIX } from './common/hosts';
import { validateLabels } from './common/labels';
import { checkPort, checkPortName } from './common/ports';
import { KindValidator } from './types';
import { goQuote } from '../../go/format';
import { FieldPath } from '../field-path';
import { entriesOf, numberOf, stringOf } from '../json';

const SPEC = FieldPath.at('spec');

export const validateWorkloadEntry: KindValidator = (obj, findings) => {
  const spec = obj.spec;
  const address = stringOf(spec.address);
  const network = stringOf(spec.network);

  if (address === '') {
    if (network === '') {
      // Istio returns this error alone.
      findings.error(SPEC.child('address'), 'address is required');
      return;
    }
    findings.warn(SPEC.child('address'), `address is unset with network ${goQuote(network)}`);
  }

  if (address.startsWith(UNIX_PREFIX)) {
    findings.errorIfAny(SPEC.child('address'), checkUnixAddress(address.slice(UNIX_PREFIX.length)));
    if (entriesOf(spec.ports).length > 0) findings.error(SPEC.child('ports'), `unix endpoint ${address} must not include ports`);
  } else if (address !== '' && !isValidIPAddress(address) && checkFQDN(address) !== undefined) {
    findings.error(SPEC.child('address'), `endpoint address ${goQuote(address)} is not a valid FQDN or an IP address`);
  }

  // Go ranges over the map in random order; key order keeps the findings stable.
  for (const [name, port] of entriesOf(spec.ports).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const at = SPEC.child('ports').key(name);
    findings.errorIfAny(at, checkPortName(name));
    findings.errorIfAny(at, checkPort(numberOf(port)));
  }
  validateLabels(SPEC.child('labels'), findings, spec.labels);
};
