import { Testing } from 'cdk8s';
import { EgressLockdownChart } from './chart';
import { synthAndValidate } from '../../test/support/synth-and-validate';

describe('examples/egress-lockdown: a namespace locked to itself, istio-system and one external API', () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  afterAll(() => warn.mockRestore());
  const chart = new EgressLockdownChart(Testing.app(), 'egress-lockdown');
  const manifest = Testing.synth(chart);
  const find = (kind: string, namespace?: string) =>
    manifest.filter(o => o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace));

  test('synth prints no warning', () => {
    expect(warn.mock.calls).toEqual([]);
  });

  test('the Sidecar: REGISTRY_ONLY, own namespace, istio-system and the API', () => {
    const [sidecar] = find('Sidecar');
    expect(sidecar.metadata).toEqual({ name: 'default', namespace: 'shop' });
    expect(sidecar.spec).toEqual({
      egress: [{ hosts: ['./*', 'istio-system/*', 'egress/api.payments.example.com'] }],
      outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' },
    });
  });

  test('the API is in the registry: its ServiceEntry', () => {
    expect(find('ServiceEntry').map(o => [o.metadata.namespace, o.spec.hosts, o.spec.exportTo])).toEqual([['egress', ['api.payments.example.com'], ['.', 'shop']]]);
  });

  test('matches its snapshot', () => {
    expect(manifest).toMatchSnapshot();
  });

  test('app.synth() writes YAML that `cdk8s-istio validate` accepts with no error and no warning', () => {
    const verdict = synthAndValidate(app => new EgressLockdownChart(app, 'egress-lockdown'));
    expect(verdict).toEqual({ objects: 4, status: 0, out: expect.stringContaining('0 errors, 0 warnings') });
  });
});
