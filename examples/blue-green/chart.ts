import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-32';
import { Construct } from 'constructs';
import { BlueGreenColor, BlueGreenService, Host, StringMatch } from '../../src';

/**
 * Seed section "Blue-Green Deployment": every request to `payment` goes to green; blue stays deployed
 * and declared for the switch back. On top of the seed: testers reach the idle colour (blue) with
 * `x-preview: true`.
 */
export class BlueGreenChart extends Chart {
  public readonly payment: BlueGreenService;

  /** @param active the live colour: switching, and rolling back, is this one argument */
  constructor(scope: Construct, id: string, active: BlueGreenColor = BlueGreenColor.GREEN) {
    super(scope, id);
    for (const colour of ['blue', 'green']) {
      new kplus.Deployment(this, `payment-${colour}`, {
        metadata: { name: `payment-${colour}`, namespace: 'default' },
        podMetadata: { labels: { app: 'payment', version: colour } },
        containers: [{ image: `example.com/payment:${colour === 'blue' ? '2.3.1' : '2.4.0'}`, portNumber: 8080 }],
      });
    }
    const service = new kplus.Service(this, 'payment', {
      metadata: { name: 'payment', namespace: 'default' },
      ports: [{ port: 8080, name: 'http' }],
    });
    service.selectLabel('app', 'payment');

    // Pods labelled version: blue / version: green: the pattern's default colours.
    this.payment = new BlueGreenService(this, 'Payment', {
      host: Host.fromKubeService(service),
      namespace: 'default',
      active,
      previewHeaders: { 'x-preview': StringMatch.exact('true') },
    });
  }
}
