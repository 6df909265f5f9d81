/**
 * Runs a schema node's `x-kubernetes-validations` on the node's value, as the API server does: each
 * rule compiled once (lazily, on first use), `self` bound to the value, failures reported with the
 * rule's message or `failed rule: <rule>`.
 */
import type { SchemaNode, ValidationRule } from '../crd-catalog';
import { compileRule, CompiledRule, isEvalError } from './environment';
import { fieldError, FieldIssue } from '../schema/field-errors';

const compiled = new WeakMap<ValidationRule, CompiledRule>();

/** True when the node declares rules, so the walk must build its CEL value. */
export function needsCelValue(schema: SchemaNode): boolean {
  return schema['x-kubernetes-validations'] !== undefined;
}

/** The compiled form of a rule, compiled on first use. Throws when the rule does not compile. */
export function compiledRule(rule: ValidationRule): CompiledRule {
  let program = compiled.get(rule);
  if (!program) {
    program = compileRule(rule.rule);
    compiled.set(rule, program);
  }
  return program;
}

/** Kubernetes' text for a failed rule: its message, else `failed rule: <rule>`. */
function failure(rule: ValidationRule): string {
  return rule.message?.trim() ? rule.message : `failed rule: ${rule.rule.trim()}`;
}

/** What `Invalid value` shows for a CEL failure: the schema type of the node, not its value. */
function typeName(schema: SchemaNode): string {
  return schema.type ?? (schema['x-kubernetes-int-or-string'] ? 'integer-or-string' : 'object');
}

export function evaluateRules(schema: SchemaNode, value: unknown, path: string, issues: FieldIssue[]): void {
  for (const rule of schema['x-kubernetes-validations'] ?? []) {
    const result = compiledRule(rule)(value);
    if (result === true) continue;
    const detail = isEvalError(result) ? `${failure(rule)}: ${result.message}` : failure(rule);
    issues.push(fieldError.invalid(path, typeName(schema), detail));
  }
}
