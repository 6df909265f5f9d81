/**
 * Cross-resource analysis over a set of objects, with istioctl analyze's codes (IST0101, IST0109, ...)
 * and our own (CI1xxx) for checks Istio lacks. One analyzer per file; the shared index, host rules
 * and message templates are in ./core. See ./README.md for what each check does and where it comes from.
 */
import { Finding, Findings } from '../findings';
import { BEST_PRACTICE_ANALYZERS } from './best-practices';
import { analyzeConflictingGateways } from './conflicting-gateways';
import { withExternalStubs } from './core/external-stubs';
import { Analyzer, ObjectSet } from './core/object-set';
import { analyzeDelegates } from './delegates';
import { analyzeDeprecation } from './deprecation';
import { analyzeDestinationRuleCaCertificates } from './destination-rule-ca-certificates';
import { analyzeDestinationRuleSubsets } from './destination-rule-subsets';
import { analyzeDuplicateObjects } from './duplicate-objects';
import { analyzeGatewayCertificates } from './gateway-certificates';
import { analyzeIngressRouteRules } from './ingress-route-rules';
import { analyzeMeshGatewayHosts } from './mesh-gateway-hosts';
import { analyzeRetriesWithoutTimeout } from './retries-timeout';
import { analyzeRouteWeights } from './route-weights';
import { analyzeServiceEntryAddresses } from './service-entry-addresses';
import { analyzeSidecarSelectors } from './sidecar-selectors';
import { analyzeUnknownHosts } from './unknown-hosts';
import { analyzeUnreachableRules } from './unreachable-rules';
import { analyzeVirtualServiceDestinations } from './virtual-service-destinations';
import { analyzeVirtualServiceGateways } from './virtual-service-gateways';
import { analyzeVirtualServiceSubsets } from './virtual-service-subsets';

/** Every analyzer, in the order their findings on one object are listed. */
export const ANALYZERS: readonly Analyzer[] = [
  analyzeDuplicateObjects,
  analyzeVirtualServiceGateways,
  analyzeVirtualServiceDestinations,
  analyzeIngressRouteRules,
  analyzeVirtualServiceSubsets,
  analyzeMeshGatewayHosts,
  analyzeUnreachableRules,
  analyzeDelegates,
  analyzeConflictingGateways,
  analyzeGatewayCertificates,
  analyzeDestinationRuleCaCertificates,
  analyzeDestinationRuleSubsets,
  analyzeServiceEntryAddresses,
  analyzeSidecarSelectors,
  analyzeDeprecation,
  analyzeUnknownHosts,
  analyzeRouteWeights,
  analyzeRetriesWithoutTimeout,
];

/** Options of analyzeObjects. */
export interface AnalyzeOptions {
  /**
   * Indexes of objects refused by schema or webhook validation: they count as present when other
   * objects refer to them (no "not found" cascade; references into them are trusted), but are not
   * analysed or reported on themselves.
   */
  readonly refused?: ReadonlySet<number>;

  /** Also run the opt-in best-practice checks (./best-practices, CI2xxx), after the others. */
  readonly bestPractices?: boolean;
}

/**
 * Findings about relations between objects; non-Istio objects (Services, Pods, ...) are context. An
 * undefined entry takes no part at all; a refused one (options.refused) only as a reference target.
 * Each finding's `objectIndex` is the object it is reported on (always set); they come sorted by it.
 * Objects declared external by an annotation (core/external-stubs.ts) count as present and are never
 * reported on.
 */
export function analyzeObjects(objects: readonly unknown[], options: AnalyzeOptions = {}): Finding[] {
  const set = new ObjectSet(withExternalStubs(objects), options.refused);
  const findings = new Findings();
  for (const analyze of ANALYZERS) analyze(set, findings);
  if (options.bestPractices) for (const analyze of BEST_PRACTICE_ANALYZERS) analyze(set, findings);
  // Array.prototype.sort is stable: an object's findings keep the analyzers' order.
  return findings.list.sort((a, b) => a.objectIndex! - b.objectIndex!);
}
