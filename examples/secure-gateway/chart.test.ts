import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Testing } from 'cdk8s';
import { loadAll } from 'js-yaml';
import { buildApp } from './chart';
import { main } from '../../src/cli/main';

describe('examples/secure-gateway', () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  afterAll(() => warn.mockRestore());
  const app = buildApp(Testing.app());
  const objects = app.charts.flatMap(chart => Testing.synth(chart));
  const istio = objects.filter(o => o.apiVersion === 'networking.istio.io/v1');
  const find = (kind: string, name: string) => istio.find(o => o.kind === kind && o.metadata.name === name);

  test('synth prints no validation warning', () => {
    expect(warn).not.toHaveBeenCalled();
  });

  test('matches its snapshot', () => {
    expect(objects).toMatchSnapshot();
  });

  test('one HTTPS server for both namespaced hosts, the redirect, the passthrough server', () => {
    expect(find('Gateway', 'ingress-gateway').spec.servers.map((s: any) => [s.port.name, s.hosts, s.tls])).toEqual([
      ['https-443', ['shop/example.com', 'api/api.example.com'], { mode: 'SIMPLE', credentialName: 'example-com-cert', minProtocolVersion: 'TLSV1_2' }],
      ['http-80', ['shop/example.com', 'api/api.example.com'], { httpsRedirect: true }],
      ['tls-443', ['legacy/passthrough.example.com'], { mode: 'PASSTHROUGH' }],
    ]);
    expect(find('Gateway', 'internal-gateway').spec.servers[0].tls.mode).toBe('MUTUAL');
  });

  test('each VirtualService lives in the namespace its host is delegated to, bound to istio-system/<gateway>', () => {
    expect(istio.filter(o => o.kind === 'VirtualService').map(o => [o.metadata.namespace, o.metadata.name, o.spec.gateways])).toEqual([
      ['shop', 'example-com', ['istio-system/ingress-gateway']],
      ['api', 'api-example-com', ['istio-system/ingress-gateway']],
      ['legacy', 'passthrough-example-com', ['istio-system/ingress-gateway']],
      ['api', 'internal-example-com', ['istio-system/internal-gateway']],
    ]);
    expect(find('VirtualService', 'api-example-com').spec.http[0].timeout).toBe('15s');
  });

  test('app.synth() writes YAML the CLI validates with no errors and no warnings', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'secure-gateway-'));
    try {
      buildApp(Testing.app({ outdir })).synth();
      const files = readdirSync(outdir);
      const written = files.flatMap(file => loadAll(readFileSync(join(outdir, file), 'utf-8')));
      expect(written).toEqual(objects);
      const out: string[] = [];
      const status = main(['validate', outdir], { stdout: text => out.push(text), stderr: text => out.push(text) });
      expect({ status, out: out.join('') }).toEqual({ status: 0, out: expect.stringContaining('0 errors, 0 warnings') });
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
