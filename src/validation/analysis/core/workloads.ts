/**
 * Workloads and label selectors. istioctl matches selectors against the Pods of a live cluster;
 * offline, a set of manifests rarely has Pods but has the controllers that make them, so the pod
 * template of a Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob counts as a workload
 * too (its pods carry the template's labels).
 */
import { Entry, Group, ObjectSet, pushTo } from './object-set';
import { isRecord, stringMap } from '../../json';

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
    return set.memo('workloads', () => new Workloads(set, false));
  }

  /**
   * The workloads with the labels istiod's service registry gives them (label.AugmentLabels, as
   * the IST0173 analyzer applies it in 1.30.3): the pod's Node's topology — region, zone, subzone,
   * taken from the Node object of `spec.nodeName` in the set — and `kubernetes.io/hostname` set to
   * `spec.nodeName`, over the pod's own labels.
   */
  public static withNodeLabels(set: ObjectSet): Workloads {
    return set.memo('workloads+node', () => new Workloads(set, true));
  }

  public readonly all: readonly Workload[];
  private readonly byNamespace = new Map<string, Workload[]>();
  private readonly byLabel = new Map<string, Workload[]>();

  private constructor(set: ObjectSet, nodeLabels: boolean) {
    const augment = nodeLabels ? nodeLabelAugmenter(set) : (labels: Record<string, string>) => labels;
    const all: Workload[] = set.of(Group.CORE, 'Pod').map(pod => ({
      source: pod, name: pod.name, namespace: pod.namespace, labels: augment(pod.labels, pod.spec.nodeName), annotations: pod.annotations,
    }));
    for (const [group, kind] of TEMPLATE_KINDS) {
      for (const entry of set.of(group, kind)) {
        const spec = kind === 'CronJob' ? entry.spec.jobTemplate?.spec : entry.spec;
        const metadata = isRecord(spec?.template?.metadata) ? spec.template.metadata : {};
        const labels = augment(stringMap(metadata.labels), isRecord(spec?.template?.spec) ? spec.template.spec.nodeName : undefined);
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

const REGION = 'topology.kubernetes.io/region';
const ZONE = 'topology.kubernetes.io/zone';
const SUBZONE = 'topology.istio.io/subzone';
const HOSTNAME = 'kubernetes.io/hostname';

/**
 * label.AugmentLabels with the locality of the pod's Node (getNodeLocalityString, then
 * SplitLocalityLabel: a zone-less locality drops the subzone; `/` inside a value splits it as Go
 * does) and the node name as hostname; cluster and network IDs are empty in the analyzer.
 */
function nodeLabelAugmenter(set: ObjectSet): (labels: Record<string, string>, nodeName: unknown) => Record<string, string> {
  const nodes = new Map<string, Record<string, string>>();
  // Nodes are cluster-scoped: looked up by name alone (the first of a name wins, as the set's find).
  for (const node of set.of(Group.CORE, 'Node')) if (!nodes.has(node.name)) nodes.set(node.name, node.labels);
  return (labels, nodeName) => {
    const name = typeof nodeName === 'string' ? nodeName : '';
    const node = nodes.get(name);
    if (name === '' && !node) return labels;
    const out = { ...labels };
    if (node) {
      const region = node[REGION] ?? '';
      const zone = node[ZONE] ?? '';
      const subzone = node[SUBZONE] ?? '';
      // networkingutil.LocalityToString, then SplitLocalityLabel.
      const locality = zone === '' ? region : subzone === '' ? `${region}/${zone}` : `${region}/${zone}/${subzone}`;
      const [r, z = '', s = ''] = locality.split('/');
      if (r !== '') out[REGION] = r;
      if (z !== '') out[ZONE] = z;
      if (s !== '') out[SUBZONE] = s;
    }
    if (name !== '') out[HOSTNAME] = name;
    return out;
  };
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
