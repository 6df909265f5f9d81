/**
 * A field path built as the walk descends and rendered only when a finding needs it: most nodes of a
 * valid object never print theirs. Kubernetes renders one path two ways: schema errors and the
 * decoder join a map key with a dot (`spec.selector.app`), CEL errors put it in brackets
 * (`spec.selector[app]`).
 */
/** How a segment joins its parent. */
export type FieldPathKind = 'property' | 'mapKey' | 'index';

export class FieldPath {
  /** The path of a value validated at `text` ('' for a whole object). */
  public static root(text: string): FieldPath {
    return new FieldPath(undefined, text, 'root');
  }

  /** `parent`'s child `segment`; a root when there is no parent. Lets a walk create a path only when it needs one. */
  public static of(parent: FieldPath | undefined, segment: string | number, kind: FieldPathKind): FieldPath {
    return new FieldPath(parent, segment, parent ? kind : 'root');
  }

  private constructor(
    private readonly parent: FieldPath | undefined,
    private readonly segment: string | number,
    private readonly kind: FieldPathKind | 'root') {}

  public property(name: string): FieldPath {
    return new FieldPath(this, name, 'property');
  }

  public mapKey(key: string): FieldPath {
    return new FieldPath(this, key, 'mapKey');
  }

  public index(i: number): FieldPath {
    return new FieldPath(this, i, 'index');
  }

  /** As schema errors and strict decoding print it: `spec.http[0].headers.x-user`. */
  public schema(): string {
    return this.render(false);
  }

  /** As CEL errors print it: `spec.http[0].headers[x-user]`. */
  public cel(): string {
    return this.render(true);
  }

  private render(celKeys: boolean): string {
    if (this.kind === 'root') return String(this.segment);
    const base = this.parent!.render(celKeys);
    if (this.kind === 'index' || (this.kind === 'mapKey' && celKeys)) return `${base}[${this.segment}]`;
    return base ? `${base}.${this.segment}` : String(this.segment);
  }
}
