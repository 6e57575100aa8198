/**
 * The `alipay-codegen` CLI: one program, one subcommand per pipeline entry point.
 * Each subcommand lives in ./commands/<name>.ts and exports `register(program)`.
 * User errors (UserError) print their diagnostics and set the exit code, and so do file system
 * errors no command turned into one (they name the path): the environment, not a bug. Anything
 * else is a bug and keeps its stack trace.
 */
import { Command, CommanderError } from 'commander';
import { UserError, formatDiagnostic, ioUserError, isIoError } from '../diagnostics.js';
import { commands } from './commands/index.js';
import { readOwnVersion } from './version.js';

export function buildProgram(): Command {
  const program = new Command('alipay-codegen')
    .description('Alipay Open Platform doc pages -> YAML specs -> a typed TypeScript client package')
    .version(readOwnVersion())
    .showHelpAfterError()
    .exitOverride();
  for (const register of commands) register(program);
  return program;
}

/** Runs the CLI and resolves to the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through exitOverride with code 0; usage errors are already printed.
      return error.exitCode;
    }
    const user = error instanceof UserError ? error : isIoError(error) ? ioUserError(error, `cannot ${error.syscall}`) : undefined;
    if (user === undefined) throw error;
    for (const d of user.diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
    if (user.diagnostics.length === 0 || user.message) process.stderr.write(`alipay-codegen: ${user.message}\n`);
    return user.exitCode;
  }
}
