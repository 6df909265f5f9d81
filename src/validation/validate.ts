/**
 * The validation engine's entry point: every check, for every front end.
 * Input: plain objects (any Kubernetes documents). Output: diagnostics, each with the index of its object.
 */
import { istioGroups } from './crd-catalog';
import { Diagnostic } from './diagnostic';
import { validateSchema } from './schema-validator';

/** True for an object whose apiVersion belongs to an Istio API group. */
export function isIstioObject(obj: unknown): boolean {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return false;
  const apiVersion = (obj as { apiVersion?: unknown }).apiVersion;
  if (typeof apiVersion !== 'string') return false;
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  return istioGroups().has(group) || group.endsWith('.istio.io');
}

/**
 * Validates every Istio object of a set of documents (other documents are context for later
 * cross-resource checks and are otherwise skipped). Diagnostics carry `objectIndex`.
 */
export function validateObjects(objects: readonly unknown[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  objects.forEach((obj, objectIndex) => {
    if (!isIstioObject(obj)) return;
    for (const diagnostic of validateSchema(obj as Record<string, unknown>)) {
      diagnostics.push({ ...diagnostic, objectIndex });
    }
  });
  return diagnostics;
}
