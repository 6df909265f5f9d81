import { findings } from './fixtures';
import { Severity } from '../../../src/validation/diagnostic';
import { destinationRule } from '../../support/objects';

describe('client TLS without caCertificates (IST0128, IST0129)', () => {
  test('caCertificates set, ISTIO_MUTUAL, or a credentialName on a rule with a workloadSelector: nothing', () => {
    const objects = [
      destinationRule('a', { host: 'api.example.com', trafficPolicy: { tls: { mode: 'SIMPLE', caCertificates: '/etc/ca.pem' } } }),
      destinationRule('b', { host: 'reviews', trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } } }),
      destinationRule('c', { host: 'api.example.com', workloadSelector: { matchLabels: { app: 'x' } }, trafficPolicy: { tls: { mode: 'MUTUAL', credentialName: 'client' } } }),
    ];
    expect(findings(objects, 'IST0128', 'IST0129')).toEqual([]);
  });

  test('SIMPLE at the rule level, MUTUAL at a port: IST0128 and IST0129', () => {
    const rule = destinationRule('api', {
      host: 'api.example.com',
      trafficPolicy: { tls: { mode: 'SIMPLE' }, portLevelSettings: [{ port: { number: 8443 }, tls: { mode: 'MUTUAL', credentialName: 'client' } }] },
    }, 'egress');
    expect(findings([rule], 'IST0128', 'IST0129')).toEqual([
      {
        code: 'IST0128',
        severity: Severity.WARNING,
        name: 'api',
        objectIndex: 0,
        path: 'spec.trafficPolicy.tls.caCertificates',
        message: 'DestinationRule egress/api in namespace egress has TLS mode set to SIMPLE but no caCertificates are set to validate server identity for host: api.example.com',
      },
      {
        code: 'IST0129',
        severity: Severity.WARNING,
        name: 'api',
        objectIndex: 0,
        path: 'spec.trafficPolicy.portLevelSettings[0].tls.caCertificates',
        message: 'DestinationRule egress/api in namespace egress has TLS mode set to MUTUAL but no caCertificates are set to validate server identity for host: api.example.com at port number:8443',
      },
    ]);
  });
});
