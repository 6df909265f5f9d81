import { DEFAULT_NAMESPACE, Group, ObjectSet } from '../../../../src/validation/analysis/core/object-set';
import { Workloads } from '../../../../src/validation/analysis/core/workloads';
import { deployment, object, pod, virtualService } from '../../../support/objects';

describe('ObjectSet and Workloads', () => {
  test('indexes objects by kind (any version) and name; objects without namespace are in "default"', () => {
    const set = new ObjectSet([
      undefined,
      'not an object',
      { kind: 'NoApiVersion' },
      virtualService('a', {}),
      virtualService('b', {}, { namespace: 'shop', apiVersion: 'networking.istio.io/v1alpha3' }),
    ]);
    expect(set.of(Group.NETWORKING, 'VirtualService').map(e => [e.index, e.fullName])).toEqual([[3, 'default/a'], [4, 'shop/b']]);
    expect(set.find(Group.NETWORKING, 'VirtualService', DEFAULT_NAMESPACE, 'a')?.index).toBe(3);
    expect(set.find(Group.NETWORKING, 'VirtualService', 'other', 'a')).toBeUndefined();
    expect(set.memo('x', () => 1)).toBe(set.memo('x', () => 2));
  });

  test('workloads are Pods and pod templates; selectors match by labels, optionally in one namespace', () => {
    const cron = object('batch/v1', 'CronJob', 'job', { jobTemplate: { spec: { template: { metadata: { labels: { app: 'job' } } } } } }, 'ops');
    const workloads = Workloads.of(new ObjectSet([pod('p', 'shop', { app: 'cart', v: '1' }), deployment('d', 'web', { app: 'cart', v: '2' }), cron]));
    expect(workloads.all.map(w => w.name)).toEqual(['p', 'd', 'job']);
    expect(workloads.selectedBy({ app: 'cart' }).map(w => w.name)).toEqual(['p', 'd']);
    expect(workloads.selectedBy({ app: 'cart' }, 'web').map(w => w.name)).toEqual(['d']);
    expect(workloads.selectedBy({ app: 'cart', v: '3' })).toEqual([]);
    expect(workloads.selectedBy({}, 'ops').map(w => w.name)).toEqual(['job']);
  });
});
