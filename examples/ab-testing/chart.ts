import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-32';
import { Construct } from 'constructs';
import { AbTest, Host, ServiceVersion, VariantSelector } from '../../src';

/**
 * Seed section "A/B Testing": users whose `experiment` cookie is `variant-a` or `variant-b` reach
 * that variant of `frontend`, everyone else the control. On top of the seed: the cookie is found
 * among the request's other cookies too, and the pattern's ISTIO_MUTUAL, outlier detection, timeout
 * and retries.
 */
export class AbTestingChart extends Chart {
  public readonly frontend: AbTest;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    for (const version of ['control', 'variant-a', 'variant-b']) {
      new kplus.Deployment(this, `frontend-${version}`, {
        metadata: { name: `frontend-${version}`, namespace: 'default' },
        podMetadata: { labels: { app: 'frontend', version } },
        containers: [{ image: `example.com/frontend:${version}`, portNumber: 8080 }],
      });
    }
    const service = new kplus.Service(this, 'frontend', { metadata: { name: 'frontend', namespace: 'default' }, ports: [{ port: 8080, name: 'http' }] });
    service.selectLabel('app', 'frontend');

    // Each variant is selected by its version's name as the cookie's value: experiment=variant-a.
    this.frontend = new AbTest(this, 'Frontend', {
      host: Host.fromKubeService(service),
      name: 'ab-testing',
      namespace: 'default',
      selectBy: VariantSelector.cookie('experiment'),
      control: ServiceVersion.named('control'),
      variants: [{ version: ServiceVersion.named('variant-a') }, { version: ServiceVersion.named('variant-b') }],
    });
  }
}
