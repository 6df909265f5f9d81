import { validateRules } from '../../../src/validation/cel/rules';
import { Findings } from '../../../src/validation/findings';
import { SchemaNode } from '../../../src/validation/schema/crd-catalog';
import { validateValue } from '../../../src/validation/schema/structural';
import { at, reportLines } from '../../support/objects';

/** Schema findings, then the findings of the CEL rules the walk queued (run here unconditionally). */
function check(value: unknown, schema: SchemaNode, path = 'spec'): string[] {
  const findings = new Findings();
  const { ruleTasks } = validateValue(at(path), findings, value, schema);
  for (const task of ruleTasks) validateRules(task.path, findings, task.schema, task.value, task.celValue);
  return reportLines(findings.list);
}

const object = (properties: Record<string, SchemaNode>, extra: Partial<SchemaNode> = {}): SchemaNode =>
  ({ type: 'object', properties, ...extra });

describe('structural schema validation', () => {
  test('a value that fits reports nothing', () => {
    const schema = object({ hosts: { type: 'array', items: { type: 'string' } }, port: { type: 'integer' } });
    expect(check({ hosts: ['a'], port: 80 }, schema)).toEqual([]);
  });

  describe('types', () => {
    test.each([
      [{ type: 'object' }, 'x', 'spec: Invalid value: "string": spec in body must be of type object: "string"'],
      [{ type: 'array' }, {}, 'spec: Invalid value: "object": spec in body must be of type array: "object"'],
      [{ type: 'string' }, 5, 'spec: Invalid value: "integer": spec in body must be of type string: "integer"'],
      [{ type: 'integer' }, 1.5, 'spec: Invalid value: "number": spec in body must be of type integer: "number"'],
      [{ type: 'number' }, true, 'spec: Invalid value: "boolean": spec in body must be of type number: "boolean"'],
      [{ type: 'boolean' }, 'true', 'spec: Invalid value: "string": spec in body must be of type boolean: "string"'],
      [{ type: 'string' }, ['a'], 'spec: Invalid value: "array": spec in body must be of type string: "array"'],
    ])('%p with %p', (schema, value, expected) => {
      expect(check(value, schema as SchemaNode)).toEqual([expected]);
    });

    test('a number is valid where a number is expected, an integer too', () => {
      expect(check(1.5, { type: 'number' })).toEqual([]);
      expect(check(2, { type: 'number' })).toEqual([]);
    });

    test('nullable accepts null', () => {
      expect(check(null, { type: 'string', nullable: true })).toEqual([]);
    });

    test('a non-nullable null field is pruned (absent), a null list item is a type error', () => {
      const schema = object({ mode: { type: 'string' }, hosts: { type: 'array', items: { type: 'string' } } }, { required: ['mode'] });
      expect(check({ mode: null, hosts: ['a', null] }, schema)).toEqual([
        'spec.mode: Required value',
        'spec.hosts[1]: Invalid value: "null": spec.hosts[1] in body must be of type string: "null"',
      ]);
    });

    test('x-kubernetes-int-or-string takes an integer or a string, nothing else', () => {
      const schema: SchemaNode = { 'x-kubernetes-int-or-string': true };
      expect(check(80, schema)).toEqual([]);
      expect(check('http', schema)).toEqual([]);
      expect(check(true, schema)).toEqual(['spec: Invalid value: "boolean": spec in body must be of type integer,string: "boolean"']);
    });

    test('a type error stops the walk below it', () => {
      expect(check({ port: 'x' }, object({ port: object({ number: { type: 'integer' } }, { required: ['number'] }) })))
        .toEqual(['spec.port: Invalid value: "string": spec.port in body must be of type object: "string"']);
    });
  });

  test('required fields', () => {
    expect(check({}, object({ hosts: { type: 'array' }, name: { type: 'string' } }, { required: ['hosts', 'name'] })))
      .toEqual(['spec.hosts: Required value', 'spec.name: Required value']);
  });

  test('enum', () => {
    expect(check('BLAH', { type: 'string', enum: ['DISABLE', 'SIMPLE'] }))
      .toEqual(['spec: Unsupported value: "BLAH": supported values: "DISABLE", "SIMPLE"']);
  });

  describe('bounds', () => {
    test.each([
      [{ type: 'integer', maximum: 65535 }, 70000, 'spec: Invalid value: 70000: spec in body should be less than or equal to 65535'],
      [{ type: 'integer', minimum: 0 }, -1, 'spec: Invalid value: -1: spec in body should be greater than or equal to 0'],
      [{ type: 'integer', maximum: 10, exclusiveMaximum: true }, 10, 'spec: Invalid value: 10: spec in body should be less than 10'],
      [{ type: 'integer', minimum: 0, exclusiveMinimum: true }, 0, 'spec: Invalid value: 0: spec in body should be greater than 0'],
      [{ type: 'number', multipleOf: 0.5 }, 0.7, 'spec: Invalid value: 0.7: spec in body should be a multiple of 0.5'],
    ])('%p with %p', (schema, value, expected) => {
      expect(check(value, schema as SchemaNode)).toEqual([expected]);
    });

    test('values on the bound pass', () => {
      expect(check(65535, { type: 'integer', maximum: 65535, minimum: 0 })).toEqual([]);
    });
  });

  describe('lengths, counted in characters', () => {
    test('minLength', () => {
      expect(check('', { type: 'string', minLength: 1 })).toEqual(['spec: Invalid value: "": spec in body should be at least 1 chars long']);
    });

    test('maxLength', () => {
      expect(check('abcdef', { type: 'string', maxLength: 5 })).toEqual(['spec: Too long: may not be more than 5 bytes']);
      expect(check('ééééé', { type: 'string', maxLength: 5 })).toEqual([]);
    });

    test('maxLength counts characters (runes), not UTF-16 units: one emoji is one', () => {
      expect(check('\u{1F600}'.repeat(5), { type: 'string', maxLength: 5 })).toEqual([]);
      expect(check('\u{1F600}'.repeat(6), { type: 'string', maxLength: 5 })).toEqual(['spec: Too long: may not be more than 5 bytes']);
    });
  });

  test('pattern uses RE2', () => {
    expect(check('abc', { type: 'string', pattern: '^[a-z]+$' })).toEqual([]);
    expect(check('ABC', { type: 'string', pattern: '^[a-z]+$' })).toEqual(["spec: Invalid value: \"ABC\": spec in body should match '^[a-z]+$'"]);
  });

  test('format', () => {
    expect(check('aGVsbG8=', { type: 'string', format: 'byte' })).toEqual([]);
    expect(check('not base64!', { type: 'string', format: 'byte' }))
      .toEqual(['spec: Invalid value: "not base64!": spec in body must be of type byte: "not base64!"']);
    expect(check('anything', { type: 'string', format: 'int32' })).toEqual([]);
  });

  describe('arrays', () => {
    test('minItems and maxItems', () => {
      expect(check([], { type: 'array', minItems: 1 })).toEqual(['spec: Invalid value: 0: spec in body should have at least 1 items']);
      expect(check([1, 2, 3], { type: 'array', maxItems: 2 })).toEqual(['spec: Too many: 3: must have at most 2 items']);
    });

    test('list-type set: a repeated value is reported once, at its first repetition', () => {
      expect(check(['a', 'b', 'a', 'a'], { 'type': 'array', 'items': { type: 'string' }, 'x-kubernetes-list-type': 'set' }))
        .toEqual(['spec[2]: Duplicate value: "a"']);
    });

    test('list-type map: items with equal keys', () => {
      const schema: SchemaNode = {
        'type': 'array',
        'items': object({ number: { type: 'integer' }, name: { type: 'string' } }),
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['number'],
      };
      expect(check([{ number: 80, name: 'a' }, { number: 80, name: 'b' }], schema))
        .toEqual(['spec[1]: Duplicate value: map[string]interface {}{"number":80}']);
      expect(check([{ number: 80 }, { number: 443 }], schema)).toEqual([]);
    });

    test('items are validated with their index in the path', () => {
      expect(check([80, 'x'], { type: 'array', items: { type: 'integer' } }))
        .toEqual(['spec[1]: Invalid value: "string": spec[1] in body must be of type integer: "string"']);
    });
  });

  describe('objects', () => {
    test('unknown fields are collected apart, as strict decoding reports them', () => {
      const schema = object({ hosts: { type: 'array', items: object({ name: { type: 'string' } }) }, port: { type: 'string' } });
      const findings = new Findings();
      const { unknownFields } = validateValue(at('spec'), findings, { hostz: 1, hosts: [{ nam: 'a' }], port: { number: 80 } }, schema);
      expect(reportLines(unknownFields)).toEqual([
        'spec.hostz: unknown field "spec.hostz"',
        'spec.hosts[0].nam: unknown field "spec.hosts[0].nam"',
        'spec.port.number: unknown field "spec.port.number"',
      ]);
      expect(findings.list.map(finding => finding.path.toString())).toEqual(['spec.port']);
    });

    test('x-kubernetes-preserve-unknown-fields keeps anything', () => {
      expect(check({ any: { thing: 1 } }, { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true })).toEqual([]);
    });

    test('additionalProperties validates every value; schema errors name the key with a dot, CEL errors in brackets', () => {
      const schema: SchemaNode = { type: 'object', additionalProperties: { 'type': 'string', 'x-kubernetes-validations': [{ rule: 'self != "*"', message: 'no wildcard' }] } };
      expect(check({ app: '*', tier: 3 }, schema)).toEqual([
        'spec.tier: Invalid value: "integer": spec.tier in body must be of type string: "integer"',
        'spec[app]: Invalid value: "*": no wildcard',
      ]);
    });

    test('minProperties and maxProperties', () => {
      expect(check({}, { type: 'object', minProperties: 1 }))
        .toEqual(['spec: Invalid value: 0: spec in body should have at least 1 properties']);
      expect(check({ a: 1, b: 2 }, { type: 'object', additionalProperties: { type: 'integer' }, maxProperties: 1 })).toEqual(['spec: Too many: 2: must have at most 1 items']);
    });
  });

  describe('junctors', () => {
    const oneOf: SchemaNode = object({ exact: { type: 'string' }, prefix: { type: 'string' } }, {
      oneOf: [{ not: { anyOf: [{ required: ['exact'] }, { required: ['prefix'] }] } }, { required: ['exact'] }, { required: ['prefix'] }],
    });

    test('a protobuf oneof: none or one field set is fine, two is not; reported without field path', () => {
      expect(check({}, oneOf)).toEqual([]);
      expect(check({ exact: 'a' }, oneOf)).toEqual([]);
      expect(check({ exact: 'a', prefix: 'b' }, oneOf))
        .toEqual(['<nil>: Invalid value: "": "spec" must validate one and only one schema (oneOf). Found 2 valid alternatives']);
    });

    test('allOf reports the failing branch and itself', () => {
      expect(check({ exact: 'a', prefix: 'b' }, object({ exact: { type: 'string' }, prefix: { type: 'string' } }, { allOf: [{ oneOf: oneOf.oneOf }] }))).toEqual([
        '<nil>: Invalid value: "": "spec" must validate one and only one schema (oneOf). Found 2 valid alternatives',
        '<nil>: Invalid value: "": "spec" must validate all the schemas (allOf)',
      ]);
    });

    test('anyOf and not', () => {
      expect(check({}, object({}, { anyOf: [{ required: ['a'] }] }))).toEqual(['<nil>: Invalid value: "": "spec" must validate at least one schema (anyOf)']);
      expect(check({ a: 1 }, object({ a: { type: 'integer' } }, { not: { required: ['a'] } }))).toEqual(['<nil>: Invalid value: "": "spec" must not validate the schema (not)']);
    });
  });

  describe('CEL rules queued by the walk', () => {
    const rule = { rule: 'self.size() > 0', message: 'must not be empty' };

    test('integers reach CEL as int, nested rules see their own node', () => {
      const schema = object({
        port: { 'type': 'integer', 'x-kubernetes-validations': [{ rule: '0 < self && self <= 65535', message: 'port out of range' }] },
        hosts: { 'type': 'array', 'items': { type: 'string' }, 'x-kubernetes-validations': [rule] },
      });
      expect(check({ port: 0, hosts: [] }, schema))
        .toEqual(['spec.port: Invalid value: 0: port out of range', 'spec.hosts: Invalid value: must not be empty']);
    });

    test('a rule above sees integers deep below as int, and unknown fields pruned', () => {
      const schema = object({ ports: { type: 'array', items: object({ number: { type: 'integer' } }) } },
        { 'x-kubernetes-validations': [{ rule: 'self.ports.all(p, p.number > 0 && !has(p.extra))' }] });
      expect(check({ ports: [{ number: 1 }] }, schema)).toEqual([]);
      expect(check({ ports: [{ number: 0 }] }, schema))
        .toEqual(['spec: Invalid value: failed rule: self.ports.all(p, p.number > 0 && !has(p.extra))']);
    });

    test('a node with a wrong type queues no rule', () => {
      const schema: SchemaNode = { 'type': 'array', 'x-kubernetes-validations': [rule] };
      expect(validateValue(at('spec'), new Findings(), 'x', schema).ruleTasks).toEqual([]);
      expect(validateValue(at('spec'), new Findings(), [], schema).ruleTasks).toHaveLength(1);
    });

    test('schemaless values reach CEL with whole numbers as int', () => {
      const schema: SchemaNode = { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true, 'x-kubernetes-validations': [{ rule: 'self.n == 3 && self.l[0].x == 1.5' }] };
      expect(check({ n: 3, l: [{ x: 1.5 }] }, schema)).toEqual([]);
    });
  });
});
