import { findings, route } from './fixtures';
import { Severity } from '../../../src/validation/diagnostic';
import { destinationRule, virtualService } from '../../support/objects';

const rule = destinationRule('reviews', { host: 'reviews', subsets: [{ name: 'v1', labels: { version: 'v1' } }] }, 'bookinfo');

describe('VirtualService subsets (IST0101 host+subset in destinationrule)', () => {
  test('subsets a DestinationRule defines for the host, short or FQDN: nothing', () => {
    const vs = virtualService('vs', { hosts: ['reviews'], http: [route('reviews', { subset: 'v1' }), route('reviews.bookinfo.svc.cluster.local', { subset: 'v1' })] }, 'bookinfo');
    expect(findings([rule, vs], 'IST0101')).toEqual([]);
  });

  test('a subset no DestinationRule defines: IST0101 on the subset', () => {
    const vs = virtualService('vs', { hosts: ['reviews'], http: [route('reviews', { subset: 'v2' })] }, 'bookinfo');
    expect(findings([rule, vs], 'IST0101')).toEqual([{
      code: 'IST0101',
      severity: Severity.ERROR,
      name: 'vs',
      objectIndex: 1,
      path: 'spec.http[0].route[0].destination.subset',
      message: 'Referenced host+subset in destinationrule not found: "reviews+v2"',
    }]);
  });

  test('a short host resolves in the VirtualService namespace, so a rule in another namespace does not count', () => {
    const vs = virtualService('vs', { hosts: ['reviews'], tls: [{ match: [{ sniHosts: ['reviews'] }], ...route('reviews', { subset: 'v1' }) }] }, 'other');
    expect(findings([rule, vs], 'IST0101').map(f => [f.path, f.message])).toEqual([
      ['spec.tls[0].route[0].destination.subset', 'Referenced host+subset in destinationrule not found: "reviews+v1"'],
    ]);
  });

  test('a mirror subset: reftype "mirror+subset in destinationrule"', () => {
    const vs = virtualService('vs', { hosts: ['reviews'], http: [{ ...route('reviews'), mirror: { host: 'reviews', subset: 'v3' } }] }, 'bookinfo');
    expect(findings([rule, vs], 'IST0101')).toEqual([expect.objectContaining({
      path: 'spec.http[0].mirror.subset', message: 'Referenced mirror+subset in destinationrule not found: "reviews+v3"',
    })]);
  });
});
