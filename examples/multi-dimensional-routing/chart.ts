import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-32';
import { Construct } from 'constructs';
import { HeaderRouting, Host, ServiceVersion, StringMatch } from '../../src';

/**
 * Seed section "Multi-Dimensional Traffic Splitting": premium users of the mobile app v2 get the
 * ML-enhanced recommendations, other premium users the advanced ones, other mobile-app callers the
 * mobile-optimized ones, everyone else the standard ones. The rules are given here from the most
 * general down, in the order one thinks of them; the pattern routes the most specific first, as the
 * seed does. On top of the seed: the subsets (the seed has no DestinationRule for them), ISTIO_MUTUAL,
 * outlier detection, timeout and retries.
 */
export class MultiDimensionalRoutingChart extends Chart {
  public readonly recommendation: HeaderRouting;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    for (const version of ['standard', 'mobile-optimized', 'advanced', 'ml-enhanced']) {
      new kplus.Deployment(this, `recommendation-${version}`, {
        metadata: { name: `recommendation-${version}`, namespace: 'default' },
        podMetadata: { labels: { app: 'recommendation', version } },
        containers: [{ image: `example.com/recommendation:${version}`, portNumber: 8080 }],
      });
    }
    const service = new kplus.Service(this, 'recommendation', {
      metadata: { name: 'recommendation', namespace: 'default' },
      ports: [{ port: 8080, name: 'http' }],
    });
    service.selectLabel('app', 'recommendation');

    const premium = { 'x-user-tier': StringMatch.exact('premium') };
    this.recommendation = new HeaderRouting(this, 'Recommendation', {
      host: Host.fromKubeService(service),
      name: 'multi-dimensional-routing',
      namespace: 'default',
      defaultVersion: ServiceVersion.named('standard'),
      rules: [
        { headers: premium, version: ServiceVersion.named('advanced') },
        { sourceLabels: { app: 'mobile-app' }, version: ServiceVersion.named('mobile-optimized') },
        { headers: premium, sourceLabels: { app: 'mobile-app', version: 'v2' }, version: ServiceVersion.named('ml-enhanced') },
      ],
    });
  }
}
