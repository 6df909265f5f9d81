import { runeCountInString } from '../../src/go/utf8';

describe('utf8.RuneCountInString', () => {
  test.each([
    ['', 0],
    ['abc', 3],
    ['ééééé', 5],
    ['\u{1F600}', 1], // one rune, two UTF-16 code units
    ['\ud800x', 2], // a lone surrogate is one rune (U+FFFD once Go decodes it)
  ])('%p has %p runes', (text, count) => {
    expect(runeCountInString(text)).toBe(count);
  });
});
