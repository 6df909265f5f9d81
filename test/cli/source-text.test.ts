import { SourceText } from '../../src/cli/source-text';

describe('SourceText', () => {
  const source = new SourceText('f.yaml', 'a: 1\nb:\n  c: 2\n\nd: 3', []);

  test('lineAt gives the 1-based line of an offset', () => {
    expect(source.lineAt(0)).toBe(1);
    expect(source.lineAt(4)).toBe(1); // the newline ends its line
    expect(source.lineAt(5)).toBe(2);
    expect(source.lineAt(source.text.indexOf('c'))).toBe(3);
    expect(source.lineAt(source.text.indexOf('d'))).toBe(5);
  });

  test('lineStartOf gives the offset where the line of an offset begins', () => {
    expect(source.lineStartOf(source.text.indexOf('c'))).toBe(source.text.indexOf('  c'));
    expect(source.lineStartOf(0)).toBe(0);
  });

  test('a text without newline is one line', () => {
    expect(new SourceText('f', 'abc', []).lineAt(2)).toBe(1);
  });
});
