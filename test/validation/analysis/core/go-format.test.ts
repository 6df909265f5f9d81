import { goFormat, goList, goQuote } from '../../../../src/validation/analysis/core/go-format';

describe('Go format verbs', () => {
  test.each([
    ['reviews', '"reviews"'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    ['tab\there\nnl', '"tab\\there\\nnl"'],
    ['\u0001', '"\\x01"'],
    ['\u0085', '"\\u0085"'],
    ['héllo ✓', '"héllo ✓"'],
  ])('%%q of %p is %s', (value, quoted) => {
    expect(goQuote(value)).toBe(quoted);
  });

  test('%v of slices prints [a b]', () => {
    expect(goList(['a', 'b'])).toBe('[a b]');
    expect(goList([80, 443])).toBe('[80 443]');
    expect(goList([])).toBe('[]');
  });

  test('fills verbs in order; slices for %v, quoting for %q, %% kept', () => {
    expect(goFormat('Referenced %s not found: %q', ['host', 'x'])).toBe('Referenced host not found: "x"');
    expect(goFormat('ports %v at %d%%', [[1, 2], 50])).toBe('ports [1 2] at 50%');
  });
});
