/**
 * `npm run bench`: speed and memory of the library, printed as lines of key=value; the last line is
 * the contract line (contract 5 in CONTRIBUTING.md):
 *   bench services=N l1_ms=T l2_ms=T ratio=R validate_objects_per_s=R parse_objects_per_s=R peak_rss_mb=M
 *
 * - parse: js-yaml (the fastest well-kept YAML parser here) loading the benchmark file, nothing else.
 * - validate: `cdk8s-istio validate <file>` end to end, in process: read, parse, locate, schema +
 *   CEL + webhook + analysis, report. Target: under 2x the parse time.
 * - l1 / l2 (bench/l2.ts): N canaries (a header rule and a 90/10 split, two subsets, ISTIO_MUTUAL) as
 *   `CanaryService` constructs with validation on (l2), and the same objects in bare L1 classes with
 *   validation off (l1); median of BENCH_RUNS after a warm-up, same process. peak_rss_mb is read after
 *   the l2 runs. The validation mesh's synth in L1 (validation on) is printed as mesh_l1_synth_ms.
 * - cold load: `require('cdk8s-istio')` (compiled lib/) against `require('cdk8s-plus-32')`, each in a
 *   fresh node process, median of several runs. Target: within 1.2x.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { Chart, Testing } from 'cdk8s';
import { dump, loadAll } from 'js-yaml';
import { meshObjects } from './corpus';
import { l1Templates, synthL1 as synthL1Canaries, synthL2 } from './l2';
import { networking } from '../src';
import { main as cli } from '../src/cli/main';

const root = resolve(__dirname, '..');
const outdir = join(root, 'bench', 'out');
/** Services synthesized with L1 (and L2, later): a VirtualService and a DestinationRule each, plus extras. */
const services = Number(process.env.BENCH_N ?? process.env.BENCH_SERVICES ?? 1000);
/** Services in the validation benchmark file: 4,350 give 10,005 Istio objects. */
const validateServices = Number(process.env.BENCH_VALIDATE_SERVICES ?? 4350);
const runs = Number(process.env.BENCH_RUNS ?? 3);

/** Best of `runs` wall-clock times of `fn`, in ms. */
function best(fn: () => void): number {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return fastest;
}

/** Median of `runs` wall-clock times of `fn`, in ms. */
function medianOf(fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median time of `node -e "require(<module>)"` minus an empty node start, in ms. */
function coldLoad(module: string): number {
  const time = (code: string) => {
    const start = process.hrtime.bigint();
    execFileSync(process.execPath, ['-e', code], { cwd: root });
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const samples = Array.from({ length: 7 }, () => time(`require(${JSON.stringify(module)})`) - time(''));
  return median(samples);
}

function synthL1(objects: Record<string, unknown>[]): void {
  const chart = new Chart(Testing.app(), 'mesh');
  objects.forEach((obj, i) => {
    const props = { metadata: obj.metadata as any, spec: obj.spec as any };
    switch (obj.kind) {
      case 'VirtualService': new networking.VirtualService(chart, `o${i}`, props); break;
      case 'DestinationRule': new networking.DestinationRule(chart, `o${i}`, props); break;
      case 'Gateway': new networking.Gateway(chart, `o${i}`, props); break;
      case 'ServiceEntry': new networking.ServiceEntry(chart, `o${i}`, props); break;
      default: new networking.Sidecar(chart, `o${i}`, props);
    }
  });
  Testing.synth(chart);
}

function main(): void {
  mkdirSync(outdir, { recursive: true });
  const objects = meshObjects(validateServices);
  const file = join(outdir, 'mesh.yaml');
  writeFileSync(file, objects.map(obj => dump(obj, { noRefs: true })).join('---\n'));

  const parseMs = best(() => loadAll(readFileSync(file, 'utf-8')));
  const silent = { stdout: () => undefined, stderr: (text: string) => process.stderr.write(text) };
  let status = -1;
  const validateMs = best(() => {
    status = cli(['validate', file], silent);
  });
  if (status !== 0) throw new Error(`the benchmark mesh should be valid; cdk8s-istio validate exited ${status}`);
  const l1Ms = best(() => synthL1(meshObjects(services)));

  // L2 (CanaryService, validation on) against the same objects in bare L1 (validation off), same process.
  const templates = l1Templates();
  const l1Objects = JSON.stringify(synthL1Canaries(2, templates));
  if (l1Objects !== JSON.stringify(synthL2(2))) throw new Error('the L1 and L2 benchmark apps must render the same objects');
  synthL1Canaries(services, templates); // warm-up
  synthL2(services);
  const l1CanaryMs = medianOf(() => synthL1Canaries(services, templates));
  const l2Ms = medianOf(() => synthL2(services));
  const rssAfterL2 = process.resourceUsage().maxRSS / 1024;

  console.log(`objects=${objects.length} parse_ms=${parseMs.toFixed(0)} validate_ms=${validateMs.toFixed(0)} validate_over_parse=${(validateMs / parseMs).toFixed(2)} (target < 2)`);
  if (existsSync(join(root, 'lib', 'index.js')) && existsSync(join(root, 'node_modules', 'cdk8s-plus-32'))) {
    const ours = coldLoad('./lib');
    const plus = coldLoad('cdk8s-plus-32');
    console.log(`cold_load_ms=${ours.toFixed(0)} cdk8s_plus_32_ms=${plus.toFixed(0)} cold_load_ratio=${(ours / plus).toFixed(2)} (target <= 1.2)`);
  } else {
    console.log('cold_load=skipped (needs lib/ from `npx projen compile` and cdk8s-plus-32 installed)');
  }
  console.log(`mesh_l1_synth_ms=${l1Ms.toFixed(0)} (the validation mesh's ${services} services in L1, validation on)`);
  console.log([
    'bench',
    `services=${services}`,
    `l1_ms=${l1CanaryMs.toFixed(0)}`,
    `l2_ms=${l2Ms.toFixed(0)}`,
    `ratio=${(l2Ms / l1CanaryMs).toFixed(2)}`,
    `validate_objects_per_s=${Math.round(objects.length / (validateMs / 1000))}`,
    `parse_objects_per_s=${Math.round(objects.length / (parseMs / 1000))}`,
    `peak_rss_mb=${rssAfterL2.toFixed(0)}`,
  ].join(' '));
}

main();
