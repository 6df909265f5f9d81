import { findings } from './fixtures';
import { Severity } from '../../../src/validation/diagnostic';
import { serviceEntry } from '../../support/objects';

describe('ServiceEntry addresses for TCP ports (IST0134)', () => {
  test('addresses set, or only HTTP/TLS ports: nothing', () => {
    const objects = [
      serviceEntry('db', { hosts: ['db.example.com'], addresses: ['10.0.0.5'], ports: [{ number: 5432, name: 'pg', protocol: 'TCP' }] }),
      serviceEntry('api', { hosts: ['api.example.com'], ports: [{ number: 443, name: 'https', protocol: 'TLS' }] }),
    ];
    expect(findings(objects, 'IST0134')).toEqual([]);
  });

  test('a TCP port and a port without protocol, no addresses: IST0134 per port', () => {
    const entry = serviceEntry('db', { hosts: ['db.example.com'], ports: [{ number: 5432, name: 'pg', protocol: 'tcp' }, { number: 443, name: 'https', protocol: 'HTTPS' }, { number: 6379, name: 'redis' }] });
    expect(findings([entry], 'IST0134')).toEqual([
      { code: 'IST0134', severity: Severity.WARNING, name: 'db', objectIndex: 0, path: 'spec.ports[0].protocol', message: 'ServiceEntry addresses are required for this protocol.' },
      { code: 'IST0134', severity: Severity.WARNING, name: 'db', objectIndex: 0, path: 'spec.ports[2].protocol', message: 'ServiceEntry addresses are required for this protocol.' },
    ]);
  });
});
