import { byteLength, toInt32 } from '../../src/go/builtin';

test('len of a string counts UTF-8 bytes', () => {
  expect(byteLength('abc')).toBe(3);
  expect(byteLength('é')).toBe(2);
  expect(byteLength('😀')).toBe(4);
});

test('int32 conversion wraps as in Go', () => {
  expect(toInt32(4294967295)).toBe(-1);
  expect(toInt32(2147483648)).toBe(-2147483648);
  expect(toInt32(-5)).toBe(-5);
  expect(toInt32(7.9)).toBe(7);
});
