import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { firstEngineError } from './core/engine-check';
import { factoryError, shown } from './core/errors';
import { ExternalKind, markExternal } from './core/external';
import { gatewayReference } from './core/gateway-reference';
import { compact, nonEmpty } from './core/render';
import { IHost } from './host';
import { HttpRoute, HttpRouteOptions } from './http-route';
import * as networking from './imports/networking.istio.io';
import { IGateway, IVirtualServiceRef } from './references';
import { IstioResource, IstioResourceProps } from './resource';
import { TcpRoute, TcpRouteOptions } from './tcp-route';
import { TlsRoute, TlsRouteOptions } from './tls-route';
import { FieldPath } from './validation/field-path';
import { Findings } from './validation/findings';
import { validateExportTo } from './validation/webhook/common/export-to';
import { isDNS1123Label } from './validation/webhook/common/hosts';
import { validateHttpRoute } from './validation/webhook/virtual-service/http-route';
import { validateTcpRoute, validateTlsRoute } from './validation/webhook/virtual-service/tcp-tls-route';

/** Props of a VirtualService. */
export interface VirtualServiceProps extends IstioResourceProps {
  /**
   * The hosts whose traffic these routes apply to: Services (`Host.fromService('reviews', 'shop')`),
   * external names, or, on a gateway, the names clients use (`Host.fromName('shop.example.com')`).
   * @default - none: a delegate VirtualService, used only through another one's `delegate`
   */
  readonly hosts?: IHost[];

  /**
   * The gateways whose traffic these routes apply to; `Gateway.MESH` for the sidecars of the mesh.
   * @default - the sidecars of the mesh only
   */
  readonly gateways?: IGateway[];

  /**
   * The namespaces that see this VirtualService: `.` for its own, `*` for all, or namespace names.
   * @default - all namespaces (or the mesh's defaultVirtualServiceExportTo)
   */
  readonly exportTo?: string[];

  /**
   * HTTP routes, tried in order (`addHttpRoute()` appends more).
   * @default - none
   */
  readonly http?: HttpRouteOptions[];

  /**
   * Routes for opaque TCP traffic (`addTcpRoute()` appends more).
   * @default - none
   */
  readonly tcp?: TcpRouteOptions[];

  /**
   * Routes for TLS traffic passed through by SNI (`addTlsRoute()` appends more).
   * @default - none
   */
  readonly tls?: TlsRouteOptions[];
}

/**
 * Istio's VirtualService: how requests to a set of hosts are routed — by path, header or caller to
 * weighted destinations, with retries, timeouts, faults, mirrors, redirects and rewrites.
 *
 * Routes are tried in the order they are added. Every gateway, host, subset and delegate a route
 * names is recorded: an object of the app is applied before this one, an import is declared to
 * the analysis (so it is not reported as missing).
 *
 * @example
 * const reviews = Host.fromService('reviews', 'shop');
 * const routes = new VirtualService(chart, 'Reviews', { hosts: [reviews] });
 * routes.addHttpRoute({
 *   match: [{ headers: { 'x-beta': StringMatch.exact('on') } }],
 *   route: [{ subset: v2 }],
 * });
 * routes.addHttpRoute({ route: [{ subset: v1, weight: 90 }, { subset: v2, weight: 10 }], timeout: Duration.seconds(5) });
 */
export class VirtualService extends IstioResource implements IVirtualServiceRef {
  /**
   * A VirtualService the app does not declare, to delegate to: `name` (in the namespace of the
   * VirtualService that delegates) or `namespace/name`.
   *
   * @param scope the scope of the import
   * @param id the import's id
   * @param virtualServiceName `name` or `namespace/name`
   */
  public static fromVirtualServiceName(scope: Construct, id: string, virtualServiceName: string): IVirtualServiceRef {
    const parts = typeof virtualServiceName === 'string' ? virtualServiceName.split('/') : [];
    const [namespace, name] = parts.length === 2 ? parts : [undefined, parts[0]];
    const valid = parts.length >= 1 && parts.length <= 2 && /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name ?? '')
      && (namespace === undefined || isDNS1123Label(namespace));
    if (!valid) {
      throw factoryError('VirtualService.fromVirtualServiceName()', `expected 'name' or 'namespace/name' (DNS-1123 names), got ${shown(virtualServiceName)}`);
    }
    const ref = new ImportedVirtualService(scope, id, name!, namespace);
    markExternal(ref, { kind: ExternalKind.VIRTUAL_SERVICE, ref: virtualServiceName });
    return ref;
  }

  public readonly apiObject: ApiObject;

  private readonly hosts: readonly IHost[];
  private readonly gateways: readonly IGateway[];
  private readonly exportTo?: readonly string[];
  private readonly httpRoutes: HttpRoute[] = [];
  private readonly tcpRoutes: TcpRoute[] = [];
  private readonly tlsRoutes: TlsRoute[] = [];

  constructor(scope: Construct, id: string, props: VirtualServiceProps = {}) {
    super(scope, id);
    this.apiObject = new networking.VirtualService(this, 'Resource', {
      metadata: props.metadata,
      spec: Lazy.any({ produce: () => this._toSpec() }),
    });
    this.hosts = [...(props.hosts ?? [])];
    this.gateways = [...(props.gateways ?? [])];
    this.exportTo = props.exportTo;

    const seen = new Set<string>();
    for (const host of this.hosts) {
      if (seen.has(host.hostName)) throw this._error(`hosts lists ${shown(host.hostName)} twice; give each host once`);
      seen.add(host.hostName);
      this._refersTo(host);
    }
    if (this.hosts.length === 0 && this.gateways.length > 0) {
      throw this._error('has gateways but no hosts: a VirtualService without hosts is a delegate, which takes the gateways of the '
        + 'VirtualService delegating to it; give the hosts, or leave the gateways out');
    }
    this.gateways.forEach(gateway => this._refersTo(gateway));
    if (props.exportTo) {
      const error = firstEngineError(findings => validateExportTo(FieldPath.at('exportTo'), findings, this.namespace ?? '', props.exportTo));
      if (error) throw this._error(`${error.path.toString()}: ${error.message}, got ${shown(props.exportTo)}`);
    }

    for (const route of props.http ?? []) this.addHttpRoute(route);
    for (const route of props.tcp ?? []) this.addTcpRoute(route);
    for (const route of props.tls ?? []) this.addTlsRoute(route);
  }

  /** The VirtualService's name, for delegation. */
  public get virtualServiceName(): string {
    return this.name;
  }

  /**
   * The VirtualService's namespace, for delegation.
   * @default - none: the namespace it is applied to
   */
  public get virtualServiceNamespace(): string | undefined {
    return this.namespace;
  }

  protected get kind(): string {
    return 'VirtualService';
  }

  /**
   * Appends an HTTP route (tried after the routes before it). Input Istio would reject is refused here.
   *
   * @example vs.addHttpRoute({ route: [{ subset: v1, weight: 90 }, { subset: v2, weight: 10 }] })
   */
  public addHttpRoute(options: HttpRouteOptions): HttpRoute {
    const route = HttpRoute._create(options);
    const where = `http[${this.httpRoutes.length}]`;
    const rendered = route._toIstioKept(this.namespace, message => this._error(message), where);
    this.webhookCheck(findings => validateHttpRoute(FieldPath.at('http').index(this.httpRoutes.length), findings, rendered, this.hosts.length === 0, false));
    route._references().forEach(reference => this._refersTo(reference));
    this.httpRoutes.push(route);
    return route;
  }

  /**
   * Appends a route for opaque TCP traffic.
   *
   * @example vs.addTcpRoute({ match: [{ port: 5432 }], route: [{ host: Host.fromName('postgres') }] })
   */
  public addTcpRoute(options: TcpRouteOptions): TcpRoute {
    this.requireHosts('tcp');
    const route = TcpRoute._create(options);
    const where = `tcp[${this.tcpRoutes.length}]`;
    const rendered = route._toIstio(this.namespace, message => this._error(message), where);
    this.webhookCheck(findings => validateTcpRoute(FieldPath.at('tcp').index(this.tcpRoutes.length), findings, rendered, false));
    route._references().forEach(reference => this._refersTo(reference));
    this.tcpRoutes.push(route);
    return route;
  }

  /**
   * Appends a route for TLS traffic passed through by SNI; each SNI name must be covered by one of the
   * VirtualService's hosts.
   *
   * @example vs.addTlsRoute({ match: [{ sniHosts: ['login.example.com'] }], route: [{ host: Host.fromName('login') }] })
   */
  public addTlsRoute(options: TlsRouteOptions): TlsRoute {
    this.requireHosts('tls');
    const route = TlsRoute._create(options);
    const where = `tls[${this.tlsRoutes.length}]`;
    const rendered = route._toIstio(this.namespace, message => this._error(message), where);
    const context = { hosts: this.hosts.map(h => h.hostName), gateways: this.renderGateways() ?? [], gatewaySemantics: false };
    this.webhookCheck(findings => validateTlsRoute(FieldPath.at('tls').index(this.tlsRoutes.length), findings, rendered, context));
    route._references().forEach(reference => this._refersTo(reference));
    this.tlsRoutes.push(route);
    return route;
  }

  /**
   * The spec, rendered at synth.
   * @internal
   */
  public _toSpec(): networking.VirtualServiceSpec {
    const fail = (message: string) => this._error(message);
    return compact({
      hosts: nonEmpty(this.hosts.map(h => h.hostName)),
      gateways: this.renderGateways(),
      exportTo: nonEmpty(this.exportTo),
      http: nonEmpty(this.httpRoutes.map((r, i) => r._toIstio(this.namespace, fail, `http[${i}]`))),
      tcp: nonEmpty(this.tcpRoutes.map((r, i) => r._toIstio(this.namespace, fail, `tcp[${i}]`))),
      tls: nonEmpty(this.tlsRoutes.map((r, i) => r._toIstio(this.namespace, fail, `tls[${i}]`))),
    }) as networking.VirtualServiceSpec;
  }

  private renderGateways(): string[] | undefined {
    return nonEmpty(this.gateways.map(g => gatewayReference(g, this.namespace)));
  }

  private requireHosts(section: string): void {
    if (this.hosts.length === 0) {
      throw this._error(`a VirtualService without hosts is a delegate, which holds HTTP routes only; give the hosts to add a ${section} route`);
    }
  }

  /** Runs one of the webhook's route checks on a rendered route; its first error is thrown now, not at synth. */
  private webhookCheck(check: (findings: Findings) => void): void {
    const error = firstEngineError(check);
    if (error) throw this._error(`${error.path.toString()}: ${error.message} (Istio's webhook rejects this)`);
  }
}

/** An imported VirtualService: a construct, so it shows in the tree where it is declared. */
class ImportedVirtualService extends Construct implements IVirtualServiceRef {
  constructor(scope: Construct, id: string, public readonly virtualServiceName: string, public readonly virtualServiceNamespace?: string) {
    super(scope, id);
  }
}
