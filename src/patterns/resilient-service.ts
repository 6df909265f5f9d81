import { Construct } from 'constructs';
import { ResilienceProfile } from './resilience-profile';
import { ClientTlsSettings, TlsMode } from '../client-tls';
import { constructError } from '../core/errors';
import { faultRouteOptions } from '../core/fault-injection-route';
import { serviceHostParts } from '../core/service-host';
import { HttpRouteDestination } from '../destination';
import { DestinationRule } from '../destination-rule';
import { IHost } from '../host';
import { HttpRoute } from '../http-route';
import { LoadBalancer, LocalityLbSetting } from '../load-balancer';
import { VirtualService } from '../virtual-service';
import { FaultInjection } from './fault-injection';

/** Props of a `ResilientService`. */
export interface ResilientServiceProps {
  /**
   * The service: a cdk8s-plus Service (`Host.fromKubeService(service)`), `Host.fromService('reviews', 'shop')`,
   * or an imported host (`Host.fromExternalName()`).
   */
  readonly host: IHost;

  /**
   * `metadata.name` of the DestinationRule and the VirtualService (they are of different kinds, so
   * one name serves both).
   * @default - the host's short name (`reviews` for `reviews.shop.svc.cluster.local`): stable across
   * refactorings of the construct tree
   */
  readonly name?: string;

  /**
   * `metadata.namespace` of the DestinationRule and the VirtualService.
   * @default - the host's namespace when it is written `name.namespace.svc.<domain>` (the rules live
   * with the service), else none (the namespace they are applied to)
   */
  readonly namespace?: string;

  /**
   * Timeout and retries of the route; outlier detection and connection pool of the DestinationRule.
   * @default ResilienceProfile.standard() — 10s timeout, 2 retries of 3s, outlier detection on
   * (best practices 6 and 8)
   */
  readonly resilience?: ResilienceProfile;

  /**
   * Locality-aware load balancing: failover from region to region (`failover`, `failoverPriority`),
   * or weighted distribution (`distribute`) — not both, Istio rejects that.
   *
   * Istio fails over only when outlier detection tells it the local endpoints are unhealthy, so
   * failover requires a `resilience` profile with outlier detection (every profile but
   * `ResilienceProfile.none()` has one); without it the constructor throws.
   * @default - the mesh's locality settings (locality load balancing on, Envoy's priority failover)
   */
  readonly locality?: LocalityLbSetting;

  /**
   * The load-balancing algorithm.
   * @default - Istio's default, LEAST_REQUEST
   */
  readonly loadBalancer?: LoadBalancer;

  /**
   * Client TLS towards the service.
   * @default { mode: TlsMode.ISTIO_MUTUAL } — mesh-internal traffic in Istio's mutual TLS, enforced
   * rather than left to auto mTLS (best practice 7); set `{ mode: TlsMode.DISABLE }` for a service
   * without a sidecar
   */
  readonly tls?: ClientTlsSettings;

  /**
   * The port of the service the route sends to.
   * @default - the service's only port (give it when the service has several)
   */
  readonly port?: number;

  /**
   * Faults injected into the service's traffic: with a `match`, in a route added before the default
   * one; without, on the default route (by its percentages), which keeps its timeout and retries.
   * @default - none
   */
  readonly faultInjection?: FaultInjection;

  /**
   * Namespaces that see the DestinationRule and the VirtualService.
   * @default - every namespace: the callers of a service live in other namespaces, and a rule they do
   * not see does not apply to their calls
   */
  readonly exportTo?: string[];
}

/**
 * A plain service (no versions) made resilient: a DestinationRule with outlier detection, connection
 * pool, locality load balancing and ISTIO_MUTUAL, and a VirtualService whose one default route has the
 * profile's timeout and retries.
 *
 * For services with versions, the traffic-splitting patterns take a `ResilienceProfile` themselves.
 * Everything created is a public property; `ApiObject.of(x.destinationRule).addJsonPatch(...)` reaches
 * what the props do not.
 *
 * @example
 * new ResilientService(chart, 'Reviews', {
 *   host: Host.fromService('reviews', 'shop'),
 *   resilience: ResilienceProfile.standard().with({ connectionPool: { tcp: { maxConnections: 100 } } }),
 *   locality: { failover: [{ from: 'us-east-1', to: 'us-west-1' }] },
 * });
 */
export class ResilientService extends Construct {
  /** The DestinationRule: outlier detection, connection pool, locality, TLS. */
  public readonly destinationRule: DestinationRule;
  /** The VirtualService: the default route with timeout and retries. */
  public readonly virtualService: VirtualService;
  /** The route of a `faultInjection` with a `match` (one without is applied on the default route). */
  public readonly faultRoute?: HttpRoute;
  /** The default route. */
  public readonly defaultRoute: HttpRoute;
  /** The profile applied. */
  public readonly resilience: ResilienceProfile;

  constructor(scope: Construct, id: string, props: ResilientServiceProps) {
    super(scope, id);
    const fail = (message: string) => constructError('ResilientService', this, message);
    const resilience = props.resilience ?? ResilienceProfile.standard();
    this.resilience = resilience;
    const locality = props.locality;
    const failsOver = locality && locality.enabled !== false
      && ((locality.failover ?? []).length > 0 || (locality.failoverPriority ?? []).length > 0);
    if (failsOver && !resilience.outlierDetection) {
      throw fail('locality failover needs outlier detection (Istio fails over only when it ejects the local endpoints), but the '
        + `resilience profile '${resilience.profileName}' has none; use a profile with outlierDetection, e.g. ResilienceProfile.standard()`);
    }
    if (locality && (locality.distribute ?? []).length > 0 && (locality.failover ?? []).length > 0) {
      throw fail("locality sets both 'distribute' and 'failover', which Istio rejects; keep one of them");
    }

    const parts = serviceHostParts(props.host);
    const metadata = { name: props.name ?? parts.shortName, namespace: props.namespace ?? parts.namespace };
    this.destinationRule = new DestinationRule(this, 'DestinationRule', {
      metadata,
      host: props.host,
      exportTo: props.exportTo,
      trafficPolicy: {
        loadBalancer: props.loadBalancer,
        localityLbSetting: locality,
        connectionPool: resilience.connectionPool,
        outlierDetection: resilience.outlierDetection,
        tls: props.tls ?? { mode: TlsMode.ISTIO_MUTUAL },
      },
    });
    this.virtualService = new VirtualService(this, 'VirtualService', { metadata, hosts: [props.host], exportTo: props.exportTo });
    const route: HttpRouteDestination[] = [{ host: props.host, port: props.port }];
    const injection = props.faultInjection ? faultRouteOptions(`ResilientService '${this.node.path}'`, props.faultInjection) : undefined;
    // A fault scoped by a match gets its own route first; one scoped by percentages alone would take every
    // request from the default route (its timeout and retries would be lost), so it goes on the default route.
    if (injection?.match) {
      this.faultRoute = this.virtualService.addHttpRoute({ name: 'fault-injection', match: injection.match, fault: injection.fault, route });
    }
    this.defaultRoute = this.virtualService.addHttpRoute({
      name: 'default', route, timeout: resilience.timeout, retries: resilience.retries, fault: injection?.match ? undefined : injection?.fault,
    });
  }
}
