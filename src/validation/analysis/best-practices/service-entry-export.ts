/**
 * Best practice 4, "Export Control": CI2006, a ServiceEntry visible in every namespace — no
 * `exportTo` (Istio's default) or `*` in it. Whether every namespace needs the host is not for a tool
 * to know; a ServiceEntry that should be everywhere says so with a suppression.
 */
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { strings } from '../../json';
import { BestPracticeMessages } from '../core/messages';
import { Group, ObjectSet } from '../core/object-set';

export function analyzeServiceEntryExport(set: ObjectSet, findings: Findings): void {
  for (const entry of set.of(Group.NETWORKING, 'ServiceEntry')) {
    const exportTo = strings(entry.spec.exportTo);
    if (exportTo.length > 0 && !exportTo.includes('*')) continue;
    const hosts = strings(entry.spec.hosts);
    findings.report(entry, BestPracticeMessages.ServiceEntryExportedToAll, FieldPath.at('spec', 'exportTo'),
      exportTo.length === 0 ? 'no exportTo' : 'exportTo "*"', hosts.length === 1 ? hosts[0] : 'its hosts');
  }
}
