/**
 * Where the pinned Istio release's own files live in the repository (istio/<version>/, see
 * istio/README.md). The import task, the upgrade task and the tests all find them here.
 */
import { readFileSync } from 'fs';
import { join, resolve } from 'path';

export const repoRoot = resolve(__dirname, '..');

/** The file that holds the pin. */
export const pinFile = join(repoRoot, 'projenrc', 'istio-version.txt');

/** The Istio release this library follows. */
export function pinnedIstioVersion(): string {
  return readFileSync(pinFile, 'utf-8').trim();
}

/** The folder of one release's files. */
export function istioReleaseDir(version: string = pinnedIstioVersion()): string {
  return join(repoRoot, 'istio', version);
}

/** The pinned release's CRD bundle (`manifests/charts/base/files/crd-all.gen.yaml` upstream). */
export function pinnedCrdFile(version?: string): string {
  return join(istioReleaseDir(version), 'crd-all.gen.yaml');
}

/** The pinned release's istioctl analyze messages (`pkg/config/analysis/msg/messages.yaml` upstream). */
export function pinnedAnalyzerMessagesFile(version?: string): string {
  return join(istioReleaseDir(version), 'messages.yaml');
}

/** The upstream files of a release, by the name they take in its folder. */
export function upstreamFiles(version: string): Record<string, string> {
  const base = `https://raw.githubusercontent.com/istio/istio/${version}`;
  return {
    'crd-all.gen.yaml': `${base}/manifests/charts/base/files/crd-all.gen.yaml`,
    'messages.yaml': `${base}/pkg/config/analysis/msg/messages.yaml`,
  };
}
