/**
 * `npx projen istio:upgrade <version>`: move the library to another Istio release in one step.
 * Downloads that release's CRD bundle and analyzer messages into istio/<version>/, writes the pin,
 * regenerates L1 (`npx projen import`) and the projen files. Needs the network (GitHub); review the
 * diff, run `npm test`, and follow the failing tests: they name what the new release changed.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, writeFileSync } from 'fs';
import { join, relative } from 'path';
import { istioReleaseDir, pinFile, pinnedIstioVersion, repoRoot, upstreamFiles } from './pinned-istio';

async function download(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${response.statusText}`);
  return response.text();
}

async function main(version: string | undefined) {
  if (!version || !/^\d+\.\d+\.\d+$/.test(version)) {
    throw new Error(`usage: npx projen istio:upgrade <version>, a release tag such as 1.30.3 (got ${version ?? 'nothing'})`);
  }
  const from = pinnedIstioVersion();
  const dir = istioReleaseDir(version);
  mkdirSync(dir, { recursive: true });
  for (const [name, url] of Object.entries(upstreamFiles(version))) {
    console.log(`GET ${url}`);
    writeFileSync(join(dir, name), await download(url));
  }
  const notice = join(dir, 'NOTICE');
  if (!existsSync(notice)) {
    const files = Object.entries(upstreamFiles(version)).map(([name, url]) => `  ${name}  ${url.split(`/${version}/`)[1]}`);
    writeFileSync(notice, [
      `The files in this folder are copied unchanged from Istio ${version} (https://github.com/istio/istio, tag ${version}):`,
      '', ...files, '', 'Copyright Istio Authors', '',
      'Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).', '',
    ].join('\n'));
  }
  writeFileSync(pinFile, `${version}\n`);
  const projen = join(repoRoot, 'node_modules', '.bin', 'projen');
  execFileSync(projen, [], { stdio: 'inherit', cwd: repoRoot });
  execFileSync(projen, ['import'], { stdio: 'inherit', cwd: repoRoot });
  console.log(`Pinned Istio ${version} (was ${from}); its files are in ${relative(repoRoot, dir)}/.`);
  console.log(`Remove istio/${from}/ once nothing needs it, then run npm test.`);
}

main(process.argv[2]).catch(err => {
  console.error(`istio:upgrade failed: ${(err as Error).message}`);
  process.exit(1);
});
