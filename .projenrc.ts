import { readFileSync } from 'fs';
import { cdk8s, javascript, JsonFile, TextFile } from 'projen';

/** The one pin: the Istio release whose CRDs, webhook rules and analyzers we follow. */
const istioVersion = readFileSync('projenrc/istio-version.txt', 'utf-8').trim();

/** cdk8s-cli version used by `npx projen import`; pinned so L1 regenerates byte for byte. */
const cdk8sCliVersion = '2.207.60';

/** jsii prints a banner for Node versions past end of life; it is noise in every task. */
const quietJsii = {
  JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1',
  // The end-of-life switch takes the Node majors to silence, not a flag.
  JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20',
  JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION: '1',
};

const project = new cdk8s.ConstructLibraryCdk8s({
  name: 'cdk8s-istio',
  description: `Istio ${istioVersion} traffic management as cdk8s constructs: typed, validated offline as Istio would, synthesized to plain YAML.`,
  keywords: ['cdk8s', 'istio', 'kubernetes', 'service-mesh', 'virtualservice', 'destinationrule'],
  author: 'cdk8s-istio maintainers',
  authorAddress: 'maintainers@users.noreply.github.com',
  repositoryUrl: 'https://github.com/cdk8s-istio/cdk8s-istio.git',
  license: 'Apache-2.0',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  minNodeVersion: '20.0.0',

  cdk8sVersion: '2.70.0',
  constructsVersion: '10.3.0',
  jsiiVersion: '~5.9.0',
  typescriptVersion: '~5.9.0',

  // Python is declared so jsii checks the public API against it; wheels are not built here (see README).
  publishToPypi: { distName: 'cdk8s-istio', module: 'cdk8s_istio' },
  // 0.x: the API may still change; `stable` waits for a release.
  stability: 'experimental',

  github: false,
  release: false,
  depsUpgrade: false,
  pullRequestTemplate: false,

  devDeps: [`cdk8s-cli@${cdk8sCliVersion}`, 'cdk8s-plus-32@^2.5.92', 'fast-check@^4'],
  // Runtime deps of the validation engine and the CLI; jsii wants non-jsii deps bundled.
  bundledDeps: ['js-yaml@^5.5.0', '@bufbuild/cel@0.6.1', '@bufbuild/protobuf@^2.6.2', 're2js@^2.10.0'],
  bin: { 'cdk8s-istio': 'lib/cli/main.js' },

  tsconfigDev: {
    // test/tsconfig.json is the dev tsconfig of a jsii project: paths are relative to test/.
    include: ['../examples/**/*.ts', '../bench/**/*.ts'],
    compilerOptions: {},
  },
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'projenrc', 'bench'],
    ignorePatterns: ['src/imports/**', '*.js', '*.d.ts', 'node_modules/', 'lib/', 'dist/'],
  },
  jestOptions: {
    jestVersion: '^29',
    // `npm test` fails on a changed or missing snapshot; `npx projen test:update` rewrites them on purpose.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      // v8 coverage converts every loaded file's coverage for every test file (9 minutes for the suite
      // here); babel instruments each source file once (under a minute).
      coverageProvider: 'babel',
      testMatch: ['<rootDir>/@(test|examples)/**/*.test.ts'],
      coveragePathIgnorePatterns: ['/node_modules/', '/src/imports/'],
      collectCoverageFrom: ['src/**/*.ts', '!src/imports/**'],
    },
  },
  gitignore: ['/dist/', '/bench/out/', '.jsii.tabl.json'],
  npmIgnoreOptions: { ignorePatterns: ['/examples/', '/bench/', '/.ci/', '/istio/'] },
});

for (const [name, value] of Object.entries(quietJsii)) {
  project.tasks.addEnvironment(name, value);
}

// Example apps and benchmarks are dev code: their own tsconfig (found by eslint's project service and
// by ts-node in each example's cdk8s.yaml) extends the test one.
for (const dir of ['examples', 'bench']) {
  new JsonFile(project, `${dir}/tsconfig.json`, {
    obj: { extends: '../test/tsconfig.json', include: ['**/*.ts'], exclude: ['node_modules'] },
  });
}

// ts-jest transpiles without type-checking (the L1 files are large); tsc checks tests and examples once.
project.testTask.prependExec('tsc --noEmit -p test/tsconfig.json');

// Python wheels need setuptools from PyPI, unreachable here: package-all builds the npm tarball only.
project.tasks.tryFind('package-all')!.reset();
project.tasks.tryFind('package-all')!.spawn(project.tasks.tryFind('package:js')!);

// The validation engine reads the CRD schemas generated next to L1 at run time: ship them in lib/.
project.compileTask.exec('node -e "require(\'fs\').cpSync(\'src/imports/schemas\', \'lib/imports/schemas\', { recursive: true })"');

// Every README snippet and API doc example must compile against the built assembly: rosetta fails
// the build otherwise. The examples' context (rosetta/default.ts-fixture) is generated from the assembly.
project.postCompileTask.exec('ts-node --project projenrc/tsconfig.json projenrc/rosetta-fixture.ts');
project.postCompileTask.exec('jsii-rosetta extract --strict');

project.addTask('import', {
  description: `Regenerate src/imports/ (L1) from istio/${istioVersion}/crd-all.gen.yaml; ISTIO_CRDS=<path|url> reads another copy`,
  exec: 'ts-node --project projenrc/tsconfig.json projenrc/import-istio.ts',
});

project.addTask('istio:upgrade', {
  description: 'Move to another Istio release: fetch its files into istio/<version>/, update the pin, regenerate L1 (needs GitHub)',
  exec: 'ts-node --project projenrc/tsconfig.json projenrc/upgrade-istio.ts',
  receiveArgs: true,
});

project.addTask('synth', {
  description: 'Synthesize every example app under examples/ into dist/<example>/',
  exec: 'ts-node --project projenrc/tsconfig.json projenrc/synth-examples.ts',
});

// Python users get Python: the bindings are generated from the assembly and byte-compiled (a wheel
// needs setuptools from PyPI, which the build machines cannot reach).
project.addTask('python:check', {
  description: 'Generate the Python bindings from the jsii assembly (code only) and byte-compile them',
  steps: [
    { exec: 'rm -rf dist/python-bindings && jsii-pacmak --targets python --code-only --outdir dist/python-bindings' },
    { exec: 'python3 -m compileall -q dist/python-bindings/python/src' },
  ],
});

const bench = project.addTask('bench', {
  description: 'Benchmark: validation vs YAML parsing, L1 synth, cold load; last line is the contract line',
  exec: 'ts-node --transpile-only --project bench/tsconfig.json bench/run.ts',
});
bench.prependSpawn(project.compileTask);

new TextFile(project, '.ci/run', {
  executable: true,
  lines: [
    '#!/usr/bin/env bash',
    '# CI entry point (generated by projen from .projenrc.ts).',
    '# 1. Here: install, regenerate everything generated, and fail if that changed the tree.',
    '# 2. In a fresh clone of HEAD in an empty directory (no ../shared beside it, as a user has it):',
    '#    the README\'s commands, `npm ci && npm run synth` and `npm test`, and a clean tree after them.',
    'set -euo pipefail',
    'cd "$(dirname "$0")/.."',
    'fail_if_dirty() {',
    '  if [ -n "$(git status --porcelain)" ]; then',
    '    echo "CI: $1 left the tree dirty (stale generated files or snapshots):" >&2',
    '    git status --porcelain >&2',
    '    git --no-pager diff --stat >&2',
    '    exit 1',
    '  fi',
    '}',
    'npm ci --no-audit --no-fund',
    'npx projen default',
    'npx projen import',
    'npx projen compile',
    'npx projen post-compile',
    'npx projen python:check',
    'fail_if_dirty "the build"',
    'clone_root="$(mktemp -d)"',
    'trap \'rm -rf "$clone_root"\' EXIT',
    'git clone --quiet --no-hardlinks . "$clone_root/cdk8s-istio"',
    'cd "$clone_root/cdk8s-istio"',
    'echo "CI: fresh clone of $(git rev-parse --short HEAD) in $PWD (no ../shared beside it)"',
    'npm ci --no-audit --no-fund',
    'npm run synth',
    'npm test',
    'npx ts-node --project projenrc/tsconfig.json projenrc/ci-summary.ts test-reports/junit.xml',
    'fail_if_dirty "npm run synth and npm test in the fresh clone"',
  ],
});

project.synth();
