import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-32';
import { Construct } from 'constructs';
import { HeaderRouting, Host, ServiceVersion, StringMatch } from '../../src';

/**
 * Seed section "Version-Based Routing": requests with `x-api-version: v2` go to v2 of `api`, all
 * others to v1. On top of the seed: the pattern's ISTIO_MUTUAL, outlier detection, timeout and retries.
 */
export class VersionRoutingChart extends Chart {
  public readonly api: HeaderRouting;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    // What the app deploys next to the routing: one Deployment per version, and the Service.
    for (const version of ['v1', 'v2']) {
      new kplus.Deployment(this, `api-${version}`, {
        metadata: { name: `api-${version}`, namespace: 'default' },
        podMetadata: { labels: { app: 'api', version } },
        containers: [{ image: `example.com/api:${version}`, portNumber: 8080 }],
      });
    }
    const service = new kplus.Service(this, 'api', { metadata: { name: 'api', namespace: 'default' }, ports: [{ port: 8080, name: 'http' }] });
    service.selectLabel('app', 'api');

    this.api = new HeaderRouting(this, 'Api', {
      host: Host.fromKubeService(service),
      name: 'version-routing',
      namespace: 'default',
      defaultVersion: ServiceVersion.named('v1'),
      rules: [{ headers: { 'x-api-version': StringMatch.exact('v2') }, version: ServiceVersion.named('v2') }],
    });
  }
}
