/** The work behind `alipay-codegen generate` (loaded only when the command runs). */
import { generate, type GenerateResult } from '../../build/output.js';
import { outputSettings } from '../../config/resolve.js';
import { printDiagnostics, printSummary } from '../print.js';
import { startProgress } from '../progress.js';

export interface GenerateOptions {
  specs: string;
  out: string;
  full?: boolean;
  force?: boolean;
  watch?: boolean;
}

export function generateSummary(out: string, r: GenerateResult, ms: number): string {
  return `${out}: ${r.methods} method(s); ${r.written} written, ${r.removed} removed, ${r.unchanged} unchanged (${r.emitted} spec(s) emitted, ${ms} ms)`;
}

/** One run: prints its diagnostics and its summary line; user errors are thrown (the caller prints them). */
export async function generateOnce(options: GenerateOptions, full = options.full === true): Promise<void> {
  const started = performance.now();
  const progress = startProgress('generate');
  let r: GenerateResult;
  try {
    r = await generate({ specsDir: options.specs, outDir: options.out, full, force: options.force === true, onProgress: progress.report, ...outputSettings(options) });
  } finally {
    progress.stop();
  }
  const ms = Math.round(performance.now() - started);
  printDiagnostics(r.diagnostics);
  if (r.recovered) process.stderr.write(`alipay-codegen: the last generate into ${options.out} was interrupted: every file was verified and repaired\n`);
  printSummary(generateSummary(options.out, r, ms));
}

export async function runGenerate(options: GenerateOptions): Promise<void> {
  if (options.watch === true) {
    const { watchGenerate } = await import('./watch.js');
    return watchGenerate(options);
  }
  await generateOnce(options);
}
