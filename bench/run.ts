/**
 * `npm run bench`: speed and memory of the library, printed as lines of key=value; the last line is
 * the contract line (contract 5 in CONTRIBUTING.md):
 *   bench services=N l1_ms=T l2_ms=T ratio=R validate_objects_per_s=R parse_objects_per_s=R peak_rss_mb=M
 *
 * N services (BENCH_N, default 1000; BENCH_N=10000 for the large case):
 * - l1 / l2 (bench/l2.ts): N canaries (a header rule and a 90/10 split, two subsets, ISTIO_MUTUAL) as
 *   `CanaryService` constructs with validation on (l2), and the same objects in bare L1 classes with
 *   validation off (l1); median of BENCH_RUNS (3) after a warm-up, same process. ratio = l2 / l1.
 * - peak_rss_mb: the peak RSS of a fresh process that synthesizes the l2 app once (l1_peak_rss_mb: the
 *   same for the l1 app), read with process.resourceUsage() as the child exits (report-rss.js).
 * - validate / parse: whole `node` processes, as a user runs them, over the YAML that synthesizing N
 *   services of the validation mesh (bench/corpus.ts: every tenth service also has a Gateway, a
 *   ServiceEntry and a Sidecar) writes: `node lib/cli/main.js validate <file>` (read, parse, validate,
 *   analyse, report) against a process that only reads and parses the same file with the CLI's own
 *   YAML reader (lib/cli/yaml-documents.js). Median of BENCH_PAIRS (5) paired runs; objects/s count
 *   start-up in.
 * - cold load: `require('cdk8s-istio')` (compiled lib/) against `require('cdk8s-plus-32')`, each in a
 *   fresh node process, minus an empty node start, median of 7. Target: within 1.2x.
 * - BENCH_HUGE=1 adds 100,000 objects through the CLI under Node's default heap (time and peak RSS).
 *
 * Needs lib/ (`npm run bench` compiles first).
 */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdirSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { Chart, Testing, Yaml } from 'cdk8s';
import { dump } from 'js-yaml';
import { meshObjects } from './corpus';
import { l1Templates, synthL1 as synthL1Canaries, synthL2 } from './l2';
import { lib } from './lib';

const { networking } = lib;

const root = resolve(__dirname, '..');
const outdir = join(root, 'bench', 'out');
const services = Number(process.env.BENCH_N ?? process.env.BENCH_SERVICES ?? 1000);
/** Services in the validation file (default N). */
const validateServices = Number(process.env.BENCH_VALIDATE_SERVICES ?? services);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const pairs = Number(process.env.BENCH_PAIRS ?? 5);
const cliMain = join(root, 'lib', 'cli', 'main.js');
const reportRss = join(root, 'bench', 'report-rss.js');

/** Parses the file given as argument with the CLI's reader, and nothing else. */
const PARSE_ONLY = [
  `const { readTextFile } = require(${JSON.stringify(join(root, 'lib', 'cli', 'input-files.js'))});`,
  `const { readDocuments } = require(${JSON.stringify(join(root, 'lib', 'cli', 'yaml-documents.js'))});`,
  'const file = process.argv[1];',
  'const documents = readDocuments(file, readTextFile(file));',
  "if (documents.length === 0) throw new Error('no documents');",
].join('\n');

/** Median of `runs` wall-clock times of `fn`, in ms. */
function medianOf(fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(timed(fn));
  return median(times);
}

function timed(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Runs node with `args` (cwd: the repository); throws unless it exits with `status`; returns stderr. */
function node(args: string[], options: { status?: number; env?: NodeJS.ProcessEnv } = {}): string {
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf-8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ...options.env } });
  if (result.error) throw result.error;
  if (result.status !== (options.status ?? 0)) {
    throw new Error(`node ${args.join(' ')} exited ${result.status ?? result.signal}:\n${result.stderr.slice(-2000)}`);
  }
  return result.stderr;
}

/** Peak RSS in MB that report-rss.js printed on a child's stderr. */
function maxRssMb(stderr: string): number {
  const match = /bench_max_rss_kb=(\d+)/.exec(stderr);
  if (!match) throw new Error(`no peak RSS in the child's stderr:\n${stderr.slice(-2000)}`);
  return Number(match[1]) / 1024;
}

/** Median time of `node -e "require(<module>)"` minus an empty node start, in ms. */
function coldLoad(module: string): number {
  const time = (code: string) => timed(() => execFileSync(process.execPath, ['-e', code], { cwd: root }));
  const samples = Array.from({ length: 7 }, () => time(`require(${JSON.stringify(module)})`) - time(''));
  return median(samples);
}

/** The validation mesh of `count` services through L1 with validation on, as cdk8s writes it: time and YAML. */
function synthMesh(count: number): { ms: number; yaml: string; objects: number } {
  let manifests: unknown[] = [];
  const ms = timed(() => {
    const chart = new Chart(Testing.app(), 'mesh');
    meshObjects(count).forEach((obj, i) => {
      const props = { metadata: obj.metadata as any, spec: obj.spec as any };
      switch (obj.kind) {
        case 'VirtualService': new networking.VirtualService(chart, `o${i}`, props); break;
        case 'DestinationRule': new networking.DestinationRule(chart, `o${i}`, props); break;
        case 'Gateway': new networking.Gateway(chart, `o${i}`, props); break;
        case 'ServiceEntry': new networking.ServiceEntry(chart, `o${i}`, props); break;
        default: new networking.Sidecar(chart, `o${i}`, props);
      }
    });
    manifests = Testing.synth(chart);
  });
  return { ms, yaml: Yaml.stringify(...manifests), objects: manifests.length };
}

/** Median of `pairs` paired runs of the CLI and of the parse-only process over `file`, in ms. */
function validateAndParse(file: string): { validateMs: number; parseMs: number } {
  const validate: number[] = [];
  const parse: number[] = [];
  node([cliMain, 'validate', file]); // warm the file cache
  for (let i = 0; i < pairs; i++) {
    validate.push(timed(() => node([cliMain, 'validate', file])));
    parse.push(timed(() => node(['-e', PARSE_ONLY, file])));
  }
  return { validateMs: median(validate), parseMs: median(parse) };
}

/** 100,000 objects through the CLI under the default heap: time and peak RSS. */
function huge(): string {
  const objects = meshObjects(Math.ceil(100_000 / 2.3));
  const file = join(outdir, 'mesh-100k.yaml');
  writeFileSync(file, objects.map(obj => dump(obj, { noRefs: true })).join('---\n'));
  let stderr = '';
  const ms = timed(() => {
    stderr = node(['-r', reportRss, cliMain, 'validate', file]);
  });
  return `huge_objects=${objects.length} huge_validate_ms=${ms.toFixed(0)} huge_objects_per_s=${Math.round(objects.length / (ms / 1000))} huge_peak_rss_mb=${maxRssMb(stderr).toFixed(0)}`;
}

function main(): void {
  if (!existsSync(cliMain)) throw new Error('the benchmark runs the compiled CLI: run `npx projen compile` first (`npm run bench` does)');
  mkdirSync(outdir, { recursive: true });

  const mesh = synthMesh(validateServices);
  const file = join(outdir, 'mesh.yaml');
  writeFileSync(file, mesh.yaml);
  const { validateMs, parseMs } = validateAndParse(file);

  // L2 (CanaryService, validation on) against the same objects in bare L1 (validation off), same process.
  const templates = l1Templates();
  const l1Objects = JSON.stringify(synthL1Canaries(2, templates));
  if (l1Objects !== JSON.stringify(synthL2(2))) throw new Error('the L1 and L2 benchmark apps must render the same objects');
  synthL1Canaries(services, templates); // warm-up
  synthL2(services);
  const l1Ms = medianOf(() => synthL1Canaries(services, templates));
  const l2Ms = medianOf(() => synthL2(services));

  // Peak RSS of one synthesis each, in fresh processes (ts-node compiles only bench/; the library is lib/).
  const child = (which: string) => maxRssMb(node(['-r', 'ts-node/register/transpile-only', '-r', reportRss, join('bench', 'synth-child.ts'), which, String(services)],
    { env: { TS_NODE_PROJECT: join('bench', 'tsconfig.json') } }));
  const l1Rss = child('l1');
  const l2Rss = child('l2');

  const validateRate = mesh.objects / (validateMs / 1000);
  const parseRate = mesh.objects / (parseMs / 1000);
  console.log(`validate_objects=${mesh.objects} validate_ms=${validateMs.toFixed(0)} parse_ms=${parseMs.toFixed(0)} validate_over_parse=${(validateMs / parseMs).toFixed(2)} (processes, median of ${pairs} pairs; target <= 1.5, >= 15000 objects/s)`);
  console.log(`mesh_l1_synth_ms=${mesh.ms.toFixed(0)} (the validation mesh's ${validateServices} services in L1, validation on, once)`);
  console.log(`l1_peak_rss_mb=${l1Rss.toFixed(0)} l2_peak_rss_mb=${l2Rss.toFixed(0)} rss_ratio=${(l2Rss / l1Rss).toFixed(2)} (target <= 1.3)`);
  if (existsSync(join(root, 'node_modules', 'cdk8s-plus-32'))) {
    const ours = coldLoad('./lib');
    const plus = coldLoad('cdk8s-plus-32');
    console.log(`cold_load_ms=${ours.toFixed(0)} cdk8s_plus_32_ms=${plus.toFixed(0)} cold_load_ratio=${(ours / plus).toFixed(2)} (target <= 1.2)`);
  } else {
    console.log('cold_load=skipped (needs cdk8s-plus-32 installed)');
  }
  if (process.env.BENCH_HUGE === '1') console.log(huge());
  console.log([
    'bench',
    `services=${services}`,
    `l1_ms=${l1Ms.toFixed(0)}`,
    `l2_ms=${l2Ms.toFixed(0)}`,
    `ratio=${(l2Ms / l1Ms).toFixed(2)}`,
    `validate_objects_per_s=${Math.round(validateRate)}`,
    `parse_objects_per_s=${Math.round(parseRate)}`,
    `peak_rss_mb=${l2Rss.toFixed(0)}`,
  ].join(' '));
}

main();
