/**
 * The inputs and ownership rules of the generated package that every entry point needs, kept
 * apart from ./generate.ts so the incremental path does not load the TypeScript compiler (the
 * runtime transpiler generate.ts imports) just to find the templates.
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

export const DEFAULT_PACKAGE_VERSION = '0.1.0';

/** Files of the output directory the generator owns (and so may remove when stale). */
export function isGeneratedPath(path: string): boolean {
  return (
    path.startsWith('src/') ||
    path.startsWith('dist/') ||
    ['.gitignore', 'package.json', 'tsconfig.json', 'README.md', '.alipay-codegen/manifest.json'].includes(path)
  );
}

/** The project's templates/ folder, found from this module whether run from source or dist/. */
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
