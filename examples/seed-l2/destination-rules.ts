import { Chart, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { ConsistentHashKey, DestinationRule, H2UpgradePolicy, Host, LoadBalancer, TlsMode } from '../../src';

/** Seed section "DestinationRule". */
export class DestinationRuleExamples extends Chart {
  /** The complete example's rule for reviews, with subsets v1, v2 and v3. */
  public readonly reviews: DestinationRule;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    const reviews = Host.fromService('reviews', 'default');
    this.reviews = new DestinationRule(this, 'reviews-destination', {
      metadata: { name: 'reviews-destination', namespace: 'default' },
      host: reviews,
      trafficPolicy: {
        loadBalancer: LoadBalancer.consistentHash({ key: ConsistentHashKey.httpHeader('x-user-id') }),
        connectionPool: {
          tcp: {
            maxConnections: 100,
            connectTimeout: Duration.millis(30),
            tcpKeepalive: { time: Duration.seconds(7200), interval: Duration.seconds(75) },
          },
          http: {
            http1MaxPendingRequests: 50,
            http2MaxRequests: 100,
            maxRequestsPerConnection: 2,
            maxRetries: 3,
            h2UpgradePolicy: H2UpgradePolicy.UPGRADE,
            idleTimeout: Duration.seconds(3600),
          },
        },
        outlierDetection: {
          consecutive5xxErrors: 5,
          interval: Duration.seconds(30),
          baseEjectionTime: Duration.seconds(30),
          maxEjectionPercent: 50,
          minHealthPercent: 40,
          consecutiveGatewayErrors: 5,
          consecutiveLocalOriginFailures: 5,
          // Fix: Istio counts local-origin failures apart only when told to ("outlier detection consecutive
          // local origin failures is specified, but split external local origin errors is set to false").
          splitExternalLocalOriginErrors: true,
        },
        tls: {
          mode: TlsMode.ISTIO_MUTUAL,
          sni: reviews.hostName,
          subjectAltNames: ['spiffe://cluster.local/ns/default/sa/reviews'],
        },
      },
    });
    this.reviews.addSubset('v1', { labels: { version: 'v1' }, trafficPolicy: { loadBalancer: LoadBalancer.roundRobin() } });
    this.reviews.addSubset('v2', {
      labels: { version: 'v2' },
      trafficPolicy: { loadBalancer: LoadBalancer.leastRequest(), connectionPool: { tcp: { maxConnections: 200 } } },
    });
    this.reviews.addSubset('v3', { labels: { version: 'v3' }, trafficPolicy: { loadBalancer: LoadBalancer.random() } });

    new DestinationRule(this, 'lb-examples', {
      metadata: { name: 'lb-examples' },
      host: Host.fromService('myservice', 'default'),
      trafficPolicy: { loadBalancer: LoadBalancer.leastRequest() },
    });

    const certs = '/etc/certs';
    const tls = new DestinationRule(this, 'tls-example', {
      metadata: { name: 'tls-example' },
      host: Host.fromName('external-service.com'),
      trafficPolicy: { tls: { mode: TlsMode.SIMPLE, caCertificates: `${certs}/ca.crt`, sni: 'external-service.com' } },
    });
    tls.addSubset('mtls-subset', {
      trafficPolicy: {
        tls: {
          mode: TlsMode.MUTUAL,
          clientCertificate: `${certs}/client.crt`,
          privateKey: `${certs}/client.key`,
          caCertificates: `${certs}/ca.crt`,
        },
      },
    });
  }
}
