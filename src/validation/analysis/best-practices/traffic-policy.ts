/**
 * What the resilience checks (CI2003, CI2004) share: the subsets of a DestinationRule that split a
 * service by labels, and whether a traffic-policy field applies to one. A subset's trafficPolicy
 * overrides the rule's field by field (istiod's MergeTrafficPolicy), and a field set for some ports
 * (portLevelSettings) counts as set.
 */
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { isRecord, listOf, stringMap } from '../../json';
import { MessageType } from '../core/messages';
import { Group, ObjectSet } from '../core/object-set';

/** `field` is set in a trafficPolicy, at the top or for some port. */
function policyHas(policy: unknown, field: string): boolean {
  if (!isRecord(policy)) return false;
  return isRecord(policy[field]) || listOf(policy.portLevelSettings).some(setting => isRecord(setting) && isRecord(setting[field]));
}

/**
 * Reports, once per DestinationRule, the labelled subsets that get no `field`, neither from the rule
 * nor from their own trafficPolicy, at the rule's `trafficPolicy.<field>` (where it belongs). A
 * subset without labels selects every endpoint of the host (a way to carry a traffic policy for some
 * routes, as Istio's egress gateway tasks do) and is not checked.
 */
export function analyzeSubsetsWithout(set: ObjectSet, findings: Findings, field: string, type: MessageType): void {
  for (const rule of set.of(Group.NETWORKING, 'DestinationRule')) {
    if (policyHas(rule.spec.trafficPolicy, field)) continue;
    const missing = listOf(rule.spec.subsets)
      .filter(subset => isRecord(subset) && Object.keys(stringMap(subset.labels)).length > 0 && !policyHas(subset.trafficPolicy, field))
      .map(subset => (typeof subset.name === 'string' ? subset.name : ''));
    if (missing.length > 0) findings.report(rule, type, FieldPath.at('spec', 'trafficPolicy', field), missing);
  }
}
