import { join } from 'path';
import { UsageError } from '../../src/cli/command';
import { validateCommand } from '../../src/cli/validate-command';
import { Severity } from '../../src/validation/diagnostic';
import * as engine from '../../src/validation/validate';
import { TempDir } from '../support/temp-dir';

const fixtures = join(__dirname, '..', 'fixtures', 'cli');
const VALID = join(fixtures, 'valid-gateway.yaml');
const INVALID = join(fixtures, 'invalid-gateway.yaml');

/** Runs `validate` in-process: exit status and what it wrote. */
function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const status = validateCommand.run(args, { stdout: text => { stdout += text; }, stderr: text => { stderr += text; } });
  return { status, stdout, stderr };
}

describe('cdk8s-istio validate', () => {
  const temp = new TempDir();
  afterAll(() => temp.remove());

  test('valid objects: exit 0 and the summary', () => {
    const { status, stdout, stderr } = run(VALID);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^0 errors, \d+ warnings in 1 objects \(2 non-Istio documents skipped\)\n$/m);
    expect(stderr).toBe('');
  });

  test('a schema violation: exit 1, a line with file, line, code, object, field path and Kubernetes message', () => {
    const { status, stdout } = run(INVALID, VALID);
    expect(status).toBe(1);
    expect(stdout).toContain(`${INVALID}:12 error IST0106 Gateway istio-system/broken: spec.servers[0].port.number: Required value\n`);
    expect(stdout).toContain(`${INVALID}:12 error IST0106 Gateway istio-system/broken: spec.servers[0].port.protocol: Required value\n`);
    expect(stdout).not.toContain('_note');
    expect(stdout).toMatch(/\n[1-9]\d* errors, \d+ warnings in 2 objects \(2 non-Istio documents skipped\)\n$/);
    expect(stdout.indexOf(INVALID)).toBeLessThan(stdout.indexOf(VALID) === -1 ? Infinity : stdout.indexOf(VALID));
  });

  test('--format json: only a JSON array on stdout', () => {
    const { status, stdout } = run('--format', 'json', INVALID);
    expect(status).toBe(1);
    const findings = JSON.parse(stdout);
    expect(findings).toContainEqual({
      file: INVALID,
      line: 12,
      severity: 'error',
      code: 'IST0106',
      kind: 'Gateway',
      namespace: 'istio-system',
      name: 'broken',
      path: 'spec.servers[0].port.number',
      message: 'Required value',
    });
    expect(run('--format=json', VALID).stdout).toMatch(/^\[[\s\S]*\]\n$/);
  });

  test('directories are read recursively; other API groups are skipped and counted', () => {
    const { status, stdout } = run(join(fixtures, 'tree'));
    expect(status).toBe(0);
    expect(stdout).toBe('0 errors, 0 warnings in 0 objects (4 non-Istio documents skipped)\n');
  });

  test('a document that is not an object is an error; a mapping without apiVersion or kind a warning', () => {
    const file = temp.write('odd.yaml', '- a\n- b\n---\njust text\n---\n42\n---\nname: x\n---\napiVersion: v1\nkind: ConfigMap\n');
    const { status, stdout } = run(file);
    expect(status).toBe(1);
    expect(stdout).toBe([
      `${file}:1 error CI0001 -: document is not a Kubernetes object (got a list)`,
      `${file}:4 error CI0001 -: document is not a Kubernetes object (got a string)`,
      `${file}:6 error CI0001 -: document is not a Kubernetes object (got a number)`,
      `${file}:8 warning CI0001 -: document is not a Kubernetes object (no apiVersion or kind; not validated)`,
      '3 errors, 1 warnings in 0 objects (2 non-Istio documents skipped)',
      '',
    ].join('\n'));
  });

  test('empty files and empty documents count nothing', () => {
    const empty = temp.write('empty.yaml', '');
    const blank = temp.write('blank.json', '\n');
    const separators = temp.write('seps.yml', '---\n# nothing\n---\n...\n');
    expect(run(empty, blank, separators)).toEqual({ status: 0, stdout: '0 errors, 0 warnings in 0 objects\n', stderr: '' });
  });

  test('syntax errors, binary and missing files: all reported on stderr with file (and line), exit 2, nothing on stdout', () => {
    const broken = temp.write('broken.yaml', 'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: 1\n  a: 2\n');
    const binary = temp.write('binary.yaml', Buffer.from([0x00, 0x01, 0x02]));
    const missing = join(temp.path, 'missing.yaml');
    const { status, stdout, stderr } = run('--format', 'json', broken, VALID, binary, missing);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe([
      `${missing}: cannot read: no such file or directory`,
      `${broken}:5: YAML syntax error: duplicated mapping key`,
      `${binary}: not a text file (it contains NUL bytes); expected YAML or JSON`,
      '',
    ].join('\n'));
  });

  test('a diagnostic the engine cannot tie to an input object is still reported, last', () => {
    const spy = jest.spyOn(engine, 'validateObjects').mockReturnValue([
      { severity: Severity.WARNING, code: 'CI1999', kind: 'VirtualService', name: 'x', path: '', message: 'about the set' },
    ]);
    try {
      expect(run(VALID).stdout).toMatch(/^- warning CI1999 VirtualService x: about the set\n0 errors, 1 warnings in 1 objects/);
    } finally {
      spy.mockRestore();
    }
  });

  test('--help prints the help on stdout', () => {
    const { status, stdout } = run('--help');
    expect(status).toBe(0);
    expect(stdout).toContain('Usage: cdk8s-istio validate [--format text|json] <file|dir>...');
    expect(stdout).toContain('Exit status:');
    expect(run('-h', 'anything').stdout).toBe(stdout);
  });

  test.each([
    [[], 'no input: name at least one file or directory'],
    [['--format', 'yaml', VALID], "--format must be text or json, got 'yaml'"],
    [['--strict', VALID], "Unknown option '--strict'"],
  ])('usage error for %j', (args, message) => {
    expect(() => run(...args)).toThrow(new UsageError(message));
  });
});
