/**
 * The validation engine's entry point: every check, for every front end.
 * Input: plain objects (any Kubernetes documents). Output: diagnostics, each with the index of its object.
 */
import { istioGroups } from './crd-catalog';
import { Codes, Diagnostic, objectIdentity, Severity } from './diagnostic';
import { validateSchema } from './schema-validator';
import { validateWebhook } from './webhook';

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
    const schemaDiagnostics = validateSchema(obj as Record<string, unknown>);
    for (const diagnostic of schemaDiagnostics) {
      diagnostics.push({ ...diagnostic, objectIndex });
    }
    // As in the API server: the validating webhook only sees objects the schema accepted.
    if (schemaDiagnostics.length === 0) {
      diagnostics.push(...webhookDiagnostics(obj as Record<string, unknown>, objectIndex));
    }
  });
  return diagnostics;
}

/** The webhook's findings as diagnostics: errors IST0106, warnings IST0133. */
function webhookDiagnostics(obj: Record<string, unknown>, objectIndex: number): Diagnostic[] {
  const where = objectIdentity(obj);
  return validateWebhook(obj).map(finding => ({
    severity: finding.warning ? Severity.WARNING : Severity.ERROR,
    code: finding.warning ? Codes.SCHEMA_WARNING : Codes.SCHEMA_VALIDATION_ERROR,
    ...where,
    path: finding.path,
    message: finding.message,
    objectIndex,
  }));
}
