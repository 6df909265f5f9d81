/** validateLoadBalancer of Istio's webhook (DestinationRule traffic policies). */
import { isSet, numberOf } from '../../json';
import { Findings } from '../types';
import { checkDuration } from './duration';
import { validateLocalityLbSetting } from './locality';

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
function validateConsistentHash(f: Findings, path: string, hash: any): void {
  const cookie = hash.httpCookie;
  if (isSet(cookie)) {
    if (!cookie.name) f.error(`${path}.httpCookie.name`, 'name required for HttpCookie');
    const names = new Set<string>();
    const attributes: any[] = Array.isArray(cookie.attributes) ? cookie.attributes : [];
    attributes.forEach((attribute, i) => {
      const name = String(attribute?.name ?? '');
      const at = `${path}.httpCookie.attributes[${i}].name`;
      if (name === '') f.error(at, 'cookie attribute name cannot be empty');
      else if (names.has(name)) f.error(at, `duplicate cookie attribute name: ${name}`);
      else names.add(name);
    });
  }
  const minimumRingSize = numberOf(hash.minimumRingSize);
  if (minimumRingSize !== 0) {
    f.warn(`${path}.minimumRingSize`, "consistent hash MinimumRingSize is deprecated, use ConsistentHashLB's RingHash configuration instead");
    if (isSet(hash.maglev) || isSet(hash.ringHash)) {
      f.error(`${path}.minimumRingSize`, 'only one of MinimumRingSize or Maglev/Ringhash can be specified');
    }
  }
  if (isSet(hash.maglev)) {
    const tableSize = numberOf(hash.maglev.tableSize);
    const at = `${path}.maglev.tableSize`;
    if (tableSize === 0) f.error(at, 'tableSize must be set for maglev');
    if (tableSize >= 5000011) f.error(at, 'tableSize must be less than 5000011 for maglev');
    if (!isPrime(tableSize)) f.error(at, 'tableSize must be a prime number for maglev');
  }
}

/** validateLoadBalancer: `outlierSet` tells whether the same policy has outlier detection (locality failover needs it). */
export function validateLoadBalancer(f: Findings, path: string, settings: any, outlierSet: boolean): void {
  if (!isSet(settings)) return;
  if (isSet(settings.consistentHash)) validateConsistentHash(f, `${path}.consistentHash`, settings.consistentHash);
  validateLocalityLbSetting(f, `${path}.localityLbSetting`, settings.localityLbSetting, outlierSet);
  const warmup = settings.warmup;
  if (isSet(warmup)) {
    if (!isSet(warmup.duration)) f.error(`${path}.warmup.duration`, 'duration is required');
    else checkDuration(f, `${path}.warmup.duration`, warmup.duration);
    if (typeof warmup.minimumPercent === 'number' && warmup.minimumPercent > 100) {
      f.error(`${path}.warmup.minimumPercent`, 'minimumPercent value should be less than or equal to 100');
    }
    if (typeof warmup.aggression === 'number' && warmup.aggression < 1) {
      f.error(`${path}.warmup.aggression`, 'aggression should be greater than or equal to 1');
    }
  }
}
