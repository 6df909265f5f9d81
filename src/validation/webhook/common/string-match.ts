/**
 * Istio's StringMatch checks (validateStringMatch, validateStringMatchRegexp). A StringMatch is a
 * oneof: the member whose key is present is set, even with an empty value.
 */
import { checkStringRegexp } from './regex';
import { isRecord, isSet, stringOf } from '../../json';

/** The member of a StringMatch oneof that is set. */
export enum StringMatchType {
  EXACT = 'exact',
  PREFIX = 'prefix',
  REGEX = 'regex',
}

/** A finding about one member of a StringMatch. */
export interface StringMatchFinding {
  /** The member the message is about. */
  readonly field: StringMatchType;
  /** Istio's message. */
  readonly message: string;
}

/** Which member of a StringMatch is set (undefined for none, or for no StringMatch at all). */
export function stringMatchType(sm: unknown): StringMatchType | undefined {
  if (!isRecord(sm)) return undefined;
  for (const type of [StringMatchType.EXACT, StringMatchType.PREFIX, StringMatchType.REGEX]) {
    if (isSet(sm[type])) return type;
  }
  return undefined;
}

/** The value of the member that is set ('' for none). */
export function stringMatchValue(sm: unknown): string {
  const type = stringMatchType(sm);
  return type ? stringOf((sm as Record<string, unknown>)[type]) : '';
}

/** validateStringMatch: a prefix may not be empty, a regex must be a valid RE2 regex. */
export function checkStringMatch(sm: unknown, where: string): StringMatchFinding | undefined {
  const type = stringMatchType(sm);
  if (type === StringMatchType.PREFIX && stringMatchValue(sm) === '') {
    return { field: type, message: `"${where}": prefix string match should not be empty` };
  }
  return checkStringMatchRegexp(sm, where);
}

/** validateStringMatchRegexp: only regex members are checked; they must be non-empty RE2. */
export function checkStringMatchRegexp(sm: unknown, where: string): StringMatchFinding | undefined {
  if (stringMatchType(sm) !== StringMatchType.REGEX) return undefined;
  const re = stringMatchValue(sm);
  const message = re === ''
    ? `"${where}": regex string match should not be empty`
    : checkStringRegexp(re, where);
  return message === undefined ? undefined : { field: StringMatchType.REGEX, message };
}
