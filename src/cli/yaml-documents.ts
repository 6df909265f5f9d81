/**
 * Turns a file's text into the documents the validator sees: every YAML document, the elements of
 * a top-level JSON array, and the items of a `kind: List` (or `kind: <Kind>List`), with the keys
 * starting with `_` removed from the top level of each (test fixtures keep notes there, e.g. `_expect`).
 */
import { extname } from 'path';
import { SourceText } from './source-text';
import { loadYamlStream, YamlStream } from './yaml-stream';

/** A key of a mapping or an index of a sequence. */
export type PathSegment = string | number;

/** One document to validate, and where it came from. */
export interface SourceDocument {
  /** The parsed document, never null (empty documents are dropped); not necessarily an object. */
  readonly value: unknown;
  /** The file. */
  readonly source: SourceText;
  /** Index of the YAML document in the file (a JSON file is one document). */
  readonly documentIndex: number;
  /** Where the value sits inside that YAML document: `[]`, `['items', 3]` for a List item, `[3]` in a JSON array. */
  readonly pathInDocument: readonly PathSegment[];
}

/**
 * The documents of one file. `.json` files are read with `JSON.parse` (fast), other files, and
 * JSON that `JSON.parse` rejects, with the YAML reader (YAML is a superset of JSON, and it gives
 * the line of a syntax error). Throws a `CliError` for a syntax error.
 */
export function readDocuments(path: string, text: string): SourceDocument[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const json = extname(path).toLowerCase() === '.json';
  const stream = json ? loadJson(body, path) : loadYamlStream(body, path);
  const source = new SourceText(path, body, stream.starts);
  const documents: SourceDocument[] = [];
  stream.documents.forEach((value, documentIndex) => {
    if (json && Array.isArray(value)) {
      value.forEach((element, index) => addDocument(documents, element, source, documentIndex, [index]));
    } else {
      addDocument(documents, value, source, documentIndex, []);
    }
  });
  return documents;
}

/** True for a mapping (what a Kubernetes object is), false for null, lists and scalars. */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `a list`, `a string`, `a number`...: what a document that is not a mapping is, for messages. */
export function describeValueType(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null || value === undefined) return 'null';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function loadJson(text: string, path: string): YamlStream {
  const start = text.search(/\S/);
  if (start === -1) return { documents: [], starts: [] };
  try {
    return { documents: [JSON.parse(text)], starts: [start] };
  } catch {
    // Node's JSON.parse errors carry no position; the YAML reader gives the line (or accepts YAML in a .json file).
    return loadYamlStream(text, path, 'JSON');
  }
}

function addDocument(
  out: SourceDocument[], value: unknown, source: SourceText, documentIndex: number, pathInDocument: PathSegment[],
): void {
  if (value === null || value === undefined) return;
  if (isMapping(value)) {
    removePrivateKeys(value);
    if (isList(value)) {
      value.items.forEach((item, index) => addDocument(out, item, source, documentIndex, [...pathInDocument, 'items', index]));
      return;
    }
  }
  out.push({ value, source, documentIndex, pathInDocument });
}

/** `kind: List` as `kubectl get -o yaml` prints it, or a typed list such as `VirtualServiceList`. */
function isList(value: Record<string, unknown>): value is { items: unknown[] } {
  return typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items);
}

function removePrivateKeys(value: Record<string, unknown>): void {
  for (const key in value) {
    if (key.charCodeAt(0) === 0x5f && Object.prototype.hasOwnProperty.call(value, key)) delete value[key];
  }
}
