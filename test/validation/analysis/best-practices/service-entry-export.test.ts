import { bestPractices } from './helpers';
import { Severity } from '../../../../src/validation/diagnostic';
import { serviceEntry } from '../../../support/objects';

const spec = { hosts: ['api.example.com'], ports: [{ number: 443, name: 'https', protocol: 'HTTPS' }], resolution: 'DNS' };

describe('ServiceEntries visible everywhere (CI2006)', () => {
  test('no exportTo: CI2006', () => {
    expect(bestPractices([serviceEntry('api', spec, 'egress')], 'CI2006')).toEqual([{
      code: 'CI2006',
      severity: Severity.WARNING,
      name: 'api',
      objectIndex: 0,
      path: 'spec.exportTo',
      message: 'the ServiceEntry is visible in every namespace (no exportTo); list the namespaces that call api.example.com in exportTo ("." for its own)',
    }]);
  });

  test('exportTo with "*": CI2006; several hosts are "its hosts"', () => {
    const all = { ...spec, hosts: ['a.example.com', 'b.example.com'], exportTo: ['.', '*'] };
    expect(bestPractices([serviceEntry('api', all, 'egress')], 'CI2006').map(f => f.message))
      .toEqual(['the ServiceEntry is visible in every namespace (exportTo "*"); list the namespaces that call its hosts in exportTo ("." for its own)']);
  });

  test('silent: exportTo names namespaces', () => {
    expect(bestPractices([serviceEntry('api', { ...spec, exportTo: ['.', 'shop'] }, 'egress')], 'CI2006')).toEqual([]);
  });
});
