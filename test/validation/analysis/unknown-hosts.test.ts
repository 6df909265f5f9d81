import { findings, route } from './fixtures';
import { Severity } from '../../../src/validation/diagnostic';
import { destinationRule, service, serviceEntry, virtualService } from '../../support/objects';

describe('routes to hosts nothing declares (CI1001)', () => {
  test('hosts declared by a ServiceEntry, a VirtualService or a DestinationRule: nothing', () => {
    const objects = [
      serviceEntry('api', { hosts: ['api.example.com'], ports: [{ number: 443, name: 'https', protocol: 'HTTPS' }] }, 'egress'),
      virtualService('reviews', { hosts: ['reviews'], http: [route('reviews'), route('api.example.com')] }, 'bookinfo'),
      virtualService('pp', { hosts: ['productpage'], http: [route('ratings.bookinfo.svc.cluster.local')] }, 'bookinfo'),
      destinationRule('ratings', { host: 'ratings' }, 'bookinfo'),
    ];
    expect(findings(objects, 'CI1001')).toEqual([]);
  });

  test('an external host without ServiceEntry, and a cluster-local host nothing names: CI1001', () => {
    const objects = [virtualService('vs', { hosts: ['reviews'], http: [route('api.example.com'), { ...route('reviews'), mirror: { host: 'shadow' } }] }, 'bookinfo')];
    expect(findings(objects, 'CI1001')).toEqual([
      {
        code: 'CI1001',
        severity: Severity.WARNING,
        name: 'vs',
        objectIndex: 0,
        path: 'spec.http[0].route[0].destination.host',
        message: 'host "api.example.com" is not in the service registry: no ServiceEntry in the set declares it, so istiod has no cluster to route to; add a ServiceEntry for it',
      },
      {
        code: 'CI1001',
        severity: Severity.WARNING,
        name: 'vs',
        objectIndex: 0,
        path: 'spec.http[1].mirror.host',
        message: 'host "shadow" (shadow.bookinfo.svc.cluster.local) is not declared by any Service, ServiceEntry, VirtualService or DestinationRule in the set',
      },
    ]);
  });

  test('a host already written as an FQDN is not repeated in parentheses', () => {
    const objects = [virtualService('vs', { hosts: ['reviews'], http: [route('ratings.bookinfo.svc.cluster.local')] }, 'bookinfo')];
    expect(findings(objects, 'CI1001').map(f => f.message)).toEqual([
      'host "ratings.bookinfo.svc.cluster.local" is not declared by any Service, ServiceEntry, VirtualService or DestinationRule in the set',
    ]);
  });

  test('with Services in the set IST0101 reports instead', () => {
    const objects = [service('reviews', 'bookinfo'), virtualService('vs', { hosts: ['reviews'], http: [route('api.example.com')] }, 'bookinfo')];
    expect(findings(objects, 'CI1001', 'IST0101').map(f => f.code)).toEqual(['IST0101']);
  });
});
