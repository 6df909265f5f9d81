import { hostsMatch, hostSubsetOf, isWildcarded } from '../../src/validation/hosts';

describe('host.Name', () => {
  test('IsWildCarded: leading *', () => {
    expect(isWildcarded('*foo')).toBe(true);
    expect(isWildcarded('foo.*')).toBe(false);
  });

  test.each([
    ['foo.com', 'foo.com', true],
    ['foo.com', 'bar.com', false],
    ['*.com', 'foo.com', true],
    ['bar.com', '*.com', true],
    ['*.foo.com', 'foo.com', false],
    ['*', 'foo.com', true],
    ['*', '*.com', true],
    ['*.com', '*.foo.com', true],
    ['*.foo.com', '*.bar.com', false],
  ])('Matches(%p, %p) is %p, both ways', (a, b, expected) => {
    expect(hostsMatch(a, b)).toBe(expected);
    expect(hostsMatch(b, a)).toBe(expected);
  });

  test.each([
    ['foo.com', 'foo.com', true],
    ['foo.com', '*.com', true],
    ['*.com', 'foo.com', false],
    ['*.foo.com', '*.com', true],
    ['*.com', '*.foo.com', false],
    ['*', '*', true],
    ['a.com', 'b.com', false],
  ])('SubsetOf(%p, %p) is %p', (a, b, expected) => {
    expect(hostSubsetOf(a, b)).toBe(expected);
  });
});
