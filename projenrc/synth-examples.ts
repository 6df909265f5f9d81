/**
 * `npm run synth`: synthesize every example app (examples/<name>/ with a cdk8s.yaml) into
 * dist/<name>/, then print the files written. New examples need no change here.
 *
 * It does what `cdk8s synth` does (empty the output folder, run the `app` command of cdk8s.yaml with
 * CDK8S_OUTDIR set) without cdk8s-cli, whose update check and plugin loader reach for the network.
 */
import { execSync } from 'child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'fs';
import { join, relative, resolve } from 'path';
import { load } from 'js-yaml';

const root = resolve(__dirname, '..');
const examplesDir = join(root, 'examples');

function appCommand(exampleDir: string): string {
  const config = load(readFileSync(join(exampleDir, 'cdk8s.yaml'), 'utf-8')) as { app?: unknown };
  if (typeof config?.app !== 'string') {
    throw new Error(`${relative(root, exampleDir)}/cdk8s.yaml has no 'app' command`);
  }
  return config.app;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]);
}

function main(): number {
  const only = process.argv.slice(2);
  const examples = readdirSync(examplesDir, { withFileTypes: true })
    .filter(entry => entry.isDirectory() && existsSync(join(examplesDir, entry.name, 'cdk8s.yaml')))
    .map(entry => entry.name)
    .filter(name => only.length === 0 || only.includes(name))
    .sort();
  if (examples.length === 0) {
    console.error(only.length ? `no example named ${only.join(', ')} under examples/` : 'no example app under examples/');
    return 1;
  }
  for (const name of examples) {
    const outdir = join(root, 'dist', name);
    console.log(`synth examples/${name} -> ${relative(root, outdir)}/`);
    const exampleDir = join(examplesDir, name);
    // Empty outdir first, so files of a removed chart do not linger.
    rmSync(outdir, { recursive: true, force: true });
    execSync(appCommand(exampleDir), { cwd: exampleDir, stdio: 'inherit', env: { ...process.env, CDK8S_OUTDIR: outdir } });
    for (const file of listFiles(outdir).sort()) {
      console.log(`  wrote ${relative(root, file)}`);
    }
  }
  return 0;
}

try {
  process.exitCode = main();
} catch (err) {
  console.error(`synth failed: ${(err as Error).message}`);
  process.exitCode = 1;
}
