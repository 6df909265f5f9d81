import { multiErrorText } from '../../src/go/multierror';

describe('multierror list format', () => {
  test('one error', () => {
    expect(multiErrorText(['a'])).toBe('1 error occurred:\n\t* a\n\n');
  });

  test('several errors', () => {
    expect(multiErrorText(['a', 'b'])).toBe('2 errors occurred:\n\t* a\n\t* b\n\n');
  });
});
