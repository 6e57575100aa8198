/**
 * In-process access to the importer, the spec loader, the dumper and the test renderer, found by
 * trying the module paths they have had (the internals are being restructured; the campaign must
 * keep running). Each returns undefined when no candidate exists, and the caller falls back to
 * the CLI. Modules are loaded by computed path so this file compiles without them.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Diag {
  severity: string;
  file?: string;
  line?: number;
  col?: number;
  message: string;
}

export type ImportDoc = (text: string, file: string) => { spec?: unknown; diagnostics: Diag[] };
export type DumpSpec = (spec: unknown) => string;
export type ParseSpec = (text: string, file: string) => { spec?: unknown; diagnostics: Diag[] };
export type RenderDoc = (spec: unknown) => string;

async function firstExport<T>(root: string, candidates: readonly string[], name: string): Promise<T | undefined> {
  for (const rel of candidates) {
    const file = join(root, rel);
    if (!existsSync(file)) continue;
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    if (typeof mod[name] === 'function') return mod[name] as T;
  }
  return undefined;
}

export function loadImportDoc(root: string): Promise<ImportDoc | undefined> {
  return firstExport<ImportDoc>(root, ['dist/generator/importer/import-doc.js', 'dist/generator/importer/index.js'], 'importDoc');
}

export function loadDumpSpec(root: string): Promise<DumpSpec | undefined> {
  return firstExport<DumpSpec>(root, ['dist/generator/spec/dump.js', 'dist/generator/spec/index.js'], 'dumpSpec');
}

export function loadParseSpec(root: string): Promise<ParseSpec | undefined> {
  return firstExport<ParseSpec>(root, ['dist/generator/spec/load.js', 'dist/generator/spec/index.js'], 'parseSpec');
}

/**
 * The seed-layout renderer: compiled in dist/ while it lives in generator/importer/, or bundled
 * from test/importer/render.ts with esbuild (a dev dependency) once it has moved there.
 */
export async function loadRenderDoc(root: string): Promise<RenderDoc | undefined> {
  const built = await firstExport<RenderDoc>(root, ['dist/generator/importer/render.js'], 'renderDoc');
  if (built) return built;
  for (const rel of ['test/importer/render.ts', 'generator/importer/render.ts']) {
    const source = join(root, rel);
    if (!existsSync(source)) continue;
    const esbuild = (await import('esbuild')) as typeof import('esbuild');
    const outfile = join(mkdtempSync(join(tmpdir(), 'fuzz-render-')), 'render.mjs');
    await esbuild.build({ entryPoints: [source], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile, logLevel: 'silent' });
    const mod = (await import(pathToFileURL(outfile).href)) as Record<string, unknown>;
    if (typeof mod.renderDoc === 'function') return mod.renderDoc as RenderDoc;
  }
  return undefined;
}

/** The catalogue reader and converter of bench/catalogue (compiled by `npm run build`). */
export interface CatalogueAccess {
  methods: string[];
  /** The method as a MethodSpec, or undefined when the converter skips it. */
  spec(method: string): unknown;
  /** Writes `count` converted specs (the bench's seeded sample) as YAML into `dir`. */
  writeSpecs(dir: string, count: number): number;
}

export async function loadCatalogue(root: string, cataloguePath: string): Promise<CatalogueAccess | undefined> {
  const source = join(root, 'dist/bench/catalogue/source.js');
  const convert = join(root, 'dist/bench/catalogue/convert.js');
  const write = join(root, 'dist/bench/catalogue/write.js');
  if (!existsSync(source) || !existsSync(convert) || !existsSync(cataloguePath)) return undefined;
  const src = (await import(pathToFileURL(source).href)) as { readCatalogue(file: string): { methods: Record<string, unknown> } };
  const conv = (await import(pathToFileURL(convert).href)) as {
    convertMethod(c: unknown, m: string, o: { seed: number }): { spec?: unknown };
  };
  const wr = existsSync(write)
    ? ((await import(pathToFileURL(write).href)) as {
        writeCatalogueSpecs?(o: Record<string, unknown>): { written: string[] };
      })
    : undefined;
  const catalogue = src.readCatalogue(cataloguePath);
  const methods = Object.keys(catalogue.methods).sort();
  const spec = (method: string): unknown => {
    const r = conv.convertMethod(catalogue, method, { seed: 20260521 });
    return 'spec' in r ? r.spec : undefined;
  };
  return {
    methods,
    spec,
    writeSpecs(dir, count) {
      if (typeof wr?.writeCatalogueSpecs !== 'function') throw new Error('bench/catalogue/write.js has no writeCatalogueSpecs');
      return wr.writeCatalogueSpecs({ catalogue, outDir: dir, limit: count }).written.length;
    },
  };
}
