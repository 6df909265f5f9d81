import { entriesOf, int32Of, isSet, listOf, messageOf, nonEmptyString, numberOf, stringItems, stringMap, stringOf, strings } from '../../src/validation/json';

describe('reading a spec as istiod decodes it', () => {
  test('isSet: present and not null', () => {
    expect([{}, '', 0, false].map(isSet)).toEqual([true, true, true, true]);
    expect([undefined, null].map(isSet)).toEqual([false, false]);
  });

  test('listOf, entriesOf, messageOf', () => {
    expect(listOf([1])).toEqual([1]);
    expect(listOf(undefined)).toEqual([]);
    expect(listOf({ a: 1 })).toEqual([]);
    expect(entriesOf({ b: 1, a: 2 })).toEqual([['b', 1], ['a', 2]]);
    expect(entriesOf([1])).toEqual([]);
    expect(entriesOf(null)).toEqual([]);
    expect(messageOf({ a: 1 })).toEqual({ a: 1 });
    expect(messageOf(null)).toEqual({});
    expect(messageOf([1])).toEqual({});
  });

  test('zero values of scalars', () => {
    expect(stringOf('a')).toBe('a');
    expect(stringOf(5)).toBe('');
    expect(numberOf(5)).toBe(5);
    expect(numberOf('5')).toBe(0);
    expect(numberOf(NaN)).toBe(0);
  });

  test('int32Of: an integer field converted as Go does (wrapping)', () => {
    expect(int32Of(4294967295)).toBe(-1);
    expect(int32Of(503)).toBe(503);
    expect(int32Of(undefined)).toBe(0);
  });
});

describe('lists and maps of strings, as the analyzers and the simulator read them', () => {
  test('strings: the string items only', () => {
    expect(strings(['a', 1, null, 'b'])).toEqual(['a', 'b']);
    expect(strings('a')).toEqual([]);
  });

  test('stringItems: one item per position, \'\' for an item that is no string', () => {
    expect(stringItems(['a', 1, null, 'b'])).toEqual(['a', '', '', 'b']);
    expect(stringItems('a')).toEqual([]);
    expect(stringItems(undefined)).toEqual([]);
  });

  test('stringMap: the string values only', () => {
    expect(stringMap({ app: 'x', n: 1, v: null })).toEqual({ app: 'x' });
    expect(stringMap(['x'])).toEqual({});
  });

  test('nonEmptyString', () => {
    expect([nonEmptyString('a'), nonEmptyString(''), nonEmptyString(3)]).toEqual(['a', undefined, undefined]);
  });
});
