import { messageText, portText } from '../../src/go/prototext';

describe('portText (Go %v of a Gateway port)', () => {
  test('fields in field-number order, proto names, zero values left out', () => {
    expect(portText({ number: 80, protocol: 'HTTP', name: 'http', targetPort: 8080 })).toBe('number:80 protocol:"HTTP" name:"http" target_port:8080');
    expect(portText({ number: 80, protocol: 'HTTP', name: '' })).toBe('number:80 protocol:"HTTP"');
    expect(portText({ number: 0, protocol: '', name: '' })).toBe('');
  });

  test('strings are escaped as protobuf text format does', () => {
    expect(portText({ name: 'a"b\\c\n\t\r\u0001\u007f\u0085é' })).toBe('name:"a\\"b\\\\c\\n\\t\\r\\x01\\x7f\\u0085é"');
  });
});

test('messageText: fields in the given order, zero values left out', () => {
  expect(messageText([['a', 1], ['b', ''], ['c', 'x'], ['d', 0]])).toBe('a:1 c:"x"');
});

