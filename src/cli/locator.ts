/**
 * Finds the line of a field path (its segments: a key with dots is one key) in the file a document
 * came from. Runs only for documents that got diagnostics: it parses that one YAML
 * document again, position-aware, into a small tree of lines.
 */
import { Event, EVENT_ID, getScalarValue, parseEvents } from 'js-yaml';
import { SourceText } from './source-text';
import { SourceDocument } from './yaml-documents';
import { eventOffset } from './yaml-stream';
import { FieldPath } from '../validation/field-path';

/** The line of a node (of its key, for a mapping value) and its children. */
interface PositionNode {
  line: number;
  readonly keys?: Map<string, PositionNode>;
  readonly items?: PositionNode[];
}

/**
 * Finds lines. It keeps the tree of the last YAML document it parsed: ask document by document
 * (in input order) and each is parsed once, with flat memory (a tree per document of a
 * 100,000-object file would not be). The items of a List share their document's tree.
 */
export class Locator {
  private last?: { readonly source: SourceText; readonly documentIndex: number; readonly tree: PositionNode };

  /**
   * 1-based line of `fieldPath` inside `document`; for a field that is not in the file (a missing
   * required field, a value that came from a merge key or an alias) the line of its deepest
   * ancestor that is, at worst the document's first line.
   */
  lineOf(document: SourceDocument, fieldPath: FieldPath): number {
    const { source, documentIndex } = document;
    if (this.last?.source !== source || this.last.documentIndex !== documentIndex) {
      this.last = { source, documentIndex, tree: buildTree(source, documentIndex) };
    }
    return lineInTree(this.last.tree, document, fieldPath);
  }
}

function lineInTree(tree: PositionNode, document: SourceDocument, fieldPath: FieldPath): number {
  let node = tree;
  for (const segment of document.pathInDocument) node = child(node, segment) ?? node;
  for (const segment of fieldPath.segments()) {
    const next = child(node, segment);
    if (!next) break;
    node = next;
  }
  return node.line;
}

function child(node: PositionNode, segment: string | number): PositionNode | undefined {
  if (node.items) return typeof segment === 'number' ? node.items[segment] : undefined;
  return node.keys?.get(String(segment));
}

/**
 * Parses the lines from the document's root to the next document's root. Whatever goes wrong
 * (a `%TAG` handle defined before the cut, say) leaves just the document's first line.
 */
function buildTree(source: SourceText, documentIndex: number): PositionNode {
  const start = source.documentStarts[documentIndex] ?? -1;
  if (start < 0) return { line: 1 };
  const sliceStart = source.lineStartOf(start);
  let next = documentIndex + 1;
  while (next < source.documentStarts.length && source.documentStarts[next] < 0) next++;
  const nextLine = next < source.documentStarts.length ? source.lineStartOf(source.documentStarts[next]) : source.text.length;
  const sliceEnd = nextLine > sliceStart ? nextLine : source.text.length;
  const slice = source.text.slice(sliceStart, sliceEnd);
  const lineBefore = source.lineAt(sliceStart) - 1;
  try {
    const events = parseEvents(slice, {});
    const first = events.findIndex(event => event.type === EVENT_ID.DOCUMENT) + 1;
    if (first === 0 || first >= events.length) return { line: source.lineAt(start) };
    // Lines within the slice from its own (small) line index: a search in the file's millions of lines per node is slow.
    const lines = new SourceText('', slice, []);
    const builder = new TreeBuilder(events, slice, offset => lineBefore + lines.lineAt(offset), first);
    return builder.node(source.lineAt(start));
  } catch {
    return { line: source.lineAt(start) };
  }
}

/** Recursive descent over the events of one document (js-yaml limits nesting to 100 levels). */
class TreeBuilder {
  constructor(
    private readonly events: readonly Event[],
    private readonly text: string,
    private readonly lineAt: (offset: number) => number,
    private index: number,
  ) {}

  /** The node at the cursor; `fallbackLine` for one without a position (an empty value). */
  node(fallbackLine: number): PositionNode {
    const event = this.events[this.index++];
    const offset = eventOffset(event);
    const line = offset < 0 ? fallbackLine : this.lineAt(offset);
    if (event.type === EVENT_ID.SEQUENCE) {
      const items: PositionNode[] = [];
      while (this.events[this.index].type !== EVENT_ID.POP) items.push(this.node(line));
      this.index++;
      return { line, items };
    }
    if (event.type === EVENT_ID.MAPPING) {
      const keys = new Map<string, PositionNode>();
      while (this.events[this.index].type !== EVENT_ID.POP) {
        const keyEvent = this.events[this.index];
        const key = this.node(line);
        const value = this.node(key.line);
        value.line = key.line; // report a field at its key, not where a nested block starts
        if (keyEvent.type === EVENT_ID.SCALAR) keys.set(getScalarValue(this.text, keyEvent), value);
      }
      this.index++;
      return { line, keys };
    }
    return { line };
  }
}
