/**
 * Runs a schema node's `x-kubernetes-validations` on the node's value, as the API server does: each
 * rule compiled once (lazily, on first use), `self` bound to the value, failures worded as
 * Kubernetes 1.35 words them.
 */
import { compileRule, CompiledRule, isEvalError } from './environment';
import { celGoError } from './errors';
import { nativeRule, NativeRule } from './native-rules';
import type { FieldPath } from '../field-path';
import type { Findings } from '../findings';
import type { SchemaNode, ValidationRule } from '../schema/crd-catalog';
import { fieldError } from '../schema/field-errors';

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
    const native = nativeRule(rule.rule);
    program = remembering(native ? withCelFallback(rule.rule, native) : compileRule(rule.rule));
    compiled.set(rule, program);
  }
  return program;
}

/** A native rule, with CEL (compiled on first need) for the values it leaves undecided. */
function withCelFallback(text: string, native: NativeRule): CompiledRule {
  let cel: CompiledRule | undefined;
  return (self: unknown) => {
    const verdict = native(self);
    if (verdict !== undefined) return verdict;
    cel ??= compileRule(text);
    return cel(self);
  };
}

/** Kubernetes' text for a failed rule: its message, else `failed rule: <rule>`. */
function failure(rule: ValidationRule): string {
  return rule.message?.trim() ? rule.message : `failed rule: ${rule.rule.trim()}`;
}

/** A node whose rules are to run, queued by the schema walk: its path (map entries as keys), its schema, its value as given and as CEL sees it. */
export interface RuleTask {
  readonly path: FieldPath;
  readonly schema: SchemaNode;
  readonly value: unknown;
  readonly celValue: unknown;
}

/**
 * Appends the failures of the rules of `schema` on the node at `path`, `value` as given and
 * `celValue` as CEL sees it. A false rule prints the value for scalars and no value for objects and
 * arrays; an evaluation error prints the schema type, the error and the rule's message.
 */
export function validateRules(path: FieldPath, findings: Findings, schema: SchemaNode, value: unknown, celValue: unknown): void {
  for (const rule of schema['x-kubernetes-validations'] ?? []) {
    const result = compiledRule(rule)(celValue);
    if (result === true) continue;
    if (isEvalError(result)) {
      findings.add(fieldError.invalid(path, schema.type ?? '', `${celGoError(result.message)} evaluating rule: ${failure(rule)}`));
    } else if (schema.type === 'object' || schema.type === 'array') {
      findings.add(fieldError.invalidNoValue(path, failure(rule)));
    } else {
      findings.add(fieldError.invalid(path, value, failure(rule)));
    }
  }
}
