import { checkPercent, checkPercentage } from '../../../../src/validation/webhook/common/percent';

describe('ValidatePercent', () => {
  test.each([0, 50, 100])('%p is valid', value => expect(checkPercent(value)).toBeUndefined());
  test.each([-1, 101])('%p is out of range', value => expect(checkPercent(value)).toBe(`percentage ${value} is not in range 0..100`));
});

describe('checkPercentage', () => {
  test.each([undefined, null, {}, { value: 0 }, { value: 0.0001 }, { value: 50.5 }, { value: 100 }])('%p is valid', p => {
    expect(checkPercentage(p)).toBeUndefined();
  });
  test.each([
    [{ value: 150 }, 'percentage 150 is neither 0.0, nor in range [0.0001, 100.0]'],
    [{ value: -1 }, 'percentage -1 is neither 0.0, nor in range [0.0001, 100.0]'],
    [{ value: 0.00001 }, 'percentage 1e-05 is neither 0.0, nor in range [0.0001, 100.0]'],
  ])('%p', (p, message) => {
    expect(checkPercentage(p)).toBe(message);
  });
});
