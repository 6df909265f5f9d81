/** The repository's pinned Istio files (istio/<version>/) and the seed spec's objects (a committed fixture). */
import { readFileSync } from 'fs';
import { load, loadAll } from 'js-yaml';
import { pinnedAnalyzerMessagesFile, pinnedCrdFile } from '../../projenrc/pinned-istio';
import { seedFixtureFile } from '../../projenrc/seed-fixture';

function documents(path: string): any[] {
  return loadAll(readFileSync(path, 'utf-8')).filter(doc => doc && typeof doc === 'object');
}

/** Istio's CRD bundle of the pinned version. */
export function crdDocuments(): any[] {
  return documents(pinnedCrdFile());
}

/** istioctl analyze's message catalogue of the pinned version. */
export function analyzerMessages(): any[] {
  return (load(readFileSync(pinnedAnalyzerMessagesFile(), 'utf-8')) as any).messages;
}

/** The 39 complete Kubernetes objects of the product spec, in the spec's order. */
export function seedObjects(): any[] {
  return documents(seedFixtureFile);
}
