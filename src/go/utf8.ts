/** Go's unicode/utf8 as Kubernetes calls it. */

/**
 * utf8.RuneCountInString: the runes of a string (what kube-openapi's min/maxLength count). A lone
 * surrogate counts as one, as Go counts the U+FFFD its JSON decoder puts in its place.
 */
export function runeCountInString(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
