import { IHost } from '../host';
import { IGateway } from '../references';
import { TrafficPolicy } from '../traffic-policy';
import { FaultInjection } from './fault-injection';
import { ResilienceProfile } from './resilience-profile';

/**
 * What the patterns that route one host to its versions share (`CanaryService`, `BlueGreenService`):
 * the host, the names of the DestinationRule and VirtualService they create, the resilience profile,
 * the traffic policy and the fault injection.
 */
export interface VersionedServiceProps {
  /**
   * The service whose versions are routed: a Kubernetes Service in the mesh
   * (`Host.fromService('reviews', 'shop')` or `Host.fromKubeService(kplusService)`).
   */
  readonly host: IHost;

  /**
   * `metadata.name` of the DestinationRule and of the VirtualService (two kinds: one name serves both).
   * Keep it stable: GitOps tools and Argo Rollouts find the objects by it.
   * @default - the host's short name (`reviews` for `reviews.shop.svc.cluster.local`)
   */
  readonly name?: string;

  /**
   * `metadata.namespace` of the DestinationRule and of the VirtualService.
   * @default - none: the namespace they are applied to
   */
  readonly namespace?: string;

  /**
   * The gateways whose traffic the routes apply to; `Gateway.MESH` for the sidecars of the mesh.
   * The routes (split, opt-ins, fault injection) apply at every gateway listed: a canary or an A/B
   * test at the ingress is `gateways: [publicGateway]`, or `[publicGateway, Gateway.MESH]` to split
   * the calls between services the same way.
   *
   * A list with a gateway but not `Gateway.MESH` applies only at that gateway: the routes no longer
   * apply to traffic between sidecars inside the mesh (callers in the mesh then reach every version
   * of the host, without the resilience settings). List both to route at the edge and inside the mesh.
   *
   * At a gateway, give the names clients use in `externalHosts` (the gateway's server hosts): the
   * analysis reports IST0132 when a gateway of the app serves none of the VirtualService's hosts.
   * The gateway's namespace must see the VirtualService and the DestinationRule (see `exportTo`).
   * @default [Gateway.MESH] - the sidecars of the mesh only (no `gateways` rendered)
   */
  readonly gateways?: IGateway[];

  /**
   * More hosts of the VirtualService, after `host`: the names clients use at a gateway
   * (`shop.example.com`, `*.shop.example.com`), as the gateway's servers list them. Requests for
   * them are routed to the versions of `host`, as requests for `host` are. Istio's rules apply: a
   * DNS name or wildcard (`*` alone only without `Gateway.MESH`), and no two hosts overlapping.
   * @default - none: the VirtualService's only host is `host`
   */
  readonly externalHosts?: string[];

  /**
   * The namespaces that see the DestinationRule and the VirtualService (`.`, `*` or names).
   *
   * Not narrowed by default: both apply at the caller's sidecar, so a caller in a namespace they are
   * not exported to bypasses the split (it reaches every version of the host, without the
   * resilience settings). Narrow it only when every caller lives in the listed namespaces (with
   * `gateways`, the gateways' namespaces too: a gateway ignores a VirtualService not exported to it).
   * @default - every namespace (Istio's default)
   */
  readonly exportTo?: string[];

  /**
   * Timeout and retries of every HTTP route, outlier detection and connection pool of the
   * DestinationRule (unless `trafficPolicy` sets its own).
   * @default ResilienceProfile.standard() - a 10s timeout, 2 retries of up to 3s, outlier detection:
   * the seed's best practices 6 and 8
   */
  readonly resilience?: ResilienceProfile;

  /**
   * The DestinationRule's traffic policy (load balancer, TLS, ...). Its `outlierDetection` and
   * `connectionPool`, when set, replace the resilience profile's.
   * @default - client TLS `ISTIO_MUTUAL` (the mesh's mTLS: best practice 7; set `tls` to change it,
   * e.g. for a version without sidecar) and the resilience profile's outlier detection and connection pool
   */
  readonly trafficPolicy?: TrafficPolicy;

  /**
   * Faults injected to test how callers cope. With a `match`, a route of its own is added ahead of the
   * others (named `fault-injection`), with the destinations of the default route. Without a match, the
   * fault (with its percentages) is set on every route, since a route without match ahead of the
   * others would hide them.
   * @default - no fault injection
   */
  readonly faultInjection?: FaultInjection;
}
