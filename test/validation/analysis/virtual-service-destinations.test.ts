import { findings, route } from './fixtures';
import { Severity } from '../../../src/validation/diagnostic';
import { service, serviceEntry, virtualService } from '../../support/objects';

describe('VirtualService destination hosts (IST0101 host / mirror host / host:port, IST0112)', () => {
  test('hosts that resolve to a Service or a visible ServiceEntry, with a valid port: nothing', () => {
    const objects = [
      service('reviews', 'bookinfo', [9080]),
      service('ratings', 'other', [9080, 9090]),
      serviceEntry('api', { hosts: ['api.example.com'], ports: [{ number: 443, name: 'https', protocol: 'HTTPS' }], resolution: 'DNS' }, 'egress'),
      serviceEntry('wild', { hosts: ['*.wild.org'], ports: [{ number: 80, name: 'http', protocol: 'HTTP' }], resolution: 'NONE' }, 'bookinfo'),
      virtualService('vs', {
        hosts: ['reviews'],
        http: [
          { ...route('reviews'), mirror: { host: 'api.example.com' } },
          route('ratings.other.svc.cluster.local', { port: { number: 9090 } }),
          route('x.wild.org'),
        ],
      }, 'bookinfo'),
    ];
    expect(findings(objects, 'IST0101', 'IST0112')).toEqual([]);
  });

  test('an unknown host (the set has Services): IST0101 "host" and "mirror host"', () => {
    const objects = [
      service('reviews', 'bookinfo'),
      virtualService('vs', { hosts: ['reviews'], http: [{ ...route('reviewz'), mirrors: [{ destination: { host: 'shadow' } }] }] }, 'bookinfo'),
    ];
    expect(findings(objects, 'IST0101')).toEqual([
      { code: 'IST0101', severity: Severity.ERROR, name: 'vs', objectIndex: 1, path: 'spec.http[0].route[0].destination.host', message: 'Referenced host not found: "reviewz"' },
      { code: 'IST0101', severity: Severity.ERROR, name: 'vs', objectIndex: 1, path: 'spec.http[0].mirrors[0].destination.host', message: 'Referenced mirror host not found: "shadow"' },
    ]);
  });

  test('`name.namespace` is not qualified further, as in Istio: not the Service name.namespace.svc.cluster.local', () => {
    const objects = [service('reviews', 'bookinfo'), virtualService('vs', { hosts: ['reviews'], http: [route('reviews.bookinfo')] }, 'bookinfo')];
    expect(findings(objects, 'IST0101').map(f => f.message)).toEqual(['Referenced host not found: "reviews.bookinfo"']);
  });

  test('without any Service in the set, unknown hosts are not IST0101', () => {
    expect(findings([virtualService('vs', { hosts: ['reviews'], http: [route('reviewz')] })], 'IST0101')).toEqual([]);
  });

  test('a ServiceEntry exported only to its namespace is not visible from another', () => {
    const objects = [
      service('unrelated', 'x'),
      serviceEntry('api', { hosts: ['api.example.com'], exportTo: ['.'], ports: [{ number: 443, name: 'https', protocol: 'HTTPS' }] }, 'egress'),
      virtualService('vs', { hosts: ['api.example.com'], http: [route('api.example.com')] }, 'shop'),
    ];
    expect(findings(objects, 'IST0101').map(f => f.message)).toEqual(['Referenced host not found: "api.example.com"']);
  });

  test('a Service with several ports and no destination port: IST0112', () => {
    const objects = [service('reviews', 'bookinfo', [9080, 9090]), virtualService('vs', { hosts: ['reviews'], http: [route('reviews')] }, 'bookinfo')];
    expect(findings(objects, 'IST0112')).toEqual([{
      code: 'IST0112',
      severity: Severity.ERROR,
      name: 'vs',
      objectIndex: 1,
      path: 'spec.http[0].route[0].destination.port',
      message: 'This VirtualService routes to a service "reviews" that exposes multiple ports [9080 9090]. Specifying a port in the destination is required to disambiguate.',
    }]);
  });

  test('a destination port the service does not have: IST0101 "host:port"', () => {
    const objects = [service('reviews', 'bookinfo', [9080]), virtualService('vs', { hosts: ['reviews'], tcp: [route('reviews', { port: { number: 80 } })] }, 'bookinfo')];
    expect(findings(objects, 'IST0101')).toEqual([expect.objectContaining({
      path: 'spec.tcp[0].route[0].destination.port.number', message: 'Referenced host:port not found: "reviews:80"',
    })]);
  });
});
