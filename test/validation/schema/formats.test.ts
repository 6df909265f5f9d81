import { checkFormat } from '../../../src/validation/schema/formats';

describe('string formats', () => {
  test.each([
    ['byte', 'aGVsbG8gd29ybGQ=', undefined],
    ['byte', 'aGVsbG8', 'must be of type byte: "aGVsbG8"'],
    ['date-time', '2026-11-27T09:00:00Z', undefined],
    ['date-time', '2026-11-27T09:00:00.123+01:00', undefined],
    ['date-time', '2026-11-27', 'must be of type date-time: "2026-11-27"'],
    ['date-time', '2026-13-45T09:00:00Z', 'must be of type date-time: "2026-13-45T09:00:00Z"'],
    ['date', '2026-11-27', undefined],
    ['date', '27/11/2026', 'must be of type date: "27/11/2026"'],
    // Formats Kubernetes does not check on strings.
    ['int32', 'x', undefined],
    ['double', 'x', undefined],
  ])('%s %p', (format, text, expected) => {
    expect(checkFormat(format, text)).toBe(expected);
  });
});
