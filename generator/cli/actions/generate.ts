/** The work behind `alipay-codegen generate` (loaded only when the command runs). */
import { generateIncremental } from '../../incremental/run.js';

export async function runGenerate(options: { specs: string; out: string; full?: boolean }): Promise<void> {
  const started = performance.now();
  const r = await generateIncremental({ specsDir: options.specs, outDir: options.out, full: options.full === true });
  const ms = Math.round(performance.now() - started);
  process.stdout.write(
    `${options.out}: ${r.methods} method(s); ${r.written} written, ${r.removed} removed, ` +
      `${r.unchanged} unchanged (${r.emitted} spec(s) emitted, ${ms} ms)\n`,
  );
}
