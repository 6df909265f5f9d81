import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { firstEngineError } from './core/engine-check';
import { factoryError, shown } from './core/errors';
import { ExternalKind, markExternal } from './core/external';
import { MESH_GATEWAY } from './core/gateway-reference';
import { compact, nonEmpty, nonEmptyMap } from './core/render';
import { RenderedPort, renderServerPort } from './core/render-port';
import { renderServerTls } from './core/render-server-tls';
import * as networking from './imports/networking.istio.io';
import { Protocol, ServerPort } from './port';
import { IGateway } from './references';
import { IstioResource, IstioResourceProps } from './resource';
import { ServerTlsMode, ServerTlsSettings } from './server-tls';
import { FieldPath } from './validation/field-path';
import { checkGatewayName } from './validation/webhook/common/gateway-names';
import { checkNamespaceSlashWildcardHostname, isDNS1123Label, UNIX_PREFIX } from './validation/webhook/common/hosts';
import { validateServer } from './validation/webhook/gateway/server';

/** A server of a Gateway: a port, the hosts exposed on it and, for HTTPS and TLS, its TLS settings. */
export interface GatewayServerOptions {
  /** The port the gateway listens on; a port name is generated when it has none (`https-443`). */
  readonly port: ServerPort;

  /**
   * The hosts exposed on the port, as `[namespace/]dnsName`: `example.com`, `*.example.com`, `*`;
   * with a namespace, only VirtualServices of that namespace may bind to the host: `shop/example.com`,
   * `./example.com` (the Gateway's namespace); the namespace `*` (any namespace, the default) is also
   * accepted.
   */
  readonly hosts: string[];

  /**
   * TLS settings: required for protocols HTTPS and TLS; on an HTTP server only `httpsRedirect`.
   * @default - none (see `ServerTlsSettings` for the defaults applied when set)
   */
  readonly tls?: ServerTlsSettings;

  /**
   * The IP address or unix domain socket (`unix:///path`, with port number 0) to listen on.
   * @default - every address of the gateway workload
   */
  readonly bind?: string;

  /**
   * The loopback endpoint (`127.0.0.1:8080`) or unix socket (`unix:///path`) traffic is forwarded to
   * by default.
   * @default - none: traffic is routed by the VirtualServices bound to the gateway
   */
  readonly defaultEndpoint?: string;

  /**
   * A name for the server, unique within the Gateway (shown in metrics and used by some tools).
   * @default - none
   */
  readonly name?: string;
}

/** Options of `Gateway.addHttpServer()`. */
export interface HttpServerOptions {
  /** The hosts exposed, as `[namespace/]dnsName` (see `GatewayServerOptions.hosts`). */
  readonly hosts: string[];

  /**
   * The port number.
   * @default 80
   */
  readonly port?: number;

  /**
   * The port's name.
   * @default - `http-<port>`, made unique within the Gateway
   */
  readonly portName?: string;

  /**
   * Answer every request with a 301 redirect to HTTPS.
   * @default - true when the Gateway has an HTTPS server (decided at synth, whatever the order of the
   * calls), false otherwise (a redirect to a port nobody serves would break the host)
   */
  readonly httpsRedirect?: boolean;

  /**
   * A name for the server, unique within the Gateway.
   * @default - none
   */
  readonly name?: string;
}

/** Options of `Gateway.addHttpsServer()`. */
export interface HttpsServerOptions {
  /** The hosts exposed, as `[namespace/]dnsName` (see `GatewayServerOptions.hosts`). */
  readonly hosts: string[];

  /**
   * The Kubernetes Secret with the certificate (`tls.crt`, `tls.key`; `ca.crt` for MUTUAL), in the
   * namespace of the gateway workload. Shorthand for `tls.credentialName`.
   * @default - none: `tls` must name a certificate source
   */
  readonly credentialName?: string;

  /**
   * TLS settings beyond the credential (mode, versions, ciphers, client verification).
   * @default - mode SIMPLE, minimum TLS 1.2 (see `ServerTlsSettings`)
   */
  readonly tls?: ServerTlsSettings;

  /**
   * The port number.
   * @default 443
   */
  readonly port?: number;

  /**
   * The port's name.
   * @default - `https-<port>`, made unique within the Gateway
   */
  readonly portName?: string;

  /**
   * A name for the server, unique within the Gateway.
   * @default - none
   */
  readonly name?: string;
}

/** Props of a `Gateway`. */
export interface GatewayProps extends IstioResourceProps {
  /**
   * Labels of the gateway workloads (pods) that take this configuration. `{}` renders no selector:
   * every gateway workload then takes it.
   * @default { istio: 'ingressgateway' } — Istio's default ingress gateway, so a Gateway never
   * configures every gateway workload of the mesh by accident
   */
  readonly selector?: { [key: string]: string };

  /**
   * The servers, as `addServer()` adds them.
   * @default - none; add them with `addServer()`, `addHttpServer()`, `addHttpsServer()`
   */
  readonly servers?: GatewayServerOptions[];
}

/** A server as stored: its YAML, and whether its httpsRedirect is decided at synth. */
interface ServerEntry {
  readonly server: networking.GatewaySpecServers;
  readonly redirectUnlessHttpsAbsent: boolean;
}

/** Hints for Istio's server messages, keyed by their start. */
const SERVER_FIXES: [RegExp, string][] = [
  [/^server must have TLS settings/, 'set tls (e.g. { credentialName } to terminate TLS, { mode: PASSTHROUGH } to forward it), or use addHttpsServer()'],
  [/^server cannot have TLS settings for non HTTPS\/TLS ports/, 'remove tls, or use protocol HTTPS or TLS'],
  [/^server cannot have TLS settings for plain text HTTP ports/, 'an HTTP server takes only tls.httpsRedirect; use protocol HTTPS to terminate TLS'],
  [/^port number must be 0 for unix domain socket/, 'set port.number to 0 with a unix:// bind'],
];

/**
 * An Istio Gateway: a load balancer at the edge of the mesh (an ingress or egress gateway workload)
 * and the ports, hosts and TLS settings it serves.
 *
 * A Gateway only opens ports; VirtualServices bound to it (`gateways: [gateway]`) route what arrives.
 * A VirtualService whose `gateways` lists a gateway but not `Gateway.MESH` applies only at that
 * gateway: its routes no longer apply to traffic between sidecars inside the mesh. List both to route
 * at the edge and inside the mesh.
 *
 * Secure defaults: TLS servers accept TLS 1.2 and above unless told otherwise; an HTTP server added
 * with `addHttpServer()` redirects to HTTPS when the Gateway also has an HTTPS server.
 *
 * @example
 * const gateway = new Gateway(chart, 'Public', { metadata: { namespace: 'istio-system' } });
 * gateway.addHttpsServer({ hosts: ['shop.example.com'], credentialName: 'shop-example-com' });
 * gateway.addHttpServer({ hosts: ['shop.example.com'] }); // redirects to HTTPS
 */
export class Gateway extends IstioResource implements IGateway {
  /** The sidecars of the mesh, as a gateway a VirtualService binds to (`mesh`). */
  public static readonly MESH: IGateway = MESH_GATEWAY;

  /**
   * A Gateway the app does not own, e.g. the shared ingress gateway in `istio-system`: it is not
   * emitted, and the analysis counts it as present.
   *
   * @param scope the scope of the import
   * @param id the import's id
   * @param gatewayName `namespace/name`, or `name` for a Gateway in the namespace of the objects that refer to it
   */
  public static fromGatewayName(scope: Construct, id: string, gatewayName: string): IGateway {
    const slash = typeof gatewayName === 'string' ? gatewayName.indexOf('/') : -1;
    const namespace = slash < 0 ? undefined : gatewayName.slice(0, slash);
    const name = slash < 0 ? gatewayName : gatewayName.slice(slash + 1);
    const wanted = "write 'namespace/name' (e.g. 'istio-system/public') or 'name'";
    if (typeof name !== 'string' || name === 'mesh') {
      throw factoryError('Gateway.fromGatewayName()', `${shown(gatewayName)} is not a Gateway; use Gateway.MESH for the sidecars of the mesh`);
    }
    if (checkGatewayName(name, false) !== undefined) {
      throw factoryError('Gateway.fromGatewayName()', `the gateway name must be a DNS-1123 label (letters, digits, '-'), got ${shown(name)}; ${wanted}`);
    }
    if (namespace !== undefined && !isDNS1123Label(namespace)) {
      throw factoryError('Gateway.fromGatewayName()', `the namespace must be a DNS-1123 label, got ${shown(namespace)}; ${wanted}`);
    }
    return new ImportedGateway(scope, id, name, namespace);
  }

  public readonly apiObject: ApiObject;
  private readonly selector?: { [key: string]: string };
  private readonly servers: ServerEntry[] = [];

  protected get kind() {
    return 'Gateway';
  }

  constructor(scope: Construct, id: string, props: GatewayProps = {}) {
    super(scope, id);
    this.apiObject = new networking.Gateway(this, 'Resource', {
      metadata: props.metadata,
      spec: Lazy.any({ produce: () => this._toSpec() }),
    });
    const name = props.metadata?.name;
    if (name !== undefined && checkGatewayName(name, false) !== undefined) {
      throw this._error(`metadata.name must be a DNS-1123 label (VirtualServices refer to it as namespace/name), got ${shown(name)}; `
        + "use lowercase letters, digits and '-', no dots");
    }
    this.selector = props.selector ?? { istio: 'ingressgateway' };
    for (const server of props.servers ?? []) this.addServer(server);
  }

  /** The Gateway's name, as VirtualServices refer to it. */
  public get gatewayName(): string {
    return this.name;
  }

  /**
   * The Gateway's namespace.
   * @default - none: the namespace it is applied to
   */
  public get gatewayNamespace(): string | undefined {
    return this.namespace;
  }

  /**
   * Adds a server. Throws at once for a server wrong on its own (port, hosts, bind, TLS settings, a
   * port or server name another server of this Gateway already uses).
   * @returns the server as added, with its port name
   */
  public addServer(options: GatewayServerOptions): GatewayServerOptions {
    return this.add(options, false);
  }

  /**
   * Adds a plain HTTP server (port 80 unless told otherwise) that redirects to HTTPS when the Gateway
   * also has an HTTPS server, unless `httpsRedirect` says otherwise.
   * @returns the server as added, with its port name
   */
  public addHttpServer(options: HttpServerOptions): GatewayServerOptions {
    const tls: ServerTlsSettings | undefined = options.httpsRedirect === undefined ? undefined : { httpsRedirect: options.httpsRedirect };
    return this.add({
      port: { number: options.port ?? 80, protocol: Protocol.HTTP, name: options.portName },
      hosts: options.hosts,
      name: options.name,
      tls,
    }, options.httpsRedirect === undefined);
  }

  /**
   * Adds an HTTPS server (port 443 unless told otherwise) that terminates TLS: mode SIMPLE unless
   * `tls.mode` says otherwise, TLS 1.2 minimum, the certificate from `credentialName` (or `tls`).
   * @returns the server as added, with its port name
   */
  public addHttpsServer(options: HttpsServerOptions): GatewayServerOptions {
    const given = options.tls?.credentialName;
    if (options.credentialName !== undefined && given !== undefined && given !== options.credentialName) {
      throw this._error(`credentialName ${shown(options.credentialName)} and tls.credentialName ${shown(given)} disagree; set one of them`);
    }
    return this.add({
      port: { number: options.port ?? 443, protocol: Protocol.HTTPS, name: options.portName },
      hosts: options.hosts,
      name: options.name,
      tls: { ...options.tls, mode: options.tls?.mode ?? ServerTlsMode.SIMPLE, credentialName: options.credentialName ?? given },
    }, false);
  }

  private add(options: GatewayServerOptions, redirectUnlessHttpsAbsent: boolean): GatewayServerOptions {
    const path = FieldPath.at('servers').index(this.servers.length);
    const field = path.toString();
    const fail = (message: string) => this._error(message);
    const bind = options.bind;
    const port = renderServerPort(options.port, {
      field: `${field}.port`,
      allowZero: bind?.startsWith(UNIX_PREFIX),
      defaultName: true,
      taken: name => this.servers.some(s => s.server.port.name === name),
    }, fail);
    this.checkHosts(options.hosts, field);
    const tls = options.tls ? renderServerTls(options.tls, path.child('tls'), fail) : undefined;
    const server = compact({
      port: port as RenderedPort as networking.GatewaySpecServersPort,
      hosts: [...options.hosts],
      bind,
      defaultEndpoint: options.defaultEndpoint,
      name: options.name,
      tls: tls as networking.GatewaySpecServersTls | undefined,
    }) as networking.GatewaySpecServers;

    // Istio's own checks of one server (bind, TLS settings for the protocol), with a hint where we have one.
    const error = firstEngineError(findings => validateServer(FieldPath.at('servers').index(this.servers.length), findings, server, false));
    if (error) {
      const fix = SERVER_FIXES.find(([pattern]) => pattern.test(error.message))?.[1];
      throw this._error(`${error.path.toString()}: ${error.message}${fix ? `; ${fix}` : ''}`);
    }

    const index = this.servers.findIndex(s => s.server.port.name === port.name);
    if (index >= 0) {
      throw this._error(`${field}.port.name ${shown(port.name)} is already used by servers[${index}]; port names must be unique within a Gateway`);
    }
    const named = options.name === undefined ? -1 : this.servers.findIndex(s => s.server.name === options.name);
    if (named >= 0) {
      throw this._error(`${field}.name ${shown(options.name)} is already used by servers[${named}]; server names must be unique within a Gateway`);
    }
    this.servers.push({ server, redirectUnlessHttpsAbsent });
    return { ...options, port: { ...options.port, name: port.name } };
  }

  private checkHosts(hosts: readonly string[], field: string): void {
    if (!Array.isArray(hosts) || hosts.length === 0) {
      throw this._error(`${field}.hosts must not be empty; list the hosts this server exposes, e.g. 'example.com', 'shop/*.example.com' or '*'`);
    }
    hosts.forEach((host, i) => {
      const problems = typeof host === 'string' ? checkNamespaceSlashWildcardHostname(host, true, false) : ['not a string'];
      if (problems.length > 0) {
        throw this._error(`${field}.hosts[${i}] ${shown(host)}: ${problems[0]}; write [namespace/]dnsName with a fully qualified `
          + "dnsName ('example.com', '*.example.com', '*') and a namespace, '.' or '*' before the '/'");
      }
    });
  }

  /** @internal */
  public _toSpec(): networking.GatewaySpec {
    const hasHttps = this.servers.some(s => s.server.port.protocol === Protocol.HTTPS);
    return compact({
      selector: nonEmptyMap(this.selector),
      servers: nonEmpty(this.servers.map(({ server, redirectUnlessHttpsAbsent }) =>
        redirectUnlessHttpsAbsent && hasHttps ? { ...server, tls: { httpsRedirect: true } } : server)),
    }) as networking.GatewaySpec;
  }
}

/** A Gateway the app refers to but does not own (`Gateway.fromGatewayName()`). */
class ImportedGateway extends Construct implements IGateway {
  constructor(scope: Construct, id: string, public readonly gatewayName: string, public readonly gatewayNamespace?: string) {
    super(scope, id);
    markExternal(this, { kind: ExternalKind.GATEWAY, ref: gatewayNamespace ? `${gatewayNamespace}/${gatewayName}` : gatewayName });
  }
}
