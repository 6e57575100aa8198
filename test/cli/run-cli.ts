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

export function runCli(args: readonly string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
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
