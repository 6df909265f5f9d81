/**
 * A field path as k8s.io/apimachinery's field.Path: built as a check descends, kept structured, and
 * rendered only when a finding is printed. Every check of the engine (schema, CEL, webhook rules,
 * analyzers) takes one; the CLI finds a finding's line by its segments, so a map key with dots
 * (`networking.istio.io/exportTo`) stays one key.
 *
 * Rendering follows Kubernetes: `.name` for a field, `[i]` for a list item, `[key]` for a map key
 * (field.Path.Key). The schema walk reports map entries as fields (`spec.selector.app`), as the API
 * server's OpenAPI validation does; CEL errors and Istio's rules use keys (`spec.selector[app]`).
 */
export class FieldPath {
  /** The whole object: renders as ''. */
  public static readonly ROOT = new FieldPath(undefined, '', 'root');

  /** No field at all: Kubernetes prints `<nil>` (errors of oneOf/allOf/not, the skipped-CEL notice). */
  public static readonly NONE = new FieldPath(undefined, '<nil>', 'root');

  /** The path of nested fields from the object's root: `FieldPath.at('spec', 'http')` is `spec.http`. */
  public static at(...names: string[]): FieldPath {
    let path = FieldPath.ROOT;
    for (const name of names) path = path.child(name);
    return path;
  }

  private rendered?: string;

  private constructor(
    private readonly parent: FieldPath | undefined,
    private readonly segment: string | number,
    private readonly kind: 'root' | 'field' | 'key' | 'index') {}

  /** A field of this value (`.name`); several names descend several levels. */
  public child(...names: string[]): FieldPath {
    let path: FieldPath = this;
    for (const name of names) path = new FieldPath(path, name, 'field');
    return path;
  }

  /** An entry of this map (`[key]`). */
  public key(key: string): FieldPath {
    return new FieldPath(this, key, 'key');
  }

  /** An item of this list (`[i]`). */
  public index(i: number): FieldPath {
    return new FieldPath(this, i, 'index');
  }

  /**
   * The steps from the object's root: field names and map keys as strings, list indexes as numbers.
   * Empty for ROOT and NONE.
   */
  public segments(): Array<string | number> {
    const out: Array<string | number> = [];
    for (let p: FieldPath | undefined = this; p && p.kind !== 'root'; p = p.parent) out.push(p.segment);
    return out.reverse();
  }

  /**
   * This path with its prefix `from` replaced by `to` (unchanged when `from` is no prefix): a check run
   * on a fragment reports at the fragment's place in the whole.
   */
  public rebase(from: FieldPath, to: FieldPath): FieldPath {
    const steps: FieldPath[] = [];
    for (let p: FieldPath | undefined = this; p; p = p.parent) {
      if (p.sameAs(from)) return steps.reduceRight((base, step) => new FieldPath(base, step.segment, step.kind), to);
      steps.push(p);
    }
    return this;
  }

  /** As Kubernetes prints it: `spec.http[0].headers[x-user]`. */
  public toString(): string {
    if (this.rendered === undefined) this.rendered = this.render();
    return this.rendered;
  }

  private sameAs(other: FieldPath): boolean {
    let a: FieldPath | undefined = this;
    let b: FieldPath | undefined = other;
    for (; a && b; a = a.parent, b = b.parent) {
      if (a === b) return true;
      if (a.kind !== b.kind || a.segment !== b.segment) return false;
    }
    return a === b;
  }

  private render(): string {
    if (this.kind === 'root') return String(this.segment);
    const base = this.parent!.toString();
    if (this.kind === 'field') return base ? `${base}.${this.segment}` : String(this.segment);
    return `${base}[${this.segment}]`;
  }
}
