/**
 * Workloads and label selectors. istioctl matches selectors against the Pods of a live cluster;
 * offline, a set of manifests rarely has Pods but has the controllers that make them, so the pod
 * template of a Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob counts as a workload
 * too (its pods carry the template's labels).
 */
import { Entry, Group, ObjectSet, pushTo, stringMap } from './object-set';
import { isRecord } from '../../json';

/** A Pod, or the pod template of a controller. */
export interface Workload {
  readonly source: Entry;
  /** The Pod's name, or the controller's. */
  readonly name: string;
  readonly namespace: string;
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
}

const TEMPLATE_KINDS: readonly [string, string][] = [
  [Group.APPS, 'Deployment'], [Group.APPS, 'StatefulSet'], [Group.APPS, 'DaemonSet'], [Group.APPS, 'ReplicaSet'],
  [Group.BATCH, 'Job'], [Group.BATCH, 'CronJob'],
];

/** The workloads of a set, with indexes to find those a selector matches without a scan. */
export class Workloads {
  /** The workloads of an object set, gathered once per analysis run. */
  public static of(set: ObjectSet): Workloads {
    return set.memo('workloads', () => new Workloads(set));
  }

  public readonly all: readonly Workload[];
  private readonly byNamespace = new Map<string, Workload[]>();
  private readonly byLabel = new Map<string, Workload[]>();

  private constructor(set: ObjectSet) {
    const all: Workload[] = set.of(Group.CORE, 'Pod').map(pod => ({
      source: pod, name: pod.name, namespace: pod.namespace, labels: pod.labels, annotations: pod.annotations,
    }));
    for (const [group, kind] of TEMPLATE_KINDS) {
      for (const entry of set.of(group, kind)) {
        const spec = kind === 'CronJob' ? entry.spec.jobTemplate?.spec : entry.spec;
        const metadata = isRecord(spec?.template?.metadata) ? spec.template.metadata : {};
        const labels = stringMap(metadata.labels);
        all.push({ source: entry, name: entry.name, namespace: entry.namespace, labels, annotations: stringMap(metadata.annotations) });
      }
    }
    this.all = all;
    for (const workload of all) {
      pushTo(this.byNamespace, workload.namespace, workload);
      for (const [key, value] of Object.entries(workload.labels)) pushTo(this.byLabel, `${key}=${value}`, workload);
    }
  }

  /** True when the set has any workload to match selectors against. */
  public get any(): boolean {
    return this.all.length > 0;
  }

  /** Workloads the selector matches, in input order; `namespace` limits them to one namespace. */
  public selectedBy(selector: Record<string, string>, namespace?: string): Workload[] {
    return this.candidates(selector, namespace).filter(workload => this.selects(selector, namespace, workload));
  }

  /** Whether the selector matches any workload (of `namespace`, when given). */
  public selectsAny(selector: Record<string, string>, namespace?: string): boolean {
    return this.candidates(selector, namespace).some(workload => this.selects(selector, namespace, workload));
  }

  /** The workloads that may match: those carrying the selector's rarest label, or of the namespace. */
  private candidates(selector: Record<string, string>, namespace?: string): readonly Workload[] {
    let candidates: readonly Workload[] = namespace === undefined ? this.all : this.byNamespace.get(namespace) ?? [];
    for (const [key, value] of Object.entries(selector)) {
      const carrying = this.byLabel.get(`${key}=${value}`) ?? [];
      if (carrying.length < candidates.length) candidates = carrying;
    }
    return candidates;
  }

  private selects(selector: Record<string, string>, namespace: string | undefined, workload: Workload): boolean {
    return (namespace === undefined || workload.namespace === namespace) && matchesSelector(selector, workload.labels);
  }
}

/** A label selector from a map (labels.SelectorFromSet) matches labels that contain all its pairs. */
export function matchesSelector(selector: Record<string, string>, labels: Record<string, string>): boolean {
  for (const [key, value] of Object.entries(selector)) if (labels[key] !== value) return false;
  return true;
}

/** labels.SelectorFromSet(...).String(): `k1=v1,k2=v2`, keys sorted; '' for no labels. */
export function selectorString(selector: Record<string, string>): string {
  return Object.keys(selector).sort().map(key => `${key}=${selector[key]}`).join(',');
}
