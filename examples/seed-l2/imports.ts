import { Construct } from 'constructs';
import { DestinationRule, Gateway, Host, IGateway, IHost, ISubset, IVirtualServiceRef, VirtualService } from '../../src';

/**
 * What the seed refers to but never defines. Imports are never emitted; the analysis counts them as
 * present, so a route to one is not reported as dangling.
 */
export class SeedImports extends Construct {
  public readonly apiGateway: IGateway;
  public readonly ratingsVs: IVirtualServiceRef;
  public readonly apiV1: IHost;
  public readonly reviewsNs: Record<'v1' | 'v2', ISubset>;
  public readonly webapp: Record<'canary' | 'staging' | 'stable', ISubset>;
  public readonly analytics: Record<'stable' | 'canary', ISubset>;
  public readonly recommendation: Record<'ml-enhanced' | 'advanced' | 'mobile-optimized' | 'standard', ISubset>;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.apiGateway = Gateway.fromGatewayName(this, 'api-gateway', 'api-gateway');
    this.ratingsVs = VirtualService.fromVirtualServiceName(this, 'ratings-vs', 'ratings-ns/ratings-vs');
    this.apiV1 = Host.fromExternalName(this, 'api-v1', 'api-v1.default.svc.cluster.local');
    this.reviewsNs = this.subsets(Host.fromService('reviews', 'reviews-ns'), 'v1', 'v2');
    this.webapp = this.subsets(Host.fromService('webapp', 'default'), 'canary', 'staging', 'stable');
    this.analytics = this.subsets(Host.fromService('analytics', 'default'), 'stable', 'canary');
    this.recommendation = this.subsets(Host.fromService('recommendation', 'default'), 'ml-enhanced', 'advanced', 'mobile-optimized', 'standard');
  }

  /** Subsets of `host` declared by a DestinationRule outside the app. */
  private subsets<N extends string>(host: IHost, ...names: N[]): Record<N, ISubset> {
    const entries = names.map(name => [name, DestinationRule.fromSubsetName(this, `${host.hostName}-${name}`, host, name)]);
    return Object.fromEntries(entries);
  }
}
