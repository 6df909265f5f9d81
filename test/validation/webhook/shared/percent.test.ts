import { goFloatF, goFloatV, validatePercent, validatePercentage } from '../../../../src/validation/webhook/shared/percent';

describe('goFloatV (Go %v of a float64)', () => {
  test.each([
    [150, '150'], [0, '0'], [-0, '-0'], [-5, '-5'], [100.5, '100.5'], [0.0001, '0.0001'], [0.00001, '1e-05'],
    [123456, '123456'], [1e6, '1e+06'], [1234567.5, '1.2345675e+06'], [1e21, '1e+21'], [1e-7, '1e-07'],
    [NaN, 'NaN'], [Infinity, '+Inf'], [-Infinity, '-Inf'],
  ])('%p prints %p', (value, text) => {
    expect(goFloatV(value)).toBe(text);
  });
});

describe('goFloatF (Go %f)', () => {
  test.each([[150, '150.000000'], [-0.5, '-0.500000'], [1e-7, '0.000000'], [1e21, '1000000000000000000000.000000'], [NaN, 'NaN'], [-Infinity, '-Inf']])('%p prints %p', (value, text) => {
    expect(goFloatF(value)).toBe(text);
  });
});

describe('ValidatePercent', () => {
  test.each([0, 50, 100])('%p is valid', value => expect(validatePercent(value)).toBeUndefined());
  test.each([-1, 101])('%p is out of range', value => expect(validatePercent(value)).toBe(`percentage ${value} is not in range 0..100`));
});

describe('validatePercentage', () => {
  test.each([undefined, null, {}, { value: 0 }, { value: 0.0001 }, { value: 50.5 }, { value: 100 }])('%p is valid', p => {
    expect(validatePercentage(p)).toBeUndefined();
  });
  test.each([
    [{ value: 150 }, 'percentage 150 is neither 0.0, nor in range [0.0001, 100.0]'],
    [{ value: -1 }, 'percentage -1 is neither 0.0, nor in range [0.0001, 100.0]'],
    [{ value: 0.00001 }, 'percentage 1e-05 is neither 0.0, nor in range [0.0001, 100.0]'],
  ])('%p', (p, message) => {
    expect(validatePercentage(p)).toBe(message);
  });
});
