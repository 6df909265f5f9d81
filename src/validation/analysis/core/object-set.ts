/**
 * The set of objects under analysis, indexed once by kind and by kind/namespace/name, so analyzers
 * look things up instead of scanning the whole set.
 */
import { isExternalStub } from './external-stubs';
import type { Findings, ReportedObject } from '../../findings';
import { isRecord, nonEmptyString, stringMap } from '../../json';

/** API groups the analyzers read. */
export const Group = {
  NETWORKING: 'networking.istio.io',
  CORE: '',
  APPS: 'apps',
  BATCH: 'batch',
  GATEWAY_API: 'gateway.networking.k8s.io',
} as const;

/**
 * The namespace of an object without `metadata.namespace`. istioctl analyze puts such objects of its
 * input files in the namespace it analyzes, which is the kubeconfig context's namespace, `default`
 * unless `--namespace` says otherwise; we analyze as that default does.
 */
export const DEFAULT_NAMESPACE = 'default';

/** One object of the set, with the parts every analyzer reads already extracted. */
export interface Entry extends ReportedObject {
  /** Position in the analyzed list (the finding's `objectIndex`). */
  readonly index: number;
  readonly raw: Record<string, unknown>;
  /** API group, '' for the core group. Every version of a kind is the same kind to the analyzers, as in istioctl. */
  readonly group: string;
  readonly kind: string;
  /** `metadata.namespace`, or DEFAULT_NAMESPACE. */
  readonly namespace: string;
  readonly name: string;
  /** `namespace/name`, as istioctl prints a resource's full name. */
  readonly fullName: string;
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
  /** `spec`, or `{}` when absent or not an object. */
  readonly spec: any;
  /** A stand-in for an object outside the set (./external-stubs.ts): present, contents unknown, never reported on. */
  readonly external: boolean;
  /**
   * An object refused by schema or webhook validation (its own errors are reported there): it
   * counts as present when others refer to it, with contents not to be judged (references into it
   * are trusted, like an external stand-in's), is never reported on and is not analysed itself.
   */
  readonly refused: boolean;
}

/** The objects of one analysis run, indexed by kind and by kind/namespace/name. */
export class ObjectSet {
  private readonly byKind = new Map<string, Entry[]>();
  private readonly byName = new Map<string, Entry>();
  private readonly memos = new Map<string, unknown>();

  private readonly targetsByKind = new Map<string, Entry[]>();

  /** `refused`: the indexes of objects refused by validation (see Entry.refused). */
  constructor(objects: readonly unknown[], refused: ReadonlySet<number> = new Set()) {
    objects.forEach((obj, index) => {
      const entry = toEntry(obj, index, refused.has(index));
      if (!entry) return;
      const kindKey = `${entry.group}/${entry.kind}`;
      if (!entry.refused) pushTo(this.byKind, kindKey, entry);
      pushTo(this.targetsByKind, kindKey, entry);
      const nameKey = `${kindKey}/${entry.namespace}/${entry.name}`;
      if (!this.byName.has(nameKey)) this.byName.set(nameKey, entry);
    });
  }

  /** The kinds in the set, as `group/Kind`. */
  public kinds(): string[] {
    return [...this.byKind.keys()];
  }

  /** Every object of a kind to analyse (refused ones left out), in input order. */
  public of(group: string, kind: string): readonly Entry[] {
    return this.byKind.get(`${group}/${kind}`) ?? [];
  }

  /** Every object of a kind others may refer to — refused ones included — in input order. */
  public targets(group: string, kind: string): readonly Entry[] {
    return this.targetsByKind.get(`${group}/${kind}`) ?? [];
  }

  /** The object of a kind with that namespace and name (the first one, if the input repeats it; refused ones included). */
  public find(group: string, kind: string, namespace: string, name: string): Entry | undefined {
    return this.byName.get(`${group}/${kind}/${namespace}/${name}`);
  }

  /** A value derived from the set, built once and shared by the analyzers that need it. */
  public memo<T>(key: string, build: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, build());
    return this.memos.get(key) as T;
  }
}

function toEntry(obj: unknown, index: number, refused: boolean): Entry | undefined {
  if (!isRecord(obj) || typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string') return undefined;
  const metadata = isRecord(obj.metadata) ? obj.metadata : {};
  const slash = obj.apiVersion.indexOf('/');
  const namespace = nonEmptyString(metadata.namespace) ?? DEFAULT_NAMESPACE;
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  return {
    index,
    raw: obj,
    group: slash < 0 ? '' : obj.apiVersion.slice(0, slash),
    kind: obj.kind,
    namespace,
    name,
    fullName: `${namespace}/${name}`,
    labels: stringMap(metadata.labels),
    annotations: stringMap(metadata.annotations),
    spec: isRecord(obj.spec) ? obj.spec : {},
    external: isExternalStub(obj),
    refused,
  };
}

/** Whether an object's contents are to be trusted rather than checked: an external stand-in or a refused object. */
export function isOpaque(entry: Entry): boolean {
  return entry.external || entry.refused;
}

/** An analyzer reports what it finds about the set to `findings` (Findings.report: never on an external or refused entry). */
export type Analyzer = (set: ObjectSet, findings: Findings) => void;

/** Adds an item to the list a multimap holds under `key`. */
export function pushTo<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const items = map.get(key);
  if (items) items.push(item);
  else map.set(key, [item]);
}

