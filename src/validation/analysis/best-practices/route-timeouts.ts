/**
 * Best practice 8, "Timeouts and Retries": CI2001, an HTTP route to destinations without a timeout;
 * CI2002, retries that cannot all run within the route's timeout. Envoy applies perTryTimeout to
 * every try, the first one included, and `attempts` counts only the retries, so the tries take up to
 * (attempts + 1) × perTryTimeout. Routes CI1003 already reports (retries without a timeout), routes
 * that do not forward (redirect, direct response, delegate) and an explicit `timeout: 0s` (the
 * timeout switched off on purpose) are left alone.
 */
import { parseGoDuration } from '../../../go/time';
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { isRecord, listOf } from '../../json';
import { BestPracticeMessages } from '../core/messages';
import { Group, ObjectSet } from '../core/object-set';

export function analyzeRouteTimeouts(set: ObjectSet, findings: Findings): void {
  for (const vs of set.of(Group.NETWORKING, 'VirtualService')) {
    listOf(vs.spec.http).forEach((rule, i) => {
      if (!isRecord(rule) || listOf(rule.route).length === 0) return;
      const rulePath = FieldPath.at('spec', 'http').index(i);
      const retries = isRecord(rule.retries) ? rule.retries : undefined;
      if (rule.timeout === undefined) {
        // With retries, CI1003 (a default check) says it already.
        if (!retries || retries.attempts === 0) findings.report(vs, BestPracticeMessages.RouteWithoutTimeout, rulePath);
        return;
      }
      const timeout = nanos(rule.timeout);
      const perTry = nanos(retries?.perTryTimeout);
      const attempts = retries?.attempts;
      if (timeout === undefined || timeout === 0n || perTry === undefined || typeof attempts !== 'number' || attempts <= 0) return;
      const tries = BigInt(attempts) + 1n;
      if (tries * perTry <= timeout) return;
      findings.report(vs, BestPracticeMessages.RetriesExceedTimeout, rulePath.child('retries'),
        Number(tries), attempts, retries!.perTryTimeout, shortDuration(tries * perTry), rule.timeout);
    });
  }
}

function nanos(value: unknown): bigint | undefined {
  return typeof value === 'string' ? parseGoDuration(value) : undefined;
}

/** `8s`, `1500ms` or `250us`: the largest unit that keeps the value whole. */
export function shortDuration(ns: bigint): string {
  for (const [unit, size] of [['h', 3_600_000_000_000n], ['m', 60_000_000_000n], ['s', 1_000_000_000n], ['ms', 1_000_000n], ['us', 1_000n]] as const) {
    if (ns % size === 0n && ns >= size) return `${ns / size}${unit}`;
  }
  return `${ns}ns`;
}
