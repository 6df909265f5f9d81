/**
 * Unknown fields, found as the API server's pruning algorithm walks an object against its
 * structural schema. With strict field validation (kubectl's default) any unknown field fails the
 * request while it is decoded, before any other validation: `unknown field "spec.http[0].foo"`.
 * Paths join properties and map keys with dots and list items with `[i]`, as the decoder prints them.
 */
import type { SchemaNode } from './crd-catalog';
import { fieldError } from './field-errors';
import type { FieldPath } from '../field-path';
import type { Findings } from '../findings';
import { isRecord } from '../json';

/** Appends an unknown-field error per field under `value` (at `path`) that `schema` does not declare. */
export function validateKnownFields(path: FieldPath, findings: Findings, value: unknown, schema: SchemaNode): void {
  if (Array.isArray(value)) {
    // Items without a schema admit no fields: an object where the schema has none is all unknown.
    const items = schema.items ?? {};
    value.forEach((item, i) => validateKnownFields(path.index(i), findings, item, items));
    return;
  }
  if (!isRecord<unknown>(value)) return;
  const preserve = schema['x-kubernetes-preserve-unknown-fields'] === true || schema.additionalProperties === true;
  const additional = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
  for (const [key, child] of Object.entries(value)) {
    const childSchema = schema.properties?.[key] ?? additional;
    if (childSchema) {
      validateKnownFields(path.child(key), findings, child, childSchema);
    } else if (!preserve) {
      findings.add(fieldError.unknownField(path.child(key)));
    }
  }
}

/** ObjectMeta's fields: anything else under `metadata` is unknown to the API server too. */
const OBJECT_META_FIELDS = new Set([
  'name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp',
  'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields',
]);

/** Appends an unknown-field error per field directly under `metadata` (at `path`) that ObjectMeta lacks. */
export function validateKnownMetadataFields(path: FieldPath, findings: Findings, metadata: unknown): void {
  if (!isRecord<unknown>(metadata)) return;
  for (const key of Object.keys(metadata)) {
    if (!OBJECT_META_FIELDS.has(key)) findings.add(fieldError.unknownField(path.child(key)));
  }
}
