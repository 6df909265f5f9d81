import { splitHostPort } from '../../src/go/net';

describe('splitHostPort (Go net.SplitHostPort)', () => {
  test.each([
    ['host:80', { host: 'host', port: '80' }],
    ['[::1]:80', { host: '::1', port: '80' }],
    [':80', { host: '', port: '80' }],
    ['host:', { host: 'host', port: '' }],
  ])('%p splits', (input, expected) => {
    expect(splitHostPort(input)).toEqual(expected);
  });

  test.each([
    ['host', 'missing port in address'],
    ['[::1', "missing ']' in address"],
    ['[::1]', 'missing port in address'],
    ['[::1]x:80', 'missing port in address'],
    ['[::1]:80:90', 'too many colons in address'],
    ['a:b:80', 'too many colons in address'],
    ['a[b:80', "unexpected '[' in address"],
    ['a]b:80', "unexpected ']' in address"],
    ['[a]:8]0', "unexpected ']' in address"],
    ['[a]]:80', 'missing port in address'],
  ])('%p fails: %s', (input, why) => {
    expect(splitHostPort(input)).toEqual({ host: '', port: '', error: `address ${input}: ${why}` });
  });
});
