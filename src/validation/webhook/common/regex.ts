/**
 * Regexes as Istio checks them: a length cap, then Go's `regexp.Compile` (src/go/regexp.ts: RE2 syntax,
 * Go's error text). JavaScript's RegExp never decides what RE2 accepts.
 */

import { byteLength } from '../../../go/builtin';
import { regexpCompileError } from '../../../go/regexp';

/** Istio's cap on a regex's length (a stand-in for Envoy's RE2 program size limit). */
export const MAX_REGEX_LENGTH = 1024;

/**
 * validateStringRegexp: length cap, then RE2 syntax. `where` is an internal name of the field
 * ("uri", "headers", ...), quoted as Go's %q would (it never needs escaping).
 */
export function checkStringRegexp(re: string, where: string): string | undefined {
  if (byteLength(re) > MAX_REGEX_LENGTH) { // Go's len(): bytes
    return `"${where}": regex is too large, max length allowed is 1024`;
  }
  const err = regexpCompileError(re);
  if (err === undefined) return undefined;
  return `"${where}": ${err}; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)`;
}
