/**
 * Best practice 10, "Testing Traffic Patterns": CI2008, an HTTP route with a fault (delay or abort)
 * on every request — percentage absent (Istio's default: 100) or 100 — and no match, so every request
 * to the host that reaches the route gets the fault, not just the test traffic.
 */
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { isRecord, listOf } from '../../json';
import { BestPracticeMessages } from '../core/messages';
import { Group, ObjectSet } from '../core/object-set';

export function analyzeFaultInjection(set: ObjectSet, findings: Findings): void {
  for (const vs of set.of(Group.NETWORKING, 'VirtualService')) {
    listOf(vs.spec.http).forEach((rule, i) => {
      if (!isRecord(rule) || !isRecord(rule.fault) || listOf(rule.match).length > 0) return;
      for (const kind of ['delay', 'abort']) {
        const fault = rule.fault[kind];
        if (!isRecord(fault) || !appliesToAll(fault)) continue;
        findings.report(vs, BestPracticeMessages.FaultOnAllTraffic, FieldPath.at('spec', 'http').index(i).child('fault', kind), kind);
      }
    });
  }
}

/** `percentage.value` absent or at least 100 (the deprecated integer `percent` too). */
function appliesToAll(fault: Record<string, unknown>): boolean {
  if (isRecord(fault.percentage)) return typeof fault.percentage.value !== 'number' || fault.percentage.value >= 100;
  if (typeof fault.percent === 'number') return fault.percent >= 100;
  return true;
}
