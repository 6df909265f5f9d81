/**
 * An HTTP route's delegate is a VirtualService istiod will merge: it exists, it is a delegate (no
 * hosts, no delegates of its own: one level only) and it is exported to the root's namespace.
 * istiod silently drops the route otherwise (mergeVirtualServicesIfNeeded in
 * pilot/pkg/model/virtualservice.go) and istioctl has no analyzer for it: codes CI1004–CI1006.
 */
import { FieldPath } from '../field-path';
import { Findings } from '../findings';
import { isRecord, listOf, strings } from '../json';
import { isExportedTo } from './core/hosts';
import { OwnMessages } from './core/messages';
import { Group, ObjectSet } from './core/object-set';

export function analyzeDelegates(set: ObjectSet, findings: Findings): void {
  for (const root of set.of(Group.NETWORKING, 'VirtualService')) {
    listOf(root.spec.http).forEach((rule, i) => {
      if (!isRecord(rule) || !isRecord(rule.delegate)) return;
      const path = FieldPath.at('spec', 'http').index(i).child('delegate');
      const name = typeof rule.delegate.name === 'string' ? rule.delegate.name : '';
      const namespace = typeof rule.delegate.namespace === 'string' && rule.delegate.namespace !== '' ? rule.delegate.namespace : root.namespace;
      const reference = `${namespace}/${name}`;
      const delegate = set.find(Group.NETWORKING, 'VirtualService', namespace, name);
      if (!delegate) {
        findings.report(root, OwnMessages.DelegateNotFound, path, reference);
      } else if (delegate.refused) {
        // A refused delegate's own errors are reported; its contents are not judged from here.
      } else if (strings(delegate.spec.hosts).length > 0) {
        // istiod only indexes VirtualServices without hosts as delegates.
        findings.report(root, OwnMessages.DelegateNotUsable, path, reference, 'has hosts, so istiod treats it as a root VirtualService, not a delegate');
      } else if (listOf(delegate.spec.http).some(r => isRecord(r) && isRecord(r.delegate))) {
        findings.report(root, OwnMessages.DelegateNotUsable, path, reference, 'delegates further; Istio supports one level of delegation only');
      } else if (!isExportedTo(strings(delegate.spec.exportTo), delegate.namespace, root.namespace)) {
        findings.report(root, OwnMessages.DelegateNotExported, path, reference, root.namespace, strings(delegate.spec.exportTo));
      }
    });
  }
}
