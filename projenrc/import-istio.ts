/**
 * `npx projen import`: regenerate the L1 classes in src/imports/ from the CRDs of the pinned Istio
 * release. The source is the repository's own copy of the release's CRD bundle (istio/<version>/)
 * unless ISTIO_CRDS names another file or URL. Output is committed and never edited by hand; CI
 * re-runs this and fails on any difference.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { loadAll } from 'js-yaml';
import { pinnedCrdFile, pinnedIstioVersion, repoRoot, upstreamFiles } from './pinned-istio';

const root = repoRoot;
const outdir = join(root, 'src', 'imports');
/** Schemas and CEL rules of every CRD version, read lazily by src/validation at run time. */
const schemaDir = join(outdir, 'schemas');
const version = pinnedIstioVersion();

/** The pinned copy, or what ISTIO_CRDS names (a path, or an https URL such as the release's file). */
function crdSource(): string {
  const override = process.env.ISTIO_CRDS;
  const source = override || pinnedCrdFile();
  if (source.startsWith('https://')) return source;
  const path = resolve(source);
  if (!existsSync(path)) {
    const fix = override
      ? `point it at the crd-all.gen.yaml of Istio ${version} (or its URL, ${upstreamFiles(version)['crd-all.gen.yaml']}), or unset it`
      : `run \`npx projen istio:upgrade ${version}\` to fetch it`;
    throw new Error(`${override ? `ISTIO_CRDS=${override}` : 'the pinned CRD file'}: ${path} does not exist; ${fix}.`);
  }
  return path;
}

/** The CRD bundle as text, from the local file or the release URL. */
async function readCrds(source: string): Promise<string> {
  if (!source.startsWith('https://')) return readFileSync(source, 'utf-8');
  const response = await fetch(source);
  if (!response.ok) throw new Error(`GET ${source}: ${response.status} ${response.statusText}`);
  return response.text();
}

/** Drops what validation never reads (descriptions), keeping key order so output is stable. */
function stripDocs(node: any): any {
  if (Array.isArray(node)) return node.map(stripDocs);
  if (node === null || typeof node !== 'object') return node;
  const out: any = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'description' && typeof value === 'string') continue;
    // `properties` maps field names to schemas: a field may itself be called "description".
    out[key] = key === 'properties'
      ? Object.fromEntries(Object.entries(value as object).map(([name, schema]) => [name, stripDocs(schema)]))
      : stripDocs(value);
  }
  return out;
}

/**
 * One JSON file per served CRD version (`<group>_<version>_<Kind>.json`) plus `index.json`, the list
 * of GroupVersionKinds with their scope: the validation engine loads a kind's schema on first use.
 */
function writeSchemas(crdText: string) {
  rmSync(schemaDir, { recursive: true, force: true });
  mkdirSync(schemaDir, { recursive: true });
  const index: any[] = [];
  for (const crd of loadAll(crdText) as any[]) {
    if (crd?.kind !== 'CustomResourceDefinition') continue;
    const { group, names, scope, versions } = crd.spec;
    for (const crdVersion of versions) {
      if (!crdVersion.served) continue;
      const file = `${group}_${crdVersion.name}_${names.kind}.json`;
      const entry = { apiVersion: `${group}/${crdVersion.name}`, kind: names.kind, scope, file };
      index.push(entry);
      const schema = stripDocs(crdVersion.schema.openAPIV3Schema);
      writeFileSync(join(schemaDir, file), JSON.stringify({ ...entry, file: undefined, schema }) + '\n');
    }
  }
  index.sort((a, b) => a.file.localeCompare(b.file));
  writeFileSync(join(schemaDir, 'index.json'), JSON.stringify(index, undefined, 2) + '\n');
  return index.length;
}

async function main() {
  const source = crdSource();
  console.log(`Importing Istio ${version} CRDs from ${source}`);
  // Start from an empty folder so a kind or version Istio dropped does not linger.
  for (const file of existsSync(outdir) ? readdirSync(outdir) : []) {
    if (file.endsWith('.ts')) rmSync(join(outdir, file));
  }
  const cdk8s = join(root, 'node_modules', '.bin', 'cdk8s');
  execFileSync(cdk8s, ['import', '--no-check-upgrade', source, '--language', 'typescript', '--output', outdir], { stdio: 'inherit', cwd: root });
  const versions = writeSchemas(await readCrds(source));
  console.log(`Wrote ${readdirSync(outdir).filter(f => f.endsWith('.ts')).map(f => join('src', 'imports', f)).join(', ')}`);
  console.log(`Wrote ${versions} CRD version schemas to src/imports/schemas/`);
}

main().catch(err => {
  console.error(`import failed: ${(err as Error).message}`);
  process.exit(1);
});
