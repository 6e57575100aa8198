/**
 * The files of the package, piece by piece: what one method, the package-wide modules and the
 * fixed files become. The pure pipeline (./pipeline.ts) and the cached build (./cache/) assemble
 * the output from these same functions, so both give the same bytes. Paths are relative to the
 * output directory, `/`-separated.
 */
import type { EmittedModule } from '../emit/method-module.js';
import { gitignore, packageJson, tsconfigJson } from '../emit/package-files.js';
import type { Templates } from './templates.js';

/** Version written to the generated package.json unless one is given. */
export const DEFAULT_PACKAGE_VERSION = '0.1.0';

/** The three files of one module stem (`methods/alipay.trade.query`, `client`, `runtime/sign`). */
export function modulePaths(stem: string): [ts: string, js: string, dts: string] {
  return [`src/${stem}.ts`, `dist/${stem}.js`, `dist/${stem}.d.ts`];
}

export function moduleFiles(stem: string, module: EmittedModule): Map<string, string> {
  const [ts, js, dts] = modulePaths(stem);
  return new Map([
    [ts, module.ts],
    [js, module.js],
    [dts, module.dts],
  ]);
}

/** Files that depend on nothing but the package version. */
export function fixedFiles(version: string): Map<string, string> {
  return new Map([
    ['.gitignore', gitignore()],
    ['package.json', packageJson({ version })],
    ['tsconfig.json', tsconfigJson()],
  ]);
}

/** The module stems of the runtime templates (`runtime/client`, ...), sorted. */
export function runtimeStems(templates: Templates): string[] {
  return [...templates.runtime.keys()].sort().map((name) => `runtime/${name.slice(0, -'.ts'.length)}`);
}
