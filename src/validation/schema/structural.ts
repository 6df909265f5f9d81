/**
 * Structural schema validation of one value against a CRD's openAPIV3Schema, as the API server does
 * it after decoding (kube-openapi validation, list-type uniqueness), in its wording. The same walk
 * builds the CEL value of every node a rule needs and queues the rules; they run afterwards, and
 * only when no blocking error was found (Kubernetes skips all CEL rules then).
 *
 * Paths: the walk names a map entry as a key (`spec.selector[app]`, as CEL errors print it); schema
 * errors print it as a field (`spec.selector.app`), through `schemaErrorPath` when one is reported.
 * A plain scalar that is valid gets no path at all: most nodes of a valid object never need one.
 */
import type { SchemaNode } from './crd-catalog';
import { fieldError, schemaErrorPath } from './field-errors';
import { checkFormat } from './formats';
import { validateJunctors } from './junctors';
import { validateKnownFields } from './pruning';
import { mustCompileRegexp } from '../../go/regexp';
import { runeCountInString } from '../../go/utf8';
import { needsCelValue, RuleTask } from '../cel/rules';
import type { FieldPath } from '../field-path';
import { Finding, Findings } from '../findings';
import { isRecord } from '../json';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** What the walk leaves for after it: strict decoding's unknown-field errors, and the CEL rules to run. */
export interface Walked {
  readonly unknownFields: readonly Finding[];
  readonly ruleTasks: readonly RuleTask[];
}

/**
 * Appends what is wrong with `value` (at `path`) against `schema`. Unknown fields are not among the
 * findings: strict decoding reports them alone, so they are returned apart, with the CEL rules the
 * walk queued (to run unless a blocking error was found).
 */
export function validateValue(path: FieldPath, findings: Findings, value: unknown, schema: SchemaNode): Walked {
  const walk = new SchemaWalk(findings);
  walk.node(path, value, schema, false);
  return { unknownFields: walk.unknownFields.list, ruleTasks: walk.ruleTasks };
}

/** JSON type name of a value, as kube-openapi names it in `must be of type X: "<actual>"`. */
function jsonType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value; // string, boolean, object
}

function inBody(path: FieldPath, detail: string): string {
  return `${path} in body ${detail}`;
}

/** field.Invalid at the schema error path of `path`, the detail prefixed with `<path> in body` as kube-openapi words it. */
function invalidInBody(path: FieldPath, value: unknown, detail: string): Finding {
  const schemaPath = schemaErrorPath(path);
  return fieldError.invalid(schemaPath, value, inBody(schemaPath, detail));
}

/** field.TypeInvalid, likewise. */
function typeInvalidInBody(path: FieldPath, value: unknown, detail: string): Finding {
  const schemaPath = schemaErrorPath(path);
  return fieldError.typeInvalid(schemaPath, value, inBody(schemaPath, detail));
}

function schemaType(schema: SchemaNode): string | undefined {
  return schema['x-kubernetes-int-or-string'] ? 'integer,string' : schema.type;
}

/** Where a schema node caches whether it is a plain scalar (schema nodes are our own parsed JSON). */
const PLAIN = Symbol('plainScalar');

/** A scalar schema with no enum, bound, length, pattern, format or junctor: its type is all there is to check. */
function isPlainScalar(schema: SchemaNode): boolean {
  const cache = schema as { [PLAIN]?: boolean };
  let plain = cache[PLAIN];
  if (plain === undefined) {
    plain = (schema.type === 'string' || schema.type === 'integer' || schema.type === 'number' || schema.type === 'boolean')
      && !schema['x-kubernetes-int-or-string'] && schema.enum === undefined && schema.format === undefined
      && schema.pattern === undefined && schema.maxLength === undefined && schema.minLength === undefined
      && schema.maximum === undefined && schema.minimum === undefined && schema.multipleOf === undefined
      && !schema.oneOf && !schema.anyOf && !schema.allOf && !schema.not;
    cache[PLAIN] = plain;
  }
  return plain;
}

/**
 * True for a plain string, number or boolean of the right type, where no rule runs and no CEL value
 * is wanted: there is nothing to check beyond its type, and the walk skips it without a path.
 */
function isValidPlainScalar(value: unknown, schema: SchemaNode, wantCel: boolean): boolean {
  return !wantCel && !needsCelValue(schema) && typeof value !== 'object' && value !== undefined
    && isPlainScalar(schema) && isOfType(value, schema);
}

function isOfType(value: unknown, schema: SchemaNode): boolean {
  if (schema['x-kubernetes-int-or-string']) return typeof value === 'string' || Number.isInteger(value);
  switch (schema.type) {
    case undefined: return true;
    case 'object': return isRecord<Json>(value);
    case 'array': return Array.isArray(value);
    case 'string': return typeof value === 'string';
    case 'integer': return typeof value === 'number' && Number.isInteger(value);
    case 'number': return typeof value === 'number';
    case 'boolean': return typeof value === 'boolean';
    default: return true;
  }
}

/** Appends what the lengths, pattern, format, bounds and multipleOf of `schema` find wrong with a scalar. */
function validateScalar(path: FieldPath, findings: Findings, value: unknown, schema: SchemaNode): void {
  if (typeof value === 'string') {
    if (schema.maxLength !== undefined || schema.minLength !== undefined) {
      const length = runeCountInString(value); // kube-openapi measures min/maxLength in runes
      if (schema.maxLength !== undefined && length > schema.maxLength) findings.add(fieldError.tooLong(schemaErrorPath(path), schema.maxLength));
      if (schema.minLength !== undefined && length < schema.minLength) {
        findings.add(invalidInBody(path, value, `should be at least ${schema.minLength} chars long`));
      }
    }
    if (schema.pattern !== undefined && !mustCompileRegexp(schema.pattern).test(value)) findings.add(invalidInBody(path, value, `should match '${schema.pattern}'`));
    const formatProblem = schema.format ? checkFormat(schema.format, value) : undefined;
    if (formatProblem) findings.add(typeInvalidInBody(path, value, formatProblem));
    return;
  }
  if (typeof value === 'number') {
    if (schema.maximum !== undefined && (schema.exclusiveMaximum ? value >= schema.maximum : value > schema.maximum)) {
      findings.add(invalidInBody(path, value, `should be ${schema.exclusiveMaximum ? 'less than' : 'less than or equal to'} ${schema.maximum}`));
    }
    if (schema.minimum !== undefined && (schema.exclusiveMinimum ? value <= schema.minimum : value < schema.minimum)) {
      findings.add(invalidInBody(path, value, `should be ${schema.exclusiveMinimum ? 'greater than' : 'greater than or equal to'} ${schema.minimum}`));
    }
    if (schema.multipleOf !== undefined && !Number.isInteger(value / schema.multipleOf)) {
      findings.add(invalidInBody(path, value, `should be a multiple of ${schema.multipleOf}`));
    }
  }
}

/** x-kubernetes-list-type set / map: no two equal items, no two items with equal keys. */
function validateListUniqueness(path: FieldPath, findings: Findings, value: Json[], schema: SchemaNode): void {
  const listType = schema['x-kubernetes-list-type'];
  if (listType !== 'set' && listType !== 'map' && !schema.uniqueItems) return;
  const keys = schema['x-kubernetes-list-map-keys'] ?? [];
  const seen = new Set<string>();
  const reported = new Set<string>();
  value.forEach((item, i) => {
    const identity = listType === 'map' && isRecord<Json>(item)
      ? Object.fromEntries(keys.filter(k => item[k] !== undefined).map(k => [k, item[k]]))
      : item;
    const id = JSON.stringify(identity);
    // Kubernetes reports a repeated value once, at its first repetition.
    if (seen.has(id) && !reported.has(id)) {
      findings.add(fieldError.duplicate(schemaErrorPath(path.index(i)), identity));
      reported.add(id);
    }
    seen.add(id);
  });
}

/** CEL value of schemaless data (x-kubernetes-preserve-unknown-fields): whole numbers become int. */
function toCelGeneric(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toCelGeneric);
  if (isRecord<Json>(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toCelGeneric(v)]));
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  return value;
}

/** One walk of one value: what it found, what strict decoding would refuse, the rules to run after it. */
class SchemaWalk {
  public readonly unknownFields = new Findings();
  public readonly ruleTasks: RuleTask[] = [];

  public constructor(private readonly findings: Findings) {}

  /**
   * Validates the node at `path`. Returns its value converted for CEL (integers as bigint, unknown
   * fields pruned) when `wantCel` or the node has rules; undefined otherwise, or when its type is wrong.
   */
  public node(path: FieldPath, value: unknown, schema: SchemaNode, wantCel: boolean): unknown {
    const rules = needsCelValue(schema);
    const cel = wantCel || rules;
    const type = schemaType(schema);
    if (value === null || value === undefined) {
      if (schema.nullable || !type) return null;
      this.findings.add(typeInvalidInBody(path, 'null', `must be of type ${type}: "null"`));
      return undefined;
    }
    if (!isOfType(value, schema)) {
      const actual = jsonType(value);
      this.findings.add(typeInvalidInBody(path, actual, `must be of type ${type}: "${actual}"`));
      // Decoding prunes below a wrong type too: its fields may still be unknown ones.
      validateKnownFields(schemaErrorPath(path), this.unknownFields, value, schema);
      return undefined;
    }
    if (schema.enum && !schema.enum.some(allowed => allowed === value)) {
      this.findings.add(fieldError.notSupported(schemaErrorPath(path), value, schema.enum));
    }
    let celValue: unknown;
    if (Array.isArray(value)) {
      celValue = this.array(path, value, schema, cel);
    } else if (isRecord<Json>(value)) {
      celValue = this.object(path, value, schema, cel);
    } else {
      validateScalar(path, this.findings, value, schema);
      celValue = typeof value === 'number' && (schema.type === 'integer' || schema['x-kubernetes-int-or-string']) ? BigInt(value) : value;
    }
    if (schema.oneOf || schema.anyOf || schema.allOf || schema.not) validateJunctors(path, this.findings, value, schema);
    if (rules) this.ruleTasks.push({ path, schema, value, celValue });
    return cel ? celValue : undefined;
  }

  private array(path: FieldPath, value: Json[], schema: SchemaNode, cel: boolean): unknown[] | undefined {
    if (schema.maxItems !== undefined && value.length > schema.maxItems) {
      this.findings.add(fieldError.tooMany(schemaErrorPath(path), value.length, schema.maxItems));
    }
    if (schema.minItems !== undefined && value.length < schema.minItems) {
      this.findings.add(invalidInBody(path, value.length, `should have at least ${schema.minItems} items`));
    }
    validateListUniqueness(path, this.findings, value, schema);
    const items = schema.items;
    // Items without a schema admit no fields: their keys are unknown to the decoder.
    if (!items) validateKnownFields(schemaErrorPath(path), this.unknownFields, value, schema);
    const converted: unknown[] | undefined = cel ? [] : undefined;
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      let celItem: unknown;
      if (!items) celItem = toCelGeneric(item);
      else if (!isValidPlainScalar(item, items, cel)) celItem = this.node(path.index(i), item, items, cel);
      converted?.push(celItem);
    }
    return converted;
  }

  private object(path: FieldPath, value: Record<string, Json>, schema: SchemaNode, cel: boolean): Record<string, unknown> | undefined {
    const converted: Record<string, unknown> | undefined = cel ? {} : undefined;
    const properties = schema.properties;
    const additional = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
    const preserve = schema['x-kubernetes-preserve-unknown-fields'] === true || schema.additionalProperties === true;
    if (schema.required) {
      for (const name of schema.required) {
        const child = value[name];
        // The API server prunes a non-nullable null before validating: such a field counts as absent.
        if (child === undefined || (child === null && (properties?.[name] ?? additional)?.nullable !== true)) {
          this.findings.add(fieldError.required(schemaErrorPath(path.child(name))));
        }
      }
    }
    let count = 0;
    for (const name in value) {
      const child = value[name];
      const declared = properties?.[name];
      const childSchema = declared ?? additional;
      if (!childSchema && !preserve) {
        this.unknownFields.add(fieldError.unknownField(schemaErrorPath(path.child(name))));
        continue;
      }
      if (child === undefined || (child === null && childSchema?.nullable !== true)) continue;
      count++;
      let celChild: unknown;
      if (!childSchema) {
        celChild = converted && toCelGeneric(child);
      } else if (!isValidPlainScalar(child, childSchema, cel)) {
        celChild = this.node(declared ? path.child(name) : path.key(name), child, childSchema, cel);
      }
      if (converted) converted[name] = celChild;
    }
    if (schema.maxProperties !== undefined && count > schema.maxProperties) {
      this.findings.add(fieldError.tooMany(schemaErrorPath(path), count, schema.maxProperties));
    }
    if (schema.minProperties !== undefined && count < schema.minProperties) {
      this.findings.add(invalidInBody(path, count, `should have at least ${schema.minProperties} properties`));
    }
    return converted;
  }
}
