/**
 * CI1002: route weights that do not add up to 100. Istio's webhook only rejects a total of 0;
 * istiod then scales the weights proportionally, which is rarely what a canary split written as
 * `90`/`5` meant. A route with a single destination and no weight is not reported.
 */
import { FieldPath } from '../field-path';
import { Findings } from '../findings';
import { isRecord, listOf } from '../json';
import { OwnMessages } from './core/messages';
import { Group, ObjectSet } from './core/object-set';

export function analyzeRouteWeights(set: ObjectSet, findings: Findings): void {
  for (const vs of set.of(Group.NETWORKING, 'VirtualService')) {
    for (const section of ['http', 'tcp', 'tls']) {
      listOf(vs.spec[section]).forEach((rule, i) => {
        const routes = isRecord(rule) ? listOf(rule.route).filter(isRecord) : [];
        if (routes.length === 0 || (routes.length === 1 && routes[0].weight === undefined)) return;
        const total = routes.reduce((sum, route) => sum + (typeof route.weight === 'number' ? route.weight : 0), 0);
        if (total !== 100 && total > 0) findings.report(vs, OwnMessages.WeightsNotHundred, FieldPath.at('spec', section).index(i).child('route'), total, total);
      });
    }
  }
}
