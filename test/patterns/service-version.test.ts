import { ApiObjectMetadataDefinition } from 'cdk8s';
import { ServiceVersion } from '../../src';

function workload(podLabels: Record<string, string>, matchLabels: Record<string, string>) {
  return { matchLabels, podMetadata: new ApiObjectMetadataDefinition({ labels: podLabels, apiObject: undefined as any }) };
}

describe('ServiceVersion', () => {
  test('named: the version label Istio\'s examples use', () => {
    const v2 = ServiceVersion.named('v2');
    expect([v2.name, v2.labels]).toEqual(['v2', { version: 'v2' }]);
  });

  test('fromLabels keeps the labels given', () => {
    expect(ServiceVersion.fromLabels('canary', { app: 'reviews', track: 'canary' }).labels).toEqual({ app: 'reviews', track: 'canary' });
  });

  test('fromWorkload: the pods\' version label, else the workload\'s selector', () => {
    expect(ServiceVersion.fromWorkload('v2', workload({ app: 'reviews', version: 'v2' }, { 'cdk8s.io/metadata.addr': 'abc' })).labels)
      .toEqual({ version: 'v2' });
    expect(ServiceVersion.fromWorkload('blue', workload({ app: 'reviews' }, { 'cdk8s.io/metadata.addr': 'abc' })).labels)
      .toEqual({ 'cdk8s.io/metadata.addr': 'abc' });
  });

  test('fails on a subset name Istio rejects', () => {
    expect(() => ServiceVersion.named('v.2')).toThrow('ServiceVersion.fromLabels(): subset name is invalid: v.2; name a version like "v2" or "canary"');
    expect(() => ServiceVersion.named('')).toThrow('ServiceVersion.fromLabels(): subset name cannot be empty');
  });

  test('fails without labels', () => {
    expect(() => ServiceVersion.fromLabels('v2', {})).toThrow(
      'ServiceVersion.fromLabels(): version "v2" needs at least one pod label to select its pods, e.g. { version: \'v2\' }');
  });
});
