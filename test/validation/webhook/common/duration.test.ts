import { hasFractionalSeconds, parseGoDuration, validateDuration } from '../../../../src/validation/webhook/common/duration';

describe('parseGoDuration (time.ParseDuration)', () => {
  test.each([
    ['1.5s', 1_500_000_000n],
    ['300ms', 300_000_000n],
    ['1h30m', 5_400_000_000_000n],
    ['0', 0n],
    ['-1s', -1_000_000_000n],
    ['+2s', 2_000_000_000n],
    ['.5s', 500_000_000n],
    ['5.s', 5_000_000_000n],
    ['1us', 1_000n],
    ['1\u00b5s', 1_000n],
    ['1\u03bcs', 1_000n],
    ['7ns', 7n],
    ['0.3s', 300_000_000n],
    // Go's float64 arithmetic on fractions: 1e-10s is below a nanosecond and vanishes
    ['1.0000000001s', 1_000_000_000n],
    ['9223372036854775807ns', 9_223_372_036_854_775_807n],
    ['2562047h', 9_223_369_200_000_000_000n],
    // digits of a fraction past int64 are consumed and ignored
    ['1.12345678901234567890123s', 1_123_456_789n],
  ])('%s is %p ns', (text, nanos) => {
    expect(parseGoDuration(text)).toBe(nanos);
  });

  test.each(['', '1', '1x', '.s', 's', '1..5s', '9223372036854775808ns', '2562048h', '-', '1s2', '1toString', '1constructor', '1__proto__'])('%p is no Go duration', text => {
    expect(parseGoDuration(text)).toBeUndefined();
  });
});

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
