import { trim } from '../../src/go/strings';

describe('strings.Trim', () => {
  test.each([
    ['..a.b..', '.', 'a.b'],
    ['a', '.', 'a'],
    ['...', '.', ''],
    ['', '.', ''],
    ['xyaxy', 'yx', 'a'],
    ['éaé', 'é', 'a'],
  ])('Trim(%p, %p) is %p', (s, cutset, trimmed) => {
    expect(trim(s, cutset)).toBe(trimmed);
  });
});
