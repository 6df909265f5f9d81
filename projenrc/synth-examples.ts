/**
 * `npm run synth`: synthesize every example app (examples/<name>/ with a cdk8s.yaml) into
 * dist/<name>/ with `cdk8s synth`, then print the files written. New examples need no change here.
 */
import { execFileSync } from 'child_process';
import { existsSync, readdirSync } from 'fs';
import { join, relative, resolve } from 'path';

const root = resolve(__dirname, '..');
const examplesDir = join(root, 'examples');
const cdk8s = join(root, 'node_modules', '.bin', 'cdk8s');

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
    // cdk8s synth empties outdir first, so files of a removed chart do not linger.
    execFileSync(cdk8s, ['synth', '--output', outdir], { cwd: join(examplesDir, name), stdio: ['ignore', 'ignore', 'inherit'] });
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
