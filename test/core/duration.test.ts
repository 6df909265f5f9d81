import { Duration } from 'cdk8s';
import { goDuration, optionalGoDuration } from '../../src/core/duration';

describe('goDuration', () => {
  test.each([
    [Duration.millis(30), '30ms'],
    [Duration.seconds(5), '5s'],
    [Duration.seconds(3600), '3600s'],
    [Duration.minutes(10), '10m'],
    [Duration.hours(24), '24h'],
    [Duration.days(1), '24h'],
    [Duration.seconds(1.5), '1.5s'],
    [Duration.seconds(0.1 + 0.2), '0.3s'],
    [Duration.millis(0.5), '0.5ms'],
  ])('%s renders in the unit it was written in, as Go reads it', (duration, text) => {
    expect(goDuration(duration)).toBe(text);
  });

  test('an absent duration stays absent', () => {
    expect(optionalGoDuration(undefined)).toBeUndefined();
    expect(optionalGoDuration(Duration.seconds(2))).toBe('2s');
  });
});
