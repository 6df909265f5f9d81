/**
 * Runs a schema node's `x-kubernetes-validations` on the node's value, as the API server does: each
 * rule compiled once (lazily, on first use), `self` bound to the value, failures reported with the
 * rule's message or `failed rule: <rule>`.
 */
import type { SchemaNode, ValidationRule } from '../crd-catalog';
import { compileRule, CompiledRule, isEvalError } from './environment';
import { fieldError, FieldIssue } from '../schema/field-errors';

const compiled = new WeakMap<ValidationRule, CompiledRule>();

/**
 * A CEL program is a pure function of `self`: for a scalar `self` (most rules guard a duration, a
 * port or a name, and the same values recur across objects) the result is remembered per rule.
 */
const MAX_REMEMBERED = 4096;

function remembering(program: CompiledRule): CompiledRule {
  const results = new Map<unknown, ReturnType<CompiledRule>>();
  return (self: unknown) => {
    if (self !== null && typeof self === 'object') return program(self);
    let result = results.get(self);
    if (result === undefined) {
      result = program(self);
      if (results.size < MAX_REMEMBERED) results.set(self, result);
    }
    return result;
  };
}

/** True when the node declares rules, so the walk must build its CEL value. */
export function needsCelValue(schema: SchemaNode): boolean {
  return schema['x-kubernetes-validations'] !== undefined;
}

/** The compiled form of a rule, compiled on first use. Throws when the rule does not compile. */
export function compiledRule(rule: ValidationRule): CompiledRule {
  let program = compiled.get(rule);
  if (!program) {
    program = remembering(compileRule(rule.rule));
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
