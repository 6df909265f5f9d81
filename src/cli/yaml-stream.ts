/**
 * Fast loading of multi-document YAML with the offset of every document, for line numbers later.
 *
 * js-yaml 5 parses to a flat event stream (offsets into the text) and builds objects from it;
 * `loadAll` is exactly those two steps. We call them ourselves to read each document's root offset
 * from the events (about 1% of the load time), and we feed the parser chunks of ~64 KiB cut at
 * `---` lines: the event array of a 100,000-object file would otherwise take over 1 GB, and small
 * chunks are also faster (less garbage collection). Cutting there is safe: a line starting with
 * `---` and a blank is always a document marker in YAML, whatever precedes it.
 *
 * Values and errors are those of kubectl's reader where js-yaml's differ (see go-yaml.ts): the
 * schema resolves plain scalars as go-yaml v2 does, and a pass over each chunk's events rewrites
 * or rejects what Go's scanner reads differently.
 */
import { constructFromEvents, Event, EVENT_ID, parseEvents, YAMLException } from 'js-yaml';
import { CliError, errorMessage } from './command';
import { goDocument, goEvents, GO_YAML_SCHEMA } from '../go/yaml';

const CHUNK_CHARS = 64 * 1024;
const NO_OFFSET = -1;

/** The documents of a YAML stream and the offset of each one's root node (-1 for an empty document). */
export interface YamlStream {
  readonly documents: unknown[];
  readonly starts: number[];
}

/**
 * Loads every document of a YAML stream. Throws a `CliError` naming `path` and the line for a
 * syntax error (`kind` names the syntax in the message: YAML, or JSON for a `.json` file).
 */
export function loadYamlStream(text: string, path: string, kind = 'YAML'): YamlStream {
  const documents: unknown[] = [];
  const starts: number[] = [];
  // Directives (%YAML, %TAG) belong to the next `---`, so a chunk must not end between them: keep one chunk.
  const chunked = !(text.startsWith('%') || text.includes('\n%'));
  for (let from = 0; from < text.length;) {
    const to = chunked ? chunkEnd(text, from) : text.length;
    const chunk = from === 0 && to === text.length ? text : text.slice(from, to);
    try {
      const events = goEvents(parseEvents(chunk, {}), chunk);
      collectStarts(events, from, starts); // one per document: starts[documents.length] is the next one's
      // json: the schema's mappings check duplicated keys themselves (a key after a merge is none).
      for (const document of constructFromEvents(events, { source: chunk, schema: GO_YAML_SCHEMA, json: true })) {
        documents.push(rootValue(document, text, starts[documents.length], path, kind));
      }
    } catch (error) {
      throw error instanceof CliError ? error : syntaxError(error, text, from, path, kind);
    }
    from = to;
  }
  return { documents, starts };
}

/** End of the chunk that starts at `from`: the start of the first `---` line after CHUNK_CHARS, or the end. */
function chunkEnd(text: string, from: number): number {
  let at = from + CHUNK_CHARS;
  while (at < text.length) {
    const marker = text.indexOf('\n---', at);
    if (marker === -1) break;
    const next = text.charCodeAt(marker + 4);
    if (Number.isNaN(next) || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d) return marker + 1;
    at = marker + 4;
  }
  return text.length;
}

/** The document as Go gives it; a CliError at the document's line for a root Go rejects (`.inf`). */
function rootValue(document: unknown, text: string, start: number, path: string, kind: string): unknown {
  try {
    return goDocument(document);
  } catch (error) {
    const line = start === NO_OFFSET ? '' : `:${linesBefore(text, start) + 1}`;
    throw new CliError(`${path}${line}: ${kind} syntax error: ${errorMessage(error)}`);
  }
}

/** Appends, per DOCUMENT event, the offset of the node that follows it (its root). */
function collectStarts(events: readonly Event[], base: number, starts: number[]): void {
  for (let i = 0; i < events.length; i++) {
    if (events[i].type !== EVENT_ID.DOCUMENT) continue;
    const offset = i + 1 < events.length ? eventOffset(events[i + 1]) : NO_OFFSET;
    starts.push(offset === NO_OFFSET ? NO_OFFSET : base + offset);
  }
}

/** First source offset of a node event (its tag or anchor come before its value), -1 when absent. */
export function eventOffset(event: Event): number {
  let offset = NO_OFFSET;
  const consider = (value: number) => {
    if (value !== NO_OFFSET && (offset === NO_OFFSET || value < offset)) offset = value;
  };
  switch (event.type) {
    case EVENT_ID.SCALAR:
      consider(event.valueStart);
      break;
    case EVENT_ID.MAPPING:
    case EVENT_ID.SEQUENCE:
      consider(event.start);
      break;
    case EVENT_ID.ALIAS:
      break;
    default:
      return NO_OFFSET;
  }
  consider(event.anchorStart);
  if ('tagStart' in event) consider(event.tagStart);
  return offset;
}

/** A CliError with file and line for what js-yaml threw (any error, never a stack trace). */
function syntaxError(error: unknown, text: string, chunkStart: number, path: string, kind: string): CliError {
  if (error instanceof YAMLException && error.mark) {
    const line = linesBefore(text, chunkStart) + error.mark.line + 1;
    return new CliError(`${path}:${line}: ${kind} syntax error: ${error.reason}`);
  }
  const reason = error instanceof YAMLException ? error.reason : errorMessage(error);
  return new CliError(`${path}: ${kind} syntax error: ${reason}`);
}

function linesBefore(text: string, offset: number): number {
  let lines = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}
