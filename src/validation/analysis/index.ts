/**
 * Cross-resource analysis over a set of objects, with istioctl analyze's codes (IST0101, IST0109, ...)
 * and our own (CI1xxx) for checks Istio lacks.
 */
import { Diagnostic } from '../diagnostic';

/**
 * Findings about relations between objects. `objects[i]` is undefined for an Istio object that failed
 * schema or webhook validation (it takes no part); non-Istio objects (Services, Pods, ...) are context.
 * Each diagnostic's `objectIndex` is the object it is reported on.
 */
export function analyzeObjects(objects: readonly unknown[]): Diagnostic[] {
  void objects;
  return [];
}
