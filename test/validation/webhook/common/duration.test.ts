import { checkDuration, hasFractionalSeconds } from '../../../../src/validation/webhook/common/duration';

describe('checkDuration (ValidateDuration)', () => {
  test.each(['1ms', '1s', '1.5s', '1h', '1001ms'])('%s is valid', text => {
    expect(checkDuration(text)).toBeUndefined();
  });

  test.each([
    ['0.5ms', 'duration must be greater than 1ms'],
    ['0s', 'duration must be greater than 1ms'],
    ['-1s', 'duration must be greater than 1ms'],
    ['1.5ms', 'only durations to ms precision are supported'],
    ['1000001us', 'only durations to ms precision are supported'],
  ])('%s: %s', (text, message) => {
    expect(checkDuration(text)).toBe(message);
  });

  test('a value that is no Go duration is left to the schema', () => {
    expect(checkDuration('soon')).toBeUndefined();
    expect(checkDuration(5)).toBeUndefined();
  });
});

describe('hasFractionalSeconds', () => {
  test.each([['1.5s', true], ['1500ms', true], ['2s', false], ['1m', false], ['junk', false], [undefined, false]])('%p: %p', (text, expected) => {
    expect(hasFractionalSeconds(text)).toBe(expected);
  });
});
