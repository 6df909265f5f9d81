import { CliError } from '../../src/cli/command';
import { describeValueType, isMapping, readDocuments, SourceDocument } from '../../src/cli/yaml-documents';

/** What the validator sees of each document: its value and where it sits in its YAML document. */
function summary(documents: SourceDocument[]) {
  return documents.map(({ value, documentIndex, pathInDocument }) => ({ value, documentIndex, pathInDocument }));
}

describe('readDocuments', () => {
  test('every non-empty YAML document, in order', () => {
    const documents = readDocuments('f.yaml', 'a: 1\n---\n---\n# nothing\n---\nb: 2\n--- 3\n');
    expect(summary(documents)).toEqual([
      { value: { a: 1 }, documentIndex: 0, pathInDocument: [] },
      { value: { b: 2 }, documentIndex: 3, pathInDocument: [] },
      { value: 3, documentIndex: 4, pathInDocument: [] },
    ]);
    expect(documents[0].source.path).toBe('f.yaml');
  });

  test('an empty file has no documents', () => {
    expect(readDocuments('f.yaml', '')).toEqual([]);
    expect(readDocuments('f.json', '  \n')).toEqual([]);
  });

  test('keys starting with _ are removed from the top level of each document only', () => {
    const [document] = readDocuments('f.yaml', '_expect: error\nkind: X\nspec:\n  _keep: 1\n');
    expect(document.value).toEqual({ kind: 'X', spec: { _keep: 1 } });
  });

  test('the items of a List are documents, with _ keys removed from each', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n- kind: A\n  _note: x\n- kind: VirtualServiceList\n  items:\n  - kind: B\n';
    expect(summary(readDocuments('f.yaml', text))).toEqual([
      { value: { kind: 'A' }, documentIndex: 0, pathInDocument: ['items', 0] },
      { value: { kind: 'B' }, documentIndex: 0, pathInDocument: ['items', 1, 'items', 0] },
    ]);
  });

  test('a List without items array is an ordinary object', () => {
    expect(readDocuments('f.yaml', 'kind: List\nitems: none\n')[0].value).toEqual({ kind: 'List', items: 'none' });
  });

  test('a JSON file holds one object, or an array of them', () => {
    expect(summary(readDocuments('f.json', '{"kind": "A", "_x": 1}'))).toEqual([{ value: { kind: 'A' }, documentIndex: 0, pathInDocument: [] }]);
    expect(summary(readDocuments('f.JSON', '[{"kind": "A"}, null, {"kind": "List", "items": [{"kind": "B"}]}, 7]'))).toEqual([
      { value: { kind: 'A' }, documentIndex: 0, pathInDocument: [0] },
      { value: { kind: 'B' }, documentIndex: 0, pathInDocument: [2, 'items', 0] },
      { value: 7, documentIndex: 0, pathInDocument: [3] },
    ]);
  });

  test('a top-level sequence in a YAML file is one document (that is not an object)', () => {
    expect(summary(readDocuments('f.yaml', '- kind: A\n'))).toEqual([{ value: [{ kind: 'A' }], documentIndex: 0, pathInDocument: [] }]);
  });

  test('a byte order mark is ignored', () => {
    expect(readDocuments('f.json', '\ufeff{"kind": "A"}')[0].value).toEqual({ kind: 'A' });
    expect(readDocuments('f.yaml', '\ufeffkind: A\n')[0].value).toEqual({ kind: 'A' });
  });

  test('a .json file that JSON.parse rejects is read as YAML (comments, several documents)', () => {
    expect(readDocuments('f.json', '# generated\n{"kind": "A"}\n---\n{"kind": "B"}\n').map(document => document.value))
      .toEqual([{ kind: 'A' }, { kind: 'B' }]);
  });

  test('a JSON syntax error names the file and line', () => {
    expect(() => readDocuments('f.json', '{\n  "kind": "A",\n  "spec": {"a": 1,, }\n}\n')).toThrow(CliError);
    expect(() => readDocuments('f.json', '{\n  "kind": "A",\n  "spec": {"a": 1,, }\n}\n')).toThrow(/^f\.json:3: JSON syntax error: /);
  });

  test('a YAML syntax error names the file and line', () => {
    expect(() => readDocuments('dir/f.yaml', 'a: 1\n---\nb: "x\n  c: [\n')).toThrow(/^dir\/f\.yaml:\d+: YAML syntax error: /);
  });
});

describe('isMapping and describeValueType', () => {
  test.each([
    [{}, true, 'an object'],
    [[], false, 'a list'],
    ['s', false, 'a string'],
    [1, false, 'a number'],
    [true, false, 'a boolean'],
    [null, false, 'null'],
  ])('%j: mapping %s, %s', (value, mapping, description) => {
    expect(isMapping(value)).toBe(mapping);
    expect(describeValueType(value)).toBe(description);
  });
});
