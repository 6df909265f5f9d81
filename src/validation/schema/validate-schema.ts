/**
 * Schema + CEL validation of one Istio object against the CRD version its apiVersion names: what the
 * Kubernetes API server checks before Istio's webhook sees the object, in its order:
 * strict decoding (unknown fields end it), `status` dropped (a subresource), metadata and structural
 * schema, then the CEL rules unless a blocking error was found.
 */
import { crdVersion, SchemaNode, servedVersions } from './crd-catalog';
import { fieldError } from './field-errors';
import { validateMetadata } from './metadata';
import { validateKnownFields, validateKnownMetadataFields } from './pruning';
import { validateValue } from './structural';
import { validateRules } from '../cel/rules';
import { FieldPath } from '../field-path';
import { Finding, Findings } from '../findings';
import { stringOf } from '../json';

/** Fields every object has, handled by the API server rather than by the CRD schema. */
const SERVER_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

const METADATA = FieldPath.at('metadata');
const STATUS = FieldPath.at('status');

const CEL_SKIPPED = 'some validation rules were not checked because the object was invalid; correct the existing errors to complete validation';

/** The findings for one object, in the API server's order. */
function objectFindings(obj: Record<string, unknown>, schema: SchemaNode): Finding[] {
  const body: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(obj)) {
    if (!SERVER_FIELDS.has(field)) body[field] = value;
  }
  // status is a subresource: what a create or update sends there is dropped, never validated...
  const status = body.status;
  delete body.status;
  const findings = new Findings();
  validateMetadata(METADATA, findings, obj.metadata);
  const walked = validateValue(FieldPath.ROOT, findings, body, schema);

  // ... but strict decoding sees the whole object, status included, and stops at unknown fields.
  const unknownFields = new Findings();
  validateKnownMetadataFields(METADATA, unknownFields, obj.metadata);
  for (const finding of walked.unknownFields) unknownFields.add(finding);
  if (status !== undefined) {
    if (schema.properties?.status) validateKnownFields(STATUS, unknownFields, status, schema.properties.status);
    else unknownFields.add(fieldError.unknownField(STATUS));
  }
  if (unknownFields.list.length > 0) return unknownFields.list;

  if (findings.list.some(finding => finding.blocking)) {
    findings.add(fieldError.invalid(FieldPath.NONE, null, CEL_SKIPPED));
  } else {
    for (const task of walked.ruleTasks) validateRules(task.path, findings, task.schema, task.value, task.celValue);
  }
  return findings.list;
}

/**
 * The API server's findings for one object (none when it is valid): strict decoding, metadata,
 * structural schema and CEL rules. `obj` must have an Istio apiVersion.
 */
export function validateSchema(obj: Record<string, unknown>): Finding[] {
  const apiVersion = String(obj.apiVersion);
  const kind = stringOf(obj.kind);
  const findings = new Findings();
  if (!kind) {
    findings.error(FieldPath.at('kind'), 'Required value: kind is required');
    return findings.list;
  }
  const crd = crdVersion(apiVersion, kind);
  if (!crd) {
    const group = apiVersion.split('/')[0];
    const served = servedVersions(group, kind);
    const hint = served.length
      ? `Istio serves ${kind} as ${served.map(v => `${group}/${v}`).join(', ')}`
      : `Istio has no kind ${kind} in ${group}`;
    findings.error(FieldPath.ROOT, `no matches for kind "${kind}" in version "${apiVersion}": ${hint}`);
    return findings.list;
  }
  return objectFindings(obj, crd.schema);
}
