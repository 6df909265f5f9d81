import { parseGoDuration } from '../../src/go/time';

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
