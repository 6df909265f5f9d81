import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { Testing } from 'cdk8s';
import { loadAll } from 'js-yaml';
import { progressiveCanaryApps, ProgressiveCanaryChart, STEPS } from './chart';
import { RouteSimulator } from '../../src';
import { main } from '../../src/cli/main';
import { seedObjects } from '../../test/support/pinned';
import { TempDir } from '../../test/support/temp-dir';

const istioOf = (manifest: any[]) => manifest.filter(obj => obj.apiVersion === 'networking.istio.io/v1');
const dest = (subset: string) => ({ host: 'analytics.default.svc.cluster.local', subset });

describe('examples/progressive-canary: the seed\'s canary with mirroring, one snapshot per step', () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  afterAll(() => warn.mockRestore());
  const steps = STEPS.map(weight => ({ weight, manifest: Testing.synth(new ProgressiveCanaryChart(Testing.app(), 'analytics', weight)) }));

  test('the steps are 5, 25, 50 and 100, and synth prints no warning', () => {
    expect(STEPS).toEqual([5, 25, 50, 100]);
    expect(warn.mock.calls).toEqual([]);
  });

  test('step 1 is the seed\'s split and mirror, on the named route with the pattern\'s defaults', () => {
    const seed = seedObjects().find(obj => obj.kind === 'VirtualService' && obj.metadata.name === 'canary-with-mirror');
    const [, vs] = istioOf(steps[0].manifest);
    expect(vs.spec.hosts).toEqual(seed.spec.hosts);
    expect(vs.spec.http[0].route).toEqual(seed.spec.http[0].route);
    // The seed's mirror + mirrorPercentage, written as Istio's newer `mirrors`.
    expect(vs.spec.http[0].mirrors).toEqual([{ destination: seed.spec.http[0].mirror, percentage: seed.spec.http[0].mirrorPercentage }]);
    expect(vs.spec.http[0]).toMatchObject({ name: 'primary', timeout: '10s' });
  });

  test.each(steps.map(step => [step.weight, step.manifest]))('weight %d: the split, the mirror until 100, and the snapshot', (weight, manifest) => {
    const [rule, vs] = istioOf(manifest as any[]);
    expect(rule.spec.subsets.map((s: any) => s.name)).toEqual(['stable', 'canary']);
    expect(vs.spec.http[0].route).toEqual([{ destination: dest('stable'), weight: 100 - (weight as number) }, { destination: dest('canary'), weight }]);
    expect(vs.spec.http[0].mirrors === undefined).toBe(weight === 100);
    expect(manifest).toMatchSnapshot();
  });

  test('between two steps only the weights change', () => {
    const [, first] = istioOf(steps[0].manifest);
    const [, second] = istioOf(steps[1].manifest);
    const withoutWeights = (vs: any) => JSON.stringify(vs, (key, value) => key === 'weight' ? undefined : value);
    expect(withoutWeights(second)).toEqual(withoutWeights(first));
  });

  test('main\'s apps write one folder per step, each accepted by `cdk8s-istio validate` with no error and no warning', () => {
    const outdir = new TempDir();
    try {
      for (const app of progressiveCanaryApps(outdir.path)) app.synth();
      const folders = readdirSync(outdir.path).sort();
      expect(folders).toEqual(['step-1-weight-5', 'step-2-weight-25', 'step-3-weight-50', 'step-4-weight-100']);
      for (const folder of folders) {
        const dir = join(outdir.path, folder);
        expect(readdirSync(dir).flatMap(file => loadAll(readFileSync(join(dir, file), 'utf-8')))).toHaveLength(5);
        const out: string[] = [];
        const status = main(['validate', dir], { stdout: text => out.push(text), stderr: text => out.push(text) });
        expect({ folder, status, out: out.join('') }).toEqual({ folder, status: 0, out: expect.stringContaining('0 errors, 0 warnings') });
      }
    } finally {
      outdir.remove();
    }
  });

  describe('routing', () => {
    const analytics = { host: 'analytics', port: 8080 };
    const routesAt = (weight: number) => RouteSimulator.fromApp(new ProgressiveCanaryChart(Testing.app(), 'analytics', weight));

    test.each(STEPS.filter(weight => weight < 100))('at %d%, the canary gets that share, stable the rest, and the canary a copy of every request', weight => {
      const routes = routesAt(weight);
      routes.expect(analytics).toVirtualService('analytics', 'primary')
        .toDestination('analytics', 'stable', 100 - weight).toDestination('analytics', 'canary', weight);
      expect(routes.route(analytics).mirrors).toEqual([{ ...dest('canary'), port: 8080, percentage: 100 }]);
    });

    test('at 100%, every request goes to the canary, with no mirror', () => {
      const routes = routesAt(100);
      routes.expect(analytics).toSubset('analytics', 'canary');
      expect(routes.route(analytics).mirrors).toEqual([]);
    });

    test('at 100%, stable gets no request (its weight 0 is dropped)', () => {
      expect(() => routesAt(100).expect(analytics).toDestination('analytics', 'stable')).toThrow(/expected a destination analytics subset stable/);
    });
  });
});
