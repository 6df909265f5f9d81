/**
 * oneOf / anyOf / allOf / not of a structural schema. In Istio's CRDs they encode protobuf oneofs
 * (`oneOf: [{not: {anyOf: [{required: [a]}, {required: [b]}]}}, {required: [a]}, {required: [b]}]`).
 * kube-openapi reports them without a field path, naming the schema path in the message.
 */
import type { SchemaNode } from './crd-catalog';
import { fieldError, schemaErrorPath } from './field-errors';
import { goQuote } from '../../go/format';
import { FieldPath } from '../field-path';
import type { Findings } from '../findings';
import { isRecord } from '../json';

/** True when `value` satisfies the value constraints a junctor branch may carry. */
function isSatisfied(value: unknown, schema: SchemaNode): boolean {
  if (schema.required && !(isRecord<unknown>(value) && schema.required.every(name => value[name] !== undefined))) return false;
  if (schema.not && isSatisfied(value, schema.not)) return false;
  if (schema.anyOf && !schema.anyOf.some(branch => isSatisfied(value, branch))) return false;
  if (schema.allOf && !schema.allOf.every(branch => isSatisfied(value, branch))) return false;
  if (schema.oneOf && schema.oneOf.filter(branch => isSatisfied(value, branch)).length !== 1) return false;
  if (schema.properties && isRecord<unknown>(value)) {
    for (const [name, child] of Object.entries(schema.properties)) {
      if (value[name] !== undefined && !isSatisfied(value[name], child)) return false;
    }
  }
  return true;
}

/** kube-openapi's junctor error: no field path, the node's path (as schema errors print it) in the message. */
function junctorError(path: FieldPath, detail: string) {
  return fieldError.invalid(FieldPath.NONE, '', `${goQuote(schemaErrorPath(path).toString())} ${detail}`);
}

/** Appends what the junctors of the node at `path` find wrong with `value` (not its children). */
export function validateJunctors(path: FieldPath, findings: Findings, value: unknown, schema: SchemaNode): void {
  if (schema.oneOf) {
    const valid = schema.oneOf.filter(branch => isSatisfied(value, branch)).length;
    if (valid !== 1) {
      const found = valid > 1 ? `. Found ${valid} valid alternatives` : '';
      findings.add(junctorError(path, `must validate one and only one schema (oneOf)${found}`));
    }
  }
  if (schema.anyOf && !schema.anyOf.some(branch => isSatisfied(value, branch))) {
    findings.add(junctorError(path, 'must validate at least one schema (anyOf)'));
  }
  if (schema.allOf) {
    const before = findings.list.length;
    for (const branch of schema.allOf) validateJunctors(path, findings, value, branch);
    if (findings.list.length > before || !schema.allOf.every(branch => isSatisfied(value, branch))) {
      findings.add(junctorError(path, 'must validate all the schemas (allOf)'));
    }
  }
  if (schema.not && isSatisfied(value, schema.not)) {
    findings.add(junctorError(path, 'must not validate the schema (not)'));
  }
}
