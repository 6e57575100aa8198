/** The work behind `alipay-codegen openapi` (loaded only when the command runs). */
import { UserError, ioReason } from '../../diagnostics.js';
import { renderOpenApi } from '../../openapi/document.js';
import { loadSpecsOrThrow } from '../../spec/load.js';
import { writeFileAtomic } from '../../write/atomic.js';
import { printSummary } from '../print.js';

export async function runOpenApi(options: { specs: string; out: string; title: string; apiVersion: string }): Promise<void> {
  const loaded = await loadSpecsOrThrow(options.specs);
  const text = renderOpenApi(
    loaded.map((l) => l.spec),
    { title: options.title, version: options.apiVersion },
  );
  if (options.out === '-') {
    process.stdout.write(text);
    return;
  }
  try {
    await writeFileAtomic(options.out, text);
  } catch (error) {
    throw new UserError(`cannot write ${options.out}: ${ioReason(error)}`);
  }
  printSummary(`wrote ${options.out} (${loaded.length} method(s))`);
}
