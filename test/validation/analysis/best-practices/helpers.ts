/** Runs the analysis with the best-practice checks on and keeps the findings of the given codes. */
import { brief, diagnostics } from '../fixtures';

export function bestPractices(objects: unknown[], ...codes: string[]) {
  return diagnostics(objects, { bestPractices: true }).filter(d => codes.includes(d.code)).map(d => brief(d));
}
