import { findings, route } from './fixtures';
import { Severity } from '../../../src/validation/diagnostic';
import { virtualService } from '../../support/objects';

const mesh = (subset = 'v1', host = 'reviews') => virtualService('reviews', { hosts: [host], http: [route(host, { subset })] }, 'shop');
const ingress = (spec: Record<string, unknown> = {}) =>
  virtualService('ingress', { hosts: ['www.example.com'], gateways: ['istio-system/public'], http: [route('reviews')], ...spec }, 'shop');

describe('route rules without effect on ingress (IST0140)', () => {
  test('a gateway VirtualService routes without subset to a host another routes to subsets', () => {
    expect(findings([mesh(), ingress()], 'IST0140')).toEqual([{
      code: 'IST0140',
      severity: Severity.WARNING,
      name: 'ingress',
      objectIndex: 1,
      path: 'spec.http[0].route[0].destination.host',
      message: 'Subset in virtual service shop/reviews has no effect on ingress gateway shop/ingress requests',
    }]);
  });

  test('no gateways, or a subset on the ingress route: nothing', () => {
    expect(findings([mesh(), ingress({ gateways: [] })], 'IST0140')).toEqual([]);
    expect(findings([mesh(), ingress({ http: [route('reviews', { subset: 'v2' })] })], 'IST0140')).toEqual([]);
  });

  test('"mesh" counts as a gateway too, as in istioctl', () => {
    expect(findings([mesh(), ingress({ gateways: ['mesh'] })], 'IST0140')).toHaveLength(1);
  });

  test('the subset route counts only when its host is one of its VirtualService\'s hosts, as written', () => {
    const other = virtualService('other', { hosts: ['other'], http: [route('reviews', { subset: 'v1' })] }, 'shop');
    expect(findings([other, ingress()], 'IST0140')).toEqual([]);
    // No short-name resolution: reviews.shop.svc.cluster.local is not reviews.
    const fqdn = mesh('v1', 'reviews.shop.svc.cluster.local');
    expect(findings([fqdn, ingress()], 'IST0140')).toEqual([]);
    expect(findings([fqdn, ingress({ http: [route('reviews.shop.svc.cluster.local')] })], 'IST0140')).toHaveLength(1);
  });

  test('one finding per route and subset-routing VirtualService; the checked one may be that VirtualService itself', () => {
    const both = virtualService('both', {
      hosts: ['reviews'], gateways: ['gw'], http: [{ route: [{ destination: { host: 'reviews', subset: 'v1' } }, { destination: { host: 'reviews', subset: 'v2' } }] }, route('reviews')],
    }, 'shop');
    const second = virtualService('second', { hosts: ['reviews'], http: [route('reviews', { subset: 'v3' })] });
    expect(findings([both, second], 'IST0140').map(f => [f.path, f.message])).toEqual([
      ['spec.http[1].route[0].destination.host', 'Subset in virtual service shop/both has no effect on ingress gateway shop/both requests'],
      ['spec.http[1].route[0].destination.host', 'Subset in virtual service default/second has no effect on ingress gateway shop/both requests'],
    ]);
  });

  test('TCP and TLS routes are not checked', () => {
    const tcp = ingress({ http: undefined, tcp: [{ route: [{ destination: { host: 'reviews' } }] }] });
    expect(findings([mesh(), tcp], 'IST0140')).toEqual([]);
  });
});
