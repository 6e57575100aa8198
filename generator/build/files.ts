/**
 * The files of the package, piece by piece: what one method, the package-wide modules and the
 * fixed files become. The pure pipeline (./pipeline.ts) and the cached build (./cache/) assemble
 * the output from these same functions, so both give the same bytes. Paths are relative to the
 * output directory, `/`-separated.
 */
import { emitClientModule } from '../emit/client-module.js';
import { emitIndexModule } from '../emit/index-module.js';
import { DEFAULT_PACKAGE, type OutputShape, type PackageIdentity } from '../config/config.js';
import { PLATFORM_DTS, gitignore, packageJson, platformDeclarations, readme, tsconfigJson } from '../emit/package-files.js';
import { aggregatePlan } from '../plan/package.js';
import type { MethodHead } from '../plan/types.js';
import type { Templates } from './templates.js';

/** Version written to the generated package.json unless one is given. */
export const DEFAULT_PACKAGE_VERSION = DEFAULT_PACKAGE.version;

/**
 * What the output is: `package`, a publishable npm package (package.json, `src/` and its compiled
 * `dist/`), or `sources`, the TypeScript modules alone at the folder's top (`methods/`, `runtime/`,
 * `client.ts`, `index.ts`), imported relatively and compiled by the application's own build.
 */
export interface OutputLayout {
  readonly shape: OutputShape;
  /** The package.json's identity (shape `package`; the README names it too). */
  readonly package: PackageIdentity;
}

export const DEFAULT_LAYOUT: OutputLayout = { shape: 'package', package: DEFAULT_PACKAGE };

/**
 * The layout in one string, recorded in the manifest: a manifest of another layout is not trusted.
 * The version is not part of it: it is written to package.json alone (never trusted, always
 * rebuilt), and a version bumped in place (`npm version`) must leave the manifest as it is.
 */
export function layoutKey(layout: OutputLayout): string {
  const { name, description } = layout.package;
  return layout.shape === 'sources' ? 'sources' : `package ${name} ${JSON.stringify(description)}`;
}

/**
 * The text the manifest's digest of a fixed file is taken over: package.json with its version
 * blanked, so `npm version` inside the output (which generate and check then keep, see
 * ../config/resolve.ts) changes neither the manifest nor what check compares.
 */
export function manifestDigestText(path: string, content: string): string {
  return path === 'package.json' ? content.replace(/^ {2}"version": "[^"]*",$/m, '  "version": "",') : content;
}

/** The files of one module stem (`methods/alipay.trade.query`, `client`, `runtime/sign`): ts, js, d.ts; ts alone for sources. */
export function modulePaths(stem: string, shape: OutputShape = 'package'): string[] {
  return shape === 'sources' ? [`${stem}.ts`] : [`src/${stem}.ts`, `dist/${stem}.js`, `dist/${stem}.d.ts`];
}

/** Each output path of the module stem with its value of `of` (`ts`, `js`, `dts` in that order). */
export function moduleEntries<T>(stem: string, of: { ts: T; js: T; dts: T }, shape: OutputShape = 'package'): [string, T][] {
  const paths = modulePaths(stem, shape);
  return shape === 'sources' ? [[paths[0]!, of.ts]] : [[paths[0]!, of.ts], [paths[1]!, of.js], [paths[2]!, of.dts]];
}

export function moduleFiles<T extends string | Uint8Array>(stem: string, module: { readonly ts: T; readonly js: T; readonly dts: T }, shape: OutputShape = 'package'): Map<string, T> {
  return new Map(moduleEntries(stem, module, shape));
}

/** Files that depend on nothing but the layout (none for sources: the application has its own). */
export function fixedFiles(layout: OutputLayout): Map<string, string> {
  if (layout.shape === 'sources') return new Map();
  return new Map([
    ['.gitignore', gitignore()],
    ['package.json', packageJson(layout.package)],
    ['tsconfig.json', tsconfigJson()],
    [PLATFORM_DTS, platformDeclarations()],
  ]);
}

/** The package-wide files (README, client, index): they need only the methods' heads. */
export function aggregatePaths(shape: OutputShape = 'package'): string[] {
  return [...(shape === 'sources' ? [] : ['README.md']), ...modulePaths('client', shape), ...modulePaths('index', shape)];
}

/** `heads` sorted by method name. */
export function aggregateFiles(heads: readonly MethodHead[], templates: Templates, layout: OutputLayout = DEFAULT_LAYOUT): Map<string, string> {
  const plan = aggregatePlan(heads);
  const files = new Map<string, string>();
  if (layout.shape === 'package') files.set('README.md', readme(plan, templates.readme, layout.package.name));
  for (const [p, text] of moduleFiles('client', emitClientModule(plan), layout.shape)) files.set(p, text);
  for (const [p, text] of moduleFiles('index', emitIndexModule(plan), layout.shape)) files.set(p, text);
  return files;
}

/** The module stems of the runtime templates (`runtime/client`, ...), sorted. */
export function runtimeStems(templates: Templates): string[] {
  return [...templates.runtime.keys()].sort().map((name) => `runtime/${name.slice(0, -'.ts'.length)}`);
}
