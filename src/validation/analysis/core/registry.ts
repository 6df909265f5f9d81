/**
 * The service registry as istioctl's analyzers see it (util.InitServiceEntryHostMap and
 * util.GetDestinationHost in istio/istio): ServiceEntry hosts and Kubernetes Services, each under
 * the namespaces it is exported to, looked up from a namespace.
 */
import { dotSuffixes, SERVICE_DOMAIN, toFqdn } from './hosts';
import { Entry, Group, ObjectSet } from './object-set';
import { isWildcarded } from '../../hosts';
import { isRecord, listOf, stringMap, strings } from '../../json';

/** A port of a registry service. */
export interface RegistryPort {
  readonly number: number;
  readonly name?: string;
  readonly protocol?: string;
}

/** A service as the analyzers see it: a ServiceEntry, or a Service converted to one. */
export interface RegistryService {
  readonly source: Entry;
  readonly ports: readonly RegistryPort[];
  /** The ServiceEntry's workloadSelector labels; a Service converts to an entry without one. */
  readonly workloadSelector: Record<string, string>;
}

const EXPORT_TO_ANNOTATION = 'networking.istio.io/exportTo';

/** The ports of a ServiceEntry (number in `number`) or of a Service (number in `port`). */
function registryPorts(ports: unknown, numberField: 'number' | 'port'): RegistryPort[] {
  return listOf(ports).filter(isRecord).map(port => ({
    number: Number(port[numberField] ?? 0),
    name: typeof port.name === 'string' ? port.name : undefined,
    protocol: typeof port.protocol === 'string' ? port.protocol : undefined,
  }));
}

/** Services by `scope/fqdn`, scope being `*` or a namespace, as istioctl keys them. */
export class ServiceRegistry {
  /** The registry of an object set, built once per analysis run. */
  public static of(set: ObjectSet): ServiceRegistry {
    return set.memo('registry', () => new ServiceRegistry(set));
  }

  private readonly scoped = new Map<string, RegistryService>();
  /** Wildcard hosts by scope, then by tail (`*.foo.com` → `.foo.com`). */
  private readonly wildcards = new Map<string, Map<string, RegistryService>>();

  private constructor(set: ObjectSet) {
    for (const entry of set.targets(Group.NETWORKING, 'ServiceEntry')) this.addServiceEntry(entry);
    // Services go in after ServiceEntries and replace one with the same key, as in istioctl.
    for (const entry of set.targets(Group.CORE, 'Service')) this.addService(entry);
  }

  /**
   * The service a destination host in `namespace` refers to (GetDestinationHost): exported to all
   * namespaces, else to the scopes named by the referring object's own exportTo (its namespace
   * when it has none), else a wildcard host covering it that is visible from `namespace`.
   */
  public lookup(namespace: string, exportTo: readonly string[], host: string): RegistryService | undefined {
    const fqdn = toFqdn(namespace, host);
    const exported = this.scoped.get(`*/${fqdn}`);
    if (exported) return exported;
    for (const scope of exportTo.length === 0 ? [namespace] : exportTo.map(e => e === '.' ? namespace : e)) {
      const found = this.scoped.get(`${scope}/${fqdn}`);
      if (found) return found;
    }
    if (this.wildcards.size === 0) return undefined;
    const name = isWildcarded(host) ? host.slice(1) : host;
    for (const suffix of dotSuffixes(name)) {
      for (const scope of ['*', namespace]) {
        const found = this.wildcards.get(scope)?.get(suffix);
        if (found) return found;
      }
    }
    return undefined;
  }

  private addServiceEntry(entry: Entry): void {
    const exportTo = strings(entry.spec.exportTo);
    const scopes = exportTo.length === 0 || exportTo.includes('*') ? ['*'] : exportTo.map(e => e === '.' ? entry.namespace : e);
    const service: RegistryService = {
      source: entry,
      ports: registryPorts(entry.spec.ports, 'number'),
      workloadSelector: stringMap(entry.spec.workloadSelector?.labels),
    };
    for (const host of strings(entry.spec.hosts)) for (const scope of scopes) this.put(scope, toFqdn(entry.namespace, host), service);
  }

  private addService(entry: Entry): void {
    const annotation = entry.annotations[EXPORT_TO_ANNOTATION];
    const scopes = annotation ? annotation.split(',').map(e => e === '.' ? entry.namespace : e) : ['*'];
    const service: RegistryService = {
      source: entry,
      ports: registryPorts(entry.spec.ports, 'port'),
      workloadSelector: {},
    };
    for (const scope of scopes) this.put(scope, `${entry.name}.${entry.namespace}.${SERVICE_DOMAIN}`, service);
  }

  private put(scope: string, fqdn: string, service: RegistryService): void {
    this.scoped.set(`${scope}/${fqdn}`, service);
    if (!isWildcarded(fqdn)) return;
    let byTail = this.wildcards.get(scope);
    if (!byTail) this.wildcards.set(scope, byTail = new Map());
    byTail.set(fqdn.slice(1), service);
  }
}
