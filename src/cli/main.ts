#!/usr/bin/env node
/**
 * The `cdk8s-istio` command (bin of the package, compiled to lib/cli/main.js): dispatches to a
 * subcommand from the table below and turns every failure into a message and an exit status.
 */
import { CliError, CliIo, Command, errorMessage, ExitStatus, UsageError } from './command';
import { routeCommand } from './route-command';
import { validateCommand } from './validate-command';

/** The subcommands; a new one (e.g. `route`) is one entry here and one file. */
const COMMANDS: Readonly<Record<string, Command>> = {
  validate: validateCommand,
  route: routeCommand,
};

/** Runs the CLI with `argv` (the arguments after the program name) and returns the exit status. */
export function main(argv: readonly string[], io: CliIo): number {
  const [name, ...args] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(overview());
    return ExitStatus.OK;
  }
  const command = name !== undefined && Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(`${name === undefined ? 'cdk8s-istio: missing command' : `cdk8s-istio: unknown command '${name}'`}\n\n${overview()}`);
    return ExitStatus.CANNOT_RUN;
  }
  try {
    return command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`cdk8s-istio ${name}: ${error.message}\n${command.usage}\nRun 'cdk8s-istio ${name} --help' for details.\n`);
      return error.exitStatus;
    }
    if (error instanceof CliError) {
      io.stderr(`${error.message}\n`);
      return error.exitStatus;
    }
    // A bug of ours, not a problem of the input: say so briefly; the stack on request.
    const stack = (error as { stack?: unknown } | undefined)?.stack;
    const detail = process.env.CDK8S_ISTIO_DEBUG && typeof stack === 'string' ? stack : errorMessage(error);
    io.stderr(`cdk8s-istio ${name}: internal error: ${detail}\n(set CDK8S_ISTIO_DEBUG=1 for a stack trace; please report it)\n`);
    return ExitStatus.CANNOT_RUN;
  }
}

function overview(): string {
  const width = Math.max(...Object.keys(COMMANDS).map(name => name.length));
  const commands = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return [
    'Usage: cdk8s-istio <command> [options] <file|dir>...',
    '',
    'Commands:',
    ...commands,
    '',
    "Run 'cdk8s-istio <command> --help' for the options of a command.",
    '',
  ].join('\n');
}

if (require.main === module) {
  // `cdk8s-istio validate ... | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? ExitStatus.OK);
    throw error;
  });
  process.exitCode = main(process.argv.slice(2), {
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text),
  });
}
