/**
 * Unknown fields, found as the API server's pruning algorithm walks an object against its
 * structural schema. With strict field validation (kubectl's default) any unknown field fails the
 * request while it is decoded, before any other validation: `unknown field "spec.http[0].foo"`.
 * Paths join properties and map keys with dots and list items with `[i]`, as the decoder prints them.
 */
import type { SchemaNode } from './crd-catalog';
import { fieldError, FieldIssue } from './field-errors';
import { isRecord } from '../json';

/** Pushes an issue per unknown field under `value`. */
export function findUnknownFields(value: unknown, schema: SchemaNode, path: string, issues: FieldIssue[]): void {
  if (Array.isArray(value)) {
    // Items without a schema admit no fields: an object where the schema has none is all unknown.
    const items = schema.items ?? {};
    value.forEach((item, i) => findUnknownFields(item, items, `${path}[${i}]`, issues));
    return;
  }
  if (!isRecord<unknown>(value)) return;
  const preserve = schema['x-kubernetes-preserve-unknown-fields'] === true || schema.additionalProperties === true;
  const additional = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    const childSchema = schema.properties?.[key] ?? additional;
    if (childSchema) {
      findUnknownFields(child, childSchema, childPath, issues);
    } else if (!preserve) {
      issues.push(fieldError.unknownField(childPath));
    }
  }
}

/** ObjectMeta's fields: anything else under `metadata` is unknown to the API server too. */
const OBJECT_META_FIELDS = new Set([
  'name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp',
  'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields',
]);

/** Unknown fields directly under `metadata`. */
export function findUnknownMetadataFields(metadata: unknown, issues: FieldIssue[]): void {
  if (!isRecord<unknown>(metadata)) return;
  for (const key of Object.keys(metadata)) {
    if (!OBJECT_META_FIELDS.has(key)) issues.push(fieldError.unknownField(`metadata.${key}`));
  }
}
