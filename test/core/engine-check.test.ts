import { firstEngineError } from '../../src/core/engine-check';
import { at } from '../support/objects';

describe('firstEngineError', () => {
  test('the first error of an engine check, warnings skipped', () => {
    const error = firstEngineError(findings => {
      findings.warn(at('spec', 'a'), 'a warning');
      findings.error(at('spec', 'b'), 'the first error');
      findings.error(at('spec', 'c'), 'a second error');
    });
    expect({ path: error?.path.toString(), message: error?.message }).toEqual({ path: 'spec.b', message: 'the first error' });
  });

  test('nothing when the check finds no error', () => {
    expect(firstEngineError(findings => findings.warn(at('spec', 'a'), 'only a warning'))).toBeUndefined();
    expect(firstEngineError(() => undefined)).toBeUndefined();
  });
});
