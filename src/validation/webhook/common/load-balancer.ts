/** validateLoadBalancer of Istio's webhook (DestinationRule traffic policies). */
import { validateDuration } from './duration';
import { validateLocalityLbSetting } from './locality';
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { isSet, listOf, numberOf, stringOf } from '../../json';

/** Envoy's isPrime (Istio copies it to agree with Envoy on maglev table sizes). */
function isPrime(x: number): boolean {
  if (x !== 0 && x < 4) return true;
  if (x % 2 === 0) return false;
  const limit = Math.floor(Math.sqrt(x));
  for (let factor = 3; factor <= limit; factor += 2) {
    if (x % factor === 0) return false;
  }
  return true;
}

/** The consistent-hash checks: cookie, deprecated minimumRingSize, maglev table size. */
function validateConsistentHash(path: FieldPath, findings: Findings, hash: any): void {
  const cookie = hash.httpCookie;
  if (isSet(cookie)) {
    if (!cookie.name) findings.error(path.child('httpCookie', 'name'), 'name required for HttpCookie');
    const names = new Set<string>();
    const attributes = listOf(cookie.attributes);
    attributes.forEach((attribute, i) => {
      const name = stringOf(attribute?.name);
      const at = path.child('httpCookie', 'attributes').index(i).child('name');
      if (name === '') findings.error(at, 'cookie attribute name cannot be empty');
      else if (names.has(name)) findings.error(at, `duplicate cookie attribute name: ${name}`);
      else names.add(name);
    });
  }
  const minimumRingSize = numberOf(hash.minimumRingSize);
  if (minimumRingSize !== 0) {
    findings.warn(path.child('minimumRingSize'), "consistent hash MinimumRingSize is deprecated, use ConsistentHashLB's RingHash configuration instead");
    if (isSet(hash.maglev) || isSet(hash.ringHash)) {
      findings.error(path.child('minimumRingSize'), 'only one of MinimumRingSize or Maglev/Ringhash can be specified');
    }
  }
  if (isSet(hash.maglev)) {
    const tableSize = numberOf(hash.maglev.tableSize);
    const at = path.child('maglev', 'tableSize');
    if (tableSize === 0) findings.error(at, 'tableSize must be set for maglev');
    if (tableSize >= 5000011) findings.error(at, 'tableSize must be less than 5000011 for maglev');
    if (!isPrime(tableSize)) findings.error(at, 'tableSize must be a prime number for maglev');
  }
}

/** validateLoadBalancer: `outlierSet` tells whether the same policy has outlier detection (locality failover needs it). */
export function validateLoadBalancer(path: FieldPath, findings: Findings, settings: any, outlierSet: boolean): void {
  if (!isSet(settings)) return;
  if (isSet(settings.consistentHash)) validateConsistentHash(path.child('consistentHash'), findings, settings.consistentHash);
  validateLocalityLbSetting(path.child('localityLbSetting'), findings, settings.localityLbSetting, outlierSet);
  const warmup = settings.warmup;
  if (isSet(warmup)) {
    if (!isSet(warmup.duration)) findings.error(path.child('warmup', 'duration'), 'duration is required');
    else validateDuration(path.child('warmup', 'duration'), findings, warmup.duration);
    if (typeof warmup.minimumPercent === 'number' && warmup.minimumPercent > 100) {
      findings.error(path.child('warmup', 'minimumPercent'), 'minimumPercent value should be less than or equal to 100');
    }
    if (typeof warmup.aggression === 'number' && warmup.aggression < 1) {
      findings.error(path.child('warmup', 'aggression'), 'aggression should be greater than or equal to 1');
    }
  }
}
