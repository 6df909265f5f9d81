import { goFloatF, goFloatV, goFormat, goList, goQuote, goSortedList, goValue } from '../../src/go/format';

describe('goQuote (Go %q)', () => {
  test.each([
    ['abc', '"abc"'],
    ['reviews', '"reviews"'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    ['tab\there', '"tab\\there"'],
    ['tab\there\n', '"tab\\there\\n"'],
    ['tab\there\nnl', '"tab\\there\\nnl"'],
    ['\u0007\u000b\u0001\u007f', '"\\a\\v\\x01\\x7f"'],
    ['bell\u0007 nul\u0000', '"bell\\a nul\\x00"'],
    ['del\u007f', '"del\\x7f"'],
    ['\u0001', '"\\x01"'],
    ['\u0085', '"\\u0085"'],
    ['caf\u00e9 \u4e16', '"caf\u00e9 \u4e16"'],
    ['héllo ✓', '"héllo ✓"'],
    ['nbsp\u00a0', '"nbsp\\u00a0"'],
    ['\u{1F600}', '"\u{1F600}"'],
    ['\u{E0001}', '"\\U000e0001"'],
    ['\ud800', '"\ufffd"'],
  ])('%p', (text, quoted) => {
    expect(goQuote(text)).toBe(quoted);
  });
});

describe('goValue (a bad value as Kubernetes prints it)', () => {
  test('values print as Go prints them', () => {
    expect(goValue('a"b')).toBe('"a\\"b"');
    expect(goValue(80)).toBe('80');
    expect(goValue(1.5)).toBe('1.5');
    expect(goValue(false)).toBe('false');
    expect(goValue(null)).toBe('"null"');
    expect(goValue(['a', 1, true, ['b'], null])).toBe('[]interface {}{"a", 1, true, []interface {}{"b"}, interface {}(nil)}');
    expect(goValue({ z: 1, a: { b: 'c' } })).toBe('map[string]interface {}{"a":map[string]interface {}{"b":"c"}, "z":1}');
  });
});

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

describe('Go format verbs', () => {
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

describe('goSortedList (%v of sets.List)', () => {
  test('sorted bytewise, not by UTF-16 code unit', () => {
    expect(goSortedList(new Set(['b', 'a', 'C']))).toBe('[C a b]');
    // UTF-16 puts U+1F600 (a surrogate pair, 0xD83D...) first; its UTF-8 bytes (0xF0...) come after U+FF5E's (0xEF...)
    expect(goSortedList(['\u{1F600}', '\uFF5E'])).toBe('[\uFF5E \u{1F600}]');
    expect(goSortedList([])).toBe('[]');
  });
});

