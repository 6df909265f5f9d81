import { Construct } from 'constructs';
import { constructError, rangeProblem, shown } from '../core/errors';
import { DestinationRule } from '../destination-rule';
import { IHost } from '../host';
import { Protocol } from '../port';
import { ServiceEntry, ServiceEntryEndpointOptions } from '../service-entry';
import { SidecarEgressHost } from '../sidecar';
import { ResilienceProfile } from './resilience-profile';

/** The protocols of a database port: opaque TCP, or one Istio knows by name. */
const DATABASE_PROTOCOLS = [Protocol.TCP, Protocol.MYSQL, Protocol.MONGO, Protocol.REDIS, Protocol.TLS];

/** Props of an `ExternalDatabase`. */
export interface ExternalDatabaseProps {
  /** The database's DNS name, e.g. `postgres.external.com`. */
  readonly host: string;

  /** The database's port, e.g. 5432. */
  readonly port: number;

  /**
   * The port's name (endpoints refer to it).
   * @default - `<protocol>-<port>`, e.g. `tcp-5432`
   */
  readonly portName?: string;

  /**
   * The port's protocol.
   * @default Protocol.TCP
   */
  readonly protocol?: Protocol;

  /**
   * The virtual IPs (or CIDR blocks) the application reaches the database at. Required for a TCP
   * port: a sidecar tells opaque TCP traffic apart only by destination address and port, so without
   * one every connection to the port would be taken for the database (Istio's IST0134). Give the
   * database's own IPs, or a VIP that Istio's DNS proxying (`ISTIO_META_DNS_CAPTURE`) answers the
   * host with.
   * @default - none (only for MYSQL, MONGO, REDIS and TLS ports)
   */
  readonly addresses?: string[];

  /**
   * The database's instances (the seed's primaries in two regions); their labels can feed locality
   * load balancing or subsets.
   * @default - none: the host is resolved by DNS
   */
  readonly endpoints?: ServiceEntryEndpointOptions[];

  /**
   * The name of the created resources.
   * @default - the host with '.' as '-' (`postgres-external-com`)
   */
  readonly name?: string;

  /**
   * The namespace of the created resources (the calling workloads' namespace).
   * @default - none: the namespace they are applied to
   */
  readonly namespace?: string;

  /**
   * Namespaces whose workloads may connect (best practice 4: export control); the DestinationRule
   * follows (nobody else can name the host).
   * @default ['.'] — the database's own namespace
   */
  readonly exportTo?: string[];

  /**
   * Outlier detection and connection pool for the connections (timeout and retries are HTTP's and do
   * not apply). For TCP, connection failures and timeouts count as the errors that eject an instance.
   * @default ResilienceProfile.standard()
   */
  readonly resilience?: ResilienceProfile;
}

/**
 * An external database made part of the mesh: a ServiceEntry for its host and port (MESH_EXTERNAL,
 * DNS) with its instances as endpoints, exported to its own namespace, and a DestinationRule with
 * outlier detection and connection limits (best practices 4, 5, 6).
 *
 * @example
 * new ExternalDatabase(chart, 'Orders', { host: 'orders.db.example.com', port: 3306, protocol: Protocol.MYSQL, namespace: 'shop' });
 */
export class ExternalDatabase extends Construct {
  /** The ServiceEntry of the database. */
  public readonly serviceEntry: ServiceEntry;
  /**
   * The DestinationRule with the outlier detection and connection pool.
   * @default - none when the profile sets neither
   */
  public readonly destinationRule?: DestinationRule;
  /** What a Sidecar (`EgressLockdown`) must allow for workloads to connect. */
  public readonly egressHosts: SidecarEgressHost[];

  constructor(scope: Construct, id: string, props: ExternalDatabaseProps) {
    super(scope, id);
    const fail = (message: string) => constructError('ExternalDatabase', this, message);
    const host = props.host;
    if (typeof host !== 'string' || host.includes('*') || !host.includes('.')) {
      throw fail(`host must be one fully qualified DNS name, got ${shown(host)}; write e.g. 'postgres.example.com'`);
    }
    const name = props.name ?? host.replace(/\./g, '-');
    if (!/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(name)) {
      throw fail(`name must be a DNS-1123 label (lowercase letters, digits, '-', at most 63), got ${shown(name)}; set name`);
    }
    const problem = rangeProblem('port', props.port, 1, 65535, true);
    if (problem) throw fail(problem);
    const protocol = props.protocol ?? Protocol.TCP;
    if (!DATABASE_PROTOCOLS.includes(protocol)) {
      throw fail(`protocol must be one of ${DATABASE_PROTOCOLS.join(', ')} for a database, got ${shown(protocol)}; use ExternalApi for HTTP APIs`);
    }
    if (protocol === Protocol.TCP && (props.addresses ?? []).length === 0) {
      throw fail(`a TCP port needs addresses: a sidecar tells opaque TCP apart only by address and port, so without one every connection to port ${props.port} `
        + "would be taken for the database (Istio's IST0134). Give addresses (the database's IPs, or a VIP Istio's DNS proxying answers the host with), "
        + 'or the protocol Istio knows it by (MYSQL, MONGO, REDIS)');
    }
    const resilience = props.resilience ?? ResilienceProfile.standard();
    const exportTo = props.exportTo ?? ['.'];
    const metadata = { name, namespace: props.namespace };

    this.serviceEntry = new ServiceEntry(this, 'ServiceEntry', {
      metadata,
      hosts: [host],
      addresses: props.addresses,
      ports: [{ number: props.port, protocol, name: props.portName }],
      endpoints: props.endpoints,
      exportTo,
    });
    if (resilience.outlierDetection || resilience.connectionPool) {
      this.destinationRule = new DestinationRule(this, 'DestinationRule', {
        metadata,
        host: this.serviceEntry,
        exportTo,
        trafficPolicy: { outlierDetection: resilience.outlierDetection, connectionPool: resilience.connectionPool },
      });
    }
    this.egressHosts = [props.namespace
      ? SidecarEgressHost.inNamespace(props.namespace, this.serviceEntry)
      : SidecarEgressHost.currentNamespace(this.serviceEntry)];
  }

  /** The database's host (its ServiceEntry). */
  public get host(): IHost {
    return this.serviceEntry;
  }
}
