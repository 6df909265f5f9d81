import { findings, route } from './fixtures';
import { Severity } from '../../../src/validation/diagnostic';
import { virtualService } from '../../support/objects';

const message = (names: string, host: string) =>
  `The VirtualServices ${names} associated with mesh gateway define the same host ${host} which can lead to undefined behavior. This can be fixed by merging the conflicting VirtualServices into a single resource.`;

describe('mesh gateway VirtualServices with the same host (IST0109)', () => {
  test('different hosts, or the same host on an ingress gateway only: nothing', () => {
    const objects = [
      virtualService('a', { hosts: ['reviews'], http: [route('reviews')] }, 'bookinfo'),
      virtualService('b', { hosts: ['ratings'], http: [route('ratings')] }, 'bookinfo'),
      virtualService('c', { hosts: ['reviews'], gateways: ['ingress'], http: [route('reviews')] }, 'bookinfo'),
    ];
    expect(findings(objects, 'IST0109')).toEqual([]);
  });

  test('two mesh VirtualServices for one host (short and FQDN): IST0109 on each', () => {
    const objects = [
      virtualService('a', { hosts: ['reviews'], http: [route('reviews')] }, 'bookinfo'),
      virtualService('b', { hosts: ['other', 'reviews.bookinfo.svc.cluster.local'], gateways: ['mesh', 'ingress'], http: [route('reviews')] }, 'bookinfo'),
    ];
    const text = message('bookinfo/a,bookinfo/b', '*/reviews.bookinfo.svc.cluster.local');
    expect(findings(objects, 'IST0109')).toEqual([
      { code: 'IST0109', severity: Severity.ERROR, name: 'a', objectIndex: 0, path: 'spec.hosts[0]', message: text },
      { code: 'IST0109', severity: Severity.ERROR, name: 'b', objectIndex: 1, path: 'spec.hosts[1]', message: text },
    ]);
  });

  test('exported to different namespaces: no conflict; a namespace-local one conflicts with a matching wildcard exported everywhere', () => {
    const objects = [
      virtualService('a', { hosts: ['api.example.com'], exportTo: ['.'], http: [route('x')] }, 'team1'),
      virtualService('b', { hosts: ['api.example.com'], exportTo: ['.'], http: [route('x')] }, 'team2'),
      virtualService('c', { hosts: ['*.example.org'], http: [route('x')] }, 'team3'),
      virtualService('d', { hosts: ['www.example.org'], exportTo: ['.'], http: [route('x')] }, 'team4'),
    ];
    expect(findings(objects, 'IST0109').map(f => [f.name, f.message])).toEqual([
      ['c', message('team4/d,team3/c', 'team4/www.example.org')],
      ['d', message('team4/d,team3/c', 'team4/www.example.org')],
    ]);
  });
});
