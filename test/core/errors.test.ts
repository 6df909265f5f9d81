import { Testing } from 'cdk8s';
import { constructError, factoryError, rangeProblem, shown } from '../../src/core/errors';

describe('L2 error wording', () => {
  test('a construct error names the kind and the construct path', () => {
    const chart = Testing.chart();
    expect(constructError('VirtualService', chart, 'hosts must not be empty').message)
      .toBe(`VirtualService '${chart.node.path}': hosts must not be empty`);
  });

  test('a factory error names the factory', () => {
    expect(factoryError('StringMatch.regex()', 'bad').message).toBe('StringMatch.regex(): bad');
  });

  test('range problems show the value and the allowed range', () => {
    expect(rangeProblem('weight', 120, 0, 100, true)).toBe('weight must be an integer between 0 and 100, got 120');
    expect(rangeProblem('weight', 1.5, 0, 100, true)).toBe('weight must be an integer between 0 and 100, got 1.5');
    expect(rangeProblem('percentage', Number.NaN, 0, 100)).toBe('percentage must be a number between 0 and 100, got NaN');
    expect(rangeProblem('percentage', 12.5, 0, 100)).toBeUndefined();
  });

  test('values are shown as JSON', () => {
    expect(shown('a')).toBe('"a"');
    expect(shown(undefined)).toBe('undefined');
    expect(shown(Infinity)).toBe('Infinity');
    expect(shown([1])).toBe('[1]');
  });
});
