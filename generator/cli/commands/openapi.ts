/** `alipay-codegen openapi`: every spec -> one OpenAPI 3.1 document (JSON), for OpenAPI tooling. */
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('openapi')
    .description('write an OpenAPI 3.1 document (one operation per method) describing every spec')
    .option('--specs <dir>', 'directory of spec files (<method>.yaml)', 'specs')
    .option('--out <file>', 'output file; "-" writes to standard output', 'openapi.json')
    .option('--title <text>', 'info.title of the document', 'Alipay Open Platform gateway')
    .option('--api-version <version>', 'info.version of the document', '1.0')
    .option('--force', 'replace a file at --out that is not a document alipay-codegen openapi wrote')
    .action(async (options: { specs: string; out: string; title: string; apiVersion: string; force?: boolean }) => {
      const { runOpenApi } = await import('../actions/openapi.js');
      await runOpenApi(options);
    });
}
