import { UsageError } from '../../src/cli/command';
import { choiceOption, parseOptions } from '../../src/cli/options';

const SPEC = { format: { type: 'string' as const }, help: { type: 'boolean' as const, short: 'h' } };

describe('parseOptions', () => {
  test('options anywhere, both --name value and --name=value, -- ends options', () => {
    expect(parseOptions(['a.yaml', '--format', 'json', 'b'], SPEC)).toEqual({ values: { format: 'json' }, positionals: ['a.yaml', 'b'] });
    expect(parseOptions(['--format=json', '-h'], SPEC).values).toEqual({ format: 'json', help: true });
    expect(parseOptions(['--', '--format'], SPEC).positionals).toEqual(['--format']);
  });

  test.each([
    [['--frmat', 'json'], "Unknown option '--frmat'"],
    [['-x'], "Unknown option '-x'"],
    [['--format'], "Option '--format <value>' argument missing"],
    [['--format', '--help'], "Option '--format' argument is ambiguous."],
  ])('%j is a usage error: %s', (args, message) => {
    expect(() => parseOptions(args, SPEC)).toThrow(UsageError);
    expect(() => parseOptions(args, SPEC)).toThrow(new UsageError(message));
  });
});

describe('choiceOption', () => {
  test('returns the value, or the fallback when absent', () => {
    expect(choiceOption(parseOptions(['--format', 'json'], SPEC), 'format', ['text', 'json'], 'text')).toBe('json');
    expect(choiceOption(parseOptions([], SPEC), 'format', ['text', 'json'], 'text')).toBe('text');
  });

  test('rejects a value outside the choices, naming them', () => {
    expect(() => choiceOption(parseOptions(['--format', 'xml'], SPEC), 'format', ['text', 'json'], 'text'))
      .toThrow(new UsageError("--format must be text or json, got 'xml'"));
  });
});
