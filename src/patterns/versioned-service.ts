import { IHost } from '../host';
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
   * The namespaces that see the DestinationRule and the VirtualService (`.`, `*` or names).
   *
   * Not narrowed by default: both apply at the caller's sidecar, so a caller in a namespace they are
   * not exported to bypasses the split (it reaches every version of the host, without the
   * resilience settings). Narrow it only when every caller lives in the listed namespaces.
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
