import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { Testing } from 'cdk8s';
import { loadAll } from 'js-yaml';
import { EgressLockdownChart } from './chart';
import { main } from '../../src/cli/main';
import { TempDir } from '../../test/support/temp-dir';

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
    const outdir = new TempDir();
    try {
      const app = Testing.app({ outdir: outdir.path });
      new EgressLockdownChart(app, 'egress-lockdown');
      app.synth();
      const files = readdirSync(outdir.path);
      expect(files.flatMap(file => loadAll(readFileSync(join(outdir.path, file), 'utf-8')))).toHaveLength(4);
      const out: string[] = [];
      const status = main(['validate', outdir.path], { stdout: text => out.push(text), stderr: text => out.push(text) });
      expect({ status, out: out.join('') }).toEqual({ status: 0, out: expect.stringContaining('0 errors, 0 warnings') });
    } finally {
      outdir.remove();
    }
  });
});
