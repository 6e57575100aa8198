/** Runs the alipay-codegen CLI in a child process with a hard timeout, and judges its stderr. */
import { spawn } from 'node:child_process';

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  ms: number;
}

export function runNode(args: readonly string[], options: { cwd: string; timeoutMs: number }): Promise<CliRun> {
  const started = performance.now();
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => void (stdout = cap(stdout + d)));
    child.stderr.setEncoding('utf8').on('data', (d: string) => void (stderr = cap(stderr + d)));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr, timedOut, ms: performance.now() - started });
    });
  });
}

export function runCli(cli: string, args: readonly string[], options: { cwd: string; timeoutMs: number }): Promise<CliRun> {
  return runNode([cli, ...args], options);
}

/** Keeps the first 64 KB of a stream: enough to judge, bounded whatever the child prints. */
function cap(text: string): string {
  return text.length > 65_536 ? text.slice(0, 65_536) : text;
}

/** A JavaScript stack frame line (`    at fn (file:1:2)`) or an uncaught-error banner. */
export function hasStackTrace(stderr: string): boolean {
  return /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m.test(stderr) || /^Uncaught|node:internal/m.test(stderr);
}

/** Node's own warnings (`(node:123) Warning: ...`, `ExperimentalWarning`, deprecations). */
export function hasNodeWarning(stderr: string): boolean {
  return /^\(node:\d+\) /m.test(stderr) || /\b(Experimental|Deprecation|MaxListenersExceeded)Warning\b/.test(stderr);
}
