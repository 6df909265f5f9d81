import { findings, route } from './fixtures';
import { Severity } from '../../../src/validation/diagnostic';
import { sidecar, virtualService } from '../../support/objects';

describe('deprecated fields (IST0002)', () => {
  test('fault delay percentage and a Sidecar without egressProxy: nothing', () => {
    const objects = [
      virtualService('vs', { hosts: ['reviews'], http: [{ fault: { delay: { percentage: { value: 10 }, fixedDelay: '5s' } }, ...route('reviews') }] }),
      sidecar('default', { outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } }),
    ];
    expect(findings(objects, 'IST0002')).toEqual([]);
  });

  test('fault delay percent and Sidecar egressProxy: IST0002', () => {
    const objects = [
      virtualService('vs', { hosts: ['reviews'], http: [{ fault: { delay: { percent: 10, fixedDelay: '5s' } }, ...route('reviews') }] }),
      sidecar('default', { outboundTrafficPolicy: { mode: 'ALLOW_ANY', egressProxy: { host: 'egress', port: { number: 80 } } } }),
    ];
    expect(findings(objects, 'IST0002')).toEqual([
      { code: 'IST0002', severity: Severity.WARNING, name: 'vs', objectIndex: 0, path: 'spec.http[0].fault.delay.percent', message: 'Deprecated: HTTPRoute.fault.delay.percent is deprecated; use HTTPRoute.fault.delay.percentage' },
      { code: 'IST0002', severity: Severity.WARNING, name: 'default', objectIndex: 1, path: 'spec.outboundTrafficPolicy.egressProxy', message: 'Deprecated: OutboundTrafficPolicy.EgressProxy ignored' },
    ]);
  });
});
