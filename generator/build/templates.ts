/**
 * The templates the package is built from (templates/runtime/*.ts copied verbatim, the README
 * template), found from this module whether run from source or from dist/.
 */
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Templates {
  /** Runtime sources by file name (`client.ts`), copied verbatim to `src/runtime/`. */
  readonly runtime: ReadonlyMap<string, string>;
  readonly readme: string;
}

/** The project's templates/ folder. */
export function templatesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'templates', 'runtime', 'index.ts'))) return join(dir, 'templates');
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find templates/runtime next to alipay-codegen');
    dir = parent;
  }
}

export async function readTemplates(dir: string = templatesDir()): Promise<Templates> {
  const runtimeDir = join(dir, 'runtime');
  const names = (await readdir(runtimeDir)).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts')).sort();
  const runtime = new Map<string, string>();
  for (const name of names) runtime.set(name, await readFile(join(runtimeDir, name), 'utf8'));
  return { runtime, readme: await readFile(join(dir, 'README.md.hbs'), 'utf8') };
}
