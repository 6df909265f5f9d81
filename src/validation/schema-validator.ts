/**
 * Schema + CEL validation of one Istio object against the CRD version its apiVersion names:
 * what the Kubernetes API server checks before Istio's webhook sees the object.
 */
import { crdVersion, servedVersions } from './crd-catalog';
import { Codes, Diagnostic, objectIdentity, Severity } from './diagnostic';
import { FieldIssue } from './schema/field-errors';
import { validateMetadata } from './schema/metadata';
import { validateValue } from './schema/structural';

/** Fields every object has, validated by the API server itself rather than by the CRD schema. */
const OBJECT_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

/** Diagnostics for one object (empty when it is valid). `obj` must have an Istio apiVersion. */
export function validateSchema(obj: Record<string, unknown>): Diagnostic[] {
  const apiVersion = String(obj.apiVersion);
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  const where = objectIdentity(obj);
  const toDiagnostic = (issue: FieldIssue): Diagnostic =>
    ({ severity: Severity.ERROR, code: Codes.SCHEMA_VALIDATION_ERROR, ...where, path: issue.path, message: issue.message });

  if (!kind) return [toDiagnostic({ path: 'kind', message: 'Required value: kind is required' })];
  const crd = crdVersion(apiVersion, kind);
  if (!crd) {
    const group = apiVersion.split('/')[0];
    const served = servedVersions(group, kind);
    const hint = served.length
      ? `Istio serves ${kind} as ${served.map(v => `${group}/${v}`).join(', ')}`
      : `Istio has no kind ${kind} in ${group}`;
    return [toDiagnostic({ path: '', message: `no matches for kind "${kind}" in version "${apiVersion}": ${hint}` })];
  }

  const issues: FieldIssue[] = [];
  validateMetadata(obj.metadata, issues);
  const body: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(obj)) {
    if (!OBJECT_FIELDS.has(field)) body[field] = value;
  }
  validateValue(body, crd.schema, '', issues);
  return issues.map(toDiagnostic);
}
