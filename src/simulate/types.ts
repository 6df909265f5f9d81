/**
 * The request the route simulator takes and the answer it gives (jsii structs: no unions, every
 * optional field documented with what Istio does when it is absent).
 */

/** An HTTP request (or a TCP/TLS connection) as a client or a gateway sends it into the mesh. */
export interface RouteRequest {
  /**
   * The authority (Host header), optionally with `:port`. A short name (`reviews`) is resolved as
   * the client's DNS would: against the source namespace (`reviews.default.svc.cluster.local`).
   */
  readonly host: string;

  /**
   * The destination port.
   * @default - the port in `host`, else 443 for scheme https, else 80
   */
  readonly port?: number;

  /**
   * The HTTP method.
   * @default 'GET'
   */
  readonly method?: string;

  /**
   * The path, with its query string (`/api/reviews?version=beta`).
   * @default '/'
   */
  readonly path?: string;

  /**
   * Request headers; names are case-insensitive. Several values of one header are one string
   * joined with `,` (as Envoy matches them).
   * @default - none
   */
  readonly headers?: { [name: string]: string };

  /**
   * The scheme (`:scheme`).
   * @default 'http'
   */
  readonly scheme?: string;

  /**
   * Labels of the client workload (for `sourceLabels` matches). At a gateway the client is the
   * gateway's own proxy.
   * @default - none in the mesh; the Gateway's `selector` at a gateway
   */
  readonly sourceLabels?: { [name: string]: string };

  /**
   * Namespace of the client workload (for `sourceNamespace`, exportTo and short host names).
   * @default 'default' in the mesh; the Gateway's namespace at a gateway
   */
  readonly sourceNamespace?: string;

  /**
   * Where the request arrives: `mesh` (a sidecar) or a gateway as `namespace/name`.
   * @default 'mesh'
   */
  readonly gateway?: string;

  /**
   * Destination IP address of a TCP/TLS connection (for `destinationSubnets` matches).
   * @default - unknown: rules with destinationSubnets do not match
   */
  readonly destinationAddress?: string;
}

/** Which rule of which VirtualService handles a request. */
export interface RouteRule {
  /** `http`, `tcp` or `tls`. */
  readonly section: string;
  /** Index of the rule in the VirtualService's section (for a delegated route: in the root). */
  readonly index: number;
  /**
   * Name of the rule (a delegated rule is named `<root name>-<delegate name>` as istiod names it).
   * @default - the rule has no name
   */
  readonly name?: string;
  /**
   * Index of the match block that matched (or was tried).
   * @default - the rule has no match blocks
   */
  readonly matchIndex?: number;
  /**
   * The delegate VirtualService (`namespace/name`) the rule comes from.
   * @default - not delegated
   */
  readonly delegate?: string;
  /**
   * Index of the rule in the delegate's `http` list.
   * @default - not delegated
   */
  readonly delegateIndex?: number;
}

/** One destination of the chosen route. */
export interface RoutedDestination {
  /** The destination host as a FQDN (short names resolved against the VirtualService's namespace). */
  readonly host: string;
  /**
   * The DestinationRule subset.
   * @default - no subset: every endpoint of the host
   */
  readonly subset?: string;
  /**
   * The destination port, as istiod picks it: the route's port, else the Service's only port,
   * else the port the request came in on.
   * @default - unknown
   */
  readonly port?: number;
  /** The weight (100 for a single destination; destinations of weight 0 are dropped). */
  readonly weight: number;
}

/** An HTTP redirect answered instead of forwarding. */
export interface RouteRedirect {
  /** @default - the path is kept */
  readonly uri?: string;
  /** @default - the authority is kept */
  readonly authority?: string;
  /** @default - the scheme is kept */
  readonly scheme?: string;
  /** @default - the port is kept */
  readonly port?: number;
  /** The status code (301 unless set). */
  readonly redirectCode: number;
}

/** A response answered by the proxy itself. */
export interface RouteDirectResponse {
  /** The status code. */
  readonly status: number;
  /** @default - no body */
  readonly body?: string;
}

/** The rewrite applied before forwarding. */
export interface RouteRewrite {
  /** @default - no prefix rewrite */
  readonly uri?: string;
  /** @default - no regex rewrite */
  readonly uriRegexMatch?: string;
  /** @default - no regex rewrite */
  readonly uriRegexRewrite?: string;
  /** @default - the authority is kept */
  readonly authority?: string;
  /** The path the destination receives (with the query string). */
  readonly path: string;
}

/** Faults injected by the route. */
export interface RouteFault {
  /** @default - no delay */
  readonly fixedDelay?: string;
  /** @default - no delay, or Envoy's default when the delay has no percentage */
  readonly delayPercent?: number;
  /** @default - no abort */
  readonly abortHttpStatus?: number;
  /** @default - no gRPC abort */
  readonly abortGrpcStatus?: string;
  /** @default - no abort, or Envoy's default when the abort has no percentage */
  readonly abortPercent?: number;
}

/** A copy of the traffic sent to another destination (responses ignored). */
export interface RouteMirror {
  readonly host: string;
  /** @default - no subset */
  readonly subset?: string;
  /** @default - as for destinations */
  readonly port?: number;
  /** Share of the requests mirrored, in percent. */
  readonly percentage: number;
}

/** The retry policy in effect. */
export interface RouteRetries {
  /** Retry attempts (0: retries disabled). */
  readonly attempts: number;
  /** @default - the route's timeout */
  readonly perTryTimeout?: string;
  /** @default - none */
  readonly retryOn?: string;
  /** True when the route sets no retries and the mesh default (2 attempts) applies. */
  readonly meshDefault: boolean;
}

/** One route the simulator tried, in Istio's order, and why it did or did not match. */
export interface RouteConsideration {
  /** The VirtualService, `namespace/name`. */
  readonly virtualService: string;
  readonly route: RouteRule;
  readonly matched: boolean;
  /** `matched`, or the condition that failed. */
  readonly reason: string;
}

/** Where a request goes, and why. */
export interface RouteResult {
  /** True when no VirtualService route handles the request (see `reason` and `fallback`). */
  readonly noRoute: boolean;
  /** The host the request was routed for (FQDN). */
  readonly host: string;
  /** The port the request was routed for. */
  readonly port: number;
  /** `mesh` or `namespace/name` of the gateway. */
  readonly gateway: string;
  /** How the port is routed: `HTTP`, `TCP` or `TLS`. */
  readonly protocol: string;
  /** @default - no route */
  readonly virtualService?: string;
  /** @default - no route */
  readonly route?: RouteRule;
  /** Where the traffic goes (empty for a redirect, a direct response or no route). */
  readonly destinations: RoutedDestination[];
  /** @default - no redirect */
  readonly redirect?: RouteRedirect;
  /** @default - no direct response */
  readonly directResponse?: RouteDirectResponse;
  /** @default - no rewrite */
  readonly rewrite?: RouteRewrite;
  /** @default - no fault */
  readonly fault?: RouteFault;
  /** Mirrors of the traffic. */
  readonly mirrors: RouteMirror[];
  /** @default - no timeout (Istio's default: disabled) */
  readonly timeout?: string;
  /** @default - not an HTTP route */
  readonly retries?: RouteRetries;
  /** @default - a route was found */
  readonly reason?: string;
  /** What Istio does when no route matches. @default - a route was found */
  readonly fallback?: string;
  /** VirtualServices that claim the host in conflict (IST0109); istiod uses only one of them. */
  readonly conflictingVirtualServices: string[];
  /** Every route considered, in Istio's order. */
  readonly considered: RouteConsideration[];
  /** Assumptions made and things worth knowing (a Gateway absent from the input, a protocol guessed). */
  readonly notes: string[];
}
