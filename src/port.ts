/**
 * Ports and protocols: what a Gateway server, a Sidecar listener or a ServiceEntry listens on.
 *
 * Two structs, one per shape Istio uses, so each kind takes only the fields it has:
 * `ServerPort` (Gateway servers, Sidecar listeners: no `targetPort`, Istio rejects it on a Gateway)
 * and `ServicePort` (ServiceEntry ports: protocol optional, `targetPort` allowed).
 */

/**
 * The protocols Istio knows (istio/pkg/config/protocol), as written in YAML. Istio reads them in any
 * case; they are rendered as below.
 */
export enum Protocol {
  /** HTTP/1.1 (and HTTP/2 with prior knowledge on a sidecar). */
  HTTP = 'HTTP',
  /** HTTPS: TLS carrying HTTP. On a Gateway server it needs `tls` settings. */
  HTTPS = 'HTTPS',
  /** HTTP/2. */
  HTTP2 = 'HTTP2',
  /** gRPC. */
  GRPC = 'GRPC',
  /** gRPC-Web. */
  GRPC_WEB = 'GRPC-WEB',
  /** An HTTP proxy (Sidecar egress listeners that act as a forward proxy). */
  HTTP_PROXY = 'HTTP_PROXY',
  /** Opaque TCP. */
  TCP = 'TCP',
  /** TLS, routed by SNI (on a Gateway server it needs `tls` settings, usually PASSTHROUGH). */
  TLS = 'TLS',
  /** UDP (Istio does not proxy UDP; the port is declared only). */
  UDP = 'UDP',
  /** MongoDB (treated as TCP). */
  MONGO = 'MONGO',
  /** Redis (treated as TCP unless the Redis filter is enabled). */
  REDIS = 'REDIS',
  /** MySQL (treated as TCP). */
  MYSQL = 'MYSQL',
}

/**
 * The port of a Gateway server or of a Sidecar listener.
 *
 * A Gateway requires a port name: when `name` is left out, the Gateway renders
 * `<protocol>-<number>` in lowercase (`https-443`, `grpc-web-8080`, `http-proxy-3128`), adding
 * `-2`, `-3`, ... when another server of the same Gateway already uses that name. A name you give
 * is never changed.
 */
export interface ServerPort {
  /**
   * The port number, 1 to 65535 (0 only for a listener bound to a unix domain socket).
   */
  readonly number: number;

  /** The protocol exposed on the port. */
  readonly protocol: Protocol;

  /**
   * The port's name.
   * @default - on a Gateway `<protocol>-<number>` (e.g. `https-443`), made unique within the Gateway;
   * elsewhere as the kind decides
   */
  readonly name?: string;
}

/**
 * A port of a ServiceEntry: number, protocol, name and the port on the endpoints.
 *
 * ServiceEntry ports need a name: when `name` is left out, `<protocol>-<number>` in lowercase is
 * rendered (`https-443`), or `port-<number>` when no protocol is set. A name you give is never changed.
 */
export interface ServicePort {
  /** The port number, 1 to 65535. */
  readonly number: number;

  /**
   * The protocol exposed on the port.
   * @default - none: Istio detects the protocol (HTTP or TCP) from the traffic
   */
  readonly protocol?: Protocol;

  /**
   * The port's name, a DNS-1123 label.
   * @default - `<protocol>-<number>`, or `port-<number>` without a protocol
   */
  readonly name?: string;

  /**
   * The port on the endpoints that receives the traffic, 1 to 65535.
   * @default - the same as `number`
   */
  readonly targetPort?: number;
}
