/** Runs the built CLI (`node bin/alipay-codegen.js`) as users do, in a child process. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../support/typescript.js';

export { ROOT };
export const BIN = join(ROOT, 'bin/alipay-codegen.js');

export interface CliResult {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly input?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Run as the unprivileged user `nobody` (through setpriv) when the tests run as root: permissions then apply. */
  readonly unprivileged?: boolean;
}

/** Root ignores file modes; the EACCES cases drop to `nobody` to meet them as users do. */
export const RUNNING_AS_ROOT = process.getuid?.() === 0;
const NOBODY = ['--reuid=65534', '--regid=65534', '--clear-groups'];

export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  const drop = options.unprivileged === true && RUNNING_AS_ROOT;
  const [command, argv] = drop ? ['setpriv', [...NOBODY, process.execPath, BIN, ...args]] : [process.execPath, [BIN, ...args]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, {
      cwd: options.cwd ?? ROOT,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(options.input ?? '');
  });
}

/** No stack trace, no `Error:` dump: what every user error must look like. */
export const STACK = /\n\s+at |\bError:/;
