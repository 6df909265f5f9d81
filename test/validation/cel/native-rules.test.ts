import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import * as fc from 'fast-check';
import { compileRule, isEvalError } from '../../../src/validation/cel/environment';
import { nativeRule, nativeRuleTexts } from '../../../src/validation/cel/native-rules';

/** Every rule text of the pinned CRDs' schemas. */
function crdRules(): Set<string> {
  const dir = join(__dirname, '..', '..', '..', 'src', 'imports', 'schemas');
  const rules = new Set<string>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'x-kubernetes-validations' && Array.isArray(value)) value.forEach(v => rules.add(v.rule));
      else visit(value);
    }
  };
  for (const file of readdirSync(dir).filter(f => f.endsWith('.json') && f !== 'index.json')) {
    visit(JSON.parse(readFileSync(join(dir, file), 'utf-8')));
  }
  return rules;
}

const atMostOneRules = [...crdRules()].filter(rule => rule.startsWith('(has(self.') && rule.endsWith('<= 1') && nativeRule(rule));

/** CEL values as the schema walk builds them: integers as bigint, plain objects and arrays. */
const scalar = fc.oneof(
  fc.constantFrom('*', 'a*', '*.example.com', 'example.com', '', '1ms', '0ms', '999us', '5s', '2m', '1h', '100ms', '1.5s', '1h30m', '0.5ms', 'x', 'STATIC', 'NONE', 'DNS', 'DNS_ROUND_ROBIN', '10.0.0.0/8', '10.0.0.1'),
  fc.string(),
  fc.bigInt({ min: BigInt(-5), max: BigInt(70000) }),
  fc.integer().map(n => n + 0.5),
  fc.boolean(),
  fc.constant(null),
);
// spread: the walk builds ordinary objects (fast-check's have no prototype)
const portNumber = fc.oneof(fc.bigInt({ min: BigInt(1), max: BigInt(5) }), scalar);
const port = fc.record({ number: portNumber, name: fc.string() }, { requiredKeys: [] }).map(o => ({ ...o }));
const fieldValue = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.array(port, { maxLength: 3 }), fc.array(fc.constantFrom('10.0.0.0/8', '1.1.1.1'), { maxLength: 3 }));
const fields = ['addresses', 'resolution', 'endpoints', 'workloadSelector', 'tlsCertificates', 'credentialName', 'credentialNames', 'number'];
const object = fc.dictionary(fc.constantFrom(...fields), fieldValue, { maxKeys: 4 }).map(o => ({ ...o }));
const self = fc.oneof(scalar, object, fc.array(port, { maxLength: 4 }), fc.array(scalar, { maxLength: 3 }));

describe('native rules', () => {
  test('each is a rule of the pinned CRDs (none is dead weight)', () => {
    const rules = crdRules();
    expect(nativeRuleTexts().filter(rule => !rules.has(rule))).toEqual([]);
    expect(atMostOneRules.length).toBeGreaterThanOrEqual(3);
  });

  test('an unknown rule has none', () => {
    expect(nativeRule('self.size() > 0')).toBeUndefined();
  });

  test.each([...nativeRuleTexts(), ...atMostOneRules])('agrees with CEL wherever it decides: %s', rule => {
    const native = nativeRule(rule)!;
    const cel = compileRule(rule);
    let decided = 0;
    fc.assert(fc.property(self, value => {
      const verdict = native(value);
      if (verdict === undefined) return true;
      decided++;
      const expected = cel(value);
      return !isEvalError(expected) && expected === verdict;
    }), { numRuns: 1500, seed: 12, verbose: true });
    expect(decided).toBeGreaterThan(20);
  });

  test('decides the values it is sure of', () => {
    expect(nativeRule('0 < self && self <= 65535')!(BigInt(80))).toBe(true);
    expect(nativeRule('0 < self && self <= 65535')!(BigInt(0))).toBe(false);
    expect(nativeRule("duration(self) >= duration('1ms')")!('5s')).toBe(true);
    expect(nativeRule("duration(self) >= duration('1ms')")!('0ms')).toBe(false);
    expect(nativeRule('self.all(l1, self.exists_one(l2, l1.number == l2.number))')!([{ number: BigInt(80) }, { number: BigInt(80) }])).toBe(false);
  });

  test('leaves to CEL what it is not sure of', () => {
    expect(nativeRule("duration(self) >= duration('1ms')")!('1h30m')).toBeUndefined();
    expect(nativeRule('0 < self && self <= 65535')!(80)).toBeUndefined();
    expect(nativeRule(atMostOneRules[0])!({ [atMostOneRules[0].split('.')[1].split(')')[0]]: null })).toBeUndefined();
  });
});
