/** Helpers for rendering specs: Istio's YAML leaves out what is not set. */

/** The object without its undefined members (and undefined when nothing is left, if `dropEmpty`). */
export function compact<T extends Record<string, unknown>>(obj: T, dropEmpty = false): T | undefined {
  const out: Record<string, unknown> = {};
  let empty = true;
  // for-in, not Object.entries: every rendered object passes here, and the pairs array is garbage
  for (const key in obj) {
    const value = obj[key];
    if (value !== undefined) {
      out[key] = value;
      empty = false;
    }
  }
  return dropEmpty && empty ? undefined : out as T;
}

/** The list, or undefined when it is empty or absent (so an empty list is not rendered). */
export function nonEmpty<T>(items: readonly T[] | undefined): T[] | undefined {
  return items && items.length > 0 ? [...items] : undefined;
}

/** The map, or undefined when it is empty or absent. */
export function nonEmptyMap<T>(map: { readonly [key: string]: T } | undefined): { [key: string]: T } | undefined {
  return map && Object.keys(map).length > 0 ? { ...map } : undefined;
}
