import { join } from 'path';
import { UsageError } from '../../src/cli/command';
import { validateCommand } from '../../src/cli/validate-command';
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
    // Nothing about the ignored top-level key `_note`; the valid file has no line.
    expect(stdout).toBe([
      `${INVALID}:2 error IST0106 Gateway istio-system/broken: <nil>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation`,
      `${INVALID}:12 error IST0106 Gateway istio-system/broken: spec.servers[0].port.number: Required value`,
      `${INVALID}:12 error IST0106 Gateway istio-system/broken: spec.servers[0].port.protocol: Required value`,
      '3 errors, 0 warnings in 2 objects (2 non-Istio documents skipped)',
      '',
    ].join('\n'));
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

  test('--help prints the help on stdout', () => {
    const { status, stdout } = run('--help');
    expect(status).toBe(0);
    expect(stdout).toContain('Usage: cdk8s-istio validate [--format text|json] [--best-practices] [--suppress <code>=<resource>]... [--show-suppressed] <file|dir>...');
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

  describe('suppressions and best practices', () => {
    const objects = `apiVersion: v1
kind: Service
metadata: {name: reviews, namespace: shop}
spec: {ports: [{port: 80, name: http}], selector: {app: reviews}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: reviews-v1, namespace: shop}
spec:
  selector: {matchLabels: {app: reviews, version: v1}}
  template:
    metadata: {labels: {app: reviews, version: v1}}
    spec: {containers: [{name: reviews, image: reviews}]}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
  namespace: shop
spec:
  host: reviews
  subsets:
  - {name: v1, labels: {version: v1}}
  - {name: v2, labels: {version: v2}}
`;
    const FILE = temp.write('suppress/reviews.yaml', objects);
    const FINDING = 'error IST0173 DestinationRule shop/reviews: spec.subsets[1]: The Subset v2 defined in the DestinationRule does not select any pods. '
      + 'Which may lead to 503 UH (NoHealthyUpstream).';

    test('without suppression: IST0173, exit 1', () => {
      expect(run(FILE)).toEqual({ status: 1, stdout: `${FILE}:24 ${FINDING}\n1 errors, 0 warnings in 1 objects (2 non-Istio documents skipped)\n`, stderr: '' });
    });

    test.each([
      'IST0173=DestinationRule reviews.shop',
      'IST0173=DestinationRule shop/reviews',
      'IST0173=DestinationRule *.shop',
      'IST0173=*reviews*',
      'IST0173=*',
    ])('--suppress "%s": exit 0, the summary counts it', value => {
      expect(run('--suppress', value, FILE)).toEqual({
        status: 0, stdout: '0 errors, 0 warnings in 1 objects (2 non-Istio documents skipped, 1 findings suppressed)\n', stderr: '',
      });
    });

    test.each([
      'IST0173=DestinationRule *.other',
      'IST0101=DestinationRule reviews.shop',
      'IST0173=VirtualService reviews.shop',
      'IST0173=DestinationRule reviews',
    ])('--suppress "%s" does not match: still exit 1', value => {
      expect(run('--suppress', value, FILE).status).toBe(1);
    });

    test('-S is repeatable', () => {
      const { status, stdout } = run('-S', 'IST0101=Gateway *', '-S', 'IST0173=DestinationRule reviews.shop', FILE);
      expect({ status, stdout }).toEqual({ status: 0, stdout: expect.stringContaining('(2 non-Istio documents skipped, 1 findings suppressed)') });
    });

    test('the annotation suppresses in the CLI too', () => {
      const annotated = temp.write('suppress/annotated.yaml', objects.replace('  namespace: shop\nspec:',
        '  namespace: shop\n  annotations: {galley.istio.io/analyze-suppress: "IST0101,IST0173"}\nspec:'));
      expect(run(annotated).stdout).toBe('0 errors, 0 warnings in 1 objects (2 non-Istio documents skipped, 1 findings suppressed)\n');
    });

    test('--show-suppressed lists them in the text, marked, with what suppressed them', () => {
      expect(run('--show-suppressed', '--suppress', 'IST0173=DestinationRule *.shop', FILE)).toEqual({
        status: 0,
        stdout: `${FILE}:24 suppressed ${FINDING} (by --suppress "IST0173=DestinationRule *.shop")\n`
          + '0 errors, 0 warnings in 1 objects (2 non-Istio documents skipped, 1 findings suppressed)\n',
        stderr: '',
      });
    });

    test('--show-suppressed --format json: every entry has suppressed and suppressedBy', () => {
      const { status, stdout } = run('--format', 'json', '--show-suppressed', '--best-practices', '-S', 'IST0173=DestinationRule reviews.shop', FILE);
      const entries = JSON.parse(stdout);
      expect(status).toBe(0);
      expect(entries.map((e: any) => [e.code, e.suppressed, e.suppressedBy])).toEqual([
        ['CI2007', false, null],
        ['CI2003', false, null],
        ['CI2004', false, null],
        ['IST0173', true, '--suppress "IST0173=DestinationRule reviews.shop"'],
      ]);
      expect(entries[3]).toEqual({
        file: FILE,
        line: 24,
        severity: 'error',
        code: 'IST0173',
        kind: 'DestinationRule',
        namespace: 'shop',
        name: 'reviews',
        path: 'spec.subsets[1]',
        message: 'The Subset v2 defined in the DestinationRule does not select any pods. Which may lead to 503 UH (NoHealthyUpstream).',
        suppressed: true,
        suppressedBy: '--suppress "IST0173=DestinationRule reviews.shop"',
      });
    });

    test('--format json without --show-suppressed: suppressed findings left out, no extra fields', () => {
      expect(JSON.parse(run('--format', 'json', '-S', 'IST0173=*', FILE).stdout)).toEqual([]);
      expect(Object.keys(JSON.parse(run('--format', 'json', FILE).stdout)[0])).toEqual(['file', 'line', 'severity', 'code', 'kind', 'namespace', 'name', 'path', 'message']);
    });

    test('--best-practices adds the CI2xxx checks; without it, none', () => {
      expect(run(FILE).stdout).not.toMatch(/CI2\d{3}/);
      const { stdout } = run('--best-practices', '-S', 'IST0173=*', FILE);
      expect(stdout.split('\n').map(line => / (info|warning) (CI2\d{3}) /.exec(line)?.slice(1).join(' ')).filter(Boolean))
        .toEqual(['info CI2007', 'warning CI2003', 'info CI2004']);
      expect(stdout).toMatch(/\n0 errors, 1 warnings in 1 objects/);
    });

    test('an unknown code: istioctl\'s warning on stderr, the run goes on', () => {
      const { status, stderr } = run('-S', 'IST9999=DestinationRule *', FILE);
      expect({ status, stderr }).toEqual({ status: 1, stderr: "Warning: Supplied message code 'IST9999' is an unknown message code and will not have any effect.\n" });
    });

    test.each(['IST0173', 'IST0173=a=b'])('--suppress "%s" is a usage error', value => {
      expect(() => run('--suppress', value, FILE)).toThrow(new UsageError(
        `--suppress '${value}' is not a valid suppression value: use <code>=<resource>, e.g. "IST0173=DestinationRule reviews.shop"`));
    });
  });
});
