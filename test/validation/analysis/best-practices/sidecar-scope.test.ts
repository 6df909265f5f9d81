import { bestPractices } from './helpers';
import { Severity } from '../../../../src/validation/diagnostic';
import { deployment, pod, sidecar } from '../../../support/objects';

const egress = { egress: [{ hosts: ['./*'] }] };

describe('namespaces with workloads and no Sidecar (CI2007)', () => {
  test('once per namespace, on its first workload, an info', () => {
    const objects = [deployment('a', 'shop', { app: 'a' }), pod('b', 'shop', { app: 'b' }), pod('c', 'other', { app: 'c' })];
    expect(bestPractices(objects, 'CI2007')).toEqual([
      {
        code: 'CI2007',
        severity: Severity.INFO,
        name: 'a',
        objectIndex: 0,
        path: '',
        message: 'namespace "shop" has workloads but no Sidecar, so each proxy gets the configuration of every service in the mesh; '
          + 'add a Sidecar whose egress lists the hosts the namespace calls (e.g. "./*", "istio-system/*")',
      },
      expect.objectContaining({ name: 'c', objectIndex: 2 }),
    ]);
  });

  test('silent: a Sidecar in the namespace, a mesh-wide Sidecar in istio-system, no workloads', () => {
    expect(bestPractices([deployment('a', 'shop', { app: 'a' }), sidecar('default', egress, 'shop')], 'CI2007')).toEqual([]);
    expect(bestPractices([deployment('a', 'shop', { app: 'a' }), sidecar('default', egress, 'istio-system')], 'CI2007')).toEqual([]);
    expect(bestPractices([sidecar('default', egress, 'shop')], 'CI2007')).toEqual([]);
  });

  test('a Sidecar with a workloadSelector in istio-system is not the mesh default', () => {
    const selective = sidecar('gw', { ...egress, workloadSelector: { labels: { istio: 'ingressgateway' } } }, 'istio-system');
    expect(bestPractices([deployment('a', 'shop', { app: 'a' }), selective], 'CI2007').map(f => f.name)).toEqual(['a']);
  });
});
