/**
 * Prints jest's totals from its JUnit report as the plain closing line CI reads:
 * `tests: N passed, N failed, N skipped`. Exits 1 when the report is missing or counts no test.
 */
import { existsSync, readFileSync } from 'fs';

const report = process.argv[2] ?? 'test-reports/junit.xml';
if (!existsSync(report)) {
  console.error(`ci-summary: ${report} not found; did jest run with the jest-junit reporter?`);
  process.exit(1);
}
const xml = readFileSync(report, 'utf-8');
const root = /<testsuites\b([^>]*)>/.exec(xml)?.[1] ?? '';
const count = (attribute: string) => Number(new RegExp(`\\b${attribute}="(\\d+)"`).exec(root)?.[1] ?? 0);
const total = count('tests');
const failed = count('failures') + count('errors');
// jest-junit puts `skipped` on each <testsuite>, not on the root.
const skipped = [...xml.matchAll(/<testsuite\b[^>]*\bskipped="(\d+)"/g)].reduce((sum, m) => sum + Number(m[1]), 0);
console.log(`tests: ${total - failed - skipped} passed, ${failed} failed, ${skipped} skipped`);
process.exit(total === 0 || failed > 0 ? 1 : 0);
