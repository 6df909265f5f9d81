/**
 * A file's text and where its YAML documents start. Kept after parsing so that line numbers are
 * computed only for the few documents that get diagnostics, never on the fast path.
 */
export class SourceText {
  private lineStarts?: number[];

  /**
   * @param path the file as the user named it (printed in reports)
   * @param text the whole text, byte order mark removed
   * @param documentStarts offset of each YAML document's root node, -1 for an empty document
   */
  constructor(
    public readonly path: string,
    public readonly text: string,
    public readonly documentStarts: readonly number[],
  ) {}

  /** 1-based line of a character offset. */
  lineAt(offset: number): number {
    const starts = this.starts();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (starts[middle] <= offset) low = middle; else high = middle - 1;
    }
    return low + 1;
  }

  /** Offset of the first character of the line that holds `offset`. */
  lineStartOf(offset: number): number {
    return this.starts()[this.lineAt(offset) - 1];
  }

  /** Line starts, built on first use: one `indexOf` pass over the text. */
  private starts(): number[] {
    if (!this.lineStarts) {
      const starts = [0];
      for (let at = this.text.indexOf('\n'); at !== -1; at = this.text.indexOf('\n', at + 1)) starts.push(at + 1);
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }
}
