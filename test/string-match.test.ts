import { StringMatch } from '../src';

describe('StringMatch', () => {
  test('renders the member it was made with', () => {
    expect(StringMatch.exact('GET')._toIstio()).toEqual({ exact: 'GET' });
    expect(StringMatch.exact('')._toIstio()).toEqual({ exact: '' });
    expect(StringMatch.prefix('/api/')._toIstio()).toEqual({ prefix: '/api/' });
    expect(StringMatch.regex('.*Mobile.*')._toIstio()).toEqual({ regex: '.*Mobile.*' });
  });

  test('fails on an empty prefix, as Istio does', () => {
    expect(() => StringMatch.prefix('')).toThrow('StringMatch.prefix(): "value": prefix string match should not be empty (got "")');
  });

  test('fails on an empty regex', () => {
    expect(() => StringMatch.regex('')).toThrow('StringMatch.regex(): "value": regex string match should not be empty (got "")');
  });

  test('fails on a regex RE2 rejects, with Go\'s error, though JavaScript accepts it', () => {
    expect(new RegExp('(?=lookahead)x').source).toBe('(?=lookahead)x');
    expect(() => StringMatch.regex('(?=lookahead)x')).toThrow(
      'StringMatch.regex(): "value": error parsing regexp: invalid or unsupported Perl syntax: `(?=`; '
      + 'Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax) (got "(?=lookahead)x")');
  });

  test('fails on a value that is not a string', () => {
    expect(() => StringMatch.exact(42 as unknown as string)).toThrow('StringMatch.exact(): the value must be a string, got 42');
  });
});
