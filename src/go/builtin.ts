/** Go's built-in operations where JavaScript's differ: a string's length and integer conversion. */

/** `len(s)` of a Go string: its UTF-8 bytes, not UTF-16 units. */
export function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Go's int32(x) conversion of an integer: it wraps around (int32(4294967295) is -1). */
export function toInt32(value: number): number {
  return Number(BigInt.asIntN(32, BigInt(Math.trunc(value))));
}
