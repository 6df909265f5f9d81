import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-32';
import { Construct } from 'constructs';
import { HeaderRouting, Host, ServiceVersion, StringMatch } from '../../src';

/**
 * Seed section "Header-Based Routing": beta testers (`x-user-role: beta-tester`) reach the canary,
 * internal users (`x-user-role: internal`) staging, everyone else stable. On top of the seed: the
 * subsets are declared here (the seed refers to them without a DestinationRule), with the pattern's
 * ISTIO_MUTUAL, outlier detection, timeout and retries.
 */
export class HeaderRoutingChart extends Chart {
  public readonly webapp: HeaderRouting;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    for (const version of ['stable', 'canary', 'staging']) {
      new kplus.Deployment(this, `webapp-${version}`, {
        metadata: { name: `webapp-${version}`, namespace: 'default' },
        podMetadata: { labels: { app: 'webapp', version } },
        containers: [{ image: `example.com/webapp:${version}`, portNumber: 8080 }],
      });
    }
    const service = new kplus.Service(this, 'webapp', { metadata: { name: 'webapp', namespace: 'default' }, ports: [{ port: 8080, name: 'http' }] });
    service.selectLabel('app', 'webapp');

    const role = (value: string) => ({ 'x-user-role': StringMatch.exact(value) });
    this.webapp = new HeaderRouting(this, 'Webapp', {
      host: Host.fromKubeService(service),
      name: 'header-routing',
      namespace: 'default',
      defaultVersion: ServiceVersion.named('stable'),
      rules: [
        { headers: role('beta-tester'), version: ServiceVersion.named('canary') },
        { headers: role('internal'), version: ServiceVersion.named('staging') },
      ],
    });
  }
}
