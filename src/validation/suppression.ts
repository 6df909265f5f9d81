/**
 * Suppressions, as istioctl analyze 1.30.3 applies them (`filterMessages` in
 * pkg/config/analysis/local/istiod_analyze.go, istio/istio): a finding is dropped when the object it
 * is about carries the annotation `galley.istio.io/analyze-suppress` listing its code (or `*`), or
 * when a `--suppress "<code>=<resource>"` names its code and a glob pattern its resource matches.
 * Every finding can be suppressed that way, IST0106 and IST0133 included (in istioctl they are
 * messages of the schema analyzer like any other) — but suppressing an error only hides it: the API
 * server or the webhook still refuses the object.
 *
 * A suppressed finding is kept with what suppressed it, so every front end can list it.
 */
import { BestPracticeMessages, IstioMessages, OwnMessages } from './analysis/core/messages';
import { DEFAULT_NAMESPACE } from './analysis/core/object-set';
import { Codes, Diagnostic } from './diagnostic';
import { isRecord, messageOf } from './json';

/** istioctl's object annotation: a comma-separated list of codes, or `*` for all. */
export const SUPPRESS_ANNOTATION = 'galley.istio.io/analyze-suppress';

/** A finding left out of the verdict, and why. */
export interface SuppressedDiagnostic<D extends Diagnostic = Diagnostic> {
  readonly diagnostic: D;
  /** What suppressed it, in the user's words: the annotation, the `--suppress` value, or the construct's reason. */
  readonly by: string;
}

/** Diagnostics split by suppressions. */
export interface SuppressionResult<D extends Diagnostic = Diagnostic> {
  readonly kept: D[];
  readonly suppressed: Array<SuppressedDiagnostic<D>>;
}

/**
 * Decides whether a finding is suppressed: returns what suppresses it, or undefined. `object` is the
 * object the finding is about.
 */
export type Suppressor = (diagnostic: Diagnostic, object: Record<string, unknown>) => string | undefined;

/**
 * Splits diagnostics into kept and suppressed: by the objects' annotation first (as istioctl), then
 * by `suppressors` in order. A diagnostic whose `objectIndex` names no mapping of `objects` is kept.
 */
export function applySuppressions<D extends Diagnostic>(diagnostics: readonly D[], objects: readonly unknown[],
  suppressors: readonly Suppressor[] = []): SuppressionResult<D> {
  const kept: D[] = [];
  const suppressed: Array<SuppressedDiagnostic<D>> = [];
  for (const diagnostic of diagnostics) {
    const object = objects[diagnostic.objectIndex];
    const by = isRecord(object) ? [annotationSuppressor, ...suppressors].map(s => s(diagnostic, object)).find(b => b !== undefined) : undefined;
    if (by === undefined) kept.push(diagnostic);
    else suppressed.push({ diagnostic, by });
  }
  return { kept, suppressed };
}

/**
 * The annotation, read as istioctl reads it: split at commas with nothing trimmed (so
 * `"IST0173,IST0101"`, not `"IST0173, IST0101"`), each item the exact code or `*`.
 */
export const annotationSuppressor: Suppressor = (diagnostic, object) => {
  const metadata = messageOf(object.metadata);
  const annotations = messageOf(metadata.annotations);
  const value = annotations[SUPPRESS_ANNOTATION];
  if (typeof value !== 'string' || value === '') return undefined;
  return value.split(',').some(code => code === '*' || code === diagnostic.code)
    ? `annotation ${SUPPRESS_ANNOTATION}: "${value}"`
    : undefined;
};

/** One `--suppress` value: istioctl's AnalysisSuppression. */
export interface ResourceSuppression {
  readonly code: string;
  /** A glob (`*` matches any run of characters) over the resource's names: see resourceNames(). */
  readonly resource: string;
}

/**
 * Parses `<code>=<resource>` as istioctl does: exactly one `=`; undefined otherwise.
 */
export function parseResourceSuppression(text: string): ResourceSuppression | undefined {
  const parts = text.split('=');
  return parts.length === 2 ? { code: parts[0], resource: parts[1] } : undefined;
}

/**
 * The names a `--suppress` pattern is matched against. istioctl 1.30.3 matches the resource's
 * FriendlyName, `<Kind> <namespace>/<name>` (pkg/config/analysis/legacy/source/kube/origin.go), while
 * its help documents `<Kind> <name>.<namespace>` (`DestinationRule primary-dr.default`); we accept
 * both. An object without namespace is in `default`, as istioctl analyzes files.
 */
export function resourceNames(diagnostic: Pick<Diagnostic, 'kind' | 'namespace' | 'name'>): string[] {
  const namespace = diagnostic.namespace ?? DEFAULT_NAMESPACE;
  const name = diagnostic.name ?? '';
  return [`${diagnostic.kind} ${namespace}/${name}`, `${diagnostic.kind} ${name}.${namespace}`];
}

/** A suppressor for `--suppress` values: the code exactly, the resource by glob. */
export function resourceSuppressor(suppressions: readonly ResourceSuppression[]): Suppressor {
  return diagnostic => {
    const names = resourceNames(diagnostic);
    const match = suppressions.find(s => s.code === diagnostic.code && names.some(name => glob(s.resource, name)));
    return match ? `--suppress "${match.code}=${match.resource}"` : undefined;
  };
}

/**
 * github.com/ryanuber/go-glob v1.0.0, which istioctl uses: `*` matches any run of characters
 * (none included); nothing else is special.
 */
export function glob(pattern: string, subject: string): boolean {
  if (pattern === '') return subject === '';
  if (pattern === '*') return true;
  const parts = pattern.split('*');
  if (parts.length === 1) return subject === pattern;
  const leading = pattern.startsWith('*');
  const trailing = pattern.endsWith('*');
  const end = parts.length - 1;
  let rest = subject;
  for (let i = 0; i < end; i++) {
    const index = rest.indexOf(parts[i]);
    if (i === 0 ? !leading && index !== 0 : index < 0) return false;
    rest = rest.slice(index + parts[i].length);
  }
  return trailing || rest.endsWith(parts[end]);
}

let codes: ReadonlySet<string> | undefined;

/** Every code the engine reports on an object (what a suppression may name). */
export function knownCodes(): ReadonlySet<string> {
  codes ??= new Set([
    ...Object.values(Codes),
    ...[IstioMessages, OwnMessages, BestPracticeMessages].flatMap(messages => Object.values(messages).map(type => type.code)),
  ]);
  return codes;
}
