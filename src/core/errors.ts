/**
 * Errors of the L2 layer: one wording everywhere, naming the construct (kind and path), the field,
 * the value received and what is allowed, so a user finds and fixes the line at once.
 */
import { IConstruct } from 'constructs';

/** `VirtualService 'shop/Reviews': <message>`: the error for input wrong on its own, thrown at once. */
export function constructError(kind: string, scope: IConstruct, message: string): Error {
  return new Error(`${kind} '${scope.node.path}': ${message}`);
}

/** `StringMatch.regex(): <message>`: the error of a value type's factory. */
export function factoryError(factory: string, message: string): Error {
  return new Error(`${factory}: ${message}`);
}

/** JSON rendering of a received value for messages: strings quoted, the rest as JSON. */
export function shown(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return JSON.stringify(value);
}

/**
 * Checks `min <= value <= max` (and an integer when `integer`); returns the message when not, for
 * the caller to wrap in its construct's or factory's error.
 */
export function rangeProblem(field: string, value: number, min: number, max: number, integer = false): string | undefined {
  if (typeof value !== 'number' || Number.isNaN(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    return `${field} must be ${integer ? 'an integer' : 'a number'} between ${min} and ${max}, got ${shown(value)}`;
  }
  return undefined;
}
