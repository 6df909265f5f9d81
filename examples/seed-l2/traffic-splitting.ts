import { ApiObjectMetadata, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { SeedImports } from './imports';
import { DestinationRule, Host, IHost, StringMatch, VirtualService } from '../../src';

/** Seed section "Traffic Splitting Patterns": each VirtualService routes to the subsets of its DestinationRule. */
export class TrafficSplittingExamples extends Chart {
  constructor(scope: Construct, id: string, imports: SeedImports) {
    super(scope, id);

    // A DestinationRule that declares one subset per value of the `version` label.
    const versions = (metadata: ApiObjectMetadata, host: IHost, ...subsets: string[]) => {
      const rule = new DestinationRule(this, metadata.name!, { metadata, host });
      return subsets.map(version => rule.addSubset(version, { labels: { version } }));
    };
    const header = (name: string, value: string) => ({ headers: { [name]: StringMatch.exact(value) } });

    const api = Host.fromService('api', 'default');
    const [apiV1, apiV2] = versions({ name: 'api-subsets' }, api, 'v1', 'v2');
    new VirtualService(this, 'version-routing', {
      metadata: { name: 'version-routing' },
      hosts: [api],
      http: [
        { match: [header('x-api-version', 'v2')], route: [{ subset: apiV2 }] },
        { route: [{ subset: apiV1 }] },
      ],
    });

    const { canary, staging, stable } = imports.webapp;
    new VirtualService(this, 'header-routing', {
      metadata: { name: 'header-routing' },
      hosts: [canary.host],
      http: [
        { match: [header('x-user-role', 'beta-tester')], route: [{ subset: canary }] },
        { match: [header('x-user-role', 'internal')], route: [{ subset: staging }] },
        { route: [{ subset: stable }] },
      ],
    });

    // Fix: reviews-route routes reviews in the mesh too, and the sidecars of a namespace take one mesh
    // VirtualService per host (IST0109); this reviews-destination would also replace the one of the same
    // name in default. So the canary gets a namespace of its own (the seed gives it none) and applies to
    // the clients there, as reviews-route does to those in default.
    const canaryNamespace = 'reviews-canary';
    const reviews = Host.fromService('reviews', 'default');
    const [reviewsV1, reviewsV2] = versions({ name: 'reviews-destination', namespace: canaryNamespace }, reviews, 'v1', 'v2');
    new VirtualService(this, 'canary-deployment', {
      metadata: { name: 'canary-deployment', namespace: canaryNamespace },
      hosts: [reviews],
      exportTo: ['.'],
      http: [{ route: [{ subset: reviewsV1, weight: 90 }, { subset: reviewsV2, weight: 10 }] }],
    });

    // Blue-green: all traffic on green; blue stays declared for the switch back.
    const payment = Host.fromService('payment', 'default');
    const [, green] = versions({ name: 'payment-destination' }, payment, 'blue', 'green');
    new VirtualService(this, 'blue-green', {
      metadata: { name: 'blue-green' },
      hosts: [payment],
      http: [{ route: [{ subset: green, weight: 100 }] }],
    });

    const frontend = Host.fromService('frontend', 'default');
    const [control, variantA, variantB] = versions({ name: 'frontend-destination' }, frontend, 'control', 'variant-a', 'variant-b');
    const experiment = (variant: string) => ({ headers: { cookie: StringMatch.regex(`^(.*?;)?(experiment=${variant})(;.*)?$`) } });
    new VirtualService(this, 'ab-testing', {
      metadata: { name: 'ab-testing' },
      hosts: [frontend],
      http: [
        { match: [experiment('variant-a')], route: [{ subset: variantA }] },
        { match: [experiment('variant-b')], route: [{ subset: variantB }] },
        { route: [{ subset: control }] },
      ],
    });

    // The canary answers 5% of the requests and sees a copy of all of them.
    const analytics = imports.analytics;
    new VirtualService(this, 'canary-with-mirror', {
      metadata: { name: 'canary-with-mirror' },
      hosts: [analytics.stable.host],
      http: [{
        route: [{ subset: analytics.stable, weight: 95 }, { subset: analytics.canary, weight: 5 }],
        mirror: { subset: analytics.canary, percentage: 100 },
      }],
    });

    // Routes are tried in order: the most specific match first.
    const recommendation = imports.recommendation;
    const premium = { 'x-user-tier': StringMatch.exact('premium') };
    new VirtualService(this, 'multi-dimensional-routing', {
      metadata: { name: 'multi-dimensional-routing' },
      hosts: [recommendation.standard.host],
      http: [
        { match: [{ headers: premium, sourceLabels: { app: 'mobile-app', version: 'v2' } }], route: [{ subset: recommendation['ml-enhanced'] }] },
        { match: [{ headers: premium }], route: [{ subset: recommendation.advanced }] },
        { match: [{ sourceLabels: { app: 'mobile-app' } }], route: [{ subset: recommendation['mobile-optimized'] }] },
        { route: [{ subset: recommendation.standard }] },
      ],
    });
  }
}
