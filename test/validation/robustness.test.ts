/**
 * Property tests: whatever a document holds, the engine answers with diagnostics, never with an
 * exception from deep inside (a user would see a stack trace at synth or from the CLI).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import * as fc from 'fast-check';
import { loadAll } from 'js-yaml';
import { allCrdVersions } from '../../src/validation/schema/crd-catalog';
import { validateObjects } from '../../src/validation/validate';
import { seedObjects } from '../support/pinned';

/** The valid documents of the schema fixture corpus, without their `_` notes. */
function validFixtures(): Record<string, unknown>[] {
  const docs = loadAll(readFileSync(join(__dirname, '..', 'fixtures', 'schema', 'valid.yaml'), 'utf-8')) as Record<string, unknown>[];
  return docs.filter(doc => doc && typeof doc === 'object')
    .map(doc => Object.fromEntries(Object.entries(doc).filter(([key]) => !key.startsWith('_'))));
}

const versions = allCrdVersions().map(crd => ({ apiVersion: crd.apiVersion, kind: crd.kind }));

/** Every diagnostic is well-formed: the CLI and the synth hook print these fields. */
function wellFormed(diagnostics: ReturnType<typeof validateObjects>): boolean {
  return diagnostics.every(d => typeof d.message === 'string' && d.message.length > 0 && typeof d.path === 'string'
    && /^(IST|CI)\d{4}$/.test(d.code) && ['error', 'warning', 'info'].includes(d.severity));
}

describe('the engine on arbitrary input', () => {
  test('any spec under any Istio kind and version', () => {
    fc.assert(fc.property(
      fc.constantFrom(...versions),
      fc.jsonValue(),
      fc.option(fc.string(), { nil: undefined }),
      (gvk, spec, namespace) => {
        const diagnostics = validateObjects([{ ...gvk, metadata: { name: 'fuzz', namespace }, spec }]);
        return wellFormed(diagnostics);
      }), { numRuns: 500 });
  });

  test('a seed object with one subtree replaced by anything', () => {
    const seed = seedObjects();
    /** Replaces the value at a random path of `obj` (chosen by `choices`) with `replacement`. */
    const mutate = (obj: any, choices: number[], replacement: unknown): any => {
      const copy = structuredClone(obj);
      let node = copy;
      for (const choice of choices) {
        const keys = node !== null && typeof node === 'object' ? Object.keys(node) : [];
        if (keys.length === 0) break;
        const key = keys[choice % keys.length];
        const child = node[key];
        if (child === null || typeof child !== 'object' || choice % 3 === 0) {
          node[key] = replacement;
          return copy;
        }
        node = child;
      }
      return copy;
    };
    fc.assert(fc.property(
      fc.integer({ min: 0, max: seed.length - 1 }),
      fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
      fc.jsonValue(),
      (which, choices, replacement) => wellFormed(validateObjects([mutate(seed[which], choices, replacement), ...seed]))),
    { numRuns: 300 });
  });

  test('a valid object with one string or number replaced by another (past the schema, into the webhook and analysis)', () => {
    // Valid objects of every traffic kind: the fixture corpus' valid documents and the seed's.
    const valid = [...validFixtures(), ...seedObjects()];
    /** A copy of `obj` whose `target`-th string or number leaf is `replacement` (of the same type). */
    const replaceLeaf = (obj: unknown, target: number, strings: string, numbers: number): unknown => {
      let leaf = 0;
      const visit = (value: unknown, key?: string): unknown => {
        if (Array.isArray(value)) return value.map(item => visit(item));
        if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v, k)]));
        if (key === 'apiVersion' || key === 'kind' || (typeof value !== 'string' && typeof value !== 'number')) return value;
        return leaf++ === target ? (typeof value === 'string' ? strings : numbers) : value;
      };
      return visit(obj);
    };
    const tricky = fc.constantFrom('', '*', '1toString', '10s', '1.5ms', '0', '-1', 'a/b', './*', '~', '.', '::1', '1.2.3.4/33',
      'unix://', '(?=x)', '[', 'GET', '5xx,reset', '%', 'constructor', '__proto__', 'istio-system/*', '*.example.com', 'mesh');
    fc.assert(fc.property(
      fc.integer({ min: 0, max: valid.length - 1 }),
      fc.nat({ max: 200 }),
      fc.oneof(tricky, fc.string()),
      fc.oneof(fc.integer({ min: -2, max: 70000 }), fc.double({ noNaN: true, noDefaultInfinity: true })),
      (which, target, text, number) => wellFormed(validateObjects([replaceLeaf(valid[which], target, text, number), ...valid]))),
    { numRuns: 400 });
  });
});
