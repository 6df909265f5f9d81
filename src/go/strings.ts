/** Go's strings package as Istio calls it. */

/** strings.Trim: `s` without the leading and trailing runes that are in `cutset`. */
export function trim(s: string, cutset: string): string {
  const cut = new Set(cutset);
  const runes = [...s];
  let start = 0;
  let end = runes.length;
  while (start < end && cut.has(runes[start])) start++;
  while (end > start && cut.has(runes[end - 1])) end--;
  return runes.slice(start, end).join('');
}
