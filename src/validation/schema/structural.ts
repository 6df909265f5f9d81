/**
 * Structural schema validation of one value against a CRD's openAPIV3Schema, as the API server does
 * it after decoding (kube-openapi validation, list-type uniqueness), in its wording. The same walk
 * builds the CEL value of every node a rule needs and queues the rules; they run afterwards, and
 * only when no blocking error was found (Kubernetes skips all CEL rules then).
 */
import type { SchemaNode } from './crd-catalog';
import { fieldError, FieldIssue } from './field-errors';
import { FieldPath, FieldPathKind } from './field-path';
import { formatIssue } from './formats';
import { checkJunctors } from './junctors';
import { findUnknownFields } from './pruning';
import { needsCelValue, RuleTask } from '../cel/rules';
import { isRecord } from '../json';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** What a walk produces: findings, unknown fields (strict decoding), and the CEL rules queued for after it. */
export interface WalkResult {
  readonly issues: FieldIssue[];
  readonly unknownFields: FieldIssue[];
  readonly ruleTasks: RuleTask[];
}

/** JSON type name of a value, as kube-openapi names it in `must be of type X: "<actual>"`. */
function jsonType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value; // string, boolean, object
}

/** Rune count, as kube-openapi measures min/maxLength (utf8.RuneCountInString). */
function runeLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

function inBody(path: string, detail: string): string {
  return `${path} in body ${detail}`;
}

function schemaType(schema: SchemaNode): string | undefined {
  return schema['x-kubernetes-int-or-string'] ? 'integer,string' : schema.type;
}

/**
 * Validates `value` against `schema`, at the field path `root` ('' for a whole object). Paths are
 * rendered only for findings: schema errors print map keys as `.key`, CEL errors as `[key]`.
 */
export function validateValue(value: unknown, schema: SchemaNode, root: string): WalkResult {
  const result: WalkResult = { issues: [], unknownFields: [], ruleTasks: [] };
  walk(value, schema, undefined, root, 'property', result, false);
  return result;
}

/**
 * Returns the value converted for CEL (integers as bigint, unknown fields pruned) when `wantCel`
 * or the node has rules; undefined otherwise, or when the node's type is wrong. The node's path is
 * `segment` under `parent`, made into a FieldPath only if something needs it (most nodes never do).
 */
function walk(value: unknown, schema: SchemaNode, parent: FieldPath | undefined, segment: string | number, kind: FieldPathKind,
  out: WalkResult, wantCel: boolean): unknown {
  const rules = needsCelValue(schema);
  // Fast path: a plain string, number or boolean with nothing to check beyond its type.
  if (!wantCel && !rules && typeof value !== 'object' && value !== undefined && isPlainScalar(schema) && typeMatches(value, schema)) {
    return undefined;
  }
  const at = FieldPath.of(parent, segment, kind);
  const cel = wantCel || rules;
  const type = schemaType(schema);
  if (value === null || value === undefined) {
    if (schema.nullable || !type) return null;
    const path = at.schema();
    out.issues.push(fieldError.typeInvalid(path, 'null', inBody(path, `must be of type ${type}: "null"`)));
    return undefined;
  }
  if (!typeMatches(value, schema)) {
    const path = at.schema();
    const actual = jsonType(value);
    out.issues.push(fieldError.typeInvalid(path, actual, inBody(path, `must be of type ${type}: "${actual}"`)));
    // Decoding prunes below a wrong type too: its fields may still be unknown ones.
    findUnknownFields(value, schema, path, out.unknownFields);
    return undefined;
  }
  if (schema.enum && !schema.enum.some(allowed => allowed === value)) {
    out.issues.push(fieldError.notSupported(at.schema(), value, schema.enum));
  }
  let celValue: unknown;
  if (Array.isArray(value)) {
    celValue = walkArray(value, schema, at, out, cel);
  } else if (isRecord<Json>(value)) {
    celValue = walkObject(value, schema, at, out, cel);
  } else {
    checkScalar(value, schema, at, out.issues);
    celValue = typeof value === 'number' && (schema.type === 'integer' || schema['x-kubernetes-int-or-string']) ? BigInt(value) : value;
  }
  if (schema.oneOf || schema.anyOf || schema.allOf || schema.not) checkJunctors(value, schema, () => at.schema(), out.issues);
  if (rules) out.ruleTasks.push({ schema, value, celValue, path: () => at.cel() });
  return cel ? celValue : undefined;
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

function typeMatches(value: unknown, schema: SchemaNode): boolean {
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

function checkScalar(value: unknown, schema: SchemaNode, at: FieldPath, issues: FieldIssue[]): void {
  const invalid = (detail: string) => {
    const path = at.schema();
    issues.push(fieldError.invalid(path, value, inBody(path, detail)));
  };
  if (typeof value === 'string') {
    if (schema.maxLength !== undefined || schema.minLength !== undefined) {
      const length = runeLength(value);
      if (schema.maxLength !== undefined && length > schema.maxLength) issues.push(fieldError.tooLong(at.schema(), schema.maxLength));
      if (schema.minLength !== undefined && length < schema.minLength) invalid(`should be at least ${schema.minLength} chars long`);
    }
    if (schema.pattern !== undefined && !patternMatches(schema.pattern, value)) invalid(`should match '${schema.pattern}'`);
    const formatProblem = schema.format ? formatIssue(schema.format, value) : undefined;
    if (formatProblem) {
      const path = at.schema();
      issues.push(fieldError.typeInvalid(path, value, inBody(path, formatProblem)));
    }
    return;
  }
  if (typeof value === 'number') {
    if (schema.maximum !== undefined && (schema.exclusiveMaximum ? value >= schema.maximum : value > schema.maximum)) {
      invalid(`should be ${schema.exclusiveMaximum ? 'less than' : 'less than or equal to'} ${schema.maximum}`);
    }
    if (schema.minimum !== undefined && (schema.exclusiveMinimum ? value <= schema.minimum : value < schema.minimum)) {
      invalid(`should be ${schema.exclusiveMinimum ? 'greater than' : 'greater than or equal to'} ${schema.minimum}`);
    }
    if (schema.multipleOf !== undefined && !Number.isInteger(value / schema.multipleOf)) {
      invalid(`should be a multiple of ${schema.multipleOf}`);
    }
  }
}

const patternCache = new Map<string, (text: string) => boolean>();

/** OpenAPI patterns are matched with Go's regexp (RE2), not JavaScript's. */
function patternMatches(pattern: string, text: string): boolean {
  let test = patternCache.get(pattern);
  if (!test) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { RE2JS } = require('re2js') as typeof import('re2js');
    const compiled = RE2JS.compile(pattern);
    test = (input: string) => compiled.matcher(input).find();
    patternCache.set(pattern, test);
  }
  return test(text);
}

function walkArray(value: Json[], schema: SchemaNode, at: FieldPath, out: WalkResult, cel: boolean): unknown[] | undefined {
  if (schema.maxItems !== undefined && value.length > schema.maxItems) {
    out.issues.push(fieldError.tooMany(at.schema(), value.length, schema.maxItems));
  }
  if (schema.minItems !== undefined && value.length < schema.minItems) {
    const path = at.schema();
    out.issues.push(fieldError.invalid(path, value.length, inBody(path, `should have at least ${schema.minItems} items`)));
  }
  checkListUniqueness(value, schema, at, out.issues);
  const items = schema.items;
  // Items without a schema admit no fields: their keys are unknown to the decoder.
  if (!items) findUnknownFields(value, schema, at.schema(), out.unknownFields);
  const converted: unknown[] | undefined = cel ? [] : undefined;
  for (let i = 0; i < value.length; i++) {
    const celItem = items ? walk(value[i], items, at, i, 'index', out, cel) : toCelGeneric(value[i]);
    converted?.push(celItem);
  }
  return converted;
}

/** x-kubernetes-list-type set / map: no two equal items, no two items with equal keys. */
function checkListUniqueness(value: Json[], schema: SchemaNode, at: FieldPath, issues: FieldIssue[]): void {
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
      issues.push(fieldError.duplicate(at.index(i).schema(), identity));
      reported.add(id);
    }
    seen.add(id);
  });
}

function walkObject(value: Record<string, Json>, schema: SchemaNode, at: FieldPath, out: WalkResult, cel: boolean):
Record<string, unknown> | undefined {
  const converted: Record<string, unknown> | undefined = cel ? {} : undefined;
  const properties = schema.properties;
  const additional = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
  const preserve = schema['x-kubernetes-preserve-unknown-fields'] === true || schema.additionalProperties === true;
  if (schema.required) {
    for (const name of schema.required) {
      const child = value[name];
      // The API server prunes a non-nullable null before validating: such a field counts as absent.
      if (child === undefined || (child === null && (properties?.[name] ?? additional)?.nullable !== true)) {
        out.issues.push(fieldError.required(at.property(name).schema()));
      }
    }
  }
  let count = 0;
  for (const name in value) {
    const child = value[name];
    const declared = properties?.[name];
    const childSchema = declared ?? additional;
    if (!childSchema && !preserve) {
      out.unknownFields.push(fieldError.unknownField(at.property(name).schema()));
      continue;
    }
    if (child === undefined || (child === null && childSchema?.nullable !== true)) continue;
    count++;
    const celChild = childSchema ? walk(child, childSchema, at, name, declared ? 'property' : 'mapKey', out, cel) : toCelGeneric(child);
    if (converted) converted[name] = celChild;
  }
  if (schema.maxProperties !== undefined && count > schema.maxProperties) {
    out.issues.push(fieldError.tooMany(at.schema(), count, schema.maxProperties));
  }
  if (schema.minProperties !== undefined && count < schema.minProperties) {
    const path = at.schema();
    out.issues.push(fieldError.invalid(path, count, inBody(path, `should have at least ${schema.minProperties} properties`)));
  }
  return converted;
}

/** CEL value of schemaless data (x-kubernetes-preserve-unknown-fields): whole numbers become int. */
function toCelGeneric(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toCelGeneric);
  if (isRecord<Json>(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toCelGeneric(v)]));
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  return value;
}
