/** `alipay-codegen openapi`: every spec -> one OpenAPI 3.1 document (JSON), for OpenAPI tooling. */
import { rename, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { renderOpenApi } from '../../openapi/document.js';
import { loadSpecsOrThrow } from '../../spec/load.js';

export function register(program: Command): void {
  program
    .command('openapi')
    .description('write an OpenAPI 3.1 document (one operation per method) describing every spec')
    .option('--specs <dir>', 'directory of spec files (<method>.yaml)', 'specs')
    .option('--out <file>', 'output file; "-" writes to standard output', 'openapi.json')
    .option('--title <text>', 'info.title of the document', 'Alipay Open Platform gateway')
    .option('--api-version <version>', 'info.version of the document', '1.0')
    .action(async (options: { specs: string; out: string; title: string; apiVersion: string }) => {
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
    });
}
