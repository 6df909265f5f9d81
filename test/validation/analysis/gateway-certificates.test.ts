import { findings } from './fixtures';
import { Severity } from '../../../src/validation/diagnostic';
import { gateway } from '../../support/objects';

const https = (tls: Record<string, string>, host = 'a.example.com') => ({ port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: [host], tls: { mode: 'SIMPLE', ...tls } });

describe('one certificate on several gateways (IST0138)', () => {
  test('different certificates, or gateways of unrelated workloads: nothing', () => {
    const objects = [
      gateway('a', { selector: { istio: 'ingressgateway' }, servers: [https({ credentialName: 'a-cert' })] }),
      gateway('b', { selector: { istio: 'ingressgateway' }, servers: [https({ credentialName: 'b-cert' })] }),
      gateway('c', { selector: { istio: 'other' }, servers: [https({ credentialName: 'a-cert' })] }),
    ];
    expect(findings(objects, 'IST0138')).toEqual([]);
  });

  test('the same credentialName on two gateways of one workload: IST0138 on each', () => {
    const objects = [
      gateway('a', { selector: { istio: 'ingressgateway' }, servers: [https({ credentialName: 'shared' })] }),
      gateway('b', { selector: { istio: 'ingressgateway' }, servers: [https({ credentialName: 'shared' }, 'b.example.com')] }),
    ];
    expect(findings(objects, 'IST0138')).toEqual([
      {
        code: 'IST0138',
        severity: Severity.WARNING,
        name: 'a',
        objectIndex: 0,
        path: 'spec.servers[0].tls.credentialName',
        message: 'Duplicate certificate in multiple gateways [default/a default/b] may cause 404s if clients re-use HTTP2 connections.',
      },
      {
        code: 'IST0138',
        severity: Severity.WARNING,
        name: 'b',
        objectIndex: 1,
        path: 'spec.servers[0].tls.credentialName',
        message: 'Duplicate certificate in multiple gateways [default/b default/a] may cause 404s if clients re-use HTTP2 connections.',
      },
    ]);
  });

  test('the same certificate files; only the gateway whose selector the other includes is reported', () => {
    const files = { serverCertificate: '/etc/certs/cert.pem', privateKey: '/etc/certs/key.pem' };
    const objects = [
      gateway('broad', { selector: { istio: 'ingressgateway' }, servers: [https(files)] }),
      gateway('narrow', { selector: { istio: 'ingressgateway', zone: 'eu' }, servers: [https(files, 'b.example.com')] }),
    ];
    expect(findings(objects, 'IST0138').map(f => [f.name, f.path])).toEqual([['broad', 'spec.servers[0].tls.serverCertificate']]);
  });
});
