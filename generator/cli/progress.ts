/**
 * The progress line of long `generate` / `check` runs: on a terminal only (stderr is a TTY), after
 * the run has taken a second, one line rewritten in place (`\r` + erase to end of line) and erased
 * when the run ends. Never on a pipe or in a file: CI logs stay clean.
 */
import type { ProgressEvent } from '../build/output.js';

/** Shown only for runs longer than this. */
export const PROGRESS_DELAY_MS = 1000;
const REFRESH_MS = 100;
const SPINNER = ['|', '/', '-', '\\'];

const PHASES: Readonly<Record<ProgressEvent['phase'], string>> = {
  reading: 'reading specs and the manifest',
  emitting: 'emitting',
  verifying: 'verifying the output',
  writing: 'writing',
};

/** The line for a moment of the run: pure, for the terminal (`columns` wide at most). */
export function formatProgress(command: string, event: ProgressEvent, elapsedMs: number, columns: number, frame = 0): string {
  const count = event.total === undefined ? '' : event.phase === 'emitting' ? ` ${event.total} spec(s)` : ` ${event.total} file(s)`;
  const line = `${SPINNER[frame % SPINNER.length]} ${command}: ${PHASES[event.phase]}${count} (${(elapsedMs / 1000).toFixed(1)} s)`;
  const width = Math.max(columns - 1, 10);
  return line.length > width ? `${line.slice(0, width - 3)}...` : line;
}

export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

export interface Progress {
  readonly report: (event: ProgressEvent) => void;
  /** Redraws the line when the run is past the delay (the interval calls it; tests call it directly). */
  tick(): void;
  /** Erases the line (when one was drawn) and stops the interval. */
  stop(): void;
}

export interface ProgressOptions {
  readonly stream?: ProgressStream;
  readonly now?: () => number;
  /** Start the redraw interval (default true; tests drive tick() themselves). */
  readonly timer?: boolean;
}

export function startProgress(command: string, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? (() => performance.now());
  const started = now();
  let event: ProgressEvent = { phase: 'reading' };
  let drawn = false;
  let frame = 0;
  const enabled = stream.isTTY === true;
  const tick = (): void => {
    const elapsed = now() - started;
    if (!enabled || elapsed < PROGRESS_DELAY_MS) return;
    stream.write(`\r${formatProgress(command, event, elapsed, stream.columns ?? 80, frame++)}\x1b[K`);
    drawn = true;
  };
  const interval = enabled && options.timer !== false ? setInterval(tick, REFRESH_MS) : undefined;
  interval?.unref();
  return {
    report: (next) => void (event = next),
    tick,
    stop: () => {
      if (interval !== undefined) clearInterval(interval);
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
