/**
 * The schema and CEL fixture corpus (test/fixtures/schema, test/fixtures/cel): each document carries
 * `_expect`, the exact lines the Kubernetes API server (1.35) prints for it, `[]` when it is valid.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { loadAll } from 'js-yaml';
import { validateSchema } from '../../src/validation/schema/validate-schema';
import { reportLines } from '../support/objects';

interface Fixture {
  readonly file: string;
  readonly why: string;
  readonly expect: string[];
  readonly object: Record<string, unknown>;
}

function fixtures(folder: string): Fixture[] {
  const dir = join(__dirname, '..', 'fixtures', folder);
  return readdirSync(dir).filter(name => name.endsWith('.yaml')).sort().flatMap(name =>
    (loadAll(readFileSync(join(dir, name), 'utf-8')) as Record<string, unknown>[])
      .filter(doc => doc && typeof doc === 'object')
      .map(doc => ({
        file: `${folder}/${name}`,
        why: String(doc._why),
        expect: doc._expect as string[],
        object: Object.fromEntries(Object.entries(doc).filter(([key]) => !key.startsWith('_'))),
      })));
}

const sorted = (lines: string[]) => [...lines].sort();

describe.each(['schema', 'cel'])('fixtures/%s', folder => {
  const all = fixtures(folder);

  test('every document says what it expects', () => {
    expect(all.length).toBeGreaterThan(100);
    for (const fixture of all) expect(Array.isArray(fixture.expect)).toBe(true);
  });

  test.each(all.map(fixture => [`${fixture.file}: ${fixture.why}`, fixture]))('%s', (_, fixture) => {
    const lines = reportLines(validateSchema(fixture.object));
    expect(sorted(lines)).toEqual(sorted(fixture.expect));
  });
});
