/** Runs the analysis with the best-practice checks on and keeps the findings of the given codes. */
import { analyzeObjects } from '../../../../src/validation/analysis';
import { brief } from '../fixtures';

export function bestPractices(objects: unknown[], ...codes: string[]) {
  return analyzeObjects(objects, { bestPractices: true }).filter(d => codes.includes(d.code)).map(d => brief(d));
}
