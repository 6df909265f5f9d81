/**
 * Route destinations (validateHTTPRouteDestinations, validateRouteDestinations) and the Destination
 * they name (validateDestination, validateSubsetName, validatePortSelector, validateWeight).
 */
import { int32Of, isSet, listOf, messageOf, numberOf, stringOf, toInt32 } from '../../json';
import { checkHeaderOperations } from '../common/headers';
import { validateWildcardDomain } from '../common/hosts';
import { validateSubsetName } from '../common/labels';
import { validatePort } from '../common/ports';
import { Findings } from '../types';

/** validateDestination: host (not `*`), subset name, port. Nothing for an absent destination. */
export function checkDestination(f: Findings, path: string, destination: unknown): void {
  if (!isSet(destination)) return;
  const d = messageOf(destination);
  const host = stringOf(d.host);
  const hostError = host === '*' ? `invalid destination host ${host}` : validateWildcardDomain(host);
  if (hostError) f.error(`${path}.host`, hostError);
  const subset = stringOf(d.subset);
  const subsetError = subset !== '' ? validateSubsetName(subset) : undefined;
  if (subsetError) f.error(`${path}.subset`, subsetError);
  if (isSet(d.port)) {
    const portError = validatePort(numberOf(messageOf(d.port).number));
    if (portError) f.error(`${path}.port.number`, portError);
  }
}

/** validateWeight. */
function checkWeight(f: Findings, path: string, weight: number): void {
  if (weight < 0) f.error(path, `weight ${weight} < 0`);
}

/**
 * validateHTTPRouteDestinations: each destination (with its header operations) and weight; several
 * destinations may not all weigh 0. Gateway-API semantics skip the destination check.
 */
export function checkHttpRouteDestinations(f: Findings, path: string, route: unknown, gatewaySemantics: boolean): void {
  checkDestinations(f, path, route, gatewaySemantics, true);
}

/** validateRouteDestinations (TCP and TLS routes): as for HTTP, without header operations. */
export function checkRouteDestinations(f: Findings, path: string, route: unknown, gatewaySemantics: boolean): void {
  checkDestinations(f, path, route, gatewaySemantics, false);
}

function checkDestinations(f: Findings, path: string, route: unknown, gatewaySemantics: boolean, http: boolean): void {
  const weights = listOf(route);
  let total = 0;
  weights.forEach((item, i) => {
    const where = `${path}[${i}]`;
    if (!isSet(item)) {
      f.error(where, 'weight may not be nil');
      return;
    }
    const rd = messageOf(item);
    if (!isSet(rd.destination)) f.error(`${where}.destination`, 'destination is required');
    if (http) checkHeaderOperations(f, `${where}.headers`, rd.headers);
    if (!gatewaySemantics) checkDestination(f, `${where}.destination`, rd.destination);
    const weight = int32Of(rd.weight);
    checkWeight(f, `${where}.weight`, weight);
    total = toInt32(total + weight); // int32 arithmetic, as in Go
  });
  if (weights.length > 1 && total === 0) f.error(path, 'total destination weight = 0');
}
