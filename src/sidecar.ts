import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { ConnectionPoolSettings } from './connection-pool';
import { firstEngineError } from './core/engine-check';
import { factoryError, shown } from './core/errors';
import { compact, nonEmpty, nonEmptyMap } from './core/render';
import { renderConnectionPool } from './core/render-connection-pool';
import { renderServerPort } from './core/render-port';
import { renderServerTls } from './core/render-server-tls';
import { IHost } from './host';
import * as networking from './imports/networking.istio.io';
import { ServerPort } from './port';
import { ISubset } from './references';
import { IstioResource, IstioResourceProps } from './resource';
import { ServerTlsSettings } from './server-tls';
import { FieldPath } from './validation/field-path';
import { Findings } from './validation/findings';
import { checkNamespaceSlashWildcardHostname } from './validation/webhook/common/hosts';
import { validateEgress } from './validation/webhook/sidecar/egress';
import { validateIngress } from './validation/webhook/sidecar/ingress';
import { validateOutboundTrafficPolicy } from './validation/webhook/sidecar/outbound';

/** How traffic reaches a Sidecar listener bound to an IP. */
export enum CaptureMode {
  /** The mesh's default capture (iptables, or none where the environment captures otherwise). */
  DEFAULT = 'DEFAULT',
  /** Traffic is captured by iptables redirection. */
  IPTABLES = 'IPTABLES',
  /**
   * No capture: the application sends to (or the client reaches) the listener's bind address and port
   * directly, e.g. a workload without iptables privileges.
   */
  NONE = 'NONE',
}

/** What a Sidecar does with outbound traffic to hosts that are not in the service registry. */
export enum OutboundTrafficPolicyMode {
  /** Block traffic to unknown hosts: only services in the registry (Services, ServiceEntries) are reachable. */
  REGISTRY_ONLY = 'REGISTRY_ONLY',
  /** Pass traffic to unknown hosts through. */
  ALLOW_ANY = 'ALLOW_ANY',
}

/**
 * A host of a Sidecar egress listener, `namespace/dnsName`: which services, declared in which
 * namespaces, the workloads can reach (and the proxies load configuration for).
 *
 * The namespace is where the Service, ServiceEntry or VirtualService is declared, not necessarily
 * the host's own: `./*` is everything declared in the Sidecar's namespace, `istio-system/*` everything
 * declared in istio-system, `*` + `/reviews.shop.svc.cluster.local` that host whichever namespace declares it.
 *
 * @example
 * // A namespace-wide Sidecar's usual egress: its own namespace and the control plane's.
 * [SidecarEgressHost.currentNamespace(), SidecarEgressHost.inNamespace('istio-system')]
 */
export class SidecarEgressHost {
  /**
   * Services declared in the Sidecar's own namespace: `./*`, or `./<host>` for one host.
   * @param host one host only (a fully qualified name, or a wildcard such as `*.example.com`)
   */
  public static currentNamespace(host?: IHost): SidecarEgressHost {
    return SidecarEgressHost.checked('SidecarEgressHost.currentNamespace()', '.', host);
  }

  /**
   * Services declared in `namespace`: `istio-system/*`, or `<namespace>/<host>` for one host.
   * @param namespace the namespace the services are declared in
   * @param host one host only (a fully qualified name, or a wildcard such as `*.example.com`)
   */
  public static inNamespace(namespace: string, host?: IHost): SidecarEgressHost {
    if (typeof namespace !== 'string' || ['', '*', '.', '~'].includes(namespace)) {
      throw factoryError('SidecarEgressHost.inNamespace()', `namespace must be a namespace name, got ${shown(namespace)}; `
        + 'use currentNamespace(), anyNamespace() or none() for ., * and ~');
    }
    return SidecarEgressHost.checked('SidecarEgressHost.inNamespace()', namespace, host);
  }

  /**
   * Services declared in any namespace: `*` + `/<host>` for one host, or every service of the mesh (`*` + `/*`).
   * @param host one host only (a fully qualified name, or a wildcard such as `*.example.com`)
   */
  public static anyNamespace(host?: IHost): SidecarEgressHost {
    return SidecarEgressHost.checked('SidecarEgressHost.anyNamespace()', '*', host);
  }

  /**
   * No service at all (`~/*`): for workloads that only answer requests and make no outbound calls.
   */
  public static none(): SidecarEgressHost {
    return new SidecarEgressHost('~/*');
  }

  /**
   * A host written as Istio reads it, `namespace/dnsName` (`istio-system/*`, `./reviews.shop.svc.cluster.local`).
   * @param host the `namespace/dnsName` host
   */
  public static of(host: string): SidecarEgressHost {
    return SidecarEgressHost.validated('SidecarEgressHost.of()', String(host));
  }

  private static checked(factory: string, namespace: string, host: IHost | undefined): SidecarEgressHost {
    if (host !== undefined && (host === null || typeof host.hostName !== 'string')) {
      throw factoryError(factory, `host must be an IHost (Host.fromName(...), a ServiceEntry, ...), got ${shown(host)}`);
    }
    return SidecarEgressHost.validated(factory, `${namespace}/${host?.hostName ?? '*'}`, host);
  }

  private static validated(factory: string, text: string, host?: IHost): SidecarEgressHost {
    // The webhook's own check of an egress host (namespace, FQDN or wildcard, no short names), run now.
    const problems = checkNamespaceSlashWildcardHostname(text, false, false);
    if (problems.length > 0) {
      throw factoryError(factory, `${shown(text)} is not a valid egress host: ${problems.join('; ')}; `
        + "write namespace/dnsName with a fully qualified dnsName, e.g. 'istio-system/*' or './reviews.shop.svc.cluster.local' "
        + '(Host.fromService() gives the fully qualified name of a Service)');
    }
    return new SidecarEgressHost(text, host);
  }

  private constructor(
    /** The host as Istio's YAML writes it, `namespace/dnsName`. */
    public readonly value: string,
    private readonly host?: IHost,
  ) {}

  /**
   * The host object it was made from, for references.
   * @internal
   */
  public _reference(): IHost | undefined {
    return this.host;
  }
}

/** A Sidecar ingress listener: `Sidecar.addIngressListener()`. */
export interface SidecarIngressListenerOptions {
  /** The port the listener accepts traffic on (for the workload's inbound traffic). */
  readonly port: ServerPort;
  /**
   * The IP the listener binds to.
   * @default - every address of the workload instance
   */
  readonly bind?: string;
  /**
   * How traffic reaches the listener.
   * @default - not rendered: `CaptureMode.DEFAULT`
   */
  readonly captureMode?: CaptureMode;
  /**
   * Where the traffic is forwarded to: `127.0.0.1:<port>`, `0.0.0.0:<port>` (the instance IP),
   * `[::1]:<port>`, `[::]:<port>` or `unix:///path/to/socket`.
   * @default - the workload's port of the same number
   */
  readonly defaultEndpoint?: string;
  /**
   * TLS termination on the sidecar for clients outside the mesh (mode SIMPLE or MUTUAL with certificate
   * files; Sidecars support no `credentialName`, `credentialNames`, `tlsCertificates`, `subjectAltNames`
   * nor `httpsRedirect`). The port's protocol must be HTTPS or TLS.
   * @default - no TLS termination (mesh mTLS applies as configured)
   */
  readonly tls?: ServerTlsSettings;
  /**
   * Limits on the connections the sidecar accepts on this port (overrides `inboundConnectionPool`).
   * @default - the Sidecar's `inboundConnectionPool`
   */
  readonly connectionPool?: ConnectionPoolSettings;
}

/** A Sidecar egress listener: `Sidecar.addEgressListener()`. */
export interface SidecarEgressListenerOptions {
  /** The services the listener exposes to the workload, `namespace/dnsName` (at least one). */
  readonly hosts: SidecarEgressHost[];
  /**
   * The port of the listener; number 0 with a `unix://` bind for a unix domain socket listener.
   * @default - none: the catch-all listener, for every port not named by another listener
   * (rendered last, as Istio requires; one per Sidecar)
   */
  readonly port?: ServerPort;
  /**
   * The IP or unix domain socket (`unix:///path`, `unix://@abstract`) the listener binds to.
   * @default - the sidecar's usual outbound capture address
   */
  readonly bind?: string;
  /**
   * How traffic reaches the listener.
   * @default - not rendered: `CaptureMode.DEFAULT`
   */
  readonly captureMode?: CaptureMode;
}

/**
 * The egress proxy unknown traffic is forwarded to (Sidecar `outboundTrafficPolicy.egressProxy`).
 * Istio's analysis reports it as ignored (IST0135): the field is deprecated.
 */
export interface SidecarEgressProxy {
  /** The proxy's host, fully qualified (`Host.fromService('egress-gateway', 'istio-system')`). */
  readonly host: IHost;
  /** The port on the host. */
  readonly port: number;
  /**
   * A subset of the host, as `DestinationRule.addSubset()` returns it; its host must be `host`.
   * @default - any endpoint of the host
   */
  readonly subset?: ISubset;
}

/** Props of a Sidecar. */
export interface SidecarProps extends IstioResourceProps {
  /**
   * Labels of the workloads the Sidecar applies to.
   * @default - every workload of the namespace without a Sidecar of its own (at most one such Sidecar per namespace)
   */
  readonly workloadSelector?: { [key: string]: string };
  /**
   * Inbound listeners (shorthand for `addIngressListener()`).
   * @default - none: the workload's ports as Istio discovers them
   */
  readonly ingress?: SidecarIngressListenerOptions[];
  /**
   * Outbound listeners (shorthand for `addEgressListener()`).
   * @default - none: every service of the mesh is visible (nothing is restricted; a namespace-wide
   * Sidecar usually lists `SidecarEgressHost.currentNamespace()` and `SidecarEgressHost.inNamespace('istio-system')`)
   */
  readonly egress?: SidecarEgressListenerOptions[];
  /**
   * Traffic to hosts outside the registry: blocked (`REGISTRY_ONLY`) or passed through (`ALLOW_ANY`).
   * @default - `ALLOW_ANY` with an `egressProxy` (the only mode it works with), otherwise not rendered:
   * the mesh's `outboundTrafficPolicy` (ALLOW_ANY unless changed) applies
   */
  readonly outboundTrafficPolicy?: OutboundTrafficPolicyMode;
  /**
   * Where unknown traffic is forwarded in ALLOW_ANY mode (deprecated by Istio and ignored; see `SidecarEgressProxy`).
   * @default - none: unknown traffic goes to its original destination
   */
  readonly egressProxy?: SidecarEgressProxy;
  /**
   * Limits on the connections the sidecar accepts, for every inbound port.
   * @default - Envoy's defaults
   */
  readonly inboundConnectionPool?: ConnectionPoolSettings;
}

/**
 * A Sidecar: what the proxies of a namespace's workloads (or of the workloads it selects) accept and
 * what they can reach — inbound listeners, the services visible outbound, and traffic to unknown hosts.
 *
 * Nothing is restricted unless asked: without egress listeners every service stays visible. Istio
 * rejects a Sidecar with nothing in it (no listener, policy nor pool) at synth.
 *
 * @example
 * new Sidecar(chart, 'Default', {
 *   metadata: { namespace: 'shop' },
 *   egress: [{ hosts: [SidecarEgressHost.currentNamespace(), SidecarEgressHost.inNamespace('istio-system')] }],
 *   outboundTrafficPolicy: OutboundTrafficPolicyMode.REGISTRY_ONLY,
 * });
 */
export class Sidecar extends IstioResource {
  public readonly apiObject: ApiObject;

  private readonly props: SidecarProps;
  private readonly ingress: Record<string, any>[] = [];
  private readonly egress: Record<string, any>[] = [];
  private catchAll?: Record<string, any>;
  private readonly outboundTrafficPolicy?: Record<string, any>;
  private readonly inboundConnectionPool?: Record<string, any>;

  protected get kind() {
    return 'Sidecar';
  }

  constructor(scope: Construct, id: string, props: SidecarProps = {}) {
    super(scope, id);
    this.apiObject = new networking.Sidecar(this, 'Resource', {
      metadata: props.metadata,
      spec: Lazy.any({ produce: () => this._toSpec() }),
    });
    this.props = props;
    this.outboundTrafficPolicy = this.renderOutboundTrafficPolicy(props.outboundTrafficPolicy, props.egressProxy);
    this.inboundConnectionPool = renderConnectionPool(props.inboundConnectionPool, 'inboundConnectionPool', message => this._error(message));
    for (const listener of props.ingress ?? []) this.addIngressListener(listener);
    for (const listener of props.egress ?? []) this.addEgressListener(listener);
  }

  /**
   * Adds an inbound listener.
   * @returns the listener added
   */
  public addIngressListener(options: SidecarIngressListenerOptions): SidecarIngressListenerOptions {
    const path = FieldPath.at('ingress').index(this.ingress.length);
    const field = path.toString();
    const fail = (message: string) => this._error(message);
    if (!options.port) throw this._error(`${field}.port is required: the port the listener accepts traffic on`);
    const port = renderServerPort(options.port, { field: `${field}.port`, dns1123Name: true }, fail);
    if (this.ingress.some(l => l.port.number === port.number)) {
      throw this._error(`${field}: port ${port.number} already has an ingress listener; each port gets one listener`);
    }
    const listener = compact({
      port,
      bind: options.bind,
      captureMode: options.captureMode,
      defaultEndpoint: options.defaultEndpoint,
      tls: options.tls && renderServerTls(options.tls, path.child('tls'), fail),
      connectionPool: renderConnectionPool(options.connectionPool, `${field}.connectionPool`, fail),
    })!;
    // The webhook's checks of a listener (bind, default endpoint, what TLS a sidecar supports), run now.
    const checkedAt = FieldPath.at('spec', 'ingress');
    this.throwFirstError(findings => validateIngress(checkedAt, findings, [listener]), checkedAt.index(0), path);
    this.ingress.push(listener);
    return options;
  }

  /**
   * Adds an outbound listener. A listener without a port is the catch-all (one per Sidecar, rendered last).
   * @returns the listener added
   */
  public addEgressListener(options: SidecarEgressListenerOptions): SidecarEgressListenerOptions {
    const path = FieldPath.at('egress').index(this.egress.length + (this.catchAll ? 1 : 0));
    const field = path.toString();
    const fail = (message: string) => this._error(message);
    const hosts = options.hosts ?? [];
    if (hosts.length === 0) {
      throw this._error(`${field}.hosts must list at least one host; e.g. SidecarEgressHost.currentNamespace() for the Sidecar's namespace`);
    }
    const port = options.port && renderServerPort(options.port, { field: `${field}.port`, allowZero: true, dns1123Name: true }, fail);
    if (!port && this.catchAll) {
      throw this._error(`${field}: a Sidecar has one egress listener without a port (the catch-all), and it has one already; give this listener a port`);
    }
    if (port && port.number !== 0 && this.egress.some(l => l.port.number === port.number)) {
      throw this._error(`${field}: port ${port.number} already has an egress listener; each port gets one listener`);
    }
    if (port && port.number === 0 && this.egress.some(l => l.port.number === 0 && l.bind === options.bind)) {
      throw this._error(`${field}: the unix domain socket ${shown(options.bind)} already has an egress listener; each socket gets one listener`);
    }
    const listener = compact({
      port,
      bind: options.bind,
      captureMode: options.captureMode,
      hosts: hosts.map(h => h.value),
    })!;
    // The webhook's checks of a listener (bind and capture mode for its port, hosts), run now.
    const checkedAt = FieldPath.at('spec', 'egress');
    this.throwFirstError(findings => validateEgress(checkedAt, findings, [listener], this.namespace ?? ''), checkedAt.index(0), path);
    for (const host of hosts) this._refersTo(host._reference());
    if (port) this.egress.push(listener);
    else this.catchAll = listener;
    return options;
  }

  private renderOutboundTrafficPolicy(
    mode: OutboundTrafficPolicyMode | undefined,
    proxy: SidecarEgressProxy | undefined,
  ): Record<string, any> | undefined {
    if (!proxy) return mode ? { mode } : undefined;
    if (!proxy.host || typeof proxy.host.hostName !== 'string') {
      throw this._error('egressProxy.host is required: the proxy\'s host, e.g. Host.fromService(\'egress-gateway\', \'istio-system\')');
    }
    if (proxy.subset && proxy.subset.host.hostName !== proxy.host.hostName) {
      throw this._error(`egressProxy names the host ${shown(proxy.host.hostName)} and the subset ${shown(proxy.subset.subsetName)} `
        + `of another host, ${shown(proxy.subset.host.hostName)}; give the subset's host`);
    }
    const policy = {
      mode: mode ?? OutboundTrafficPolicyMode.ALLOW_ANY,
      egressProxy: compact({
        host: proxy.host.hostName,
        subset: proxy.subset?.subsetName,
        port: { number: proxy.port },
      }),
    };
    // The webhook's rules (ALLOW_ANY only, an FQDN host, a port), run now.
    const checkedAt = FieldPath.at('spec', 'outboundTrafficPolicy');
    this.throwFirstError(findings => validateOutboundTrafficPolicy(checkedAt, findings, policy), checkedAt, FieldPath.at('outboundTrafficPolicy'),
      mode === OutboundTrafficPolicyMode.REGISTRY_ONLY ? '; leave outboundTrafficPolicy out (or ALLOW_ANY) with an egressProxy, or drop the egressProxy' : '');
    this._refersTo(proxy.host);
    this._refersTo(proxy.subset);
    return policy;
  }

  /** Runs one of the engine's checks and throws its first error, its printed path rewritten from `from` to `to`. */
  /** Runs an engine check on a fragment checked at `from`; its first error is thrown at `to`, the fragment's place in the props. */
  private throwFirstError(check: (findings: Findings) => void, from: FieldPath, to: FieldPath, fix = ''): void {
    const error = firstEngineError(check);
    if (error) throw this._error(`${error.path.rebase(from, to)}: ${error.message}${fix}`);
  }

  /** @internal */
  public _toSpec(): networking.SidecarSpec {
    const labels = nonEmptyMap(this.props.workloadSelector);
    return compact({
      workloadSelector: labels ? { labels } : undefined,
      ingress: nonEmpty(this.ingress),
      egress: nonEmpty(this.catchAll ? [...this.egress, this.catchAll] : this.egress),
      inboundConnectionPool: this.inboundConnectionPool,
      outboundTrafficPolicy: this.outboundTrafficPolicy,
    }) as networking.SidecarSpec;
  }
}
