/**
 * What every benchmark part shares: medians, a uniform result line (ours, peer, ratio, target),
 * and child processes measured for wall time and peak memory.
 */
import { spawnSync } from 'node:child_process';

export interface Figure {
  /** What is measured, e.g. `validators: card.query valid payload`. */
  name: string;
  ours: number;
  /** The peer's figure from the same run, when there is one. */
  peer?: { name: string; value: number };
  unit: string;
  /** `higher` when bigger is better (throughput), `lower` for times and sizes. */
  better: 'higher' | 'lower';
  /** The target, in words, and whether it is met. */
  target?: { text: string; met: boolean };
  /** How many runs the median is taken over. */
  runs?: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function formatValue(value: number, unit: string): string {
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  const n = value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  return `${n} ${unit}`;
}

/** One line per figure: `name: ours (median of n) | peer: value | ratio | target`. */
export function formatFigure(f: Figure): string {
  const parts = [`${f.name}: ${formatValue(f.ours, f.unit)}${f.runs !== undefined ? ` (median of ${f.runs})` : ''}`];
  if (f.peer) {
    // The ratio always reads "how many times better ours is" (>1 = ours better).
    const ratio = f.better === 'higher' ? f.ours / f.peer.value : f.peer.value / f.ours;
    parts.push(`${f.peer.name}: ${formatValue(f.peer.value, f.unit)}`, `ours ${ratio.toFixed(2)}x ${ratio >= 1 ? 'better' : 'worse'}`);
  }
  if (f.target) parts.push(`target ${f.target.text}: ${f.target.met ? 'met' : 'MISSED'}`);
  return parts.join(' | ');
}

export interface ChildRun {
  ms: number;
  /** Peak resident set size of the child, in MB (from /usr/bin/time -v when present). */
  maxRssMb?: number;
  stdout: string;
  stderr: string;
  status: number;
}

const hasGnuTime = spawnSync('/usr/bin/time', ['-v', 'true']).status === 0;

/** Runs a command to completion, timing it and (with GNU time) reading its peak RSS. */
export interface ChildOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the child after this long (status -1). */
  timeoutMs?: number;
}

export function runChild(command: string, args: readonly string[], options: ChildOptions = {}): ChildRun {
  // With a timeout the command runs directly: killing GNU time would leave its child running.
  const timed = hasGnuTime && options.timeoutMs === undefined;
  const [cmd, argv] = timed ? ['/usr/bin/time', ['-v', command, ...args]] : [command, [...args]];
  const start = performance.now();
  const r = spawnSync(cmd as string, argv as string[], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    ...(options.timeoutMs !== undefined && { timeout: options.timeoutMs }),
  });
  const ms = performance.now() - start;
  let stderr = r.stderr ?? '';
  let maxRssMb: number | undefined;
  if (timed) {
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
    if (m) maxRssMb = Number(m[1]) / 1024;
    // Keep the child's own stderr readable: GNU time's report starts at "\tCommand being timed".
    stderr = stderr.split(/\n?\tCommand being timed:/)[0]!;
  }
  return { ms, ...(maxRssMb !== undefined && { maxRssMb }), stdout: r.stdout ?? '', stderr, status: r.status ?? -1 };
}

/** Runs a command, failing loudly (with its output) when it does not exit 0. */
export function runChildOk(command: string, args: readonly string[], options: ChildOptions = {}): ChildRun {
  const r = runChild(command, args, options);
  if (r.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${r.status}\n${r.stdout.slice(-4000)}\n${r.stderr.slice(-4000)}`);
  }
  return r;
}

export function print(line: string): void {
  process.stdout.write(line + '\n');
}
