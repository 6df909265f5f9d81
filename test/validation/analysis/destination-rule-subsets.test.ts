import { deployment, destinationRule, findings, pod, service, serviceEntry } from './fixtures';
import { Severity } from '../../../src/validation/diagnostic';

const rule = destinationRule('reviews', { host: 'reviews', subsets: [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v2' } }] }, 'bookinfo');

describe('DestinationRule subsets and host (IST0173, IST0174)', () => {
  test('subsets that select a Pod or a Deployment template: nothing', () => {
    const objects = [service('reviews', 'bookinfo'), rule, pod('reviews-v1', 'bookinfo', { app: 'reviews', version: 'v1' }), deployment('reviews-v2', 'bookinfo', { app: 'reviews', version: 'v2' })];
    expect(findings(objects, 'IST0173', 'IST0174')).toEqual([]);
  });

  test('a subset that selects no workload: IST0173', () => {
    const objects = [service('reviews', 'bookinfo'), rule, deployment('reviews-v1', 'bookinfo', { app: 'reviews', version: 'v1' })];
    expect(findings(objects, 'IST0173')).toEqual([{
      code: 'IST0173',
      severity: Severity.ERROR,
      name: 'reviews',
      objectIndex: 1,
      path: 'spec.subsets[1]',
      message: 'The Subset v2 defined in the DestinationRule does not select any pods. Which may lead to 503 UH (NoHealthyUpstream).',
    }]);
  });

  test('a ServiceEntry workloadSelector is merged into the subset labels', () => {
    const entry = serviceEntry('vm', { hosts: ['vm.example.com'], workloadSelector: { labels: { app: 'vm' } }, ports: [{ number: 80, name: 'http', protocol: 'HTTP' }] });
    const vmRule = destinationRule('vm', { host: 'vm.example.com', subsets: [{ name: 'v1', labels: { version: 'v1' } }] });
    expect(findings([entry, vmRule, pod('other', 'default', { app: 'other', version: 'v1' })], 'IST0173').map(f => f.name)).toEqual(['vm']);
  });

  test('a host matching no service (the set has Services): IST0174', () => {
    const objects = [service('ratings', 'bookinfo'), rule];
    expect(findings(objects, 'IST0174')).toEqual([{
      code: 'IST0174',
      severity: Severity.WARNING,
      name: 'reviews',
      objectIndex: 1,
      path: 'spec.host',
      message: 'The host reviews defined in the DestinationRule does not match any services in the mesh.',
    }]);
  });
});
