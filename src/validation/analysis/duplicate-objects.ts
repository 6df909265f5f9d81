/**
 * CI1007: two Istio objects with the same kind, namespace and name. Applied together, the API server
 * keeps the last one (every version of a kind is one resource), so the first one's routes or subsets
 * silently disappear; istioctl, which reads one cluster object per name, never sees the clash. An
 * object without a namespace counts as being in `default`, where it lands when applied as is.
 */
import { FieldPath } from '../field-path';
import { Findings } from '../findings';
import { istioGroups } from '../schema/crd-catalog';
import { OwnMessages } from './core/messages';
import { Entry, ObjectSet } from './core/object-set';

export function analyzeDuplicateObjects(set: ObjectSet, findings: Findings): void {
  const groups = istioGroups();
  for (const kindKey of set.kinds()) {
    const [group, kind] = kindKey.split('/');
    if (!groups.has(group)) continue;
    const first = new Map<string, Entry>();
    for (const entry of set.of(group, kind)) {
      if (first.has(entry.fullName)) findings.report(entry, OwnMessages.DuplicateObject, FieldPath.at('metadata', 'name'), kind, entry.fullName);
      else first.set(entry.fullName, entry);
    }
  }
}
