import { compiledRule, needsCelValue, validateRules } from '../../../src/validation/cel/rules';
import { allCrdVersions, SchemaNode, ValidationRule } from '../../../src/validation/schema/crd-catalog';
import { at, collect } from '../../support/objects';


/** Every x-kubernetes-validations rule of a schema, with the path of the node that declares it. */
function rulesOf(schema: SchemaNode, path: string): Array<[string, ValidationRule]> {
  const own = (schema['x-kubernetes-validations'] ?? []).map(rule => [path || '<root>', rule] as [string, ValidationRule]);
  const children: Array<[string, SchemaNode]> = [
    ...Object.entries(schema.properties ?? {}).map(([name, child]) => [`${path}.${name}`, child] as [string, SchemaNode]),
    ...(schema.items ? [[`${path}[]`, schema.items] as [string, SchemaNode]] : []),
    ...(typeof schema.additionalProperties === 'object' ? [[`${path}[*]`, schema.additionalProperties] as [string, SchemaNode]] : []),
  ];
  return [...own, ...children.flatMap(([childPath, child]) => rulesOf(child, childPath))];
}

describe('CEL rules of the Istio CRDs', () => {
  const rules = allCrdVersions().flatMap(crd =>
    rulesOf(crd.schema, '').map(([path, rule]) => [`${crd.apiVersion} ${crd.kind} ${path}`, rule] as const));

  test('the CRDs carry rules in every group', () => {
    // 309 `x-kubernetes-validations` blocks in crd-all-1.30.3.yaml hold these rules.
    expect(rules.length).toBeGreaterThan(300);
    expect(new Set(rules.map(([where]) => where.split('/')[0]))).toEqual(
      new Set(['networking.istio.io', 'security.istio.io', 'telemetry.istio.io', 'extensions.istio.io']));
  });

  test('every rule of every CRD version compiles', () => {
    const failures: string[] = [];
    for (const [where, rule] of rules) {
      try {
        compiledRule(rule);
      } catch (err) {
        failures.push(`${where}: ${rule.rule}: ${(err as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  test('a rule is compiled once and reused', () => {
    const rule = { rule: 'self.size() > 0' };
    expect(compiledRule(rule)).toBe(compiledRule(rule));
  });
});

describe('validateRules', () => {
  const schema = (rules: ValidationRule[], type = 'string'): SchemaNode => ({ type, 'x-kubernetes-validations': rules });
  const run = (node: SchemaNode, value: unknown, celValue: unknown = value) =>
    collect(findings => validateRules(at('spec', 'timeout'), findings, node, value, celValue));

  test('a passing rule reports nothing', () => {
    expect(run(schema([{ rule: "duration(self) >= duration('1ms')", message: 'too short' }]), '10s')).toEqual([]);
  });

  test('a failing rule on a scalar prints the value and the rule\'s message (Kubernetes 1.35)', () => {
    expect(run(schema([{ rule: "duration(self) >= duration('1ms')", message: 'must be a valid duration greater than 1ms' }]), '1us'))
      .toEqual([{ path: 'spec.timeout', message: 'Invalid value: "1us": must be a valid duration greater than 1ms' }]);
    expect(run(schema([{ rule: '0 < self', message: 'port must be between 1-65535' }], 'integer'), 0, 0n))
      .toEqual([{ path: 'spec.timeout', message: 'Invalid value: 0: port must be between 1-65535' }]);
  });

  test('a failing rule on an object or array prints no value', () => {
    expect(run(schema([{ rule: 'has(self.a)', message: 'a is required' }], 'object'), {}))
      .toEqual([{ path: 'spec.timeout', message: 'Invalid value: a is required' }]);
  });

  test('a failing rule without message reports the rule', () => {
    expect(run(schema([{ rule: 'self != "*"' }]), '*'))
      .toEqual([{ path: 'spec.timeout', message: 'Invalid value: "*": failed rule: self != "*"' }]);
  });

  test('an evaluation error reports the schema type, cel-go\'s error and the rule\'s message', () => {
    expect(run(schema([{ rule: "duration(self) >= duration('1ms')", message: 'must be a valid duration greater than 1ms' }]), '10 seconds'))
      .toEqual([{
        path: 'spec.timeout',
        message: 'Invalid value: "string": type conversion error from \'string\' to \'google.protobuf.Duration\' evaluating rule: must be a valid duration greater than 1ms',
      }]);
  });

  test('only nodes with rules need a CEL value', () => {
    expect(needsCelValue(schema([{ rule: 'true' }]))).toBe(true);
    expect(needsCelValue({ type: 'string' })).toBe(false);
  });
});

describe('compiledRule', () => {
  test('rejects a rule that does not parse, with CEL\'s reason', () => {
    expect(() => compiledRule({ rule: 'self.((' })).toThrow(/found/);
  });

  test('rejects a rule that calls a function the environment lacks', () => {
    expect(() => compiledRule({ rule: 'nosuchfn(self) > 1' })).toThrow("undeclared reference to 'nosuchfn'");
  });
});
