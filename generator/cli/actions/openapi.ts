/** The work behind `alipay-codegen openapi` (loaded only when the command runs). */
import { rename, writeFile } from 'node:fs/promises';
import { renderOpenApi } from '../../openapi/document.js';
import { loadSpecsOrThrow } from '../../spec/load.js';

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
  // Write then rename, so a reader never sees half a document.
  const tmp = `${options.out}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, options.out);
  process.stderr.write(`wrote ${options.out} (${loaded.length} method(s))\n`);
}
