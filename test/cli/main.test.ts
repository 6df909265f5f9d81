import { execFile } from 'child_process';
import { join, resolve } from 'path';
import { CliError } from '../../src/cli/command';
import { main } from '../../src/cli/main';
import { validateCommand } from '../../src/cli/validate-command';
import { TempDir } from '../support/temp-dir';

const repoRoot = resolve(__dirname, '..', '..');
const fixtures = join('test', 'fixtures', 'cli');

interface Outcome {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `main()` in-process. */
function runMain(...argv: string[]): Outcome {
  let stdout = '';
  let stderr = '';
  const status = main(argv, { stdout: text => { stdout += text; }, stderr: text => { stderr += text; } });
  return { status, stdout, stderr };
}

/** Runs the real command in a child process (through ts-node, as `node lib/cli/main.js` would run). */
function spawnCli(args: string[]): Promise<Outcome> {
  const nodeArgs = ['-r', 'ts-node/register/transpile-only', 'src/cli/main.ts', ...args];
  const env = { ...process.env, TS_NODE_PROJECT: 'test/tsconfig.json' };
  return new Promise(done => {
    execFile(process.execPath, nodeArgs, { cwd: repoRoot, env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ status: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

describe('cdk8s-istio as a process', () => {
  const temp = new TempDir();
  const broken = temp.write('broken.yaml', 'apiVersion: v1\nkind: List\nitems:\n- a: [1, 2\n- b\n');
  const cases = {
    help: ['--help'],
    none: [],
    badFormat: ['validate', '--format', 'xml', join(fixtures, 'valid-gateway.yaml')],
    text: ['validate', join(fixtures, 'invalid-gateway.yaml'), join(fixtures, 'tree')],
    json: ['validate', '--format', 'json', join(fixtures, 'valid-gateway.yaml')],
    syntax: ['validate', broken],
  };
  const outcomes: Record<string, Outcome> = {};

  // Each process takes a second or two to start: start them all at once.
  beforeAll(async () => {
    const results = await Promise.all(Object.values(cases).map(spawnCli));
    Object.keys(cases).forEach((name, index) => outcomes[name] = results[index]);
  }, 60_000);
  afterAll(() => temp.remove());

  test('--help: the commands, exit 0', () => {
    expect(outcomes.help).toEqual({ status: 0, stdout: expect.stringContaining('validate'), stderr: '' });
  });

  test('no arguments: usage on stderr, exit 2', () => {
    expect(outcomes.none).toEqual({ status: 2, stdout: '', stderr: expect.stringMatching(/^cdk8s-istio: missing command\n\nUsage: /) });
  });

  test('a bad --format: usage error, exit 2', () => {
    expect(outcomes.badFormat).toEqual({
      status: 2,
      stdout: '',
      stderr: "cdk8s-istio validate: --format must be text or json, got 'xml'\n"
        + 'Usage: cdk8s-istio validate [--format text|json] [--best-practices] [--suppress <code>=<resource>]... [--show-suppressed] <file|dir>...\n'
        + "Run 'cdk8s-istio validate --help' for details.\n",
    });
  });

  test('errors: one line each, the summary, exit 1', () => {
    const { status, stdout, stderr } = outcomes.text;
    expect(stderr).toBe('');
    expect(status).toBe(1);
    expect(stdout).toContain(`${join(fixtures, 'invalid-gateway.yaml')}:12 error IST0106 Gateway istio-system/broken: spec.servers[0].port.number: Required value\n`);
    expect(stdout).toMatch(/\n[1-9]\d* errors, \d+ warnings in 1 objects \(4 non-Istio documents skipped\)\n$/);
  });

  test('--format json on valid input: a JSON array without errors, exit 0', () => {
    const { status, stdout } = outcomes.json;
    expect(status).toBe(0);
    expect(JSON.parse(stdout).filter((finding: { severity: string }) => finding.severity === 'error')).toEqual([]);
  });

  test('a YAML syntax error: file and line, no stack trace, exit 2', () => {
    expect(outcomes.syntax).toEqual({ status: 2, stdout: '', stderr: expect.stringMatching(new RegExp(`^${broken}:\\d+: YAML syntax error: [^\\n]+\\n$`)) });
  });
});

describe('main', () => {
  test('--help, -h and help print the overview on stdout', () => {
    const help = runMain('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: cdk8s-istio <command> \[options\] <file\|dir>\.\.\.\n\nCommands:\n {2}validate {2}check Istio objects/);
    expect(runMain('-h')).toEqual(help);
    expect(runMain('help')).toEqual(help);
  });

  test('an unknown command: its name, the overview on stderr, exit 2', () => {
    const { status, stdout, stderr } = runMain('valdiate', 'x.yaml');
    expect({ status, stdout }).toEqual({ status: 2, stdout: '' });
    expect(stderr).toMatch(/^cdk8s-istio: unknown command 'valdiate'\n\nUsage: /);
    expect(runMain('toString').stderr).toMatch(/^cdk8s-istio: unknown command 'toString'/);
  });

  test('a command help: `<command> --help`', () => {
    expect(runMain('validate', '--help')).toEqual({ status: 0, stdout: validateCommand.help, stderr: '' });
  });

  test('a usage error: the problem, the usage line and where to find help, exit 2', () => {
    expect(runMain('validate', '--format', 'xml', 'x.yaml')).toEqual({
      status: 2,
      stdout: '',
      stderr: `cdk8s-istio validate: --format must be text or json, got 'xml'\n${validateCommand.usage}\nRun 'cdk8s-istio validate --help' for details.\n`,
    });
  });

  test('a CliError of a command: its message and status', () => {
    const spy = jest.spyOn(validateCommand, 'run').mockImplementation(() => { throw new CliError('x.yaml: gone', 3); });
    try {
      expect(runMain('validate', 'x.yaml')).toEqual({ status: 3, stdout: '', stderr: 'x.yaml: gone\n' });
    } finally {
      spy.mockRestore();
    }
  });

  test('a bug: a short message (the stack with CDK8S_ISTIO_DEBUG), exit 2', () => {
    const spy = jest.spyOn(validateCommand, 'run').mockImplementation(() => { throw new TypeError('boom'); });
    try {
      expect(runMain('validate', 'x.yaml')).toEqual({
        status: 2,
        stdout: '',
        stderr: 'cdk8s-istio validate: internal error: boom\n(set CDK8S_ISTIO_DEBUG=1 for a stack trace; please report it)\n',
      });
      process.env.CDK8S_ISTIO_DEBUG = '1';
      expect(runMain('validate', 'x.yaml').stderr).toMatch(/^cdk8s-istio validate: internal error: TypeError: boom\n {4}at /);
    } finally {
      delete process.env.CDK8S_ISTIO_DEBUG;
      spy.mockRestore();
    }
  });
});
