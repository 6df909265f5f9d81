/**
 * The objects the simulator routes over, normalised as istiod normalises them before building
 * routes, and indexed by host so that one request looks at a handful of VirtualServices, not all.
 *
 * - VirtualServices are ordered as istiod orders them (sortConfigByCreationTime in
 *   pilot/pkg/model/config.go): creationTimestamp, then name, then namespace.
 * - Short names are resolved against the VirtualService's namespace (ResolveShortnameToFQDN,
 *   ResolveVirtualServiceShortnames: a host without a dot gets `.<ns>.svc.cluster.local`; gateway
 *   names become `ns/name`, `./name` and `name` naming the VirtualService's namespace).
 * - VirtualServices without hosts are delegates, not routed on their own (virtualservice_controller.go).
 */
import { MergedHttpRule, mergeDelegates } from './delegation';
import { dotSuffixes, isExportedTo, toFqdn } from '../validation/analysis/core/hosts';
import { DEFAULT_NAMESPACE, pushTo } from '../validation/analysis/core/object-set';
import { isWildcarded } from '../validation/hosts';
import { isRecord, listOf, messageOf, stringMap, stringOf, strings } from '../validation/json';

/** A root VirtualService ready to route. */
export interface VirtualServiceModel {
  readonly name: string;
  readonly namespace: string;
  /** `namespace/name`. */
  readonly fullName: string;
  /** Hosts as FQDNs, lower case. */
  readonly hosts: string[];
  /** Gateways as `mesh` or `namespace/name` (`mesh` when the list is empty). */
  readonly gateways: string[];
  readonly exportTo: string[];
  /** HTTP rules, delegation merged. */
  readonly http: MergedHttpRule[];
  readonly tcp: Record<string, any>[];
  readonly tls: Record<string, any>[];
  /** Position in istiod's order. */
  order: number;
}

/** A port of a Kubernetes Service or a ServiceEntry, and the protocol istiod gives it. */
export interface ServicePort {
  readonly number: number;
  readonly name: string;
  /** `HTTP`, `TCP`, `TLS`, or `` when istiod sniffs it (name without a known protocol prefix). */
  readonly protocol: string;
  /** What decided the protocol, for messages. */
  readonly source: string;
}

/** A service of the registry (a Kubernetes Service or a ServiceEntry host). */
export interface ServiceModel {
  /** `Service ns/name` or `ServiceEntry ns/name`. */
  readonly description: string;
  readonly ports: ServicePort[];
  /** The namespaces that see it: `*` for all (exportTo, or a Service's networking.istio.io/exportTo annotation). */
  readonly visibleIn: readonly string[];
}

/** The namespaces an exportTo list makes an object visible in (`.` its own, `~` none, none given: all). */
function visibility(exportTo: readonly string[], namespace: string): string[] {
  if (exportTo.length === 0 || exportTo.includes('*')) return ['*'];
  return exportTo.filter(e => e !== '~').map(e => e === '.' ? namespace : e);
}

/** A server of a Gateway. */
export interface GatewayServer {
  readonly port: number;
  readonly protocol: string;
  /** Hosts as written (`ns/host` allowed). */
  readonly hosts: string[];
  readonly tlsMode: string;
  readonly httpsRedirect: boolean;
}

/** A Gateway: its selector (the labels of its proxy) and servers. */
export interface GatewayModel {
  readonly namespace: string;
  readonly selector: Record<string, string>;
  readonly servers: GatewayServer[];
}

/** One VirtualService host in the index. */
export interface HostEntry {
  readonly host: string;
  readonly vs: VirtualServiceModel;
}

/** Protocols whose traffic Envoy routes with HTTP rules (protocol.IsHTTP in pkg/config/protocol). */
const HTTP_PROTOCOLS = new Set(['HTTP', 'HTTP2', 'GRPC', 'GRPC-WEB', 'H2C', 'HTTP_PROXY']);
const TLS_PROTOCOLS = new Set(['HTTPS', 'TLS']);

/** `HTTP`, `TLS`, `TCP`, or '' (unknown: sniffed) for an Istio protocol name. */
export function protocolClass(protocol: string): string {
  const upper = protocol.toUpperCase();
  if (HTTP_PROTOCOLS.has(upper)) return 'HTTP';
  if (TLS_PROTOCOLS.has(upper)) return 'TLS';
  if (['TCP', 'MONGO', 'MYSQL', 'REDIS', 'UDP'].includes(upper)) return 'TCP';
  return '';
}

/**
 * The protocol of a Kubernetes Service port as istiod reads it (kube.ConvertProtocol in
 * pilot/pkg/serviceregistry/kube): appProtocol first, then the port name's prefix before `-`.
 */
export function kubePortProtocol(name: string, appProtocol: string | undefined): { protocol: string; source: string } {
  if (appProtocol) {
    const cls = protocolClass(appProtocol.replace(/^kubernetes\.io\/(h2c|ws|wss)$/, 'HTTP'));
    if (cls) return { protocol: cls, source: `appProtocol ${appProtocol}` };
  }
  const prefix = name.split('-')[0];
  return { protocol: protocolClass(prefix), source: `port name '${name}'` };
}

/** The objects of one simulation, indexed. */
export class RoutingModel {
  public readonly virtualServices: VirtualServiceModel[] = [];
  /** Services and ServiceEntries by host; several may declare one host, each visible in its own namespaces. */
  private readonly services = new Map<string, ServiceModel[]>();
  public readonly gateways = new Map<string, GatewayModel>();
  /** Non-wildcard VirtualService hosts. */
  private readonly exactHosts = new Map<string, HostEntry[]>();
  /** Wildcard VirtualService hosts by their tail (`*.foo.com` → `.foo.com`, `*` → ''). */
  private readonly wildcardHosts = new Map<string, HostEntry[]>();

  constructor(objects: readonly unknown[]) {
    const roots: Array<{ obj: Record<string, any>; ts: string }> = [];
    const delegates = new Map<string, Record<string, any>>();
    for (const obj of objects) {
      if (!isRecord(obj) || typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string') continue;
      const group = obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0] : '';
      const metadata = messageOf(obj.metadata);
      const namespace = typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : DEFAULT_NAMESPACE;
      const name = stringOf(metadata.name);
      const spec = messageOf(obj.spec);
      if (group === 'networking.istio.io' && obj.kind === 'VirtualService') {
        if (strings(spec.hosts).length === 0) delegates.set(`${namespace}/${name}`, obj);
        else roots.push({ obj, ts: stringOf(metadata.creationTimestamp) });
      } else if (group === 'networking.istio.io' && obj.kind === 'Gateway') {
        this.gateways.set(`${namespace}/${name}`, {
          namespace,
          selector: stringMap(spec.selector),
          servers: listOf(spec.servers).filter(isRecord).map(server => ({
            port: isRecord(server.port) && typeof server.port.number === 'number' ? server.port.number : 0,
            protocol: isRecord(server.port) && typeof server.port.protocol === 'string' ? server.port.protocol.toUpperCase() : '',
            hosts: strings(server.hosts),
            tlsMode: stringOf(messageOf(server.tls).mode),
            httpsRedirect: isRecord(server.tls) && server.tls.httpsRedirect === true,
          })),
        });
      } else if (group === 'networking.istio.io' && obj.kind === 'ServiceEntry') {
        const ports = listOf(spec.ports).filter(isRecord).map(port => ({
          number: typeof port.number === 'number' ? port.number : 0,
          name: stringOf(port.name),
          protocol: protocolClass(stringOf(port.protocol)),
          source: `protocol ${typeof port.protocol === 'string' ? port.protocol : '(none)'}`,
        }));
        const visibleIn = visibility(strings(spec.exportTo), namespace);
        for (const host of strings(spec.hosts)) this.addService(host.toLowerCase(), { description: `ServiceEntry ${namespace}/${name}`, ports, visibleIn });
      } else if (group === '' && obj.kind === 'Service') {
        const ports = listOf(spec.ports).filter(isRecord).map(port => {
          const portName = stringOf(port.name);
          const { protocol, source } = kubePortProtocol(portName, typeof port.appProtocol === 'string' ? port.appProtocol : undefined);
          return { number: typeof port.port === 'number' ? port.port : 0, name: portName, protocol, source };
        });
        const annotations = messageOf(metadata.annotations);
        const exportTo = typeof annotations['networking.istio.io/exportTo'] === 'string' ? annotations['networking.istio.io/exportTo'].split(',') : [];
        const visibleIn = visibility(exportTo.map(e => e.trim()), namespace);
        this.addService(`${name}.${namespace}.svc.cluster.local`, { description: `Service ${namespace}/${name}`, ports, visibleIn });
      }
    }
    // istiod's order: creation time, then name, then namespace.
    roots.sort((a, b) => compare(a.ts, b.ts) || compare(a.obj.metadata?.name ?? '', b.obj.metadata?.name ?? '')
      || compare(a.obj.metadata?.namespace ?? DEFAULT_NAMESPACE, b.obj.metadata?.namespace ?? DEFAULT_NAMESPACE));
    const findDelegate = (namespace: string, name: string, rootNamespace: string) => {
      const key = `${namespace}/${name}`;
      const delegate = delegates.get(key);
      if (!delegate) {
        const root = roots.find(r => (r.obj.metadata?.namespace ?? DEFAULT_NAMESPACE) === namespace && r.obj.metadata?.name === name);
        return root ? 'has hosts, so istiod treats it as a root VirtualService, not a delegate' : 'is not in the input';
      }
      const exportTo = strings(delegate.spec?.exportTo);
      if (!isExportedTo(exportTo, namespace, rootNamespace)) return `is not exported to namespace ${rootNamespace} (exportTo ${exportTo.join(', ')})`;
      // The delegate's own short names resolve against its namespace (ResolveVirtualServiceShortnames).
      const spec = messageOf(delegate.spec);
      return { namespace, spec: { ...spec, http: listOf(spec.http).map(r => (isRecord(r) ? resolveRuleNames(r, namespace) : r)) } };
    };
    roots.forEach(({ obj }, order) => {
      const namespace = typeof obj.metadata?.namespace === 'string' && obj.metadata.namespace !== '' ? obj.metadata.namespace : DEFAULT_NAMESPACE;
      const spec = obj.spec;
      const gateways = strings(spec.gateways).map(g => resolveGatewayName(g, namespace));
      const vs: VirtualServiceModel = {
        name: obj.metadata?.name ?? '',
        namespace,
        fullName: `${namespace}/${obj.metadata?.name ?? ''}`,
        hosts: strings(spec.hosts).map(h => toFqdn(namespace, h).toLowerCase()),
        gateways: gateways.length > 0 ? gateways : ['mesh'],
        exportTo: strings(spec.exportTo),
        http: mergeDelegates(namespace, listOf(spec.http), (ns, name) => findDelegate(ns, name, namespace))
          .map(merged => ({ ...merged, rule: resolveRuleNames(merged.rule, namespace) })),
        tcp: listOf(spec.tcp).filter(isRecord).map(rule => resolveRuleNames(rule, namespace)),
        tls: listOf(spec.tls).filter(isRecord).map(rule => resolveRuleNames(rule, namespace)),
        order,
      };
      this.virtualServices.push(vs);
      for (const host of new Set(vs.hosts)) {
        if (isWildcarded(host)) pushTo(this.wildcardHosts, host.slice(1), { host, vs });
        else pushTo(this.exactHosts, host, { host, vs });
      }
    });
  }

  /**
   * VirtualService hosts that cover `host`, grouped by host, most specific first: the exact host,
   * then wildcards from the longest tail to `*` (Envoy's virtual host domain order).
   */
  public hostsMatching(host: string): HostEntry[][] {
    const out: HostEntry[][] = [];
    const exact = this.exactHosts.get(host);
    if (exact) out.push(exact);
    for (const suffix of dotSuffixes(host)) {
      const wild = this.wildcardHosts.get(suffix);
      if (wild) out.push(wild);
    }
    return out;
  }

  /** Whether any VirtualService or service names this host (to expand `name.ns` like Kubernetes DNS). */
  public knowsHost(host: string): boolean {
    return this.exactHosts.has(host) || this.services.has(host);
  }

  /** The Service or ServiceEntry for a host that a proxy in `namespace` sees (the first one declared). */
  public serviceFor(host: string, namespace: string): ServiceModel | undefined {
    return this.services.get(host)?.find(service => service.visibleIn.includes('*') || service.visibleIn.includes(namespace));
  }

  private addService(host: string, service: ServiceModel): void {
    const declared = this.services.get(host);
    if (declared) declared.push(service);
    else this.services.set(host, [service]);
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** resolveGatewayName (pilot/pkg/model/config.go). */
export function resolveGatewayName(name: string, namespace: string): string {
  if (name === 'mesh') return name;
  const slash = name.indexOf('/');
  if (slash < 0) {
    if (!name.includes('.')) return `${namespace}/${name}`;
    // Legacy FQDN form name.ns[.svc.cluster.local] → ns/name.
    const parts = name.split('.');
    return `${parts[1]}/${parts[0]}`;
  }
  return name.slice(0, slash) === '.' ? `${namespace}/${name.slice(slash + 1)}` : name;
}

/** A rule with its destination, mirror and gateway names resolved as istiod resolves them. */
function resolveRuleNames(rule: Record<string, any>, namespace: string): Record<string, any> {
  const host = (d: unknown) => (isRecord(d) && typeof d.host === 'string' ? { ...d, host: resolveHost(d.host, namespace) } : d);
  const out: Record<string, any> = { ...rule };
  if (Array.isArray(rule.match)) {
    out.match = rule.match.map((m: unknown) => (isRecord(m) && Array.isArray(m.gateways)
      ? { ...m, gateways: m.gateways.map((g: unknown) => (typeof g === 'string' ? resolveGatewayName(g, namespace) : g)) } : m));
  }
  if (Array.isArray(rule.route)) out.route = rule.route.map((r: unknown) => (isRecord(r) ? { ...r, destination: host(r.destination) } : r));
  if (isRecord(rule.mirror)) out.mirror = host(rule.mirror);
  if (Array.isArray(rule.mirrors)) out.mirrors = rule.mirrors.map((m: unknown) => (isRecord(m) ? { ...m, destination: host(m.destination) } : m));
  return out;
}

/** ResolveShortnameToFQDN: no dot (and not `*` nor an IPv6 address) → `<host>.<ns>.svc.cluster.local`. */
export function resolveHost(host: string, namespace: string): string {
  return host.includes(':') ? host : toFqdn(namespace, host);
}
