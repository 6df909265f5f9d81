import { Locator } from '../../src/cli/locator';
import { readDocuments } from '../../src/cli/yaml-documents';
import { FieldPath } from '../../src/validation/field-path';

/** Line of `path` in the `index`-th document of a file, through one locator (as the CLI uses it). */
/** A field path written as its printed form, for the table: `spec.http[0]`, keys in brackets. */
function at(printed: string): FieldPath {
  let path = FieldPath.ROOT;
  for (const m of printed.matchAll(/\[([^\]]*)\]|\.?([^.[]+)/g)) {
    path = m[1] === undefined ? path.child(m[2]) : /^\d+$/.test(m[1]) ? path.index(Number(m[1])) : path.key(m[1]);
  }
  return path;
}

function lineOf(path: string, text: string, fieldPath: string | FieldPath, index = 0, locator = new Locator()): number {
  return locator.lineOf(readDocuments(path, text)[index], typeof fieldPath === 'string' ? at(fieldPath) : fieldPath);
}

const VIRTUAL_SERVICES = `# two VirtualServices
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: first
---

apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
  labels:
    app.kubernetes.io/name: reviews
  annotations:
    example.com/a.b: "x"
spec:
  hosts: [reviews]
  http:
  - match:
    - uri: {prefix: /v1}
    route:
    - destination:
        host: reviews
        subset: v1
      weight: 90
    - destination:
        host: reviews
        subset: v2
      weight:
  -
`;

describe('Locator', () => {
  test.each([
    ['', 8],
    ['spec', 16],
    ['spec.hosts', 17],
    ['spec.hosts[0]', 17],
    ['spec.http[0]', 19],
    ['spec.http[0].match[0].uri.prefix', 20],
    ['spec.http[0].route[1].weight', 29],
    ['spec.http[0].route[0].destination.subset', 24],
    ['spec.http[1]', 19], // an empty item has no position of its own: its sequence's line
    ['metadata.labels[app.kubernetes.io/name]', 13],
  ])('%s is on line %d', (fieldPath, line) => {
    expect(lineOf('f.yaml', VIRTUAL_SERVICES, fieldPath, 1)).toBe(line);
  });

  test('a key with dots is one segment, however the path prints it', () => {
    const annotations = FieldPath.at('metadata', 'annotations');
    expect(lineOf('f.yaml', VIRTUAL_SERVICES, annotations.child('example.com/a.b'), 1)).toBe(15);
    expect(lineOf('f.yaml', VIRTUAL_SERVICES, annotations.key('example.com/a.b'), 1)).toBe(15);
    // not found as nested fields: placed at the map
    expect(lineOf('f.yaml', VIRTUAL_SERVICES, annotations.child('example', 'com/a', 'b'), 1)).toBe(14);
  });

  test('an error without a field (<nil>) is placed at the document', () => {
    expect(lineOf('f.yaml', VIRTUAL_SERVICES, FieldPath.NONE, 1)).toBe(8);
  });

  test.each([
    ['spec.http[0].route[1].destination.port.number', 26], // missing: its deepest ancestor in the file
    ['spec.tcp[0].route', 16],
    ['spec.http[7]', 18],
    ['spec.hosts.name', 17], // a sequence has no keys
    ['spec.http[first]', 18], // nor names
    ['kind.x', 9],
    ['nothing.here', 8], // nothing of it: the document's first line
  ])('a field not in the file, %s, is placed at its deepest ancestor: line %d', (fieldPath, line) => {
    expect(lineOf('f.yaml', VIRTUAL_SERVICES, fieldPath, 1)).toBe(line);
  });

  test('one locator answers for several documents, in any order', () => {
    const locator = new Locator();
    const documents = readDocuments('f.yaml', VIRTUAL_SERVICES);
    expect(locator.lineOf(documents[1], at('spec.hosts'))).toBe(17);
    expect(locator.lineOf(documents[0], at('metadata.name'))).toBe(5);
    expect(locator.lineOf(documents[1], at('metadata.name'))).toBe(11);
  });

  test('List items are found inside their List document', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n- kind: A\n  spec:\n    x: 1\n- kind: B\n  spec:\n    x: 2\n';
    expect(lineOf('f.yaml', text, 'spec.x', 1)).toBe(9);
    expect(lineOf('f.yaml', text, '', 1)).toBe(7);
    expect(lineOf('f.yaml', text, 'spec.x', 0)).toBe(6);
  });

  test('JSON: elements of a top-level array and nested fields', () => {
    const text = '[\n  {"kind": "A"},\n  {\n    "kind": "B",\n    "spec": {\n      "hosts": ["a",\n        "b"]\n    }\n  }\n]\n';
    expect(lineOf('f.json', text, '', 1)).toBe(3);
    expect(lineOf('f.json', text, 'spec.hosts[1]', 1)).toBe(7);
    expect(lineOf('f.json', text, 'kind', 0)).toBe(2);
  });

  test('values from aliases and merge keys are placed at the key that brings them', () => {
    const text = 'base: &base\n  port: 80\nspec:\n  a: *base\n  b:\n    <<: *base\n    name: x\n';
    expect(lineOf('f.yaml', text, 'spec.a.port')).toBe(4);
    expect(lineOf('f.yaml', text, 'spec.b.port')).toBe(5);
    expect(lineOf('f.yaml', text, 'spec.b.name')).toBe(7);
  });

  test('a document after empty ones, and one with the root on its --- line', () => {
    const text = 'a: 1\n---\n---\n\n# c\nb:\n  c: 2\n--- {d: {e: 3}}\n';
    expect(lineOf('f.yaml', text, 'b.c', 1)).toBe(7);
    expect(lineOf('f.yaml', text, 'd.e', 2)).toBe(8);
  });

  test('a document that cannot be re-read on its own (a %TAG handle) is placed at its first line', () => {
    const text = '%TAG !e! tag:yaml.org,2002:\n--- !e!map\na: 1\nb: 2\n';
    expect(lineOf('f.yaml', text, 'b')).toBe(2);
  });
});
