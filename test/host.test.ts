import { ApiObjectMetadataDefinition, Testing } from 'cdk8s';
import { Host } from '../src';
import { externalOf } from '../src/core/external';

function kubeService(name: string, namespace?: string) {
  return { name, metadata: new ApiObjectMetadataDefinition({ name, namespace, apiObject: undefined as any }) };
}

describe('Host', () => {
  test('a name is kept as written', () => {
    expect(Host.fromName('reviews').hostName).toBe('reviews');
    expect(Host.fromName('*.example.com').hostName).toBe('*.example.com');
  });

  test('a Service name and namespace are rendered fully qualified', () => {
    expect(Host.fromService('reviews', 'shop').hostName).toBe('reviews.shop.svc.cluster.local');
    expect(Host.fromService('reviews', 'shop', 'corp.internal').hostName).toBe('reviews.shop.svc.corp.internal');
  });

  test('a cdk8s-plus Service: fully qualified with a namespace, its short name without', () => {
    expect(Host.fromKubeService(kubeService('ratings', 'shop')).hostName).toBe('ratings.shop.svc.cluster.local');
    expect(Host.fromKubeService(kubeService('ratings', 'shop'), { clusterDomain: 'c.local' }).hostName).toBe('ratings.shop.svc.c.local');
    expect(Host.fromKubeService(kubeService('ratings')).hostName).toBe('ratings');
  });

  test('an imported host is marked external for the analysis', () => {
    const host = Host.fromExternalName(Testing.chart(), 'Payments', 'payments.billing.svc.cluster.local');
    expect(host.hostName).toBe('payments.billing.svc.cluster.local');
    expect(externalOf(host)).toEqual({ kind: 'Host', ref: 'payments.billing.svc.cluster.local' });
  });

  test.each(['', ' ', 'a b', 'ns/reviews'])('fails on the name %j', name => {
    expect(() => Host.fromName(name)).toThrow(`Host.fromName(): hostName must be a DNS name (optionally with a leading '*'), got ${JSON.stringify(name)}`);
  });

  test.each([['Reviews', 'shop', 'name'], ['reviews', 'sh.op', 'namespace'], ['', 'shop', 'name']])('fails on the Service %j in %j', (name, namespace, field) => {
    expect(() => Host.fromService(name, namespace)).toThrow(`Host.fromService(): ${field} must be a DNS-1123 label`);
  });
});
