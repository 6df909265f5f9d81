import { Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { FaultInjection } from './fault-injection';
import { ResilienceProfile } from './resilience-profile';
import { constructError, shown } from '../core/errors';
import { faultRouteOptions } from '../core/fault-injection-route';
import { serviceHostParts } from '../core/service-host';
import { Gateway } from '../gateway';
import { Host, IHost } from '../host';
import { HttpRoute } from '../http-route';
import { Protocol } from '../port';
import { HttpRewrite } from '../redirect';
import { ServerTlsMode, TlsProtocolVersion } from '../server-tls';
import { StringMatch } from '../string-match';
import { TlsRoute } from '../tls-route';
import { hostSubsetOf } from '../validation/hosts';
import { isDNS1123Label } from '../validation/webhook/common/hosts';
import { VirtualService } from '../virtual-service';

/** A route of a `SecureGateway`: requests for a host and path prefix, forwarded to a service. */
export interface SecureGatewayRouteOptions {
  /**
   * The public host (`shop.example.com`): one of the gateway's `hosts`, or covered by one of its
   * wildcards. The route's VirtualService lives in the namespace the gateway exports that host to.
   */
  readonly host: string;

  /**
   * The path prefix the route takes (`/api`). Routes of a host are tried in the order they are added:
   * add the more specific prefixes first (adding `/api/v1` after `/api` throws, it could never match).
   * @default '/' — every path
   */
  readonly pathPrefix?: string;

  /** The service to forward to: a cdk8s-plus Service (`Host.fromKubeService()`), `Host.fromService()`, an imported host. */
  readonly service: IHost;

  /**
   * The port of the service.
   * @default - the service's only port (give it when the service has several)
   */
  readonly port?: number;

  /**
   * Rewrite the path (the matched prefix is replaced by `rewrite.uri`) or the authority before forwarding.
   * @default - no rewrite
   */
  readonly rewrite?: HttpRewrite;

  /**
   * Timeout and retries of the route.
   * @default - the gateway's `resilience`
   */
  readonly resilience?: ResilienceProfile;

  /**
   * The route's timeout, replacing the profile's (the profile's retries must still fit in it).
   * @default - the profile's timeout
   */
  readonly timeout?: Duration;

  /**
   * Faults injected into this route's traffic: with a `match`, in a route added just before it (same
   * prefix, with the match's conditions); without, on the route itself (by its percentages).
   * @default - none
   */
  readonly faultInjection?: FaultInjection;
}

/** A host whose TLS the gateway passes through to a service, routed by SNI (the service terminates TLS). */
export interface SecureGatewayPassthroughOptions {
  /** The SNI host (`db.example.com`); not one of the gateway's HTTPS hosts. */
  readonly host: string;

  /** The service that terminates TLS. */
  readonly service: IHost;

  /**
   * The TLS port of the service.
   * @default - the service's only port (give it when the service has several)
   */
  readonly port?: number;

  /**
   * Namespace of the host's VirtualService; the gateway exports the host to it alone (`namespace/host`).
   * @default - the service's namespace (from `name.namespace.svc.<domain>`); required when the service's
   * host does not name one
   */
  readonly namespace?: string;
}

/** Props of a `SecureGateway`. */
export interface SecureGatewayProps {
  /**
   * The Kubernetes Secret with the certificate of every HTTPS host (`tls.crt`, `tls.key`; `ca.crt` too
   * for MUTUAL), in the namespace of the gateway workload. Never defaulted.
   */
  readonly credentialName: string;

  /**
   * The HTTPS hosts, each with the namespace it is exported to, in the Gateway's `namespace/dnsName`
   * form: `['shop/shop.example.com', 'api/api.example.com']`. Only VirtualServices of that namespace
   * may bind to the host (a VirtualService elsewhere is silently ignored by Istio, so `addRoute()`
   * creates it there); `*` (any namespace) and `.` are refused: name the namespace, so no other team
   * can take over a host.
   *
   * All hosts share one HTTPS server, as they share the certificate: with one server per host, a browser
   * reusing an HTTP/2 connection for another host of the certificate would get 404s.
   */
  readonly hosts: string[];

  /**
   * How HTTPS is terminated: `SIMPLE` (server certificate) or `MUTUAL` (client certificates verified
   * against the Secret's `ca.crt`).
   * @default ServerTlsMode.SIMPLE
   */
  readonly mode?: ServerTlsMode;

  /**
   * The lowest TLS version accepted.
   * @default TlsProtocolVersion.TLSV1_2 — older versions are insecure
   */
  readonly minProtocolVersion?: TlsProtocolVersion;

  /**
   * Open the HTTP port for the HTTPS hosts, answering every request with a 301 redirect to HTTPS.
   * `false` leaves the HTTP port closed (never serves plain HTTP).
   * @default true
   */
  readonly httpsRedirect?: boolean;

  /**
   * The HTTPS (and passthrough) port.
   * @default 443
   */
  readonly httpsPort?: number;

  /**
   * The HTTP port of the redirect.
   * @default 80
   */
  readonly httpPort?: number;

  /**
   * Labels of the gateway workload.
   * @default { istio: 'ingressgateway' } — Istio's default ingress gateway
   */
  readonly selector?: { [key: string]: string };

  /**
   * `metadata.name` of the Gateway.
   * @default - the construct id in lowercase, other characters than letters and digits as '-' (`Public` -> `public`)
   */
  readonly name?: string;

  /**
   * `metadata.namespace` of the Gateway; `credentialName` must be in the gateway workload's namespace.
   * @default 'istio-system' — where Istio installs its ingress gateway
   */
  readonly namespace?: string;

  /**
   * Timeout and retries of every route (a route may give its own). The gateway creates no
   * DestinationRule: outlier detection and connection pool belong to the service (`ResilientService`).
   * @default ResilienceProfile.standard()
   */
  readonly resilience?: ResilienceProfile;

  /**
   * Routes, as `addRoute()` adds them.
   * @default - none
   */
  readonly routes?: SecureGatewayRouteOptions[];

  /**
   * Passthrough hosts, as `addPassthrough()` adds them.
   * @default - none
   */
  readonly passthrough?: SecureGatewayPassthroughOptions[];
}

/** The VirtualService of a public host and the prefixes of its routes so far. */
interface HostRoutes {
  readonly virtualService: VirtualService;
  readonly prefixes: string[];
}

/**
 * An HTTPS ingress gateway: one Gateway with an HTTPS server for its hosts (SIMPLE or MUTUAL, TLS 1.2
 * minimum, one certificate), an HTTP server that redirects to HTTPS, optional TLS passthrough hosts,
 * and a VirtualService per host, created by `addRoute()` in the namespace the Gateway exports the host
 * to and bound to the Gateway (`istio-system/<name>`).
 *
 * The VirtualServices are bound to the Gateway only, not to the mesh: their routes apply at the edge.
 * Their `exportTo` is left open: the gateway workload's namespace may differ from the Gateway's.
 *
 * @example
 * const gateway = new SecureGateway(chart, 'Public', {
 *   credentialName: 'example-com-cert',
 *   hosts: ['shop/shop.example.com'],
 * });
 * gateway.addRoute({ host: 'shop.example.com', pathPrefix: '/', service: Host.fromService('web', 'shop') });
 */
export class SecureGateway extends Construct {
  /** The Gateway. */
  public readonly gateway: Gateway;
  /** The profile of the routes that do not give their own. */
  public readonly resilience: ResilienceProfile;
  private readonly httpsHosts: { namespace: string; dnsName: string }[] = [];
  private readonly routes = new Map<string, HostRoutes>();
  private readonly passthroughHosts = new Map<string, VirtualService>();
  private readonly httpsPort: number;

  constructor(scope: Construct, id: string, props: SecureGatewayProps) {
    super(scope, id);
    const mode = props.mode ?? ServerTlsMode.SIMPLE;
    if (mode !== ServerTlsMode.SIMPLE && mode !== ServerTlsMode.MUTUAL) {
      throw this.error(`mode must be SIMPLE or MUTUAL, got ${shown(mode)}; pass TLS through with addPassthrough()`);
    }
    if (typeof props.credentialName !== 'string' || props.credentialName.trim() === '') {
      throw this.error(`credentialName must name the Secret with the certificate, got ${shown(props.credentialName)}`);
    }
    if (!Array.isArray(props.hosts) || props.hosts.length === 0) {
      throw this.error("hosts must list the HTTPS hosts with their namespace, e.g. ['shop/shop.example.com']");
    }
    for (const host of props.hosts) this.httpsHosts.push(this.parseHost(host));
    this.resilience = props.resilience ?? ResilienceProfile.standard();
    this.httpsPort = props.httpsPort ?? 443;

    this.gateway = new Gateway(this, 'Gateway', {
      metadata: { name: props.name ?? nameFromId(id), namespace: props.namespace ?? 'istio-system' },
      selector: props.selector,
    });
    const hosts = this.httpsHosts.map(h => `${h.namespace}/${h.dnsName}`);
    this.gateway.addHttpsServer({
      hosts,
      port: this.httpsPort,
      credentialName: props.credentialName,
      tls: { mode, minProtocolVersion: props.minProtocolVersion ?? TlsProtocolVersion.TLSV1_2 },
    });
    if (props.httpsRedirect ?? true) this.gateway.addHttpServer({ hosts, port: props.httpPort ?? 80, httpsRedirect: true });

    for (const route of props.routes ?? []) this.addRoute(route);
    for (const passthrough of props.passthrough ?? []) this.addPassthrough(passthrough);
  }

  /**
   * Routes requests for a host and path prefix to a service: creates the host's VirtualService (in the
   * namespace the gateway exports the host to, bound to the gateway) or appends to it.
   * @returns the route added
   */
  public addRoute(options: SecureGatewayRouteOptions): HttpRoute {
    const prefix = options.pathPrefix ?? '/';
    if (typeof prefix !== 'string' || !prefix.startsWith('/')) {
      throw this.error(`pathPrefix must start with '/', got ${shown(prefix)}`);
    }
    const exported = this.exportedHost(options.host);
    let entry = this.routes.get(options.host);
    if (!entry) {
      entry = {
        virtualService: new VirtualService(this, `Routes-${options.host}`, {
          metadata: { name: nameFromHost(options.host), namespace: exported.namespace },
          hosts: [Host.fromName(options.host)],
          gateways: [this.gateway],
        }),
        prefixes: [],
      };
      this.routes.set(options.host, entry);
    }
    const shadowing = entry.prefixes.find(p => prefix.startsWith(p));
    if (shadowing !== undefined) {
      throw this.error(`the route for ${options.host}${prefix} comes after the one for prefix ${shown(shadowing)}, which takes all its `
        + `requests (routes are tried in order); add the more specific prefix ${shown(prefix)} first`);
    }
    let resilience = options.resilience ?? this.resilience;
    if (options.timeout) resilience = resilience.with({ timeout: options.timeout });
    const match = [{ uri: StringMatch.prefix(prefix) }];
    const route = [{ host: options.service, port: options.port }];
    const injection = options.faultInjection ? faultRouteOptions(`SecureGateway '${this.node.path}'`, options.faultInjection) : undefined;
    if ((injection?.match ?? []).some(m => m.uri !== undefined)) {
      throw this.error(`faultInjection.match must not set uri: the route's pathPrefix ${shown(prefix)} applies`);
    }
    // A fault scoped by a match gets its own route just before; one scoped by percentages alone goes on the
    // route itself (a route of its own would take all the route's requests, losing its timeout and retries).
    if (injection?.match) {
      entry.virtualService.addHttpRoute({
        match: injection.match.map(m => ({ ...m, uri: StringMatch.prefix(prefix) })),
        fault: injection.fault,
        route,
        rewrite: options.rewrite,
        timeout: resilience.timeout,
      });
    }
    entry.prefixes.push(prefix);
    return entry.virtualService.addHttpRoute({
      match,
      route,
      rewrite: options.rewrite,
      timeout: resilience.timeout,
      retries: resilience.retries,
      fault: injection?.match ? undefined : injection?.fault,
    });
  }

  /**
   * Passes TLS for a host through to a service, routed by SNI: adds a TLS PASSTHROUGH server for the
   * host (exported to the VirtualService's namespace alone) and a VirtualService with a TLS route.
   * @returns the TLS route added
   */
  public addPassthrough(options: SecureGatewayPassthroughOptions): TlsRoute {
    const namespace = options.namespace ?? serviceHostParts(options.service).namespace;
    if (namespace === undefined) {
      throw this.error(`passthrough host ${shown(options.host)}: the service ${shown(options.service.hostName)} names no namespace; give namespace`);
    }
    if (this.passthroughHosts.has(options.host)) throw this.error(`passthrough host ${shown(options.host)} is added twice`);
    if (this.httpsHosts.some(h => hostSubsetOf(options.host, h.dnsName))) {
      throw this.error(`passthrough host ${shown(options.host)} is also an HTTPS host of the gateway; a host is terminated here or passed through, not both`);
    }
    this.gateway.addServer({
      port: { number: this.httpsPort, protocol: Protocol.TLS },
      hosts: [`${namespace}/${options.host}`],
      tls: { mode: ServerTlsMode.PASSTHROUGH },
    });
    const virtualService = new VirtualService(this, `Passthrough-${options.host}`, {
      metadata: { name: nameFromHost(options.host), namespace },
      hosts: [Host.fromName(options.host)],
      gateways: [this.gateway],
    });
    this.passthroughHosts.set(options.host, virtualService);
    return virtualService.addTlsRoute({ match: [{ sniHosts: [options.host] }], route: [{ host: options.service, port: options.port }] });
  }

  /** The VirtualService of a public host (HTTPS or passthrough), once a route for it was added. */
  public virtualServiceFor(host: string): VirtualService | undefined {
    return this.routes.get(host)?.virtualService ?? this.passthroughHosts.get(host);
  }

  /** The VirtualServices created so far, one per host. */
  public get virtualServices(): VirtualService[] {
    return [...[...this.routes.values()].map(r => r.virtualService), ...this.passthroughHosts.values()];
  }

  private parseHost(host: string): { namespace: string; dnsName: string } {
    const slash = typeof host === 'string' ? host.indexOf('/') : -1;
    const namespace = slash < 0 ? undefined : host.slice(0, slash);
    if (namespace === undefined || !isDNS1123Label(namespace)) {
      throw this.error(`hosts: ${shown(host)} must be 'namespace/dnsName' with the namespace whose VirtualServices may bind to the host `
        + "(e.g. 'shop/shop.example.com'); '*' and '.' are refused so that no other namespace can take the host over");
    }
    return { namespace, dnsName: host.slice(slash + 1) };
  }

  /** The declared host that covers `host` (an exact one before a wildcard, the longest wildcard first). */
  private exportedHost(host: string): { namespace: string; dnsName: string } {
    const covering = this.httpsHosts
      .filter(h => typeof host === 'string' && hostSubsetOf(host, h.dnsName))
      .sort((a, b) => b.dnsName.length - a.dnsName.length);
    if (covering.length === 0) {
      throw this.error(`host ${shown(host)} is not one of the gateway's hosts (${this.httpsHosts.map(h => h.dnsName).join(', ')}); `
        + "add it to hosts as 'namespace/host'");
    }
    return covering[0];
  }

  private error(message: string): Error {
    return constructError('SecureGateway', this, message);
  }
}

/** `Public` -> `public`, `My_Gateway` -> `my-gateway`: a DNS-1123 label from a construct id. */
function nameFromId(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'gateway';
}

/** `shop.example.com` -> `shop-example-com`, `*.example.com` -> `wildcard-example-com`. */
function nameFromHost(host: string): string {
  return host.toLowerCase().replace(/^\*/, 'wildcard').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}
