import { join } from 'path';
import { CliError } from '../../src/cli/command';
import { main } from '../../src/cli/main';
import { loadYamlStream } from '../../src/cli/yaml-stream';

/** The first document as kubectl reads it (through the CLI's reader). */
function read(text: string): unknown {
  return loadYamlStream(text, 'f.yaml').documents[0];
}

/** The value of key `x` of the first document. */
function readX(text: string): unknown {
  return (read(text) as Record<string, unknown>).x;
}

function errorOf(text: string): string {
  try {
    loadYamlStream(text, 'f.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return (error as CliError).message;
  }
  throw new Error('no syntax error');
}

describe('plain scalars resolve as in go-yaml v2 (YAML 1.1)', () => {
  test.each([
    ['yes', true], ['Yes', true], ['YES', true], ['y', true], ['Y', true], ['on', true], ['On', true], ['ON', true],
    ['no', false], ['n', false], ['off', false], ['OFF', false], ['true', true], ['False', false],
    ['"on"', 'on'], ['\'no\'', 'no'], ['yEs', 'yEs'], ['onn', 'onn'],
  ])('%s is %j', (text, value) => {
    expect(read(`v: ${text}\n`)).toEqual({ v: value });
  });

  test.each([
    ['0755', 493], ['0o755', 493], ['0b101', 5], ['-0b11', -3], ['0x1F', 31], ['0X1f', 31], ['-0x1F', -31], ['+0x10', 16],
    ['1_000', 1000], ['1_000.5', 1000.5], ['0789', 789], ['08', 8], ['1e3', 1000], ['.5', 0.5], ['+12', 12], ['-0', 0],
    ['1.', 1], ['9223372036854775807', 9223372036854775807], ['18446744073709551615', 18446744073709551615],
    ['0x1G', '0x1G'], ['1e400', '1e400'], ['0x', '0x'], ['+', '+'], ['1_2_', 12], ['._5', '._5'], ['"0755"', '0755'],
  ])('%s is %j', (text, value) => {
    expect(read(`v: ${text}\n`)).toEqual({ v: value });
  });

  test.each([
    ['2024-01-02', '2024-01-02T00:00:00Z'],
    ['2024-1-2', '2024-01-02T00:00:00Z'],
    ['2001-12-14t21:59:43.10-05:00', '2001-12-14T21:59:43.1-05:00'],
    ['2001-12-14T21:59:43.123456789123Z', '2001-12-14T21:59:43.123456789Z'],
    ['2001-12-14T21:59:43+00:00', '2001-12-14T21:59:43Z'],
    ['2001-12-14 1:2:3', '2001-12-14T01:02:03Z'],
    ['2001-12-14 21:59:43,5', '2001-12-14T21:59:43.5Z'],
    ['2024-02-29', '2024-02-29T00:00:00Z'],
    ['2023-02-29', '2023-02-29'],
    ['2024-13-01', '2024-13-01'],
    ['2001-12-14T21:59:43', '2001-12-14T21:59:43'],
    ['2001-12-14 21:59:43Z', '2001-12-14 21:59:43Z'],
    ['2001-12-14T24:00:00Z', '2001-12-14T24:00:00Z'],
    ['"2024-01-02"', '2024-01-02'],
  ])('timestamp %s is the string %j (the JSON of Go\'s time.Time)', (text, value) => {
    expect(read(`v: ${text}\n`)).toEqual({ v: value });
  });

  test('null, strings and the merge key as a value', () => {
    expect(read('a: ~\nb: null\nc:\nd: NULL\ne: Nil\nf: <<\n')).toEqual({ a: null, b: null, c: null, d: null, e: 'Nil', f: '<<' });
    expect(read('- <<\n')).toEqual(['<<']);
  });

  test('.inf and .nan are no JSON: an error where they are values, strings where they are keys', () => {
    expect(errorOf('a:\n  b: .inf\n')).toBe('f.yaml:2: YAML syntax error: json: unsupported value: +Inf');
    expect(errorOf('a: [1, -.Inf]\n')).toBe('f.yaml:1: YAML syntax error: json: unsupported value: -Inf');
    expect(errorOf('kind: X\n---\n.nan\n')).toBe('f.yaml:3: YAML syntax error: json: unsupported value: NaN');
    expect(read('.inf: 1\n-.inf: 2\n.nan: 3\n')).toEqual({ '.inf': 1, '-.inf': 2, '.nan': 3 });
  });

  test('keys become strings; a null key and a collection key are errors', () => {
    expect(read('true: 1\nno: 2\n10: 3\n0x10: 4\n1.5: 5\n')).toEqual({ true: 1, false: 2, 10: 3, 16: 4, 1.5: 5 });
    expect(errorOf('a: 1\n~: 2\n')).toBe('f.yaml:2: YAML syntax error: unsupported map key of type: <nil>');
    expect(errorOf('? [a]\n: 1\n')).toBe('f.yaml:1: YAML syntax error: invalid map key: a sequence');
    expect(errorOf('? {a: 1}\n: 1\n')).toBe('f.yaml:1: YAML syntax error: invalid map key: a mapping');
  });

  test('an unknown local tag keeps the text (collections their content)', () => {
    expect(read('a: !custom 0755\nb: !x [1]\nc: !y {d: on}\ne: !!str on\n')).toEqual({ a: '0755', b: [1], c: { d: true }, e: 'on' });
  });
});

describe('mappings decode as in go-yaml v2 (non-strict)', () => {
  test('a duplicated key stays an error (kubectl keeps the last value); a key after a merge is none', () => {
    expect(errorOf('a: 1\nb: 2\na: 3\n')).toBe('f.yaml:3: YAML syntax error: duplicated mapping key');
    expect(errorOf('m: &m {a: 1}\nx:\n  <<: *m\n  b: 2\n  b: 3\n')).toBe('f.yaml:5: YAML syntax error: duplicated mapping key');
    expect(readX('m: &m {a: 1}\nx:\n  <<: *m\n  a: 2\n')).toEqual({ a: 2 });
  });

  test('a merge overwrites the keys written before it; keys after it win', () => {
    expect(readX('m: &m {a: 1, b: 1}\nx:\n  a: 2\n  <<: *m\n  b: 3\n')).toEqual({ a: 1, b: 3 });
  });

  test('of a merged list, earlier maps win', () => {
    expect(readX('a: &a {k: 1}\nb: &b {k: 2, l: 2}\nx:\n  <<: [*a, *b]\n')).toEqual({ k: 1, l: 2 });
    expect(readX('x:\n  <<: []\n  a: 1\n')).toEqual({ a: 1 });
  });

  test('a quoted "<<" is an ordinary key', () => {
    expect(read('"<<": {a: 1}\n')).toEqual({ '<<': { a: 1 } });
  });

  test('a merge of anything but maps is Go\'s error', () => {
    const reason = 'YAML syntax error: map merge requires map or sequence of maps as the value';
    expect(errorOf('x:\n  <<: 1\n')).toBe(`f.yaml:2: ${reason}`);
    expect(errorOf('a: &a [1]\nx:\n  <<: *a\n')).toBe(`f.yaml:3: ${reason}`);
    expect(errorOf('x:\n  <<: [{a: 1}, [2]]\n')).toBe(`f.yaml:2: ${reason}`);
  });

  test('a __proto__ key is an own key, also when merged', () => {
    const value = read('m: &m {__proto__: 1}\nx:\n  <<: *m\n') as Record<string, Record<string, unknown>>;
    expect(Object.prototype.hasOwnProperty.call(value.x, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(value.x)).toBe(Object.prototype);
  });
});

describe('flow collections are scanned as by go-yaml v2', () => {
  test('":" ends a plain scalar only before a blank (scannerc.go:2605)', () => {
    expect(read('addresses: [1.2.3.4, 2001:db8::]\n')).toEqual({ addresses: ['1.2.3.4', '2001:db8::'] });
    expect(read('a: [fe80::, x:, 1:2, a: b]\n')).toEqual({ a: ['fe80::', 'x:', '1:2', { a: 'b' }] });
    expect(read('a: {x:, w: 1, z:}\n')).toEqual({ a: { 'x:': null, 'w': 1, 'z:': null } });
    expect(read('a: {x:, y: 1}\n')).toEqual({ a: { 'x:': null, 'true': 1 } }); // y is a boolean key
    expect(read('a: [&x x:, *x]\n')).toEqual({ a: ['x:', 'x:'] });
    expect(read('a: [x: ]\n')).toEqual({ a: [{ x: null }] });
    expect(read('a: [[b::]]\n')).toEqual({ a: [['b::']] });
  });

  test('":" then a bracket, a leading ":", and "?" inside a flow scalar are Go\'s errors', () => {
    expect(errorOf('a: 1\nb: [x:[y]]\n')).toBe('f.yaml:2: YAML syntax error: did not find expected \',\' or \']\'');
    expect(errorOf('b: {x:{y: 1}}\n')).toBe('f.yaml:1: YAML syntax error: did not find expected \',\' or \'}\'');
    expect(errorOf('a: [::1]\n')).toBe('f.yaml:1: YAML syntax error: did not find expected node content');
    expect(errorOf('a: {k: :x}\n')).toBe('f.yaml:1: YAML syntax error: did not find expected node content');
    expect(errorOf('a: [http://h/?q=1]\n')).toBe('f.yaml:1: YAML syntax error: did not find expected \',\' or \']\'');
    expect(errorOf('a: {u: [x], v: w?}\n')).toBe('f.yaml:1: YAML syntax error: did not find expected \',\' or \'}\'');
    expect(errorOf('a: [k: w?]\n')).toBe('f.yaml:1: YAML syntax error: did not find expected \',\' or \']\'');
  });

  test('block context and quoted scalars are read as before', () => {
    expect(read('a: 2001:db8::1\nb: http://h/?q\nc: ["::1", \'x:\']\nd: :x\n')).toEqual({ a: '2001:db8::1', b: 'http://h/?q', c: ['::1', 'x:'], d: ':x' });
  });
});

describe('aliases are checked as by go-yaml v2', () => {
  test('an alias inside the node it refers to (decode.go:393)', () => {
    expect(errorOf('a: &a [*a]\n')).toBe('f.yaml:1: YAML syntax error: anchor \'a\' value contains itself');
    expect(errorOf('a: &a\n  b:\n    c: *a\n')).toBe('f.yaml:3: YAML syntax error: anchor \'a\' value contains itself');
  });

  test('an alias to a finished node, or to an anchor redefined inside, is fine', () => {
    expect(read('a: &a [1]\nb: [*a, *a]\n')).toEqual({ a: [1], b: [[1], [1]] });
    expect(read('a: &a [&a 1, *a]\n')).toEqual({ a: [1, 1] });
  });

  test('an unknown alias is Go\'s message; anchors end with their document', () => {
    expect(errorOf('a: *b\n')).toBe('f.yaml:1: YAML syntax error: unknown anchor \'b\' referenced');
    expect(errorOf('a: &b 1\n---\nc: *b\n')).toBe('f.yaml:3: YAML syntax error: unknown anchor \'b\' referenced');
  });

  test('excessive aliasing (decode.go:318-345)', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 6; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    expect(errorOf(`${lines.join('\n')}\n`)).toMatch(/^f\.yaml:\d+: YAML syntax error: document contains excessive aliasing$/);
    const fine = Array.from({ length: 200 }, (_, i) => `k${i}: *a`);
    expect(Object.keys(read(`a: &a [1, 2]\n${fine.join('\n')}\n`) as object)).toHaveLength(201);
  });
});

describe('the verdict of `cdk8s-istio validate` follows kubectl', () => {
  const fixtures = join('test', 'fixtures', 'cli', 'go-yaml');

  function validate(file: string) {
    let stdout = '';
    let stderr = '';
    const status = main(['validate', join(fixtures, file)], { stdout: text => { stdout += text; }, stderr: text => { stderr += text; } });
    return { status, stdout, stderr };
  }

  test('`exact: on` is a boolean: the schema rejects it', () => {
    const { status, stdout } = validate('yaml11-boolean.yaml');
    expect(status).toBe(1);
    expect(stdout).toContain('yaml11-boolean.yaml:15 error IST0106 VirtualService default/reviews: spec.http[0].match[0].headers.x-debug.exact');
    expect(stdout).toContain('must be of type string: "boolean"');
  });

  test('an IPv6 address ending in "::" in a flow list is a string: valid', () => {
    expect(validate('flow-colon.yaml')).toEqual({ status: 0, stdout: '0 errors, 0 warnings in 1 objects\n', stderr: '' });
  });

  test('a self-referencing alias: a syntax error, exit 2', () => {
    const { status, stderr } = validate('self-alias.yaml');
    expect(status).toBe(2);
    expect(stderr).toContain(`${join(fixtures, 'self-alias.yaml')}:10: YAML syntax error: anchor 'hosts' value contains itself`);
  });

  test('a merge overwrites the key written before it', () => {
    const { status, stdout } = validate('merge-override.yaml');
    expect(status).toBe(1);
    expect(stdout).toContain('port number 0 must be in the range 1..65535');
  });
});
