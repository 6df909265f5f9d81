/**
 * Objects an app refers to but does not own (a shared ingress Gateway, another team's subsets, a
 * delegate VirtualService in another repository). An import is recorded here; the L2 object that
 * refers to it lists it in the annotation EXTERNAL_REFERENCES_ANNOTATION, which the analysis reads
 * (at synth and in `cdk8s-istio validate`) to count the object as present without it being emitted.
 */
import { IConstruct } from 'constructs';

/** Annotation on an emitted object listing what it refers to outside the app, `Kind ref, Kind ref`. */
export const EXTERNAL_REFERENCES_ANNOTATION = 'cdk8s-istio.dev/external-references';

/** One reference kind per thing a route can point at. */
export enum ExternalKind {
  /** `Gateway namespace/name` */
  GATEWAY = 'Gateway',
  /** `VirtualService namespace/name` (a delegate) */
  VIRTUAL_SERVICE = 'VirtualService',
  /** `Subset host/name`, host as written in the destination */
  SUBSET = 'Subset',
  /** `Host host`: a service the app does not declare */
  HOST = 'Host',
}

/** An external reference: its kind and its text (`istio-system/public`, `reviews.shop.svc.cluster.local/v2`). */
export interface ExternalReference {
  readonly kind: ExternalKind;
  readonly ref: string;
}

const externals = new WeakMap<object, ExternalReference>();
const owners = new WeakMap<object, IConstruct>();

/** Marks a reference object as an import of something outside the app. */
export function markExternal(reference: object, external: ExternalReference): void {
  externals.set(reference, external);
}

/** The external reference a reference object stands for, if it is an import. */
export function externalOf(reference: object | undefined): ExternalReference | undefined {
  return reference ? externals.get(reference) : undefined;
}

/** Records the construct a reference object belongs to (a ServiceEntry for its hosts), for dependencies. */
export function markOwner(reference: object, owner: IConstruct): void {
  owners.set(reference, owner);
}

/** The construct a reference belongs to, for make-before-break ordering. */
export function ownerOf(reference: object | undefined): IConstruct | undefined {
  return reference ? owners.get(reference) : undefined;
}

/** `Kind ref` entries, sorted and without repeats. */
export function externalReferencesValue(references: readonly ExternalReference[]): string | undefined {
  const entries = [...new Set(references.map(r => `${r.kind} ${r.ref}`))].sort();
  return entries.length > 0 ? entries.join(', ') : undefined;
}

/** Parses the annotation's value back into references; malformed entries are skipped. */
export function parseExternalReferences(value: string): ExternalReference[] {
  const kinds = new Set<string>(Object.values(ExternalKind));
  const out: ExternalReference[] = [];
  for (const entry of value.split(',')) {
    const [kind, ref, ...rest] = entry.trim().split(/\s+/);
    if (kinds.has(kind) && ref && rest.length === 0) out.push({ kind: kind as ExternalKind, ref });
  }
  return out;
}
