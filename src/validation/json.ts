/** Decoded JSON (or YAML), read the same way by the schema checks, the webhook rules and the analyzers. */

/** True for a JSON object: not null, not an array. `T` is what its values are known to be. */
export function isRecord<T = any>(value: unknown): value is Record<string, T> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
