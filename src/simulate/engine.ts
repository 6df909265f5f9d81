/**
 * Where one request goes, with Istio's semantics (1.30). Sources, in istio/istio at 1.30.3:
 * - which VirtualServices a proxy sees: PushContext.initVirtualServices / VirtualServicesForGateway
 *   (pilot/pkg/model/push_context.go) — bound by `gateways` (none = `mesh`), visible by exportTo;
 * - which host wins: Envoy's virtual host domain match — the exact host, then the longest wildcard,
 *   then `*`; at a gateway the domains are the intersection of server hosts (`ns/host` scoped to the
 *   VirtualService's namespace) and VirtualService hosts (buildGatewayHTTPRouteConfig in
 *   pilot/pkg/networking/core/gateway.go);
 * - one VirtualService's routes: BuildHTTPRoutesForVirtualService (route/route.go) — one Envoy route
 *   per (rule, match block) in order, blocks whose port / sourceLabels / sourceNamespace / gateways
 *   do not fit the proxy left out, nothing after the first catch-all;
 * - several VirtualServices for one host: at a gateway their routes are concatenated in istiod's
 *   order and SortVHostRoutes moves catch-alls last; at a sidecar only one VirtualService can own a
 *   host (duplicate virtual host domains are dropped), which istioctl reports as IST0109 — the
 *   simulator reports the conflict instead of guessing the creation order;
 * - no VirtualService: the sidecar's default route to the service (BuildSidecarVirtualHostWrapper),
 *   or the PassthroughCluster for hosts outside the registry (ALLOW_ANY); a gateway answers 404;
 * - a VirtualService whose routes all fail: Envoy answers 404 (no fallback to the default route);
 * - TCP and TLS: the first `tcp` rule whose match fits (port, sourceLabels, sourceNamespace,
 *   gateways, destinationSubnets), `tls` rules also by SNI (l4MultiMatch in gateway.go, tcp/tls
 *   listeners in pilot/pkg/networking/core).
 */
import { failedRequestCondition, failedSourceCondition, HttpRequestView, isCatchAllMatch, parseQuery, ProxyView } from './match';
import { GatewayModel, GatewayServer, HostEntry, protocolClass, RoutingModel, ServicePort, VirtualServiceModel } from './model';
import { httpOutcome, HttpOutcome } from './outcome';
import { RouteConsideration, RouteRequest, RouteResult, RouteRule } from './types';
import { isExportedTo, namesForNamespace } from '../validation/analysis/core/hosts';
import { hostsMatch, hostSubsetOf, isWildcarded } from '../validation/hosts';
import { isRecord, listOf, messageOf } from '../validation/json';

/** A request problem the caller must fix (a gateway that is not `mesh` nor `ns/name`, no host). */
export class RouteRequestError extends Error {}

/** One Envoy route: a (rule, match block) pair of a VirtualService, or why istiod left it out. */
interface EnvoyRoute {
  readonly vs: VirtualServiceModel;
  readonly rule: Record<string, any>;
  readonly ref: RouteRule;
  readonly match?: Record<string, any>;
  /** Why this pair is not among the proxy's routes. */
  readonly inactive?: string;
  readonly catchAll: boolean;
}

interface Context {
  readonly request: RouteRequest;
  readonly hostname: string;
  readonly authority: string;
  readonly port: number;
  readonly gateway: string;
  readonly proxy: ProxyView;
  readonly notes: string[];
  readonly considered: RouteConsideration[];
}

/** Routes a request over the model. */
export function routeRequest(model: RoutingModel, request: RouteRequest): RouteResult {
  const ctx = context(model, request);
  const gatewayModel = ctx.gateway === 'mesh' ? undefined : model.gateways.get(ctx.gateway);
  let protocol = 'HTTP';
  let server: GatewayServer | undefined;
  let serverHosts: string[] | undefined;
  if (ctx.gateway !== 'mesh') {
    if (!gatewayModel) {
      ctx.notes.push(`Gateway ${ctx.gateway} is not in the input: assumed to accept any host on port ${ctx.port} over HTTP`);
    } else {
      const servers = gatewayModel.servers.filter(s => s.port === ctx.port);
      if (servers.length === 0) {
        return noRoute(ctx, 'HTTP', `gateway ${ctx.gateway} has no server on port ${ctx.port}`, 'the connection is refused (no listener)');
      }
      server = servers.find(s => s.hosts.some(h => hostsMatch(h.includes('/') ? h.split('/')[1] : h, ctx.hostname)));
      if (!server) {
        return noRoute(ctx, protocolOfServer(servers[0]), `no server of gateway ${ctx.gateway} on port ${ctx.port} accepts host ${ctx.hostname}`,
          'the gateway answers 404 (HTTP) or resets the connection (TLS/TCP)');
      }
      protocol = protocolOfServer(server);
      serverHosts = server.hosts;
      if (server.httpsRedirect && protocol === 'HTTP' && (request.scheme ?? 'http') === 'http') {
        // RequireTls ALL on the virtual host: Envoy redirects before any route is matched.
        ctx.notes.push(`server on port ${ctx.port} of gateway ${ctx.gateway} has tls.httpsRedirect: every request is redirected to https`);
        return result(ctx, 'HTTP', { destinations: [], mirrors: [], redirect: { scheme: 'https', redirectCode: 301 } });
      }
    }
  } else {
    const service = model.serviceFor(ctx.hostname, ctx.proxy.namespace);
    const port = service?.ports.find(p => p.number === ctx.port);
    if (!service) {
      ctx.notes.push(`no Service or ServiceEntry for ${ctx.hostname} in the input: port ${ctx.port} assumed to carry HTTP`);
    } else if (!port) {
      ctx.notes.push(`${service.description} has no port ${ctx.port}`);
    } else if (port.protocol === '') {
      ctx.notes.push(`${service.description} port ${ctx.port}: protocol not declared (${port.source}); Istio sniffs it, HTTP assumed`);
    } else {
      protocol = port.protocol;
      if (protocol !== 'HTTP') ctx.notes.push(httpNotApplicable(service.description, port));
    }
  }
  return protocol === 'HTTP'
    ? routeHttp(model, ctx, gatewayModel, serverHosts)
    : routeL4(model, ctx, protocol);
}

function protocolOfServer(server: GatewayServer): string {
  if (server.protocol === 'HTTPS' && !['PASSTHROUGH', 'AUTO_PASSTHROUGH'].includes(server.tlsMode)) return 'HTTP';
  return protocolClass(server.protocol) || 'TCP';
}

function httpNotApplicable(service: string, port: ServicePort): string {
  return `HTTP rules do not apply: port ${port.number} of ${service} is ${port.protocol} (${port.source}); only ${port.protocol.toLowerCase()} rules route it`;
}

function context(model: RoutingModel, request: RouteRequest): Context {
  const rawHost = (request.host ?? '').trim();
  if (rawHost === '') throw new RouteRequestError('the request needs a host');
  const gateway = request.gateway ?? 'mesh';
  if (gateway !== 'mesh' && !/^[^/]+\/[^/]+$/.test(gateway)) {
    throw new RouteRequestError(`gateway must be 'mesh' or '<namespace>/<name>', got '${gateway}'`);
  }
  const colon = rawHost.lastIndexOf(':');
  const hostPort = colon > 0 && /^\d+$/.test(rawHost.slice(colon + 1)) && !rawHost.endsWith(']') ? Number(rawHost.slice(colon + 1)) : undefined;
  const name = (hostPort !== undefined ? rawHost.slice(0, colon) : rawHost).toLowerCase().replace(/\.$/, '');
  const scheme = request.scheme ?? 'http';
  const port = request.port ?? hostPort ?? (scheme === 'https' ? 443 : 80);
  const gatewayModel = gateway === 'mesh' ? undefined : model.gateways.get(gateway);
  const namespace = request.sourceNamespace ?? (gatewayModel ? gatewayModel.namespace : gateway === 'mesh' ? 'default' : gateway.split('/')[0]);
  const labels = request.sourceLabels ?? gatewayModel?.selector ?? {};
  return {
    request,
    hostname: gateway === 'mesh' ? resolveRequestHost(model, name, namespace) : name,
    authority: rawHost,
    port,
    gateway,
    proxy: { gateway, labels, namespace, port },
    notes: [],
    considered: [],
  };
}

/**
 * The FQDN a client's DNS and sidecar resolve a name to: a short name in the client's namespace
 * (the sidecar's `reviews` domain), `name.ns` and `name.ns.svc` to the cluster-local FQDN when
 * that FQDN is a host of the input; anything else as written.
 */
function resolveRequestHost(model: RoutingModel, name: string, namespace: string): string {
  if (isWildcarded(name) || name.includes(':')) return name;
  if (!name.includes('.')) return `${name}.${namespace}.svc.cluster.local`;
  for (const candidate of [`${name}.svc.cluster.local`, `${name}.cluster.local`]) {
    if ((/^[^.]+\.[^.]+$/.test(name) || /^[^.]+\.[^.]+\.svc$/.test(name)) && model.knowsHost(candidate)) return candidate;
  }
  return name;
}

/** VirtualServices bound to the proxy's gateway and visible from its namespace (initVirtualServices). */
function visible(vs: VirtualServiceModel, ctx: Context): boolean {
  return vs.gateways.includes(ctx.gateway) && isExportedTo(vs.exportTo, vs.namespace, ctx.proxy.namespace);
}

function routeHttp(model: RoutingModel, ctx: Context, gateway: GatewayModel | undefined, serverHosts: string[] | undefined): RouteResult {
  // Envoy routes per virtual host domain: collect the domains each visible VirtualService yields.
  const byDomain = new Map<string, VirtualServiceModel[]>();
  for (const group of model.hostsMatching(ctx.hostname)) {
    for (const entry of group) {
      if (!visible(entry.vs, ctx)) continue;
      for (const domain of domainsFor(entry, serverHosts)) {
        if (!hostsMatch(domain, ctx.hostname) || (isWildcarded(domain) && !hostSubsetOf(ctx.hostname, domain))) continue;
        const list = byDomain.get(domain) ?? [];
        if (!list.includes(entry.vs)) list.push(entry.vs);
        byDomain.set(domain, list);
      }
    }
  }
  // Most specific domain first: the exact host, then longer wildcards.
  const domains = [...byDomain.keys()].sort((a, b) => (isWildcarded(a) ? 1 : 0) - (isWildcarded(b) ? 1 : 0) || b.length - a.length);
  for (const domain of domains) {
    const services = byDomain.get(domain)!.sort((a, b) => a.order - b.order);
    const perVs = services.map(vs => ({ vs, routes: envoyRoutes(vs, ctx) }));
    // A VirtualService without any route for this proxy builds no virtual host (route.go returns an error).
    const built = perVs.filter(p => p.routes.some(r => !r.inactive));
    for (const p of perVs) if (!built.includes(p)) record(ctx, p.routes, `VirtualService ${p.vs.fullName} has no route for this proxy and port; istiod builds no virtual host for it`);
    if (built.length === 0) continue;
    if (ctx.gateway === 'mesh' && built.length > 1) {
      const names = built.map(p => p.vs.fullName);
      return noRoute(ctx, 'HTTP',
        `IST0109: VirtualServices ${names.join(', ')} all claim host ${domain} for the mesh; a sidecar uses only one of them (the oldest), so which routes apply depends on creation order`,
        'merge the VirtualServices into one (sidecars do not merge them; gateways do)', names);
    }
    if (built.length > 1) ctx.notes.push(`VirtualServices ${built.map(p => p.vs.fullName).join(', ')} share host ${domain} on gateway ${ctx.gateway}: their routes are merged in order, catch-all routes last`);
    // SortVHostRoutes: catch-alls after every other route, relative order kept.
    const all = built.flatMap(p => p.routes);
    const ordered = built.length > 1 ? [...all.filter(r => !r.catchAll || r.inactive), ...all.filter(r => r.catchAll && !r.inactive)] : all;
    return evaluate(model, ctx, ordered, domain);
  }
  if (ctx.gateway !== 'mesh') {
    return noRoute(ctx, 'HTTP', `no VirtualService bound to gateway ${ctx.gateway} routes host ${ctx.hostname}${gateway ? '' : ' (or the Gateway is not in the input)'}`,
      'the gateway answers 404 (no virtual host for the host)');
  }
  const service = model.serviceFor(ctx.hostname, ctx.proxy.namespace);
  if (service || ctx.hostname.endsWith('.svc.cluster.local')) {
    return noRoute(ctx, 'HTTP', `no VirtualService visible from namespace ${ctx.proxy.namespace} routes host ${ctx.hostname} for the mesh`,
      `Istio's default route: to ${ctx.hostname}:${ctx.port}, every endpoint (no subset), no timeout, mesh default retries`);
  }
  return noRoute(ctx, 'HTTP', `no VirtualService routes host ${ctx.hostname} for the mesh, and it is not a service of the input`,
    'outboundTrafficPolicy ALLOW_ANY (the default): passed through to the original destination (PassthroughCluster); REGISTRY_ONLY: 502 (BlackHoleCluster)');
}

/** Virtual host domains of a VirtualService host: itself in the mesh; at a gateway, its intersection with the server's hosts. */
function domainsFor(entry: HostEntry, serverHosts: string[] | undefined): string[] {
  if (!serverHosts) return [entry.host];
  const out: string[] = [];
  for (const serverHost of namesForNamespace(serverHosts, entry.vs.namespace)) {
    const s = serverHost.toLowerCase();
    // host.Names.Intersection: the narrower of each matching pair.
    if (hostSubsetOf(entry.host, s)) out.push(entry.host);
    else if (hostSubsetOf(s, entry.host)) out.push(s);
  }
  return out;
}

/** BuildHTTPRoutesForVirtualService for this proxy, keeping the left-out pairs for the explanation. */
function envoyRoutes(vs: VirtualServiceModel, ctx: Context): EnvoyRoute[] {
  const out: EnvoyRoute[] = [];
  let cutBy: string | undefined;
  for (const merged of vs.http) {
    const name = typeof merged.rule.name === 'string' && merged.rule.name !== '' ? merged.rule.name : undefined;
    const base: RouteRule = {
      section: 'http',
      index: merged.index,
      ...(name ? { name } : {}),
      ...(merged.delegate ? { delegate: merged.delegate } : {}),
      ...(merged.delegateIndex !== undefined ? { delegateIndex: merged.delegateIndex } : {}),
    };
    if (merged.dropped) {
      out.push({ vs, rule: merged.rule, ref: base, inactive: merged.dropped, catchAll: false });
      continue;
    }
    const matches: any[] = Array.isArray(merged.rule.match) ? merged.rule.match.filter(isRecord) : [];
    const blocks = matches.length === 0 ? [undefined] : matches;
    for (let i = 0; i < blocks.length; i++) {
      const match = blocks[i];
      const ref: RouteRule = matches.length === 0 ? base : { ...base, matchIndex: i };
      if (cutBy) {
        out.push({ vs, rule: merged.rule, ref, match, inactive: `never reached: istiod stops after the catch-all route ${cutBy}`, catchAll: false });
        continue;
      }
      const source = match ? failedSourceCondition(match, ctx.proxy) : undefined;
      if (source) {
        out.push({ vs, rule: merged.rule, ref, match, inactive: `${source} (decided when istiod builds this proxy's routes)`, catchAll: false });
        continue;
      }
      const catchAll = isCatchAllMatch(match);
      out.push({ vs, rule: merged.rule, ref, match, catchAll });
      if (catchAll) cutBy = describeRule(vs, ref);
    }
  }
  return out;
}

function describeRule(vs: VirtualServiceModel, ref: RouteRule): string {
  return `${vs.fullName} ${ref.section}[${ref.index}]${ref.delegateIndex !== undefined ? ` (${ref.delegate} http[${ref.delegateIndex}])` : ''}${ref.name ? ` "${ref.name}"` : ''}`;
}

function record(ctx: Context, routes: EnvoyRoute[], reason?: string): void {
  for (const r of routes) ctx.considered.push({ virtualService: r.vs.fullName, route: r.ref, matched: false, reason: r.inactive ?? reason ?? 'not reached' });
}

function evaluate(model: RoutingModel, ctx: Context, routes: EnvoyRoute[], domain: string): RouteResult {
  const request = ctx.request;
  const path = request.path ?? '/';
  const headers = new Map<string, string>();
  for (const [k, v] of Object.entries(request.headers ?? {})) headers.set(k.toLowerCase(), v);
  const view: HttpRequestView = {
    authority: ctx.authority,
    method: (request.method ?? 'GET').toUpperCase(),
    scheme: request.scheme ?? 'http',
    path: path.startsWith('/') ? path : `/${path}`,
    headers,
    query: parseQuery(path),
  };
  for (let i = 0; i < routes.length; i++) {
    const r = routes[i];
    if (r.inactive) {
      ctx.considered.push({ virtualService: r.vs.fullName, route: r.ref, matched: false, reason: r.inactive });
      continue;
    }
    const failed = r.match ? failedRequestCondition(r.match, view) : undefined;
    if (failed) {
      ctx.considered.push({ virtualService: r.vs.fullName, route: r.ref, matched: false, reason: failed });
      continue;
    }
    ctx.considered.push({ virtualService: r.vs.fullName, route: r.ref, matched: true, reason: 'matched' });
    record(ctx, routes.slice(i + 1), 'not reached: an earlier route matched');
    const lookup = (host: string) => model.serviceFor(host, ctx.proxy.namespace);
    const outcome = httpOutcome(r.rule, ctx.port, view.path, r.match?.uri, lookup, (request.scheme ?? 'http') === 'https');
    return result(ctx, 'HTTP', outcome, r.vs.fullName, r.ref);
  }
  return noRoute(ctx, 'HTTP', `no route of the VirtualServices for host ${domain} matches the request`,
    'Envoy answers 404 (the host has a virtual host but no route matches; Istio does not fall back to the default route)');
}

/** TCP / TLS: the first rule, in VirtualService order, whose L4 match fits. */
function routeL4(model: RoutingModel, ctx: Context, protocol: string): RouteResult {
  const section = protocol === 'TLS' ? 'tls' : 'tcp';
  const candidates = new Set<VirtualServiceModel>();
  for (const group of model.hostsMatching(ctx.hostname)) for (const entry of group) if (visible(entry.vs, ctx)) candidates.add(entry.vs);
  // TLS routes match by SNI, so any VirtualService with a tls rule for the SNI counts.
  for (const vs of [...candidates].sort((a, b) => a.order - b.order)) {
    const rules = section === 'tls' ? vs.tls : vs.tcp;
    for (let index = 0; index < rules.length; index++) {
      const rule = rules[index];
      const name = typeof rule.name === 'string' && rule.name !== '' ? rule.name : undefined;
      const matches: any[] = Array.isArray(rule.match) ? rule.match.filter(isRecord) : [];
      if (matches.length === 0) {
        ctx.considered.push({ virtualService: vs.fullName, route: { section, index, ...(name ? { name } : {}) }, matched: true, reason: 'matched' });
        return l4Result(ctx, protocol, vs, rule, { section, index, ...(name ? { name } : {}) });
      }
      for (let m = 0; m < matches.length; m++) {
        const ref: RouteRule = { section, index, ...(name ? { name } : {}), matchIndex: m };
        const failed = l4Failure(matches[m], ctx, section);
        ctx.considered.push({ virtualService: vs.fullName, route: ref, matched: !failed, reason: failed ?? 'matched' });
        if (!failed) return l4Result(ctx, protocol, vs, rule, ref);
      }
    }
  }
  const fallback = ctx.gateway === 'mesh'
    ? `the connection goes to ${ctx.hostname}:${ctx.port} directly (the service's default TCP route), or through PassthroughCluster for hosts outside the registry`
    : 'the gateway closes the connection (no filter chain)';
  return noRoute(ctx, protocol, `no ${section} rule of a VirtualService for host ${ctx.hostname} matches`, fallback);
}

function l4Failure(match: Record<string, any>, ctx: Context, section: string): string | undefined {
  if (section === 'tls') {
    const sni: string[] = listOf(match.sniHosts);
    if (!sni.some(h => hostsMatch(h.toLowerCase(), ctx.hostname))) return `sniHosts: ${ctx.hostname} is not one of ${sni.join(', ')}`;
  }
  const source = failedSourceCondition({ ...match, gateways: undefined }, ctx.proxy);
  if (source) return source;
  const gateways: string[] = listOf(match.gateways);
  if (gateways.length > 0 && !gateways.includes(ctx.gateway)) return `gateways: ${ctx.gateway} is not one of ${gateways.join(', ')}`;
  const subnets: string[] = listOf(match.destinationSubnets);
  if (subnets.length > 0) {
    const address = ctx.request.destinationAddress;
    if (!address) return `destinationSubnets: the request has no destination address (${subnets.join(', ')})`;
    if (!subnets.some(s => inSubnet(address, s))) return `destinationSubnets: ${address} is not in ${subnets.join(', ')}`;
  }
  return undefined;
}

/** IPv4 CIDR (or a plain address) containment; other forms compare as text. */
export function inSubnet(address: string, subnet: string): boolean {
  const [base, bitsText] = subnet.split('/');
  const a = ipv4(address);
  const b = ipv4(base);
  if (a === undefined || b === undefined) return address === base;
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  // Same network when the addresses agree on their first `bits` bits (arithmetic, no bitwise operators).
  const block = 2 ** (32 - Math.min(32, Math.max(0, bits)));
  return Math.floor(a / block) === Math.floor(b / block);
}

function ipv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some(p => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

function l4Result(ctx: Context, protocol: string, vs: VirtualServiceModel, rule: Record<string, any>, ref: RouteRule): RouteResult {
  const routes: any[] = Array.isArray(rule.route) ? rule.route.filter(isRecord) : [];
  const kept = routes.length === 1 ? routes : routes.filter(r => typeof r.weight === 'number' && r.weight > 0);
  const destinations = kept.map(r => {
    const d = messageOf(r.destination);
    const port = isRecord(d.port) && typeof d.port.number === 'number' ? d.port.number : ctx.port;
    return { host: String(d.host ?? ''), ...(typeof d.subset === 'string' ? { subset: d.subset } : {}), port, weight: routes.length === 1 ? 100 : r.weight };
  });
  return result(ctx, protocol, { destinations, mirrors: [] }, vs.fullName, ref);
}

function result(ctx: Context, protocol: string, outcome: HttpOutcome, virtualService?: string, route?: RouteRule): RouteResult {
  return {
    noRoute: false,
    host: ctx.hostname,
    port: ctx.port,
    gateway: ctx.gateway,
    protocol,
    ...(virtualService ? { virtualService } : {}),
    ...(route ? { route } : {}),
    ...outcome,
    conflictingVirtualServices: [],
    considered: ctx.considered,
    notes: ctx.notes,
  };
}

function noRoute(ctx: Context, protocol: string, reason: string, fallback: string, conflicts: string[] = []): RouteResult {
  return {
    noRoute: true,
    host: ctx.hostname,
    port: ctx.port,
    gateway: ctx.gateway,
    protocol,
    destinations: [],
    mirrors: [],
    reason,
    fallback,
    conflictingVirtualServices: conflicts,
    considered: ctx.considered,
    notes: ctx.notes,
  };
}
