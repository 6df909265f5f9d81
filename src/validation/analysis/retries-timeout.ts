/**
 * CI1003: an HTTP route with retries and no timeout. Istio sets no route timeout by default, so
 * the attempts (each bounded only by perTryTimeout, if set) have no overall deadline. Not reported
 * when retries are turned off (`attempts: 0`).
 */
import { FieldPath } from '../field-path';
import { Findings } from '../findings';
import { isRecord, listOf } from '../json';
import { OwnMessages } from './core/messages';
import { Group, ObjectSet } from './core/object-set';

export function analyzeRetriesWithoutTimeout(set: ObjectSet, findings: Findings): void {
  for (const vs of set.of(Group.NETWORKING, 'VirtualService')) {
    listOf(vs.spec.http).forEach((rule, i) => {
      if (!isRecord(rule) || !isRecord(rule.retries) || rule.timeout !== undefined) return;
      if (rule.retries.attempts === 0) return;
      findings.report(vs, OwnMessages.RetriesWithoutTimeout, FieldPath.at('spec', 'http').index(i).child('retries'));
    });
  }
}
