/**
 * oneOf / anyOf / allOf / not of a structural schema. In Istio's CRDs they encode protobuf oneofs
 * (`oneOf: [{not: {anyOf: [{required: [a]}, {required: [b]}]}}, {required: [a]}, {required: [b]}]`).
 * kube-openapi reports them without a field path, naming the schema path in the message.
 */
import type { SchemaNode } from './crd-catalog';
import { FieldIssue, NO_PATH } from './field-errors';
import { goQuote } from '../../go/format';
import { isRecord } from '../json';

/** True when `value` satisfies the value constraints a junctor branch may carry. */
function satisfies(value: unknown, schema: SchemaNode): boolean {
  if (schema.required && !(isRecord<unknown>(value) && schema.required.every(name => value[name] !== undefined))) return false;
  if (schema.not && satisfies(value, schema.not)) return false;
  if (schema.anyOf && !schema.anyOf.some(branch => satisfies(value, branch))) return false;
  if (schema.allOf && !schema.allOf.every(branch => satisfies(value, branch))) return false;
  if (schema.oneOf && schema.oneOf.filter(branch => satisfies(value, branch)).length !== 1) return false;
  if (schema.properties && isRecord<unknown>(value)) {
    for (const [name, child] of Object.entries(schema.properties)) {
      if (value[name] !== undefined && !satisfies(value[name], child)) return false;
    }
  }
  return true;
}

function junctorIssue(path: () => string, detail: string): FieldIssue {
  return { path: NO_PATH, message: `Invalid value: "": ${goQuote(path())} ${detail}` };
}

/** Checks the junctors of one node (not its children); `path` renders the node's schema-error path. */
export function checkJunctors(value: unknown, schema: SchemaNode, path: () => string, issues: FieldIssue[]): void {
  if (schema.oneOf) {
    const valid = schema.oneOf.filter(branch => satisfies(value, branch)).length;
    if (valid !== 1) {
      const found = valid > 1 ? `. Found ${valid} valid alternatives` : '';
      issues.push(junctorIssue(path, `must validate one and only one schema (oneOf)${found}`));
    }
  }
  if (schema.anyOf && !schema.anyOf.some(branch => satisfies(value, branch))) {
    issues.push(junctorIssue(path, 'must validate at least one schema (anyOf)'));
  }
  if (schema.allOf) {
    const before = issues.length;
    for (const branch of schema.allOf) checkJunctors(value, branch, path, issues);
    if (issues.length > before || !schema.allOf.every(branch => satisfies(value, branch))) {
      issues.push(junctorIssue(path, 'must validate all the schemas (allOf)'));
    }
  }
  if (schema.not && satisfies(value, schema.not)) {
    issues.push(junctorIssue(path, 'must not validate the schema (not)'));
  }
}
