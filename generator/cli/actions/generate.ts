/** The work behind `alipay-codegen generate` (loaded only when the command runs). */
import { generate } from '../../build/output.js';
import { outputSettings } from '../../config/resolve.js';
import { printDiagnostics, printSummary } from '../print.js';

export async function runGenerate(options: { specs: string; out: string; full?: boolean; force?: boolean }): Promise<void> {
  const started = performance.now();
  const r = await generate({ specsDir: options.specs, outDir: options.out, full: options.full === true, force: options.force === true, ...outputSettings(options) });
  const ms = Math.round(performance.now() - started);
  printDiagnostics(r.diagnostics);
  if (r.recovered) process.stderr.write(`alipay-codegen: the last generate into ${options.out} was interrupted: every file was verified and repaired\n`);
  printSummary(
    `${options.out}: ${r.methods} method(s); ${r.written} written, ${r.removed} removed, ` +
      `${r.unchanged} unchanged (${r.emitted} spec(s) emitted, ${ms} ms)`,
  );
}
