/**
 * Schema + CEL validation of one Istio object against the CRD version its apiVersion names: what the
 * Kubernetes API server checks before Istio's webhook sees the object, in its order:
 * strict decoding (unknown fields end it), `status` dropped (a subresource), metadata and structural
 * schema, then the CEL rules unless a blocking error was found.
 */
import { crdVersion, SchemaNode, servedVersions } from './crd-catalog';
import { Codes, Diagnostic, objectIdentity, Severity } from '../diagnostic';
import { fieldError, FieldIssue, NO_PATH } from './field-errors';
import { validateMetadata } from './metadata';
import { findUnknownFields, findUnknownMetadataFields } from './pruning';
import { validateValue } from './structural';
import { evaluateRules } from '../cel/rules';

/** Fields every object has, handled by the API server rather than by the CRD schema. */
const SERVER_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

const CEL_SKIPPED = 'Invalid value: "null": some validation rules were not checked because the object was invalid; '
  + 'correct the existing errors to complete validation';

/** The findings for one object: field issues in the API server's order. */
function objectIssues(obj: Record<string, unknown>, schema: SchemaNode): FieldIssue[] {
  const body: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(obj)) {
    if (!SERVER_FIELDS.has(field)) body[field] = value;
  }
  // status is a subresource: what a create or update sends there is dropped, never validated...
  const status = body.status;
  delete body.status;
  const walked = validateValue(body, schema, '');

  // ... but strict decoding sees the whole object, status included, and stops at unknown fields.
  const unknown: FieldIssue[] = [];
  findUnknownMetadataFields(obj.metadata, unknown);
  unknown.push(...walked.unknownFields);
  if (status !== undefined) {
    if (schema.properties?.status) findUnknownFields(status, schema.properties.status, 'status', unknown);
    else unknown.push(fieldError.unknownField('status'));
  }
  if (unknown.length > 0) return unknown;

  const issues: FieldIssue[] = [];
  validateMetadata(obj.metadata, issues);
  issues.push(...walked.issues);
  if (issues.some(issue => issue.blocking)) {
    issues.push({ path: NO_PATH, message: CEL_SKIPPED });
  } else {
    for (const task of walked.ruleTasks) evaluateRules(task, issues);
  }
  return issues;
}

/**
 * Diagnostics for one object (empty when it is valid), `objectIndex` its position in the list being
 * validated. `obj` must have an Istio apiVersion.
 */
export function validateSchema(obj: Record<string, unknown>, objectIndex: number): Diagnostic[] {
  const where = objectIdentity(obj);
  const toDiagnostic = (issue: FieldIssue): Diagnostic =>
    ({ severity: Severity.ERROR, code: Codes.SCHEMA_VALIDATION_ERROR, ...where, path: issue.path, message: issue.message, objectIndex });

  const apiVersion = String(obj.apiVersion);
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
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
  return objectIssues(obj, crd.schema).map(toDiagnostic);
}
