import { findings } from './fixtures';
import { Severity } from '../../../src/validation/diagnostic';
import { gateway, pod } from '../../support/objects';

const server = (hosts: string[], port = 80, bind?: string) => ({ port: { number: port, name: `p${port}`, protocol: 'HTTP' }, hosts, ...(bind ? { bind } : {}) });

describe('conflicting gateways (IST0145)', () => {
  test('other hosts, another port, another bind or another workload: nothing', () => {
    const objects = [
      gateway('a', { selector: { istio: 'ingressgateway' }, servers: [server(['a.example.com'])] }),
      gateway('b', { selector: { istio: 'ingressgateway' }, servers: [server(['b.example.com']), server(['a.example.com'], 8080)] }),
      gateway('c', { selector: { istio: 'ingressgateway' }, servers: [server(['a.example.com'], 80, '10.0.0.1')] }),
      gateway('d', { selector: { istio: 'other' }, servers: [server(['a.example.com'])] }),
    ];
    expect(findings(objects, 'IST0145')).toEqual([]);
  });

  test('same selector, port and host: IST0145 on each gateway', () => {
    const objects = [
      gateway('alpha', { selector: { istio: 'ingressgateway' }, servers: [server(['foo.example.com', 'bar.example.com'])] }, 'istio-system'),
      gateway('beta', { selector: { istio: 'ingressgateway' }, servers: [server(['foo.example.com'])] }, 'shop'),
    ];
    expect(findings(objects, 'IST0145')).toEqual([
      {
        code: 'IST0145',
        severity: Severity.ERROR,
        name: 'alpha',
        objectIndex: 0,
        path: 'spec.servers[0].hosts',
        message: 'Conflict with gateways shop/beta (workload selector istio=ingressgateway, port 80, hosts foo.example.com,bar.example.com).',
      },
      {
        code: 'IST0145',
        severity: Severity.ERROR,
        name: 'beta',
        objectIndex: 1,
        path: 'spec.servers[0].hosts',
        message: 'Conflict with gateways istio-system/alpha (workload selector istio=ingressgateway, port 80, hosts foo.example.com).',
      },
    ]);
  });

  test('a narrower selector conflicts when a workload matches both', () => {
    const objects = [
      gateway('a', { selector: { istio: 'ingressgateway' }, servers: [server(['x.example.com'])] }),
      gateway('b', { selector: { istio: 'ingressgateway', zone: 'eu' }, servers: [server(['x.example.com'])] }),
    ];
    expect(findings(objects, 'IST0145')).toEqual([]);
    expect(findings([...objects, pod('gw-1', 'istio-system', { istio: 'ingressgateway', zone: 'eu' })], 'IST0145').map(f => f.name)).toEqual(['a', 'b']);
  });
});
