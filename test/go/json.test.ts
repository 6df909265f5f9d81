import { goJsonSyntaxError, unmarshalTypeError } from '../../src/go/json';

// Expected texts checked against Go's encoding/json (json.Unmarshal into interface{}).
describe('Go JSON syntax errors', () => {
  test.each(['{}', '[]', '{"a":1}', '[1,2]', '"x"', '1e5', '-0.5E-3', 'null', 'true', 'false', '\t{}\n', '{"a":{"b":[1,{"c":null}]}}', '"\\u00e9\\n"', '3.25e-2', '[1.5E+3]'])(
    '%p is valid', text => {
      expect(goJsonSyntaxError(text)).toBeUndefined();
    });

  test.each([
    ['', 'unexpected end of JSON input'],
    ['{', 'unexpected end of JSON input'],
    ['{"a":1', 'unexpected end of JSON input'],
    ['"abc', 'unexpected end of JSON input'],
    ['}', "invalid character '}' looking for beginning of value"],
    ['xyz', "invalid character 'x' looking for beginning of value"],
    ['{a:1}', "invalid character 'a' looking for beginning of object key string"],
    ["{'a':1}", "invalid character '\\'' looking for beginning of object key string"],
    ['{"a":1,}', "invalid character '}' looking for beginning of object key string"],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{"a":1 "b":2}', 'invalid character \'"\' after object key:value pair'],
    ['[1,]', "invalid character ']' looking for beginning of value"],
    ['[1 2]', "invalid character '2' after array element"],
    ['{} x', "invalid character 'x' after top-level value"],
    ['1 2', "invalid character '2' after top-level value"],
    ['1.', "invalid character ' ' after decimal point in numeric literal"],
    ['1.e5', "invalid character 'e' after decimal point in numeric literal"],
    ['3.14x', "invalid character 'x' after top-level value"],
    ['1e+', "invalid character ' ' in exponent of numeric literal"],
    ['-a', "invalid character 'a' in numeric literal"],
    ['01', "invalid character '1' after top-level value"],
    ['tru', "invalid character ' ' in literal true (expecting 'e')"],
    ['nulx', "invalid character 'x' in literal null (expecting 'l')"],
    ['falsy', "invalid character 'y' in literal false (expecting 'e')"],
    ['"\\x"', "invalid character 'x' in string escape code"],
    ['"\\u12g4"', "invalid character 'g' in \\u hexadecimal character escape"],
    ['"a\nb"', "invalid character '\\n' in string literal"],
    ['\u00e9', "invalid character 'Ã' looking for beginning of value"],
  ])('%p: %s', (text, message) => {
    expect(goJsonSyntaxError(text)).toBe(message);
  });

  test('nesting deeper than 10000 levels', () => {
    expect(goJsonSyntaxError('['.repeat(10001))).toBe("invalid character '[' exceeded max depth");
  });
});

describe('json.Unmarshal type errors', () => {
  test('into a Go value: the JSON kind and the Go type', () => {
    expect(unmarshalTypeError([1], '[]json.RawMessage')).toBe('json: cannot unmarshal array into Go value of type []json.RawMessage');
    expect(unmarshalTypeError('x', 'int')).toBe('json: cannot unmarshal string into Go value of type int');
    expect(unmarshalTypeError(1, 'string')).toBe('json: cannot unmarshal number into Go value of type string');
    expect(unmarshalTypeError(true, 'string')).toBe('json: cannot unmarshal bool into Go value of type string');
  });

  test('into a struct field', () => {
    expect(unmarshalTypeError({}, 'string', '.kty')).toBe('json: cannot unmarshal object into Go struct field .kty of type string');
  });
});

