import { hasFractionalSeconds, validateDuration } from '../../../../src/validation/webhook/common/duration';

describe('validateDuration (ValidateDuration)', () => {
  test.each(['1ms', '1s', '1.5s', '1h', '1001ms'])('%s is valid', text => {
    expect(validateDuration(text)).toBeUndefined();
  });

  test.each([
    ['0.5ms', 'duration must be greater than 1ms'],
    ['0s', 'duration must be greater than 1ms'],
    ['-1s', 'duration must be greater than 1ms'],
    ['1.5ms', 'only durations to ms precision are supported'],
    ['1000001us', 'only durations to ms precision are supported'],
  ])('%s: %s', (text, message) => {
    expect(validateDuration(text)).toBe(message);
  });

  test('a value that is no Go duration is left to the schema', () => {
    expect(validateDuration('soon')).toBeUndefined();
    expect(validateDuration(5)).toBeUndefined();
  });
});

describe('hasFractionalSeconds', () => {
  test.each([['1.5s', true], ['1500ms', true], ['2s', false], ['1m', false], ['junk', false], [undefined, false]])('%p: %p', (text, expected) => {
    expect(hasFractionalSeconds(text)).toBe(expected);
  });
});
