import { loadAll } from 'js-yaml';
import { CliError } from '../../src/cli/command';
import { loadYamlStream } from '../../src/cli/yaml-stream';

/** `count` small documents, several 64 KiB chunks' worth when count is in the thousands. */
function manyDocuments(count: number): string {
  return Array.from({ length: count }, (_, i) => `kind: ConfigMap\nmetadata:\n  name: cm-${i}\ndata:\n  key: "${'x'.repeat(20)}"\n`).join('---\n');
}

function syntaxErrorOf(text: string, kind?: string): string {
  try {
    loadYamlStream(text, 'f.yaml', kind);
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return (error as CliError).message;
  }
  throw new Error('no syntax error');
}

describe('loadYamlStream', () => {
  test('loads every document and the offset of its root node; -1 for an empty document', () => {
    const text = '# comment\na: 1\n---\n---\n--- !!map\nb: 2\n--- &anchor\n- x\n';
    const { documents, starts } = loadYamlStream(text, 'f.yaml');
    expect(documents).toEqual([{ a: 1 }, null, null, { b: 2 }, ['x']]);
    expect(starts).toEqual([text.indexOf('a: 1'), -1, -1, text.indexOf('!!map'), text.indexOf('anchor')]);
  });

  test('an empty text has no documents', () => {
    expect(loadYamlStream('', 'f.yaml')).toEqual({ documents: [], starts: [] });
    expect(loadYamlStream('# only a comment\n', 'f.yaml').documents).toEqual([]);
  });

  test('a long stream, read in chunks, gives the same documents as loadAll and absolute offsets', () => {
    const text = manyDocuments(3000);
    expect(text.length).toBeGreaterThan(3 * 64 * 1024);
    const { documents, starts } = loadYamlStream(text, 'f.yaml');
    expect(documents).toEqual(loadAll(text));
    expect(starts).toHaveLength(3000);
    expect(starts[2999]).toBe(text.lastIndexOf('kind: ConfigMap'));
    expect(starts[1234]).toBe(text.indexOf('metadata:\n  name: cm-1234\n') - 'kind: ConfigMap\n'.length);
  });

  test('"---" inside a line or followed by text is no cut', () => {
    const body = 'x'.repeat(70 * 1024);
    const text = `a: "${body}"\nb: ---x\n---x: 1\n---\nc: 3\n`;
    expect(loadYamlStream(text, 'f.yaml').documents).toEqual([{ 'a': body, 'b': '---x', '---x': 1 }, { c: 3 }]);
  });

  test('directives stay with their document', () => {
    const text = `${manyDocuments(2000)}---\n...\n%TAG !e! tag:yaml.org,2002:\n--- !e!str\ntagged\n`;
    const { documents } = loadYamlStream(text, 'f.yaml');
    expect(documents[documents.length - 1]).toBe('tagged');
  });

  test('merge keys work as in Kubernetes', () => {
    const text = 'defaults: &defaults\n  a: 1\nitem:\n  <<: *defaults\n  b: 2\n';
    expect(loadYamlStream(text, 'f.yaml').documents).toEqual([{ defaults: { a: 1 }, item: { a: 1, b: 2 } }]);
  });

  test('a syntax error names the file and the line, also in a later chunk', () => {
    expect(syntaxErrorOf('a: 1\nb: [1, 2\n')).toMatch(/^f\.yaml:3: YAML syntax error: .+/);
    expect(syntaxErrorOf('a: 1\na: 2\n')).toBe('f.yaml:2: YAML syntax error: duplicated mapping key');
    const text = `${manyDocuments(3000)}---\nkey: 1\nkey: 2\n`;
    const line = text.split('\n').length - 1;
    expect(syntaxErrorOf(text)).toBe(`f.yaml:${line}: YAML syntax error: duplicated mapping key`);
  });

  test('the syntax is named as the caller says (JSON for .json files)', () => {
    expect(syntaxErrorOf('{"a": 1,,}', 'JSON')).toMatch(/^f\.yaml:1: JSON syntax error: /);
  });
});
