import { bestPractices } from './helpers';
import { Severity } from '../../../../src/validation/diagnostic';
import { destinationRule } from '../../../support/objects';

describe('mesh-internal TLS other than ISTIO_MUTUAL (CI2005)', () => {
  test('DISABLE towards a short name: CI2005 at the mode', () => {
    expect(bestPractices([destinationRule('reviews', { host: 'reviews', trafficPolicy: { tls: { mode: 'DISABLE' } } }, 'shop')], 'CI2005')).toEqual([{
      code: 'CI2005',
      severity: Severity.WARNING,
      name: 'reviews',
      objectIndex: 0,
      path: 'spec.trafficPolicy.tls.mode',
      message: 'TLS mode DISABLE towards the mesh-internal host "reviews" replaces Istio\'s mutual TLS; '
        + 'use ISTIO_MUTUAL (or leave tls unset: the mesh uses mutual TLS automatically)',
    }]);
  });

  test('SIMPLE on a port and MUTUAL on a subset towards a svc.cluster.local host: reported where they are', () => {
    const spec = {
      host: 'reviews.shop.svc.cluster.local',
      trafficPolicy: { portLevelSettings: [{ port: { number: 80 }, tls: { mode: 'SIMPLE' } }] },
      subsets: [{ name: 'v1', labels: { version: 'v1' }, trafficPolicy: { tls: { mode: 'MUTUAL', credentialName: 'c' } } }],
    };
    expect(bestPractices([destinationRule('reviews', spec, 'shop')], 'CI2005').map(f => f.path)).toEqual([
      'spec.trafficPolicy.portLevelSettings[0].tls.mode',
      'spec.subsets[0].trafficPolicy.tls.mode',
    ]);
  });

  test('silent: ISTIO_MUTUAL, tls unset, an external host', () => {
    const objects = [
      destinationRule('a', { host: 'a', trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } } }),
      destinationRule('b', { host: 'b', trafficPolicy: { connectionPool: {} } }),
      destinationRule('c', { host: 'api.example.com', trafficPolicy: { tls: { mode: 'SIMPLE' } } }),
    ];
    expect(bestPractices(objects, 'CI2005')).toEqual([]);
  });
});
