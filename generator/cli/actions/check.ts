/** The work behind `alipay-codegen check` (loaded only when the command runs). */
import { UserError } from '../../diagnostics.js';
import { checkIncremental } from '../../incremental/run.js';

export async function runCheck(options: { specs: string; out: string; full?: boolean }): Promise<void> {
  const stale = await checkIncremental({ specsDir: options.specs, outDir: options.out, full: options.full === true });
  if (stale.length > 0) {
    for (const path of stale) process.stderr.write(`stale: ${options.out}/${path}\n`);
    throw new UserError(
      `${stale.length} file(s) in ${options.out} do not match ${options.specs}: run \`alipay-codegen generate\``,
    );
  }
  process.stdout.write(`${options.out} is up to date with ${options.specs}\n`);
}
