import { compact, nonEmpty, nonEmptyMap } from '../../src/core/render';

describe('render helpers', () => {
  test('compact drops undefined members, and an empty result when asked', () => {
    expect(compact({ a: 1, b: undefined, c: false })).toEqual({ a: 1, c: false });
    expect(compact({ a: undefined }, true)).toBeUndefined();
    expect(compact({ a: undefined })).toEqual({});
  });

  test('empty lists and maps are not rendered', () => {
    expect(nonEmpty([])).toBeUndefined();
    expect(nonEmpty(undefined)).toBeUndefined();
    expect(nonEmpty([1])).toEqual([1]);
    expect(nonEmptyMap({})).toBeUndefined();
    expect(nonEmptyMap({ a: 'b' })).toEqual({ a: 'b' });
  });
});
