/** The work behind `alipay-codegen check` (loaded only when the command runs). */
import { UserError } from '../../diagnostics.js';
import { check, type CheckResult } from '../../build/output.js';
import { outputSettings } from '../../config/resolve.js';
import { printDiagnostics, printSummary } from '../print.js';
import { startProgress } from '../progress.js';

export async function runCheck(options: { specs: string; out: string; full?: boolean }): Promise<void> {
  const progress = startProgress('check');
  let r: CheckResult;
  try {
    r = await check({ specsDir: options.specs, outDir: options.out, full: options.full === true, onProgress: progress.report, ...outputSettings(options) });
  } finally {
    progress.stop();
  }
  const { stale, diagnostics } = r;
  printDiagnostics(diagnostics);
  if (stale.length > 0) {
    for (const path of stale) process.stderr.write(`stale: ${options.out}/${path}\n`);
    throw new UserError(
      `${stale.length} file(s) in ${options.out} do not match ${options.specs}: run \`alipay-codegen generate\``,
    );
  }
  printSummary(`${options.out} is up to date with ${options.specs}`);
}
