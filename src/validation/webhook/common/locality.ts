/** ValidateLocalityLbSetting and validateLocalities of Istio's webhook (istio/pkg/config/validation/agent). */
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { isSet, listOf, messageOf, numberOf, stringItems, stringOf } from '../../json';

// Topology labels that 'failover' already implies (pilot/pkg/serviceregistry/util/label).
const TOPOLOGY_LABELS = ['topology.kubernetes.io/region', 'topology.kubernetes.io/zone', 'topology.istio.io/subzone'];

/** getLocalityParam: region/zone/subzone, undefined when one of the given parts is empty. */
function localityParts(locality: string): string[] | undefined {
  const slash = locality.indexOf('/');
  const second = slash < 0 ? -1 : locality.indexOf('/', slash + 1);
  // strings.SplitN(locality, "/", 3): the subzone keeps any further '/'.
  const parts = slash < 0 ? [locality]
    : second < 0 ? [locality.slice(0, slash), locality.slice(slash + 1)]
      : [locality.slice(0, slash), locality.slice(slash + 1, second), locality.slice(second + 1)];
  return parts.some(p => p === '') ? undefined : parts;
}

/** validateLocalities: the first problem of a list of localities (wildcards, empty parts, overlaps). */
export function checkLocalities(localities: readonly string[]): string | undefined {
  // region -> zone -> subzone; '*' marks "everything below".
  const seen = new Map<string, Map<string, Set<string>>>();
  const overlap = (locality: string) => `locality ${locality} overlap with previous specified ones`;
  for (const locality of localities) {
    const stars = locality.split('*').length - 1;
    if (stars > 1 || (stars === 1 && !locality.endsWith('*'))) {
      return `locality ${locality} wildcard '*' number can not exceed 1 and must be in the end`;
    }
    if (seen.has('*')) return overlap(locality);
    const parts = localityParts(locality);
    if (!parts) return `locality ${locality} must not contain empty region/zone/subzone info`;
    const [region, zone, subzone] = parts;
    const zones = seen.get(region);
    if (parts.length === 1) {
      if (zones) return overlap(locality);
      seen.set(region, new Map([['*', new Set(['*'])]]));
    } else if (parts.length === 2) {
      if (zones && (zones.has('*') || zones.has(zone))) return overlap(locality);
      if (zones) zones.set(zone, new Set(['*']));
      else seen.set(region, new Map([[zone, new Set(['*'])]]));
    } else if (!zones) {
      seen.set(region, new Map([[zone, new Set([subzone])]]));
    } else {
      if (zones.has('*')) return overlap(locality);
      const subzones = zones.get(zone);
      if (subzones && (subzones.has('*') || subzones.has(subzone))) return overlap(locality);
      if (subzones) subzones.add(subzone);
      else zones.set(zone, new Set([subzone]));
    }
  }
  return undefined;
}

/** ValidateLocalityLbSetting: `outlierSet` tells whether the same policy has outlier detection. */
export function validateLocalityLbSetting(path: FieldPath, findings: Findings, lb: any, outlierSet: boolean): void {
  if (!isSet(lb)) return;
  const distribute = listOf(lb.distribute);
  const failover = listOf(lb.failover);
  const failoverPriority = stringItems(lb.failoverPriority);
  if (distribute.length > 0 && failover.length > 0) {
    findings.error(path, "can not simultaneously specify 'distribute' and 'failover'");
    return;
  }
  if (failover.length > 0) {
    const i = failoverPriority.findIndex(label => TOPOLOGY_LABELS.includes(label));
    if (i >= 0) {
      findings.error(path.child('failoverPriority').index(i), `can not simultaneously set 'failover' and topology label '${failoverPriority[i]}' in 'failover_priority'`);
      return;
    }
  }

  const sources: string[] = [];
  for (let i = 0; i < distribute.length; i++) {
    const at = path.child('distribute').index(i);
    sources.push(stringOf(distribute[i]?.from));
    const to = messageOf(distribute[i]?.to);
    const destinations = Object.keys(to).sort();
    let total = 0;
    for (const locality of destinations) {
      const weight = numberOf(to[locality]);
      if (weight <= 0 || weight > 100) {
        findings.error(at.child('to').key(locality), 'locality weight must be in range [1, 100]');
        return;
      }
      total += weight;
    }
    if (total !== 100) {
      findings.error(at.child('to'), `total locality weight ${total} != 100`);
      return;
    }
    const invalid = checkLocalities(destinations);
    if (invalid) findings.error(at.child('to'), invalid);
  }
  const invalidSource = checkLocalities(sources);
  if (invalidSource) findings.error(path.child('distribute'), invalidSource);

  if ((failover.length > 0 || failoverPriority.length > 0) && !outlierSet) {
    findings.warn(path, 'outlier detection policy must be provided for failover');
  }
  failover.forEach((entry, i) => {
    const from = stringOf(entry?.from);
    const to = stringOf(entry?.to);
    const at = path.child('failover').index(i);
    if (from === to) findings.error(at, 'locality lb failover settings must specify different regions');
    if (from.includes('/') || to.includes('/')) findings.error(at, 'locality lb failover only specify region');
    if (from.includes('*') || to.includes('*')) findings.error(at, "locality lb failover region should not contain '*' wildcard");
  });
}
