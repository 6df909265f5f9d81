import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-32';
import { Construct } from 'constructs';
import { CanaryService, Gateway, Host, ServiceVersion, StringMatch } from '../../src';

/** The workloads of one version of `reviews`: its pods carry `app: reviews` and `version: <version>`. */
function reviewsVersion(scope: Construct, version: string, namespace = 'default'): kplus.Deployment {
  return new kplus.Deployment(scope, `reviews-${version}`, {
    metadata: { name: `reviews-${version}`, namespace },
    podMetadata: { labels: { app: 'reviews', version } },
    containers: [{ image: `docker.io/istio/examples-bookinfo-reviews-${version}:1.20.2`, portNumber: 9080 }],
  });
}

/**
 * Seed section "Percentage-Based Traffic Splitting": 90% of the requests to `reviews` go to v1, 10% to
 * v2. The Service and the two Deployments are what the app deploys anyway; the Istio part is one
 * CanaryService.
 */
export class PercentageCanaryChart extends Chart {
  /** The pattern: its `destinationRule` and `virtualService` are the escape hatches. */
  public readonly reviews: CanaryService;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const v1 = reviewsVersion(this, 'v1');
    const v2 = reviewsVersion(this, 'v2');
    const service = new kplus.Service(this, 'reviews', {
      metadata: { name: 'reviews', namespace: 'default' },
      ports: [{ port: 9080, name: 'http' }],
    });
    service.selectLabel('app', 'reviews');

    this.reviews = new CanaryService(this, 'Reviews', {
      host: Host.fromKubeService(service),
      namespace: 'default',
      stable: ServiceVersion.fromWorkload('v1', v1),
      canary: ServiceVersion.fromWorkload('v2', v2),
      canaryWeight: 10,
    });
  }
}

/**
 * The same canary at the ingress: `reviews` in the namespace `shop` is also served to clients as
 * `reviews.example.com` through the Gateway `istio-system/public` (HTTPS), and the 90/10 split, with a
 * header opt-in for testers, applies there as between sidecars (`gateways: [gateway, Gateway.MESH]`).
 */
export class EdgeCanaryChart extends Chart {
  /** The ingress Gateway: HTTPS for `reviews.example.com`. */
  public readonly gateway: Gateway;
  /** The pattern, bound to the gateway and to the mesh. */
  public readonly reviews: CanaryService;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const v1 = reviewsVersion(this, 'v1', 'shop');
    const v2 = reviewsVersion(this, 'v2', 'shop');
    const service = new kplus.Service(this, 'reviews', {
      metadata: { name: 'reviews', namespace: 'shop' },
      ports: [{ port: 9080, name: 'http' }],
    });
    service.selectLabel('app', 'reviews');
    this.gateway = new Gateway(this, 'Public', { metadata: { name: 'public', namespace: 'istio-system' } });
    this.gateway.addHttpsServer({ hosts: ['reviews.example.com'], credentialName: 'reviews-example-com' });

    this.reviews = new CanaryService(this, 'Reviews', {
      host: Host.fromKubeService(service),
      namespace: 'shop',
      stable: ServiceVersion.fromWorkload('v1', v1),
      canary: ServiceVersion.fromWorkload('v2', v2),
      canaryWeight: 10,
      canaryHeaders: { 'x-canary': StringMatch.exact('always') },
      gateways: [this.gateway, Gateway.MESH],
      externalHosts: ['reviews.example.com'],
    });
  }
}
