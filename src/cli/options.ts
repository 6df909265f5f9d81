/**
 * Option parsing shared by the subcommands: Node's own `util.parseArgs` (no dependency), with its
 * errors turned into usage errors.
 */
import { parseArgs, ParseArgsConfig } from 'util';
import { errorMessage, UsageError } from './command';

type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** Parsed arguments: option values by name, and the positional arguments. */
export interface ParsedArguments {
  readonly values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  readonly positionals: string[];
}

/** Parses `args` strictly: an unknown option or a missing value is a `UsageError`. `--` ends the options. */
export function parseOptions(args: readonly string[], options: OptionSpecs): ParsedArguments {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { values, positionals };
  } catch (error) {
    // Node's messages go on with advice about `--`; the first sentence is the problem.
    const message = errorMessage(error).split('\n')[0].replace(/\. To specify .*$/, '');
    throw new UsageError(message);
  }
}

/** The value of a `--name value` option restricted to `allowed`, or `fallback` when absent. */
export function choiceOption(parsed: ParsedArguments, name: string, allowed: readonly string[], fallback: string): string {
  const value = parsed.values[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw new UsageError(`--${name} must be ${allowed.join(' or ')}, got '${String(value)}'`);
  }
  return value;
}
