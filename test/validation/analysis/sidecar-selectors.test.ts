import { findings } from './fixtures';
import { Severity } from '../../../src/validation/diagnostic';
import { deployment, namespaceObject, pod, sidecar } from '../../support/objects';

const egress = { egress: [{ hosts: ['./*'] }] };
const selecting = (labels: Record<string, string>) => ({ workloadSelector: { labels }, ...egress });

describe('Sidecar selectors (IST0111, IST0110, IST0101 selector, IST0167)', () => {
  test('one default Sidecar and selectors that select distinct workloads: nothing', () => {
    const objects = [
      sidecar('default', egress, 'shop'),
      sidecar('cart', selecting({ app: 'cart' }), 'shop'),
      sidecar('web', selecting({ app: 'web' }), 'shop'),
      pod('cart-1', 'shop', { app: 'cart' }),
      deployment('web', 'shop', { app: 'web' }),
    ];
    expect(findings(objects, 'IST0101', 'IST0110', 'IST0111', 'IST0167')).toEqual([]);
  });

  test('two Sidecars without selector in a namespace: IST0111 on each', () => {
    const objects = [sidecar('a', egress, 'shop'), sidecar('b', { workloadSelector: { labels: {} }, ...egress }, 'shop'), sidecar('c', egress, 'other')];
    const message = 'The Sidecars [a b] in namespace "shop" have no workload selector, which can lead to undefined behavior.';
    expect(findings(objects, 'IST0111')).toEqual([
      { code: 'IST0111', severity: Severity.ERROR, name: 'a', objectIndex: 0, path: 'spec.workloadSelector', message },
      { code: 'IST0111', severity: Severity.ERROR, name: 'b', objectIndex: 1, path: 'spec.workloadSelector', message },
    ]);
  });

  test('two Sidecars selecting one pod: IST0110 on each; a selector matching nothing: IST0101', () => {
    const objects = [
      sidecar('a', selecting({ app: 'cart' }), 'shop'),
      sidecar('b', selecting({ version: 'v1' }), 'shop'),
      sidecar('c', selecting({ app: 'nothing', tier: 'x' }), 'shop'),
      pod('cart-1', 'shop', { app: 'cart', version: 'v1' }),
    ];
    const message = 'The Sidecars [a b] in namespace "shop" select the same workload pod "cart-1", which can lead to undefined behavior.';
    expect(findings(objects, 'IST0101', 'IST0110')).toEqual([
      { code: 'IST0110', severity: Severity.ERROR, name: 'a', objectIndex: 0, path: 'spec.workloadSelector.labels', message },
      { code: 'IST0110', severity: Severity.ERROR, name: 'b', objectIndex: 1, path: 'spec.workloadSelector.labels', message },
      { code: 'IST0101', severity: Severity.ERROR, name: 'c', objectIndex: 2, path: 'spec.workloadSelector.labels', message: 'Referenced selector not found: "app=nothing,tier=x"' },
    ]);
  });

  test('without Pods or workloads in the set, selectors are not checked', () => {
    expect(findings([sidecar('c', selecting({ app: 'nothing' }), 'shop')], 'IST0101')).toEqual([]);
  });

  test('Sidecars in an ambient namespace or on an ambient pod have no impact: IST0167', () => {
    const objects = [
      namespaceObject('mesh', { 'istio.io/dataplane-mode': 'ambient' }),
      sidecar('a', egress, 'mesh'),
      sidecar('b', selecting({ app: 'x' }), 'shop'),
      pod('x-1', 'shop', { app: 'x' }, { 'ambient.istio.io/redirection': 'enabled' }),
    ];
    expect(findings(objects, 'IST0167', 'IST0110', 'IST0111')).toEqual([
      { code: 'IST0167', severity: Severity.WARNING, name: 'a', objectIndex: 1, path: 'metadata.namespace', message: 'The policy has no impact: namespace is in ambient mode, the policy has no impact.' },
      { code: 'IST0167', severity: Severity.WARNING, name: 'b', objectIndex: 2, path: 'spec.workloadSelector.labels', message: 'The policy has no impact: selected workload is in ambient mode, the policy has no impact.' },
    ]);
  });
});
