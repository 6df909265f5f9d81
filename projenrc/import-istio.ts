/**
 * `npx projen import`: regenerate the L1 classes in src/imports/ from the CRDs of the pinned Istio
 * release. The source is the release's official CRD bundle unless ISTIO_CRDS names a local copy.
 * Output is committed and never edited by hand; CI re-runs this and fails on any difference.
 */
import { execFileSync } from 'child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'fs';
import { join, resolve } from 'path';

const root = resolve(__dirname, '..');
const outdir = join(root, 'src', 'imports');
const version = readFileSync(join(root, 'projenrc', 'istio-version.txt'), 'utf-8').trim();
const releaseUrl = `https://raw.githubusercontent.com/istio/istio/${version}/manifests/charts/base/files/crd-all.gen.yaml`;

function crdSource(): string {
  const local = process.env.ISTIO_CRDS;
  if (!local) return releaseUrl;
  const path = resolve(local);
  if (!existsSync(path)) {
    throw new Error(`ISTIO_CRDS=${local}: no such file. Point it at the crd-all.gen.yaml of Istio ${version}, or unset it to download ${releaseUrl}.`);
  }
  return path;
}

function main() {
  const source = crdSource();
  console.log(`Importing Istio ${version} CRDs from ${source}`);
  // Start from an empty folder so a kind or version Istio dropped does not linger.
  for (const file of existsSync(outdir) ? readdirSync(outdir) : []) {
    if (file.endsWith('.ts')) rmSync(join(outdir, file));
  }
  const cdk8s = join(root, 'node_modules', '.bin', 'cdk8s');
  execFileSync(cdk8s, ['import', source, '--language', 'typescript', '--output', outdir], { stdio: 'inherit', cwd: root });
  console.log(`Wrote ${readdirSync(outdir).filter(f => f.endsWith('.ts')).map(f => join('src', 'imports', f)).join(', ')}`);
}

try {
  main();
} catch (err) {
  console.error(`import failed: ${(err as Error).message}`);
  process.exit(1);
}
