/**
 * Route destinations (validateHTTPRouteDestinations, validateRouteDestinations) and the Destination
 * they name (validateDestination, validateSubsetName, validatePortSelector, validateWeight).
 */
import { toInt32 } from '../../../go/builtin';
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { int32Of, isSet, listOf, messageOf, numberOf, stringOf } from '../../json';
import { validateHeaderOperations } from '../common/headers';
import { checkWildcardDomain } from '../common/hosts';
import { checkSubsetName } from '../common/labels';
import { checkPort } from '../common/ports';

/** validateDestination: host (not `*`), subset name, port. Nothing for an absent destination. */
export function validateDestination(path: FieldPath, findings: Findings, destination: unknown): void {
  if (!isSet(destination)) return;
  const d = messageOf(destination);
  const host = stringOf(d.host);
  findings.errorIfAny(path.child('host'), host === '*' ? `invalid destination host ${host}` : checkWildcardDomain(host));
  const subset = stringOf(d.subset);
  if (subset !== '') findings.errorIfAny(path.child('subset'), checkSubsetName(subset));
  if (isSet(d.port)) findings.errorIfAny(path.child('port', 'number'), checkPort(numberOf(messageOf(d.port).number)));
}

/** validateWeight. */
function validateWeight(path: FieldPath, findings: Findings, weight: number): void {
  if (weight < 0) findings.error(path, `weight ${weight} < 0`);
}

/**
 * validateHTTPRouteDestinations: each destination (with its header operations) and weight; several
 * destinations may not all weigh 0. Gateway-API semantics skip the destination check.
 */
export function validateHttpRouteDestinations(path: FieldPath, findings: Findings, route: unknown, gatewaySemantics: boolean): void {
  validateDestinations(path, findings, route, gatewaySemantics, true);
}

/** validateRouteDestinations (TCP and TLS routes): as for HTTP, without header operations. */
export function validateRouteDestinations(path: FieldPath, findings: Findings, route: unknown, gatewaySemantics: boolean): void {
  validateDestinations(path, findings, route, gatewaySemantics, false);
}

function validateDestinations(path: FieldPath, findings: Findings, route: unknown, gatewaySemantics: boolean, http: boolean): void {
  const weights = listOf(route);
  let total = 0;
  weights.forEach((item, i) => {
    const where = path.index(i);
    if (!isSet(item)) {
      findings.error(where, 'weight may not be nil');
      return;
    }
    const rd = messageOf(item);
    if (!isSet(rd.destination)) findings.error(where.child('destination'), 'destination is required');
    if (http) validateHeaderOperations(where.child('headers'), findings, rd.headers);
    if (!gatewaySemantics) validateDestination(where.child('destination'), findings, rd.destination);
    const weight = int32Of(rd.weight);
    validateWeight(where.child('weight'), findings, weight);
    total = toInt32(total + weight); // int32 arithmetic, as in Go
  });
  if (weights.length > 1 && total === 0) findings.error(path, 'total destination weight = 0');
}
