import { findings } from './fixtures';
import { Severity } from '../../../src/validation/diagnostic';
import { deployment, destinationRule, node, pod, service, serviceEntry, sidecar } from '../../support/objects';

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

  describe('pods carry their Node\'s topology labels and their node name (label.AugmentLabels)', () => {
    const onNode = (name: string, labels: Record<string, string>, nodeName?: string) =>
      ({ ...pod(name, 'bookinfo', labels), spec: { containers: [], ...(nodeName ? { nodeName } : {}) } });
    const subsetRule = (labels: Record<string, string>) =>
      destinationRule('reviews', { host: 'reviews', subsets: [{ name: 'local', labels: { app: 'reviews', ...labels } }] }, 'bookinfo');
    const zoned = node('n1', {
      'topology.kubernetes.io/region': 'eu', 'topology.kubernetes.io/zone': 'eu-1a', 'topology.istio.io/subzone': 'rack7', 'kubernetes.io/hostname': 'other',
    });
    const selects = (labels: Record<string, string>, ...objects: unknown[]) =>
      findings([service('reviews', 'bookinfo'), subsetRule(labels), ...objects], 'IST0173').length === 0;

    test('region, zone and subzone of the Node the pod runs on', () => {
      const p = onNode('reviews-1', { app: 'reviews' }, 'n1');
      expect(selects({ 'topology.kubernetes.io/region': 'eu' }, zoned, p)).toBe(true);
      expect(selects({ 'topology.kubernetes.io/zone': 'eu-1a', 'topology.istio.io/subzone': 'rack7' }, zoned, p)).toBe(true);
      expect(selects({ 'topology.kubernetes.io/zone': 'eu-1b' }, zoned, p)).toBe(false);
      // Without the Node object, only the node name is known.
      expect(selects({ 'topology.kubernetes.io/region': 'eu' }, p)).toBe(false);
    });

    test('kubernetes.io/hostname is spec.nodeName, not the Node\'s own label; pods without nodeName get none', () => {
      expect(selects({ 'kubernetes.io/hostname': 'n1' }, zoned, onNode('reviews-1', { app: 'reviews' }, 'n1'))).toBe(true);
      expect(selects({ 'kubernetes.io/hostname': 'n1' }, onNode('reviews-1', { app: 'reviews' }, 'n1'))).toBe(true);
      expect(selects({ 'kubernetes.io/hostname': 'other' }, zoned, onNode('reviews-1', { app: 'reviews' }, 'n1'))).toBe(false);
      expect(selects({ 'kubernetes.io/hostname': 'n1' }, zoned, onNode('reviews-1', { app: 'reviews' }))).toBe(false);
    });

    test('the Node\'s values replace the pod\'s own topology labels', () => {
      const p = onNode('reviews-1', { 'app': 'reviews', 'topology.kubernetes.io/region': 'us' }, 'n1');
      expect(selects({ 'topology.kubernetes.io/region': 'us' }, zoned, p)).toBe(false);
      expect(selects({ 'topology.kubernetes.io/region': 'us' }, onNode('reviews-1', { 'app': 'reviews', 'topology.kubernetes.io/region': 'us' }))).toBe(true);
    });

    test('as LocalityToString: a Node without zone gives no subzone', () => {
      const noZone = node('n2', { 'topology.kubernetes.io/region': 'eu', 'topology.istio.io/subzone': 'rack7' });
      const p = onNode('reviews-1', { app: 'reviews' }, 'n2');
      expect(selects({ 'topology.kubernetes.io/region': 'eu' }, noZone, p)).toBe(true);
      expect(selects({ 'topology.istio.io/subzone': 'rack7' }, noZone, p)).toBe(false);
    });

    test('a pod template\'s nodeName counts too', () => {
      const d = deployment('reviews', 'bookinfo', { app: 'reviews' });
      (d.spec!.template as { spec: Record<string, unknown> }).spec.nodeName = 'n1';
      expect(selects({ 'topology.kubernetes.io/zone': 'eu-1a' }, zoned, d)).toBe(true);
    });

    test('Sidecar selectors still match the pod\'s own labels only', () => {
      const objects = [zoned, onNode('reviews-1', { app: 'reviews' }, 'n1'),
        sidecar('s', { workloadSelector: { labels: { 'topology.kubernetes.io/region': 'eu' } } }, 'bookinfo')];
      expect(findings(objects, 'IST0101').map(f => f.path)).toEqual(['spec.workloadSelector.labels']);
    });
  });
});
