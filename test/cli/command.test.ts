import { CliError, ExitStatus, UsageError } from '../../src/cli/command';

describe('CLI errors', () => {
  test('a CliError stops the run with exit status 2 unless told otherwise', () => {
    expect(new CliError('x.yaml: cannot read').exitStatus).toBe(ExitStatus.CANNOT_RUN);
    expect(new CliError('no route', 3).exitStatus).toBe(3);
  });

  test('a UsageError is a CliError with status 2', () => {
    const error = new UsageError('unknown option');
    expect(error).toBeInstanceOf(CliError);
    expect(error.exitStatus).toBe(2);
    expect(error.message).toBe('unknown option');
  });
});
