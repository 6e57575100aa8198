/**
 * `generate --watch`: one run, then one more after every change of a spec file (node:fs watch on
 * the specs folder, debounced), each through the cached build, so only changed specs are emitted.
 * A run that fails on the user's input prints its diagnostics and the watch goes on; Ctrl-C
 * (SIGINT) or SIGTERM lets the current run finish, then ends with exit code 0.
 */
import { watch, type FSWatcher } from 'node:fs';
import { UserError, ioUserError, isIoError } from '../../diagnostics.js';
import { printUserError } from '../print.js';
import { generateOnce, type GenerateOptions } from './generate.js';

/** Editors write a file in several steps (truncate, write, rename): one run for a burst of events. */
export const WATCH_DEBOUNCE_MS = 100;

async function runReporting(options: GenerateOptions, full: boolean): Promise<void> {
  try {
    await generateOnce(options, full);
  } catch (error) {
    const user = error instanceof UserError ? error : isIoError(error) ? ioUserError(error, `cannot ${error.syscall}`) : undefined;
    if (user === undefined) throw error;
    printUserError(user);
    process.stderr.write(`alipay-codegen: watching ${options.specs} for changes\n`);
  }
}

export async function watchGenerate(options: GenerateOptions): Promise<void> {
  // Signals are ours from the start: Ctrl-C during the first run ends the watch cleanly too.
  let stopped = false;
  let stop = (): void => void (stopped = true);
  const onSignal = (): void => stop();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    let running: Promise<void> = runReporting(options, options.full === true);
    await running;
    if (stopped) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(options.specs, { persistent: true });
    } catch (error) {
      throw isIoError(error) ? ioUserError(error, 'cannot watch') : error;
    }
    process.stderr.write(`alipay-codegen: watching ${options.specs} for changes (Ctrl-C stops)\n`);
    let timer: NodeJS.Timeout | undefined;
    let pending = false;
    let busy = false;
    const rerun = (): void => {
      timer = undefined;
      if (busy) {
        pending = true;
        return;
      }
      busy = true;
      running = runReporting(options, false).finally(() => {
        busy = false;
        if (pending && !stopped) {
          pending = false;
          rerun();
        }
      });
    };
    await new Promise<void>((resolve, reject) => {
      const end = (): void => {
        stopped = true;
        if (timer !== undefined) clearTimeout(timer);
        watcher.close();
        resolve();
      };
      stop = end;
      watcher.on('change', (_event, name) => {
        // Only spec files matter (an editor's swap file does not); an unnamed event might be one.
        if (name !== null && !/\.ya?ml$/.test(String(name))) return;
        if (timer !== undefined) clearTimeout(timer);
        timer = setTimeout(rerun, WATCH_DEBOUNCE_MS);
      });
      watcher.on('error', (error) => {
        end();
        reject(isIoError(error) ? ioUserError(error, `cannot watch ${options.specs} any longer:`) : error);
      });
    });
    // Let a run in progress finish: its writes are one transaction either way.
    await running;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
