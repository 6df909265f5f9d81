/**
 * The opt-in best-practice checks (CI2xxx): one analyzer per best practice of the product spec that
 * a tool can decide, run after the default analyzers only when asked for (`--best-practices`,
 * `IstioValidation.bestPractices(app)`). See ../README.md for the table of practices and codes.
 */
import { analyzeConnectionPool } from './connection-pool';
import { analyzeFaultInjection } from './fault-injection';
import { analyzeMeshTls } from './mesh-tls';
import { analyzeOutlierDetection } from './outlier-detection';
import { analyzeRouteTimeouts } from './route-timeouts';
import { analyzeServiceEntryExport } from './service-entry-export';
import { analyzeSidecarScope } from './sidecar-scope';
import { Analyzer } from '../core/object-set';

/** Every best-practice analyzer, in the order their findings on one object are listed. */
export const BEST_PRACTICE_ANALYZERS: readonly Analyzer[] = [
  analyzeRouteTimeouts,
  analyzeFaultInjection,
  analyzeOutlierDetection,
  analyzeConnectionPool,
  analyzeMeshTls,
  analyzeServiceEntryExport,
  analyzeSidecarScope,
];
