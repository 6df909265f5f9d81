/**
 * Decoded JSON (or YAML), read the same way by the schema checks, the webhook rules, the analyzers and
 * the simulator: the way istiod decodes a spec, an absent or null field is its zero value, a message
 * field or oneof member is "set" when its key is present (even `{}` or `''`), an empty list or map is
 * the same as none. A value of the wrong type reads as absent (the schema reports it).
 */
import { toInt32 } from '../go/builtin';

// Absent fields are read millions of times in a large app: one shared, frozen empty value each
// (frozen, so a caller that would write into it fails loudly instead of changing every read).
const NO_FIELDS: Record<string, any> = Object.freeze({});
const NONE = Object.freeze([]) as unknown as any[];

/** True for a JSON object: not null, not an array. `T` is what its values are known to be. */
export function isRecord<T = any>(value: unknown): value is Record<string, T> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** True when a message field (or oneof member) is set: present and not null. */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** A repeated field: its items, or none. */
export function listOf(value: unknown): any[] {
  return Array.isArray(value) ? value : NONE;
}


/** A map field: its entries in document order, or none. */
export function entriesOf(value: unknown): [string, unknown][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return NONE;
  return Object.entries(value as Record<string, unknown>);
}

/** A message field as an object ({} when absent, so reads of its fields give zero values). */
export function messageOf(value: unknown): Record<string, any> {
  return isRecord(value) ? value : NO_FIELDS;
}

/** A string field ('' when absent). */
export function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * A numeric field (0 when absent). Integer fields reach the webhook only as finite numbers (the
 * schema rejects anything else first); a non-finite float reads as 0.
 */
export function numberOf(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** An integer field converted to int32. */
export function int32Of(value: unknown): number {
  return toInt32(numberOf(value));
}

/** The string items of a list field; other items are skipped. */
export function strings(value: unknown): string[] {
  return listOf(value).filter((item): item is string => typeof item === 'string');
}

/**
 * The items of a list of strings, one per position: an item that is no string reads ''. Use it where
 * indexes must stay the document's (a finding at `field[i]`, a message naming the i-th item);
 * `strings` skips such items.
 */
export function stringItems(value: unknown): string[] {
  return listOf(value).map(stringOf);
}

/** A map of string values (labels, annotations, selectors); other values are skipped. */
export function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isRecord(value)) for (const [key, item] of Object.entries(value)) if (typeof item === 'string') out[key] = item;
  return out;
}

/** The value when it is a non-empty string. */
export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
