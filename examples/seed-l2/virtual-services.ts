import { Chart, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { SeedImports } from './imports';
import { DestinationRule, Gateway, Host, HttpMethod, IGateway, RedirectScheme, RetryOn, StringMatch, VirtualService } from '../../src';

/** What the VirtualService section refers to in other sections. */
export interface VirtualServiceExamplesProps {
  /** The complete DestinationRule of reviews, with subsets v1, v2 and v3. */
  readonly reviews: DestinationRule;
  /** The ingress gateway of the Gateway section. */
  readonly ingressGateway: IGateway;
  readonly imports: SeedImports;
}

/** Seed section "VirtualService". */
export class VirtualServiceExamples extends Chart {
  constructor(scope: Construct, id: string, props: VirtualServiceExamplesProps) {
    super(scope, id);

    const [v1, v2, v3] = props.reviews.subsets;
    new VirtualService(this, 'reviews-route', {
      metadata: { name: 'reviews-route', namespace: 'default' },
      hosts: [props.reviews.host],
      // Fix: the seed writes `ingress-gateway`, which from namespace default means default/ingress-gateway;
      // the seed's ingress-gateway is in istio-system, so the object renders `istio-system/ingress-gateway`.
      gateways: [Gateway.MESH, props.ingressGateway],
      // Fix: for the sidecars of this namespace only, since canary-deployment routes reviews in its own.
      exportTo: ['.'],
      http: [
        {
          name: 'reviews-v2-route',
          match: [{
            headers: { 'user-agent': StringMatch.regex('.*Mobile.*') },
            uri: StringMatch.prefix('/api/reviews'),
            queryParams: { version: StringMatch.exact('beta') },
            method: StringMatch.exact('GET'),
            sourceLabels: { app: 'productpage', version: 'v1' },
          }],
          route: [{
            subset: v2,
            port: 9080,
            weight: 100,
            headers: {
              request: {
                add: { 'x-custom-header': 'mobile-user' },
                set: { 'x-envoy-upstream-rq-timeout-ms': '1000' },
                remove: ['x-legacy-header'],
              },
              response: { add: { 'x-response-source': 'reviews-v2' } },
            },
          }],
          rewrite: { uri: '/reviews', authority: 'reviews-internal.svc.cluster.local' },
          timeout: Duration.seconds(10),
          retries: {
            attempts: 3,
            perTryTimeout: Duration.seconds(2),
            retryOn: [RetryOn.FIVE_XX, RetryOn.RESET, RetryOn.CONNECT_FAILURE, RetryOn.REFUSED_STREAM],
            retryRemoteLocalities: false,
          },
          fault: {
            delay: { percentage: 10, fixedDelay: Duration.seconds(5) },
            abort: { percentage: 5, httpStatus: 503 },
          },
          corsPolicy: {
            allowOrigins: [StringMatch.exact('https://example.com'), StringMatch.prefix('https://*.example.com')],
            allowMethods: [HttpMethod.GET, HttpMethod.POST, HttpMethod.OPTIONS],
            allowHeaders: ['content-type', 'authorization'],
            maxAge: Duration.hours(24),
            allowCredentials: true,
          },
        },
        {
          name: 'reviews-default-route',
          route: [{ subset: v1, weight: 80 }, { subset: v3, weight: 20 }],
        },
      ],
    });

    new VirtualService(this, 'redirect-example', {
      metadata: { name: 'redirect-example' },
      hosts: [Host.fromName('oldservice.example.com')],
      http: [{
        match: [{ uri: StringMatch.prefix('/old-api') }],
        redirect: { uri: '/new-api', authority: 'newservice.example.com', scheme: RedirectScheme.HTTPS, redirectCode: 301 },
      }],
    });

    // Fix: a delegate has no hosts (istiod takes a VirtualService with hosts as a root, not a delegate).
    const reviewsVs = new VirtualService(this, 'reviews-vs', {
      metadata: { name: 'reviews-vs', namespace: 'reviews-ns' },
      http: [
        { match: [{ uri: StringMatch.prefix('/reviews/v2') }], route: [{ subset: props.imports.reviewsNs.v2 }] },
        { route: [{ subset: props.imports.reviewsNs.v1 }] },
      ],
    });
    new VirtualService(this, 'root-vs', {
      metadata: { name: 'root-vs' },
      hosts: [Host.fromName('api.example.com')],
      gateways: [props.imports.apiGateway],
      http: [
        { match: [{ uri: StringMatch.prefix('/reviews') }], delegate: reviewsVs },
        { match: [{ uri: StringMatch.prefix('/ratings') }], delegate: props.imports.ratingsVs },
      ],
    });
  }
}
