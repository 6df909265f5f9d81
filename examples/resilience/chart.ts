import { App, Chart, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-32';
import { Construct } from 'constructs';
import { Host, ResilienceProfile, ResilientService } from '../../src';

/**
 * A service made resilient (the seed's "DestinationRule" connection pool and outlier detection, and
 * "Locality Load Balancing"): a 5s timeout with retries, outlier detection, a connection pool sized for
 * the service, and failover from us-east-1 to us-west-1.
 */
export class ResilienceChart extends Chart {
  public readonly service: ResilientService;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const global = new kplus.Service(this, 'Global', { metadata: { name: 'global-service', namespace: 'default' }, ports: [{ port: 8080 }] });

    this.service = new ResilientService(this, 'GlobalService', {
      host: Host.fromKubeService(global),
      resilience: ResilienceProfile.standard().with({
        timeout: Duration.seconds(5),
        retries: { attempts: 3, perTryTimeout: Duration.seconds(1) },
        outlierDetection: {
          consecutive5xxErrors: 5,
          consecutiveGatewayErrors: 5,
          interval: Duration.seconds(10),
          baseEjectionTime: Duration.seconds(30),
          maxEjectionPercent: 50,
          minHealthPercent: 40,
        },
        connectionPool: {
          tcp: { maxConnections: 100, connectTimeout: Duration.millis(30) },
          http: { http1MaxPendingRequests: 50, http2MaxRequests: 100, maxRequestsPerConnection: 2, maxRetries: 3 },
        },
      }),
      // The seed also sets `distribute`, which Istio rejects together with `failover`: failover is kept.
      locality: { enabled: true, failover: [{ from: 'us-east-1', to: 'us-west-1' }] },
    });
  }
}

/** The example's app. */
export function buildApp(app: App = new App()): App {
  new ResilienceChart(app, 'resilience');
  return app;
}
