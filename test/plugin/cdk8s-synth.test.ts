/**
 * The plugin end to end: the pinned cdk8s-cli runs `cdk8s synth` in test/fixtures/plugin/app (a plain
 * cdk8s app, as one in Python or Go is to cdk8s-cli), whose cdk8s.yaml declares the plugin by a local
 * path. Offline: the plugin is loaded from that path (no npm install) and the upgrade check is off.
 * The plugin's source runs through ts-node, so the test needs no build.
 */
import { execFile } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { TempDir } from '../support/temp-dir';

const repoRoot = resolve(__dirname, '..', '..');
const appDir = join(repoRoot, 'test', 'fixtures', 'plugin', 'app');
const cdk8sCli = join(repoRoot, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s');

interface Synth {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outdir: string;
  /** cdk8s-cli's JSON report (`--validation-reports-output-file`): one report, ours. */
  readonly report: any;
}

/** `cdk8s synth` in the fixture app with FIXTURE_CASE `fixtureCase`, output in a directory of its own. */
function synth(temp: TempDir, name: string, fixtureCase: string, extraArgs: string[] = []): Promise<Synth> {
  const outdir = join(temp.path, name, 'dist');
  const reportFile = join(temp.path, name, 'report.json');
  const args = ['-r', 'ts-node/register/transpile-only', cdk8sCli, 'synth', '--no-check-upgrade', '--output', outdir, '--validation-reports-output-file', reportFile, ...extraArgs];
  const env = {
    ...process.env,
    FIXTURE_CASE: fixtureCase,
    // cdk8s-cli checks npm for a newer version unless told not to (yargs reads CDK8S_* options).
    CDK8S_CHECK_UPGRADE: 'false',
    TS_NODE_PROJECT: join(repoRoot, 'test', 'tsconfig.json'),
  };
  return new Promise(done => {
    execFile(process.execPath, args, { cwd: appDir, env, timeout: 50_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const report = existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, 'utf-8')).reports[0] : undefined;
      done({ status: error ? Number(error.code) : 0, stdout, stderr, outdir, report });
    });
  });
}

describe('cdk8s synth with the plugin declared in cdk8s.yaml', () => {
  const temp = new TempDir();
  const runs: Record<string, Synth> = {};

  // Each synth takes two seconds or so (cdk8s-cli, the app, the plugin): run them all at once.
  beforeAll(async () => {
    const cases: Record<string, [string, string[]?]> = {
      error: ['error'],
      helm: ['error', ['--format', 'helm', '--chart-version', '1.0.0']],
      warning: ['warning'],
    };
    const results = await Promise.all(Object.entries(cases).map(([name, [fixtureCase, args]]) => synth(temp, name, fixtureCase, args)));
    Object.keys(cases).forEach((name, index) => runs[name] = results[index]);
  }, 60_000);
  afterAll(() => temp.remove());

  test('errors: the table with istioctl\'s code, the field path and the construct path; exit status 2', () => {
    const { status, stdout, stderr } = runs.error;
    expect(status).toBe(2);
    expect(stderr).toContain('Validation failed. See above reports for details');
    expect(stdout).toMatch(/Status\s+│ failure/);
    expect(stdout).toContain('Error [IST0101] ReferencedResourceNotFound (1 occurrences)');
    expect(stdout).toContain('    - Construct Path: shop/reviews-route\n');
    expect(stdout).toContain('      > VirtualService shop/reviews-route: spec.gateways[0]\n');
    expect(stdout).toContain('  Recommendation: Referenced gateway not found: "missing-gateway"\n');
  });

  test('errors: the JSON report names every finding, the Include\'d object by its construct path too', () => {
    const { report, outdir } = runs.error;
    const manifestPath = join(outdir, 'shop.k8s.yaml');
    expect(report.summary).toEqual({
      status: 'failure',
      plugin: join(repoRoot, 'src', 'plugin'),
      version: '0.0.0',
      metadata: { 'Istio objects': '2', 'Errors': '3', 'Warnings': '1', 'Infos': '0', 'Cross-resource analysis': 'on' },
    });
    expect(report.violations.map((violation: any) => [violation.ruleName, violation.violatingConstructs])).toEqual([
      ['Error [IST0106] SchemaValidationError', [{
        resourceName: 'ratings',
        locations: ['DestinationRule shop/ratings: spec.trafficPolicy.loadBalancer.simple'],
        manifestPath,
        constructPath: 'shop/included/ratings-destinationrule-shop',
      }]],
      // Kubernetes' note that the CEL rules were skipped for the invalid object.
      ['Error [IST0106] SchemaValidationError', [expect.objectContaining({ locations: ['DestinationRule shop/ratings: <nil>'] })]],
      ['Error [IST0101] ReferencedResourceNotFound', [{
        resourceName: 'reviews-route',
        locations: ['VirtualService shop/reviews-route: spec.gateways[0]'],
        manifestPath,
        constructPath: 'shop/reviews-route',
      }]],
      ['Warning [IST0132] VirtualServiceHostNotFoundInGateway', [expect.objectContaining({ constructPath: 'shop/reviews-route' })]],
    ]);
  });

  test('Helm format: the templates are validated, with construct paths', () => {
    const { status, report, outdir } = runs.helm;
    expect(status).toBe(2);
    expect(existsSync(join(outdir, 'Chart.yaml'))).toBe(true);
    expect(report.violations[2]).toMatchObject({
      ruleName: 'Error [IST0101] ReferencedResourceNotFound',
      violatingConstructs: [{ manifestPath: join(outdir, 'templates', 'shop.k8s.yaml'), constructPath: 'shop/reviews-route' }],
    });
  });

  test('warnings only: listed in the report, the synth succeeds', () => {
    const { status, stdout, report } = runs.warning;
    expect(status).toBe(0);
    expect(stdout).toContain('Validations ended succesfully');
    expect(report.summary.status).toBe('success');
    expect(report.violations).toEqual([expect.objectContaining({
      ruleName: 'Warning [IST0130] VirtualServiceUnreachableRule',
      violatingConstructs: [expect.objectContaining({ locations: ['VirtualService shop/reviews-route: spec.http[1]'], constructPath: 'shop/reviews-route' })],
    })]);
  });
});
