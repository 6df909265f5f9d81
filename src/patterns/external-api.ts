import { Construct } from 'constructs';
import { ClientTlsSettings, TlsMode } from '../client-tls';
import { constructError, factoryError, rangeProblem, shown } from '../core/errors';
import { faultRouteOptions } from '../core/fault-injection-route';
import { DestinationRule, Subset } from '../destination-rule';
import { Gateway } from '../gateway';
import { Host, IHost } from '../host';
import { HttpMatch } from '../http-match';
import { HttpRouteOptions } from '../http-route';
import { Protocol, ServicePort } from '../port';
import { IGateway } from '../references';
import { ServerTlsMode } from '../server-tls';
import { ServiceEntry } from '../service-entry';
import { SidecarEgressHost } from '../sidecar';
import { TrafficPolicy } from '../traffic-policy';
import { VirtualService } from '../virtual-service';
import { FaultInjection } from './fault-injection';
import { ResilienceProfile } from './resilience-profile';

/**
 * The CA bundle of the proxy image's operating system, which Istio's security best practices name
 * for TLS origination to public hosts ("Configure TLS verification in Destination Rule when using TLS
 * origination"): the server's certificate is then verified against the public CAs.
 */
const SYSTEM_CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

/** How the server's certificate is verified when the proxy opens TLS to an external host. */
export interface TlsOriginationOptions {
  /**
   * Path (in the proxy) of the CA bundle that verifies the server's certificate. Excludes `credentialName`.
   * @default '/etc/ssl/certs/ca-certificates.crt' — the proxy image's public CA bundle, as Istio's
   * security best practices show (without a CA the server is not verified, and Istio warns IST0128/IST0129);
   * not set when `credentialName` is
   */
  readonly caCertificates?: string;

  /**
   * A Secret with the CA (`ca.crt`; for MUTUAL also `tls.crt` and `tls.key`) instead of files. Read by
   * the proxy that opens the connection: with an egress gateway, a Secret of the gateway's namespace;
   * without one, a Secret of the API's namespace, and `workloadSelector` is then required (Istio reads
   * credentials for sidecars only from DestinationRules with a workloadSelector).
   * @default - none: files
   */
  readonly credentialName?: string;

  /**
   * Names the server certificate must carry (a CA alone accepts any certificate it signed).
   * @default - the API's host
   */
  readonly subjectAltNames?: string[];

  /**
   * The SNI sent in the TLS handshake.
   * @default - the API's host
   */
  readonly sni?: string;
}

/** TLS origination with a client certificate: `TlsOrigination.mutual()`. */
export interface MutualTlsOriginationOptions extends TlsOriginationOptions {
  /**
   * Path (in the proxy) of the client certificate; with `privateKey`, instead of `credentialName`.
   * @default - none: `credentialName` holds it
   */
  readonly clientCertificate?: string;

  /**
   * Path (in the proxy) of the client's private key; with `clientCertificate`.
   * @default - none: `credentialName` holds it
   */
  readonly privateKey?: string;
}

/**
 * Who speaks TLS to an external API: the mesh (the application calls plain HTTP and a proxy opens
 * TLS, SIMPLE or MUTUAL), or the application itself (the proxies pass its TLS through, routed by SNI).
 *
 * @example
 * const tls = TlsOrigination.mutual({ credentialName: 'payments-client' });
 */
export class TlsOrigination {
  /**
   * The proxy opens TLS and verifies the server (Istio's `SIMPLE`): by default against the public CAs,
   * with the API's host as SNI and as the name the certificate must carry.
   * @param options the CA, the names checked, the SNI
   */
  public static simple(options: TlsOriginationOptions = {}): TlsOrigination {
    checkCaSource('TlsOrigination.simple()', options);
    return new TlsOrigination(TlsMode.SIMPLE, options);
  }

  /**
   * The proxy opens TLS with a client certificate (Istio's `MUTUAL`): `credentialName` (a Secret with
   * `tls.crt`, `tls.key` and `ca.crt`), or `clientCertificate` and `privateKey` files.
   * @param options the client certificate and what verifies the server
   */
  public static mutual(options: MutualTlsOriginationOptions): TlsOrigination {
    const factory = 'TlsOrigination.mutual()';
    checkCaSource(factory, options);
    const files = options.clientCertificate !== undefined || options.privateKey !== undefined;
    if (options.credentialName !== undefined && files) {
      throw factoryError(factory, 'credentialName and clientCertificate/privateKey exclude each other (Istio reads either a Secret or files); give one');
    }
    if (options.credentialName === undefined && (options.clientCertificate === undefined || options.privateKey === undefined)) {
      throw factoryError(factory, 'a client certificate is required: give credentialName (a Secret with tls.crt, tls.key and ca.crt), '
        + 'or both clientCertificate and privateKey');
    }
    return new TlsOrigination(TlsMode.MUTUAL, options);
  }

  /**
   * The application opens TLS itself (`https://api.example.com`); the proxies pass it through,
   * routed by its SNI. The mesh sees no HTTP: no route timeout, retries nor fault injection.
   */
  public static byApplication(): TlsOrigination {
    return new TlsOrigination(undefined, {});
  }

  private constructor(
    /** The TLS mode the proxy originates; undefined when the application speaks TLS. */
    private readonly mode: TlsMode | undefined,
    private readonly options: MutualTlsOriginationOptions,
  ) {}

  /** @internal */
  public get _originates(): boolean {
    return this.mode !== undefined;
  }

  /** @internal */
  public get _credentialName(): string | undefined {
    return this.options.credentialName;
  }

  /**
   * The client TLS settings for `host`.
   * @internal
   */
  public _clientTls(host: string): ClientTlsSettings {
    const o = this.options;
    return {
      mode: this.mode ?? TlsMode.DISABLE,
      credentialName: o.credentialName,
      clientCertificate: o.clientCertificate,
      privateKey: o.privateKey,
      caCertificates: o.credentialName === undefined ? o.caCertificates ?? SYSTEM_CA_BUNDLE : undefined,
      subjectAltNames: o.subjectAltNames ?? [host],
      sni: o.sni ?? host,
    };
  }
}

function checkCaSource(factory: string, options: TlsOriginationOptions): void {
  if (options.caCertificates !== undefined && options.credentialName !== undefined) {
    throw factoryError(factory, 'caCertificates and credentialName exclude each other (the Secret carries the CA as ca.crt); give one');
  }
}

/** Routing through an egress gateway, as Istio documents it ("Egress Gateways", "Egress Gateways with TLS Origination"). */
export interface EgressGatewayOptions {
  /**
   * Labels of the egress gateway's pods (the Gateway's selector).
   * @default { istio: 'egressgateway' } — Istio's default egress gateway
   */
  readonly selector?: { [key: string]: string };

  /**
   * The namespace the egress gateway runs in. The API's ServiceEntry and VirtualService are exported
   * to it, and the DestinationRule that opens connections to the API is placed there (selecting the
   * gateway's pods), with its Secret when `credentialName` is used.
   * @default 'istio-system'
   */
  readonly namespace?: string;

  /**
   * The egress gateway's Kubernetes Service, where sidecars send the API's traffic.
   * @default - `istio-egressgateway.<namespace>.svc.cluster.local`, imported (installed with Istio, not by the app)
   */
  readonly service?: IHost;

  /**
   * The gateway port the sidecars send the API's traffic to (a port of the gateway's Service).
   * @default - 80 when the mesh originates TLS (mutual TLS from the sidecar, as Istio's task does); 443 with `TlsOrigination.byApplication()`
   */
  readonly port?: number;
}

/** Props of an `ExternalApi`. */
export interface ExternalApiProps {
  /** The API's DNS name, e.g. `api.example.com` (no wildcard: it is resolved by DNS). */
  readonly host: string;

  /**
   * The name of the created resources (the egress gateway's DestinationRule adds `-egress`).
   * @default - the host with '.' as '-' (`api-example-com`), as Istio's egress tasks name them
   */
  readonly name?: string;

  /**
   * The namespace of the created resources (the calling workloads' namespace).
   * @default - none: the namespace they are applied to
   */
  readonly namespace?: string;

  /**
   * Who speaks TLS to the API.
   * @default TlsOrigination.simple() — the application calls `http://<host>:<httpPort>`, the proxy opens
   * TLS to `tlsPort` and verifies the server against the public CAs: the request path never crosses the
   * network in clear, and the mesh sees (and can retry) HTTP requests
   */
  readonly tlsOrigination?: TlsOrigination;

  /**
   * The port the application calls with plain HTTP when the mesh originates TLS.
   * @default 80
   */
  readonly httpPort?: number;

  /**
   * The API's TLS port.
   * @default 443
   */
  readonly tlsPort?: number;

  /**
   * Route the API's traffic through an egress gateway (the audited exit of the mesh).
   * @default - none: the sidecars connect to the API directly
   */
  readonly egressGateway?: EgressGatewayOptions;

  /**
   * Namespaces whose workloads may call the API: the ServiceEntry, its VirtualService and
   * DestinationRules are visible there (best practice 4: export control). With an egress gateway its
   * namespace is added. Nobody outside these namespaces can name the host, so narrowing the
   * VirtualService and DestinationRules alike is safe.
   * @default ['.'] — the API's own namespace
   */
  readonly exportTo?: string[];

  /**
   * Labels of the calling workloads the DestinationRule applies to, when the sidecars originate TLS
   * (required with a `credentialName` and no egress gateway; then `exportTo` must be `['.']`).
   * @default - every workload that sees the API
   */
  readonly workloadSelector?: { [key: string]: string };

  /**
   * Timeouts, retries, outlier detection and connection pool. Timeout and retries go on the HTTP route
   * to the API (a VirtualService is created for them); outlier detection and connection pool on the
   * DestinationRule of the proxy that connects to the API. With `TlsOrigination.byApplication()` only
   * the latter apply (no HTTP requests are seen).
   * @default ResilienceProfile.standard()
   */
  readonly resilience?: ResilienceProfile;

  /**
   * Faults injected into the calls to the API, to test the callers: with a `match`, a route ahead of
   * the others; without one (a percentage of all calls), on the route from the sidecars itself.
   * @default - none
   */
  readonly faultInjection?: FaultInjection;
}

/**
 * An external API made part of the mesh: a ServiceEntry for its host (MESH_EXTERNAL, resolved by DNS,
 * exported to its own namespace), TLS origination by the sidecar or an egress gateway, resilience on
 * the DestinationRule and the route, and optionally the Gateway, VirtualService and DestinationRule
 * set Istio documents for egress gateways.
 *
 * Without an egress gateway and with TLS origination (the default) this is Istio's "Egress TLS
 * Origination": the ServiceEntry maps `httpPort` to `tlsPort` (`targetPort`) and the DestinationRule
 * opens TLS on `httpPort`, so an application that calls `https://` itself keeps working.
 *
 * Every created resource is a property; for anything else, `ApiObject.of(api.serviceEntry).addJsonPatch(...)`.
 *
 * @example
 * const payments = new ExternalApi(chart, 'Payments', { host: 'api.payments.example.com', namespace: 'shop' });
 */
export class ExternalApi extends Construct {
  /** The ServiceEntry of the API's host. */
  public readonly serviceEntry: ServiceEntry;
  /**
   * The API's DestinationRule: TLS origination, outlier detection, connection pool; in the egress
   * gateway's namespace when there is one.
   * @default - none with `TlsOrigination.byApplication()` and a profile without outlier detection nor connection pool
   */
  public readonly destinationRule?: DestinationRule;
  /**
   * The API's VirtualService (timeout and retries; through the egress gateway, both legs).
   * @default - none without an egress gateway when there is no timeout, retry nor fault to set
   */
  public readonly virtualService?: VirtualService;
  /**
   * The Gateway opening the API's port on the egress gateway.
   * @default - none without `egressGateway`
   */
  public readonly gateway?: Gateway;
  /**
   * The DestinationRule of the egress gateway's Service, declaring this API's subset.
   * @default - none without `egressGateway`
   */
  public readonly egressGatewayRule?: DestinationRule;
  /**
   * The egress gateway subset the sidecars route the API's traffic to.
   * @default - none without `egressGateway`
   */
  public readonly egressGatewaySubset?: Subset;
  /**
   * What a Sidecar (`EgressLockdown`) must allow for workloads to call the API: its host, and the
   * egress gateway's Service when there is one.
   */
  public readonly egressHosts: SidecarEgressHost[];

  constructor(scope: Construct, id: string, props: ExternalApiProps) {
    super(scope, id);
    const fail = (message: string) => constructError('ExternalApi', this, message);
    const host = props.host;
    if (typeof host !== 'string' || host.includes('*') || !host.includes('.')) {
      throw fail(`host must be one fully qualified DNS name, got ${shown(host)}; write e.g. 'api.example.com' (a wildcard cannot be resolved by DNS)`);
    }
    const name = props.name ?? host.replace(/\./g, '-');
    if (!/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(name)) {
      throw fail(`name must be a DNS-1123 label (lowercase letters, digits, '-', at most 63), got ${shown(name)}; set name`);
    }
    const tls = props.tlsOrigination ?? TlsOrigination.simple();
    const originates = tls._originates;
    const httpPort = props.httpPort ?? 80;
    const tlsPort = props.tlsPort ?? 443;
    for (const [field, value] of [['httpPort', httpPort], ['tlsPort', tlsPort]] as const) {
      const problem = rangeProblem(field, value, 1, 65535, true);
      if (problem) throw fail(problem);
    }
    if (!originates && props.httpPort !== undefined) {
      throw fail('httpPort is the port the application calls in plain HTTP, but TlsOrigination.byApplication() has it speak TLS to tlsPort; drop httpPort');
    }
    if (originates && httpPort === tlsPort) {
      throw fail(`httpPort and tlsPort are both ${httpPort}; the application's plain HTTP port and the API's TLS port must differ`);
    }
    if (!originates && props.faultInjection) {
      throw fail('faultInjection needs HTTP requests, but with TlsOrigination.byApplication() the mesh sees only TLS; drop faultInjection or let the mesh originate TLS');
    }
    const gw = props.egressGateway;
    if (props.workloadSelector && gw) {
      throw fail('workloadSelector selects calling workloads for sidecar TLS origination; with an egressGateway the gateway opens the connections: drop workloadSelector');
    }
    const exportTo = props.exportTo ?? ['.'];
    if (props.workloadSelector && !(exportTo.length === 1 && exportTo[0] === '.')) {
      throw fail(`a DestinationRule with a workloadSelector applies only in its own namespace, so exportTo must be ['.'], got ${shown(exportTo)}`);
    }
    if (!gw && originates && tls._credentialName !== undefined && !props.workloadSelector) {
      throw fail(`credentialName ${shown(tls._credentialName)} is read by sidecars only from a DestinationRule with a workloadSelector; `
        + 'give workloadSelector (the labels of the calling workloads), or route through an egressGateway');
    }
    const resilience = props.resilience ?? ResilienceProfile.standard();
    const metadata = { name, namespace: props.namespace };

    const gwNamespace = gw?.namespace ?? 'istio-system';
    const visible = gw ? withNamespace(exportTo, gwNamespace, props.namespace) : exportTo;
    const gwPort = gw?.port ?? (originates ? 80 : 443);
    if (gw) {
      const problem = rangeProblem('egressGateway.port', gwPort, 1, 65535, true);
      if (problem) throw fail(problem);
    }

    // The ServiceEntry: without a gateway, the sidecar maps httpPort to the TLS port (Istio's
    // "Egress TLS Origination"); through a gateway, the gateway routes to tlsPort itself.
    const ports: ServicePort[] = originates
      ? [{ number: httpPort, protocol: Protocol.HTTP, targetPort: gw ? undefined : tlsPort }, { number: tlsPort, protocol: Protocol.HTTPS }]
      : [{ number: tlsPort, protocol: Protocol.TLS }];
    this.serviceEntry = new ServiceEntry(this, 'ServiceEntry', { metadata, hosts: [host], ports, exportTo: visible });
    const api = this.serviceEntry;

    // The API's DestinationRule, where connections to it are opened: the sidecars, or the egress gateway.
    const policy: TrafficPolicy = {
      outlierDetection: resilience.outlierDetection,
      connectionPool: resilience.connectionPool,
      portLevelSettings: originates ? [{ port: gw ? tlsPort : httpPort, tls: tls._clientTls(host) }] : undefined,
    };
    if (originates || policy.outlierDetection || policy.connectionPool) {
      this.destinationRule = new DestinationRule(this, 'DestinationRule', gw
        ? { metadata: { name, namespace: gwNamespace }, host: api, exportTo: ['.'], workloadSelector: gw.selector ?? { istio: 'egressgateway' }, trafficPolicy: policy }
        : { metadata, host: api, exportTo, workloadSelector: props.workloadSelector, trafficPolicy: policy });
    }

    const timeouts = { timeout: resilience.timeout, retries: resilience.retries };
    const fault = props.faultInjection && faultRouteOptions(`ExternalApi '${this.node.path}'`, props.faultInjection);
    const egress: SidecarEgressHost[] = [props.namespace
      ? SidecarEgressHost.inNamespace(props.namespace, api)
      : SidecarEgressHost.currentNamespace(api)];

    if (!gw) {
      if (originates && (timeouts.timeout || timeouts.retries || fault)) {
        const route = [{ host: api, port: httpPort }];
        const http: HttpRouteOptions[] = [];
        // The fault route gets the deadline; its faults are answered before any retry could happen.
        if (fault?.match) http.push({ match: onPort(fault.match, httpPort), fault: fault.fault, route, timeout: resilience.timeout });
        http.push({ match: [{ port: httpPort }], route, ...timeouts, fault: fault && !fault.match ? fault.fault : undefined });
        this.virtualService = new VirtualService(this, 'VirtualService', { metadata, hosts: [api], exportTo, http });
      }
      this.egressHosts = egress;
      return;
    }

    // Through the egress gateway, as Istio's egress gateway tasks configure it.
    const gatewayService = gw.service ?? Host.fromExternalName(this, 'EgressGatewayService', `istio-egressgateway.${gwNamespace}.svc.cluster.local`);
    this.gateway = new Gateway(this, 'Gateway', {
      metadata,
      selector: gw.selector ?? { istio: 'egressgateway' },
      servers: [originates
        // Sidecar to gateway in the mesh's mutual TLS; the gateway originates TLS to the API.
        ? { port: { number: gwPort, protocol: Protocol.HTTPS }, hosts: [host], tls: { mode: ServerTlsMode.ISTIO_MUTUAL } }
        : { port: { number: gwPort, protocol: Protocol.TLS }, hosts: [host], tls: { mode: ServerTlsMode.PASSTHROUGH } }],
    });
    this.egressGatewayRule = new DestinationRule(this, 'EgressGatewayRule', { metadata: { name: `${name}-egress`, namespace: props.namespace }, host: gatewayService, exportTo });
    this.egressGatewaySubset = this.egressGatewayRule.addSubset(name, originates
      ? { trafficPolicy: { portLevelSettings: [{ port: gwPort, tls: { mode: TlsMode.ISTIO_MUTUAL, sni: host } }] } }
      : {});
    const toGateway = [{ subset: this.egressGatewaySubset, port: gwPort }];
    const toApi = [{ host: api, port: tlsPort }];
    const gateways = [this.gateway, Gateway.MESH];
    if (originates) {
      const http: HttpRouteOptions[] = [];
      // The sidecar's hop to the gateway gets the deadline but no retries: the gateway's hop retries.
      const deadline = { timeout: resilience.timeout };
      if (fault?.match) http.push({ match: onPort(fault.match, httpPort, [Gateway.MESH]), fault: fault.fault, route: toGateway, ...deadline });
      const unscopedFault = fault && !fault.match ? fault.fault : undefined;
      http.push({ match: [{ gateways: [Gateway.MESH], port: httpPort }], route: toGateway, fault: unscopedFault, ...deadline });
      http.push({ match: [{ gateways: [this.gateway], port: gwPort }], route: toApi, ...timeouts });
      this.virtualService = new VirtualService(this, 'VirtualService', { metadata, hosts: [api], gateways, exportTo: visible, http });
    } else {
      this.virtualService = new VirtualService(this, 'VirtualService', {
        metadata,
        hosts: [api],
        gateways,
        exportTo: visible,
        tls: [
          { match: [{ sniHosts: [host], gateways: [Gateway.MESH], port: tlsPort }], route: toGateway },
          { match: [{ sniHosts: [host], gateways: [this.gateway], port: gwPort }], route: toApi },
        ],
      });
    }
    egress.push(SidecarEgressHost.inNamespace(gwNamespace, gatewayService));
    this.egressHosts = egress;
  }

  /** The API's host, as routes and Sidecars name it (its ServiceEntry). */
  public get host(): IHost {
    return this.serviceEntry;
  }
}

/** `exportTo` plus the egress gateway's namespace, unless it already covers it. */
function withNamespace(exportTo: string[], gwNamespace: string, own: string | undefined): string[] {
  const covered = exportTo.includes('*') || exportTo.includes(gwNamespace) || (exportTo.includes('.') && own === gwNamespace);
  return covered ? [...exportTo] : [...exportTo, gwNamespace];
}

/** The fault's matches, each limited to the port (and gateways) of the route it precedes. */
function onPort(match: HttpMatch[], port: number, gateways?: IGateway[]): HttpMatch[] {
  return match.map(m => ({ ...m, port, ...(gateways ? { gateways } : {}) }));
}
