/**
 * Structural schema validation of one value against a CRD's openAPIV3Schema, as the API server does
 * it (kube-openapi validation + strict field validation + list-type uniqueness), in its wording.
 * The same walk runs the CEL rules (`x-kubernetes-validations`) of every node it reaches, and builds
 * the CEL value of a node only where a rule at or above it needs one.
 */
import { fieldError, FieldIssue, goQuote } from './field-errors';
import { formatIssue } from './formats';
import { indexPath, mapKeyPath, propertyPath } from './paths';
import { evaluateRules, needsCelValue } from '../cel/rules';
import type { SchemaNode } from '../crd-catalog';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON type name of a value, as kube-openapi names it in `must be of type X: "<actual>"`. */
function jsonType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value; // string, boolean, object
}

function isPlainObject(value: unknown): value is Record<string, Json> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
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

/** Validates `value` against `schema` at `path`; pushes findings to `issues`. */
export function validateValue(value: unknown, schema: SchemaNode, path: string, issues: FieldIssue[]): void {
  walk(value, schema, path, issues, false);
}

/**
 * Returns the value converted for CEL (integers as bigint, unknown fields pruned) when `wantCel`
 * or the node has rules; undefined otherwise, or when the node's type is wrong.
 */
function walk(value: unknown, schema: SchemaNode, path: string, issues: FieldIssue[], wantCel: boolean): unknown {
  const cel = wantCel || needsCelValue(schema);
  if (value === null || value === undefined) {
    if (schema.nullable || (!schema.type && !schema['x-kubernetes-int-or-string'])) return null;
    const type = schema['x-kubernetes-int-or-string'] ? 'integer,string' : schema.type;
    issues.push(fieldError.typeInvalid(path, null, inBody(path, `must be of type ${type}: "null"`)));
    return undefined;
  }
  if (!typeMatches(value, schema)) {
    const type = schema['x-kubernetes-int-or-string'] ? 'integer,string' : schema.type;
    issues.push(fieldError.typeInvalid(path, value, inBody(path, `must be of type ${type}: ${goQuote(jsonType(value))}`)));
    return undefined;
  }
  const before = issues.length;
  checkEnum(value, schema, path, issues);
  let celValue: unknown;
  if (Array.isArray(value)) {
    celValue = walkArray(value, schema, path, issues, cel);
  } else if (isPlainObject(value)) {
    celValue = walkObject(value, schema, path, issues, cel);
  } else {
    checkScalar(value, schema, path, issues);
    celValue = typeof value === 'number' && (schema.type === 'integer' || schema['x-kubernetes-int-or-string'])
      ? BigInt(value) : value;
  }
  // Kubernetes runs a node's CEL rules only on a value its schema accepted.
  if (schema['x-kubernetes-validations'] && issues.length === before) {
    evaluateRules(schema, celValue, path, issues);
  }
  return cel ? celValue : undefined;
}

function typeMatches(value: unknown, schema: SchemaNode): boolean {
  if (schema['x-kubernetes-int-or-string']) return typeof value === 'string' || Number.isInteger(value);
  switch (schema.type) {
    case undefined: return true;
    case 'object': return isPlainObject(value);
    case 'array': return Array.isArray(value);
    case 'string': return typeof value === 'string';
    case 'integer': return typeof value === 'number' && Number.isInteger(value);
    case 'number': return typeof value === 'number';
    case 'boolean': return typeof value === 'boolean';
    default: return true;
  }
}

function checkEnum(value: unknown, schema: SchemaNode, path: string, issues: FieldIssue[]): void {
  if (schema.enum && !schema.enum.some(allowed => allowed === value)) {
    issues.push(fieldError.notSupported(path, value, schema.enum));
  }
}

function checkScalar(value: unknown, schema: SchemaNode, path: string, issues: FieldIssue[]): void {
  if (typeof value === 'string') {
    const length = runeLength(value);
    if (schema.maxLength !== undefined && length > schema.maxLength) {
      issues.push(fieldError.tooLong(path, schema.maxLength));
    }
    if (schema.minLength !== undefined && length < schema.minLength) {
      issues.push(fieldError.invalid(path, value, inBody(path, `should be at least ${schema.minLength} chars long`)));
    }
    if (schema.pattern !== undefined && !patternMatches(schema.pattern, value)) {
      issues.push(fieldError.invalid(path, value, inBody(path, `should match '${schema.pattern}'`)));
    }
    const formatProblem = schema.format ? formatIssue(schema.format, value) : undefined;
    if (formatProblem) issues.push(fieldError.invalid(path, value, inBody(path, formatProblem)));
    return;
  }
  if (typeof value === 'number') {
    if (schema.maximum !== undefined && (schema.exclusiveMaximum ? value >= schema.maximum : value > schema.maximum)) {
      const bound = schema.exclusiveMaximum ? 'less than' : 'less than or equal to';
      issues.push(fieldError.invalid(path, value, inBody(path, `should be ${bound} ${schema.maximum}`)));
    }
    if (schema.minimum !== undefined && (schema.exclusiveMinimum ? value <= schema.minimum : value < schema.minimum)) {
      const bound = schema.exclusiveMinimum ? 'greater than' : 'greater than or equal to';
      issues.push(fieldError.invalid(path, value, inBody(path, `should be ${bound} ${schema.minimum}`)));
    }
    if (schema.multipleOf !== undefined && !Number.isInteger(value / schema.multipleOf)) {
      issues.push(fieldError.invalid(path, value, inBody(path, `should be a multiple of ${schema.multipleOf}`)));
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

function walkArray(value: Json[], schema: SchemaNode, path: string, issues: FieldIssue[], cel: boolean): unknown[] | undefined {
  if (schema.maxItems !== undefined && value.length > schema.maxItems) {
    issues.push(fieldError.tooMany(path, value.length, schema.maxItems));
  }
  if (schema.minItems !== undefined && value.length < schema.minItems) {
    issues.push(fieldError.invalid(path, value, inBody(path, `should have at least ${schema.minItems} items`)));
  }
  checkListUniqueness(value, schema, path, issues);
  const items = schema.items;
  const out: unknown[] | undefined = cel ? [] : undefined;
  value.forEach((item, i) => {
    const converted = items ? walk(item, items, indexPath(path, i), issues, cel) : toCelGeneric(item);
    out?.push(converted);
  });
  return out;
}

/** x-kubernetes-list-type set / map: no two equal items, no two items with equal keys. */
function checkListUniqueness(value: Json[], schema: SchemaNode, path: string, issues: FieldIssue[]): void {
  const listType = schema['x-kubernetes-list-type'];
  if (listType !== 'set' && listType !== 'map' && !schema.uniqueItems) return;
  const keys = schema['x-kubernetes-list-map-keys'] ?? [];
  const seen = new Set<string>();
  value.forEach((item, i) => {
    const identity = listType === 'map' && isPlainObject(item)
      ? Object.fromEntries(keys.filter(k => item[k] !== undefined).map(k => [k, item[k]]))
      : item;
    const id = JSON.stringify(identity);
    if (seen.has(id)) {
      issues.push(fieldError.duplicate(indexPath(path, i), identity));
    }
    seen.add(id);
  });
}

function walkObject(value: Record<string, Json>, schema: SchemaNode, path: string, issues: FieldIssue[], cel: boolean):
Record<string, unknown> | undefined {
  const out: Record<string, unknown> | undefined = cel ? {} : undefined;
  for (const name of schema.required ?? []) {
    if (value[name] === undefined) issues.push(fieldError.required(propertyPath(path, name)));
  }
  const count = Object.keys(value).length;
  if (schema.maxProperties !== undefined && count > schema.maxProperties) {
    issues.push(fieldError.tooMany(path, count, schema.maxProperties));
  }
  if (schema.minProperties !== undefined && count < schema.minProperties) {
    issues.push(fieldError.invalid(path, value, inBody(path, `should have at least ${schema.minProperties} properties`)));
  }
  const properties = schema.properties;
  const additional = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
  const preserveUnknown = schema['x-kubernetes-preserve-unknown-fields'] === true || schema.additionalProperties === true;
  for (const [name, child] of Object.entries(value)) {
    const declared = properties?.[name];
    if (declared) {
      const converted = walk(child, declared, propertyPath(path, name), issues, cel);
      if (out) out[name] = converted;
    } else if (additional) {
      const converted = walk(child, additional, mapKeyPath(path, name), issues, cel);
      if (out) out[name] = converted;
    } else if (preserveUnknown || (!properties && !schema.type)) {
      if (out) out[name] = toCelGeneric(child);
    } else {
      issues.push(fieldError.unknownField(propertyPath(path, name)));
    }
  }
  return out;
}

/** CEL value of schemaless data (x-kubernetes-preserve-unknown-fields): whole numbers become int. */
function toCelGeneric(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toCelGeneric);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toCelGeneric(v)]));
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  return value;
}
