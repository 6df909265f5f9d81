import { firstEngineError } from '../../src/core/engine-check';

describe('firstEngineError', () => {
  test('the first error of an engine check, warnings skipped', () => {
    const error = firstEngineError(findings => {
      findings.warn('spec.a', 'a warning');
      findings.error('spec.b', 'the first error');
      findings.error('spec.c', 'a second error');
    });
    expect(error).toEqual({ path: 'spec.b', message: 'the first error' });
  });

  test('nothing when the check finds no error', () => {
    expect(firstEngineError(findings => findings.warn('spec.a', 'only a warning'))).toBeUndefined();
    expect(firstEngineError(() => undefined)).toBeUndefined();
  });
});
