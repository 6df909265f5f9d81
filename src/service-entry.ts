import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { firstEngineError } from './core/engine-check';
import { rangeProblem, shown } from './core/errors';
import { markOwner } from './core/external';
import { compact, nonEmpty, nonEmptyMap } from './core/render';
import { RenderedPort, renderServicePort } from './core/render-port';
import { IHost } from './host';
import * as networking from './imports/networking.istio.io';
import { ServicePort } from './port';
import { IstioResource, IstioResourceProps } from './resource';
import { FieldPath } from './validation/field-path';
import { validateExportTo } from './validation/webhook/common/export-to';
import { checkIPSubnet, checkWildcardDomain, isValidIPAddress, UNIX_PREFIX } from './validation/webhook/common/hosts';

/** Whether a ServiceEntry's service is part of the mesh. */
export enum ServiceEntryLocation {
  /**
   * Outside the mesh (an external API, a managed database): no mutual TLS is assumed, the service's
   * endpoints run no sidecar.
   */
  MESH_EXTERNAL = 'MESH_EXTERNAL',
  /**
   * Part of the mesh (VMs, workloads selected by labels): traffic to it is treated like traffic to any
   * in-mesh service (mutual TLS, policies, telemetry).
   */
  MESH_INTERNAL = 'MESH_INTERNAL',
}

/** How the proxy finds the IP addresses of a ServiceEntry's endpoints. */
export enum Resolution {
  /** No resolution: the connection goes to the IP address the client already dialed. */
  NONE = 'NONE',
  /** The static addresses of the endpoints (or the selected workloads). */
  STATIC = 'STATIC',
  /** The hosts (or the endpoints' DNS names) are resolved by DNS, asynchronously; every returned IP is used. */
  DNS = 'DNS',
  /**
   * The hosts (or the single endpoint) are resolved by DNS when a connection is opened; only the first
   * returned IP is used. For large sets of hosts behind one name (a CDN).
   */
  DNS_ROUND_ROBIN = 'DNS_ROUND_ROBIN',
  /**
   * Envoy's dynamic forward proxy resolves whatever host a request names; hosts must be wildcards, ports
   * HTTP, HTTP2, GRPC or TLS, and no addresses nor endpoints are allowed.
   */
  DYNAMIC_DNS = 'DYNAMIC_DNS',
}

/** One endpoint of a ServiceEntry: `ServiceEntry.addEndpoint()`. */
export interface ServiceEntryEndpointOptions {
  /**
   * The endpoint's address, without a port: an IP address, a DNS name (with `Resolution.DNS`) or a unix
   * domain socket (`unix:///var/run/app.sock`).
   * @default - none; then `network` is required (an endpoint reached through the network's gateway)
   */
  readonly address?: string;
  /**
   * The endpoint's ports, by the name of a ServiceEntry port (`{ http: 8080 }`).
   * @default - the ServiceEntry's port numbers (or their targetPorts)
   */
  readonly ports?: { [portName: string]: number };
  /**
   * The endpoint's labels (what DestinationRule subsets select).
   * @default - no labels
   */
  readonly labels?: { [key: string]: string };
  /**
   * The network the endpoint lives in (for multi-network meshes).
   * @default - the network of the proxies that reach it
   */
  readonly network?: string;
  /**
   * The endpoint's locality, `region/zone/subzone` (for locality load balancing).
   * @default - no locality
   */
  readonly locality?: string;
  /**
   * The endpoint's load balancing weight, relative to the others'.
   * @default - equal weights
   */
  readonly weight?: number;
  /**
   * The service account of the endpoint's workload, when it runs a sidecar (its mutual TLS identity).
   * @default - none
   */
  readonly serviceAccount?: string;
}

/** Props of a ServiceEntry. */
export interface ServiceEntryProps extends IstioResourceProps {
  /**
   * The hosts of the service: DNS names, optionally with a wildcard prefix (`*.example.com`).
   * The first one is the ServiceEntry's `hostName`; `host(name)` returns the others.
   */
  readonly hosts: string[];
  /**
   * Virtual IP addresses or CIDR blocks of the service (traffic to them is matched to the service).
   * @default - none (istiod auto-allocates an address for resolved services)
   */
  readonly addresses?: string[];
  /**
   * The ports of the service.
   * @default - no ports
   */
  readonly ports?: ServicePort[];
  /**
   * Whether the service is part of the mesh.
   * @default - `MESH_INTERNAL` with a `workloadSelector` (selected workloads are in the mesh, the field
   * applies to MESH_INTERNAL services only), else `MESH_EXTERNAL` (Istio's default). Always rendered.
   */
  readonly location?: ServiceEntryLocation;
  /**
   * How the endpoints' addresses are found.
   * @default - chosen from the rest, and always rendered: `STATIC` with a `workloadSelector`; with
   * endpoints, `STATIC` when every address is an IP (or a unix socket), else `DNS`; `NONE` with
   * `addresses` or a wildcard host (nothing to resolve); otherwise `DNS` (the hosts are DNS names to
   * resolve, as for an external API). Istio's own default is `NONE`.
   */
  readonly resolution?: Resolution;
  /**
   * The endpoints of the service (shorthand for `addEndpoint()`).
   * @default - none: with `Resolution.DNS` the hosts are resolved; with a `workloadSelector`, the selected workloads
   */
  readonly endpoints?: ServiceEntryEndpointOptions[];
  /**
   * Labels of the pods and WorkloadEntries that are the service's endpoints (for MESH_INTERNAL
   * services). Excludes `endpoints`.
   * @default - none
   */
  readonly workloadSelector?: { [key: string]: string };
  /**
   * Namespaces the service is visible to: `.` (its own), `*` (all), `~` (none) or namespace names.
   * @default - all namespaces (or the mesh's defaultServiceExportTo)
   */
  readonly exportTo?: string[];
  /**
   * Identities the proxy expects in the server certificate's subject alternative names.
   * @default - not verified beyond the mesh's defaults
   */
  readonly subjectAltNames?: string[];
}

/**
 * A ServiceEntry: adds hosts to Istio's service registry (an external API, a database, VMs), so routes,
 * DestinationRules and Sidecars can refer to them.
 *
 * The ServiceEntry is a host (`IHost`, its first host); `host(name)` returns any of its hosts. Routes and
 * DestinationRules that name these hosts are applied after the ServiceEntry.
 *
 * @example
 * const api = new ServiceEntry(chart, 'PaymentsApi', {
 *   hosts: ['api.payments.example.com'],
 *   ports: [{ number: 443, name: 'https', protocol: Protocol.HTTPS }],
 * });
 * // resolution DNS, location MESH_EXTERNAL
 */
export class ServiceEntry extends IstioResource implements IHost {
  public readonly apiObject: ApiObject;
  /** The first host. */
  public readonly hostName: string;
  /** The hosts, as given. */
  public readonly hosts: string[];

  private readonly props: ServiceEntryProps;
  private readonly ports: RenderedPort[];
  private readonly endpoints: ServiceEntryEndpointOptions[] = [];
  private readonly hostObjects = new Map<string, IHost>();

  protected get kind() {
    return 'ServiceEntry';
  }

  constructor(scope: Construct, id: string, props: ServiceEntryProps) {
    super(scope, id);
    this.apiObject = new networking.ServiceEntry(this, 'Resource', {
      metadata: props.metadata,
      spec: Lazy.any({ produce: () => this._toSpec() }),
    });
    this.props = props;
    this.hosts = this.checkHosts(props.hosts);
    this.hostName = this.hosts[0];
    this.checkAddresses(props.addresses ?? []);
    this.ports = this.renderPorts(props.ports ?? []);
    this.checkExportTo(props.exportTo);
    for (const endpoint of props.endpoints ?? []) this.addEndpoint(endpoint);
  }

  /**
   * One of the ServiceEntry's hosts, as a host routes and DestinationRules can name (they are then
   * applied after this ServiceEntry).
   * @param name the host, exactly as in `hosts`
   */
  public host(name: string): IHost {
    if (!this.hosts.includes(name)) {
      throw this._error(`host ${shown(name)} is not one of the ServiceEntry's hosts (${this.hosts.join(', ')}); add it to hosts or name one of those`);
    }
    let host = this.hostObjects.get(name);
    if (!host) {
      host = { hostName: name };
      markOwner(host, this);
      this.hostObjects.set(name, host);
    }
    return host;
  }

  /**
   * Adds an endpoint (an address the service is served at).
   * @returns the endpoint added
   */
  public addEndpoint(options: ServiceEntryEndpointOptions): ServiceEntryEndpointOptions {
    if (this.hasSelector()) {
      throw this._error('endpoints and workloadSelector exclude each other (Istio: only one of WorkloadSelector or Endpoints is allowed): '
        + 'the selected workloads are the endpoints; '
        + 'drop the workloadSelector, or the endpoints (declare VMs as WorkloadEntries the selector matches)');
    }
    if (options.address === undefined && options.network === undefined) {
      throw this._error('an endpoint needs an address (or, for an endpoint behind a network gateway, a network); set address');
    }
    if (options.address !== undefined && options.address.trim() === '') {
      throw this._error(`endpoint address must be an IP address, a DNS name or unix:///path, got ${shown(options.address)}`);
    }
    if (options.weight !== undefined) {
      const problem = rangeProblem('endpoint weight', options.weight, 0, 4294967295, true);
      if (problem) throw this._error(problem);
    }
    const portNames = new Set(this.ports.map(p => p.name));
    for (const [name, number] of Object.entries(options.ports ?? {})) {
      if (!portNames.has(name)) {
        throw this._error(`endpoint port ${shown(name)} is not a port of the ServiceEntry (${[...portNames].join(', ') || 'none'}); `
          + 'name one of the ServiceEntry\'s ports');
      }
      const problem = rangeProblem(`endpoint port ${shown(name)}`, number, 1, 65535, true);
      if (problem) throw this._error(problem);
    }
    const endpoint = { ...options };
    this.endpoints.push(endpoint);
    return endpoint;
  }

  private hasSelector(): boolean {
    return nonEmptyMap(this.props.workloadSelector) !== undefined;
  }

  /** The location: the user's, else MESH_INTERNAL with a workloadSelector, else MESH_EXTERNAL. */
  private location(): ServiceEntryLocation {
    if (this.props.location) return this.props.location;
    return this.hasSelector() ? ServiceEntryLocation.MESH_INTERNAL : ServiceEntryLocation.MESH_EXTERNAL;
  }

  /** The resolution: the user's, else the one the rest of the ServiceEntry calls for (see the prop). */
  private resolution(): Resolution {
    if (this.props.resolution) return this.props.resolution;
    if (this.hasSelector()) return Resolution.STATIC;
    if (this.endpoints.length > 0) {
      const isStatic = (address: string | undefined) => address === undefined || isValidIPAddress(address) || address.startsWith(UNIX_PREFIX);
      return this.endpoints.every(e => isStatic(e.address)) ? Resolution.STATIC : Resolution.DNS;
    }
    if ((this.props.addresses ?? []).length > 0 || this.hosts.some(h => h.includes('*'))) return Resolution.NONE;
    return Resolution.DNS;
  }

  private checkHosts(hosts: string[]): string[] {
    if (!Array.isArray(hosts) || hosts.length === 0) {
      throw this._error("hosts must name at least one host; write e.g. hosts: ['api.example.com']");
    }
    hosts.forEach((host, i) => {
      // The webhook's own check of a ServiceEntry host, run now rather than at synth.
      const problem = typeof host !== 'string' ? 'not a string'
        : host === '*' ? 'a ServiceEntry cannot declare every host'
          : checkWildcardDomain(host);
      if (problem) {
        throw this._error(`hosts[${i}] must be a DNS name, optionally with a leading '*.', got ${shown(host)} (${problem}); `
          + "write e.g. 'api.example.com' or '*.example.com'");
      }
    });
    return [...hosts];
  }

  private checkAddresses(addresses: string[]): void {
    addresses.forEach((address, i) => {
      const problem = checkIPSubnet(String(address));
      if (problem) throw this._error(`addresses[${i}] must be an IP address or a CIDR block, got ${shown(address)} (${problem})`);
    });
  }

  private renderPorts(ports: ServicePort[]): RenderedPort[] {
    const given = new Set(ports.map(p => p.name).filter(name => name !== undefined));
    const rendered: RenderedPort[] = [];
    ports.forEach((port, i) => {
      const taken = (name: string) => given.has(name) || rendered.some(p => p.name === name);
      const out = renderServicePort(port, `ports[${i}]`, message => this._error(message), taken);
      if (rendered.some(p => p.number === out.number)) {
        throw this._error(`ports[${i}]: port ${out.number} is declared twice; a ServiceEntry lists each port number once`);
      }
      if (rendered.some(p => p.name === out.name)) {
        throw this._error(`ports[${i}]: port name ${shown(out.name)} is declared twice; give each port its own name`);
      }
      rendered.push(out);
    });
    return rendered;
  }

  private checkExportTo(exportTo: string[] | undefined): void {
    // The webhook's rule (`.`/`*`/`~` or namespace names, no duplicates, `*` alone), run now.
    const problem = firstEngineError(findings => validateExportTo(FieldPath.at('exportTo'), findings, this.namespace ?? '', exportTo, { isServiceEntry: true }));
    if (problem) throw this._error(`${problem.message} (exportTo ${shown(exportTo)}); use '.', '*', '~' or namespace names, each once`);
  }

  /** @internal */
  public _toSpec(): networking.ServiceEntrySpec {
    const workloadSelector = nonEmptyMap(this.props.workloadSelector);
    return compact({
      hosts: [...this.hosts],
      addresses: nonEmpty(this.props.addresses),
      ports: nonEmpty(this.ports.map(p => ({ ...p }))) as networking.ServiceEntrySpecPorts[] | undefined,
      location: this.location() as string as networking.ServiceEntrySpecLocation,
      resolution: this.resolution() as string as networking.ServiceEntrySpecResolution,
      endpoints: nonEmpty(this.endpoints.map(e => compact({
        address: e.address,
        ports: nonEmptyMap(e.ports),
        labels: nonEmptyMap(e.labels),
        network: e.network,
        locality: e.locality,
        weight: e.weight,
        serviceAccount: e.serviceAccount,
      }) as networking.ServiceEntrySpecEndpoints)),
      workloadSelector: workloadSelector ? { labels: workloadSelector } : undefined,
      exportTo: nonEmpty(this.props.exportTo),
      subjectAltNames: nonEmpty(this.props.subjectAltNames),
    }) as networking.ServiceEntrySpec;
  }
}
