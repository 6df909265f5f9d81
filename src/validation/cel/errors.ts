/**
 * CEL evaluation errors in Kubernetes' words. The API server evaluates rules with cel-go; our CEL
 * library words the same failures differently, so the known ones are translated.
 */
const translations: Array<[RegExp, (match: RegExpExecArray) => string]> = [
  [/^Failed to parse duration/, () => "type conversion error from 'string' to 'google.protobuf.Duration'"],
  [/^Cannot convert .* to a BigInt/, () => "type conversion error from 'string' to 'int'"],
  [/^index (-?\d+) out of bounds/, m => `index out of range: ${m[1]}`],
  [/^parse ".*": /, m => `URL parse error during conversion from string: ${m.input}`],
  [/^field not found: (.*)$/, m => `no such key: ${m[1]}`],
];

/** cel-go's text for an evaluation error reported by our CEL library. */
export function celGoError(message: string): string {
  for (const [pattern, render] of translations) {
    const match = pattern.exec(message);
    if (match) return render(match);
  }
  return message;
}
