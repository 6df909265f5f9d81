/** Paths to the read-only material beside the checkout (../shared), overridable for other layouts. */
import { existsSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { load, loadAll } from 'js-yaml';

const repoRoot = resolve(__dirname, '..', '..');
const istioVersion = readFileSync(join(repoRoot, 'projenrc', 'istio-version.txt'), 'utf-8').trim();

function sharedFile(envVar: string, fallback: string): string {
  const path = resolve(repoRoot, process.env[envVar] ?? fallback);
  if (!existsSync(path)) {
    throw new Error(`${path} not found: tests read it from ../shared beside the checkout; set ${envVar} to its location`);
  }
  return path;
}

/** Istio's CRD bundle of the pinned version. */
export function crdDocuments(): any[] {
  const path = sharedFile('ISTIO_CRDS', `../shared/istio/crd-all-${istioVersion}.yaml`);
  return loadAll(readFileSync(path, 'utf-8')).filter(doc => doc && typeof doc === 'object');
}

/** Every complete Kubernetes object (apiVersion and kind) in the ```yaml blocks of the product spec. */
export function seedObjects(): any[] {
  const path = sharedFile('SEED_SPEC', '../shared/seed/istio-traffic-management.md');
  const markdown = readFileSync(path, 'utf-8');
  const blocks = [...markdown.matchAll(/```yaml\n([\s\S]*?)```/g)].map(match => match[1]);
  return blocks
    .flatMap(block => block.includes('\n---') ? loadAll(block) : [load(block)])
    .filter((doc: any) => doc && typeof doc === 'object' && doc.apiVersion && doc.kind);
}
