import { atoi, atoiError, parseBoolError, parseInt64, parseUint, parseUintError } from '../../src/go/strconv';

describe('strconv.ParseUint (base 10)', () => {
  test.each(['0', '80', '080', '65535', '4294967295'])('%p parses', s => {
    expect(parseUintError(s, 32)).toBeUndefined();
    expect(parseUint(s, 32)).toBe(BigInt(s));
  });

  test.each([
    ['', 'strconv.ParseUint: parsing "": invalid syntax'],
    ['+1', 'strconv.ParseUint: parsing "+1": invalid syntax'],
    ['-1', 'strconv.ParseUint: parsing "-1": invalid syntax'],
    ['1_000', 'strconv.ParseUint: parsing "1_000": invalid syntax'],
    ['http', 'strconv.ParseUint: parsing "http": invalid syntax'],
    ['4294967296', 'strconv.ParseUint: parsing "4294967296": value out of range'],
    // The overflow comes before the bad byte: Go reports the range.
    ['99999999999x', 'strconv.ParseUint: parsing "99999999999x": value out of range'],
  ])('%p: %s', (s, message) => {
    expect(parseUintError(s, 32)).toBe(message);
    expect(parseUint(s, 32)).toBeUndefined();
  });
});

describe('strconv.Atoi', () => {
  test.each(['0', '-5', '+5', '9223372036854775807', '-9223372036854775808'])('%p parses', s => {
    expect(atoiError(s)).toBeUndefined();
  });

  test.each([
    ['', 'strconv.Atoi: parsing "": invalid syntax'],
    ['1a', 'strconv.Atoi: parsing "1a": invalid syntax'],
    ['9223372036854775808', 'strconv.Atoi: parsing "9223372036854775808": value out of range'],
    ['-9223372036854775809', 'strconv.Atoi: parsing "-9223372036854775809": value out of range'],
    // Long input is scanned like ParseUint: the overflow comes before the bad byte.
    ['99999999999999999999x', 'strconv.Atoi: parsing "99999999999999999999x": value out of range'],
    ['1234567890123456789x', 'strconv.Atoi: parsing "1234567890123456789x": invalid syntax'],
  ])('%p: %s', (s, message) => {
    expect(atoiError(s)).toBe(message);
  });
});

test.each([['42', 42], ['-7', -7], ['+5', 5]])('Atoi %p is %p', (s, n) => {
  expect(atoi(s)).toBe(n);
});

test.each(['4x', '', '9223372036854775808', '1_000'])('Atoi %p fails', s => {
  expect(atoi(s)).toBeUndefined();
});

describe('strconv.Atoi as an int64 (parseInt64)', () => {
  test.each([['80', 80n], ['+80', 80n], ['-80', -80n], ['007', 7n], ['9223372036854775807', 9223372036854775807n]])('%p is %p', (text, value) => {
    expect(parseInt64(text)).toBe(value);
    expect(atoiError(text)).toBeUndefined();
  });

  test.each([
    ['', 'invalid syntax'], ['+', 'invalid syntax'], ['1_000', 'invalid syntax'], ['0x10', 'invalid syntax'], [' 80', 'invalid syntax'],
    ['9223372036854775808', 'value out of range'], ['-9223372036854775809', 'value out of range'],
    ['99999999999999999999x', 'value out of range'],
  ])('%p fails: %s', (text, why) => {
    expect(parseInt64(text)).toBeUndefined();
    expect(atoiError(text)).toBe(`strconv.Atoi: parsing ${JSON.stringify(text)}: ${why}`);
  });
});

describe('strconv.ParseBool', () => {
  test.each(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'])('%p parses', s => {
    expect(parseBoolError(s)).toBeUndefined();
  });

  test.each(['yes', 'tRUE', '', ' true'])('%p does not', s => {
    expect(parseBoolError(s)).toBe(`strconv.ParseBool: parsing ${JSON.stringify(s)}: invalid syntax`);
  });
});
