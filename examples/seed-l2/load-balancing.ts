import { Chart, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { ConsistentHashKey, DestinationRule, HashAlgorithm, Host, LoadBalancer } from '../../src';

/** Seed section "Load Balancing": one DestinationRule per algorithm. */
export class LoadBalancingExamples extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    const rule = (name: string, service: string, loadBalancer: LoadBalancer) => new DestinationRule(this, name, {
      metadata: { name },
      host: Host.fromService(service, 'default'),
      trafficPolicy: { loadBalancer },
    });
    const hashOn = (key: ConsistentHashKey) => LoadBalancer.consistentHash({ key });

    rule('load-balancer-examples', 'myservice', LoadBalancer.roundRobin());
    rule('user-session-affinity', 'webapp', hashOn(ConsistentHashKey.httpHeader('x-user-id')));
    rule('cookie-affinity', 'webapp', hashOn(ConsistentHashKey.httpCookie('session-id', { ttl: Duration.seconds(3600), path: '/api' })));
    rule('source-ip-affinity', 'stateful-service', hashOn(ConsistentHashKey.sourceIp()));
    rule('query-param-affinity', 'api', hashOn(ConsistentHashKey.queryParameter('tenant-id')));
    // Fix: the seed's consistentHash.minimumRingSize is deprecated (Istio warns); ringHash is its replacement.
    rule('ring-hash-config', 'distributed-cache', LoadBalancer.consistentHash({
      key: ConsistentHashKey.httpHeader('x-cache-key'),
      algorithm: HashAlgorithm.ringHash(1024),
    }));

    // Fix: Istio takes distribute or failover, not both ("can not simultaneously specify 'distribute' and
    // 'failover'"). The 80/20 split keeps traffic in the caller's zone as the seed intends; failover would
    // also need outlier detection, which the seed does not set.
    new DestinationRule(this, 'locality-lb', {
      metadata: { name: 'locality-lb' },
      host: Host.fromService('global-service', 'default'),
      trafficPolicy: {
        localityLbSetting: {
          enabled: true,
          distribute: [{ from: 'us-east-1/us-east-1a/*', to: { 'us-east-1/us-east-1a/*': 80, 'us-east-1/us-east-1b/*': 20 } }],
        },
      },
    });
  }
}
