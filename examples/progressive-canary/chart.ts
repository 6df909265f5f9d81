import { join } from 'path';
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-32';
import { Construct } from 'constructs';
import { CanaryService, Host } from '../../src';

/** The rollout: the canary's weight at each step, checked (integers, 0 to 100, going up). */
export const STEPS = CanaryService.steps([5, 25, 50, 100]);

/**
 * Seed section "Progressive Canary with Mirroring", one step of it: `analytics` sends `weight`% of the
 * requests to the canary and, until the canary takes them all, a copy of every request too (the
 * seed's first step is 5% with a 100% mirror).
 */
export class ProgressiveCanaryChart extends Chart {
  public readonly analytics: CanaryService;

  constructor(scope: Construct, id: string, weight: number) {
    super(scope, id);
    const version = (track: string) => new kplus.Deployment(this, `analytics-${track}`, {
      metadata: { name: `analytics-${track}`, namespace: 'default' },
      podMetadata: { labels: { app: 'analytics', version: track } },
      containers: [{ image: `example.com/analytics:${track === 'stable' ? '1.4.0' : '1.5.0'}`, portNumber: 8080 }],
    });
    version('stable');
    version('canary');
    const service = new kplus.Service(this, 'analytics', {
      metadata: { name: 'analytics', namespace: 'default' },
      ports: [{ port: 8080, name: 'http' }],
    });
    service.selectLabel('app', 'analytics');

    // Pods labelled version: stable / version: canary: the pattern's default versions.
    this.analytics = new CanaryService(this, 'Analytics', {
      host: Host.fromKubeService(service),
      namespace: 'default',
      canaryWeight: weight,
      mirrorPercentage: weight < 100 ? 100 : undefined,
    });
  }
}

/** One app per step, each written to `<outdir>/step-<n>-weight-<weight>/`: commit one step at a time. */
export function progressiveCanaryApps(outdir: string): App[] {
  return STEPS.map((weight, i) => {
    const app = new App({ outdir: join(outdir, `step-${i + 1}-weight-${weight}`) });
    new ProgressiveCanaryChart(app, 'analytics', weight);
    return app;
  });
}
