/**
 * The build, cached: the output of a spec directory, computed from the output's manifest where
 * it can be trusted. Specs whose content hash, planned names and generator fingerprint match the
 * manifest are trusted (their files are known by digest only and emitted again on demand); every
 * other spec is parsed and emitted again. The package-wide files are rebuilt whenever a method's
 * head (name, title, planned names) changed. Every file comes from the pure pipeline's pieces
 * (../files.ts), so the result is the bytes a full run gives. Any load problem falls back to the
 * serial loader, so diagnostics are exactly `validate`'s. Reads the specs; writes nothing.
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { UserError, hasErrors, sortDiagnostics, type Diagnostic } from '../../diagnostics.js';
import { planNames, type PlannedNames } from '../../plan/package.js';
import type { MethodExports, MethodHead } from '../../plan/types.js';
import { IO_CONCURRENCY, mapLimit } from '../../shared/pool.js';
import { aggregateFiles, aggregatePaths, fixedFiles, layoutKey, manifestDigestText, moduleEntries, moduleFiles, modulePaths, runtimeStems, type OutputLayout } from '../files.js';
import type { JobRunner, SpecJob } from '../jobs.js';
import type { Templates } from '../templates.js';
import {
  MANIFEST_PATH,
  digest,
  serializeManifest,
  sha256,
  type FileDigest,
  type Manifest,
  type ManifestMethod,
} from './manifest.js';

export interface CachedBuildOptions {
  readonly specsDir: string;
  /** The output's manifest (parsed); absent when there is none that can be trusted. */
  readonly manifest?: Manifest;
  readonly templates: Templates;
  /** The generator fingerprint a manifest must carry to be trusted. */
  readonly fingerprint: string;
  /** The runner for a given number of jobs (main thread or workers). */
  readonly runner: (jobs: number) => JobRunner;
  /** Output shape and package identity (a manifest of another layout is not trusted). */
  readonly layout: OutputLayout;
  /** Generate only the methods (spec file stems) it accepts; every method when absent. */
  readonly methods?: (method: string) => boolean;
  /** Ignore the manifest: parse and emit everything. */
  readonly full: boolean;
}

export interface OutputFile {
  digest: FileDigest;
  /** Absent for trusted files until `content` is asked for. */
  content?: string;
}

interface MethodRecord {
  entry: ManifestMethod;
  /** The spec's text and path, to emit it again on demand. */
  job: SpecJob;
}

export class OutputBuild {
  /** Output path -> file. */
  readonly files = new Map<string, OutputFile>();
  private readonly byPath = new Map<string, MethodRecord>();

  constructor(
    private readonly records: MethodRecord[],
    private readonly head: Omit<Manifest, 'files' | 'methods'>,
    private readonly rebuildAggregates: () => Map<string, string>,
    private readonly rebuildRuntime: () => Promise<Map<string, string>>,
    private readonly layout: OutputLayout,
    /** Specs parsed and emitted in this run. */
    readonly emitted: number,
    /** Warnings of every spec (trusted ones from the manifest), sorted. */
    readonly diagnostics: readonly Diagnostic[],
  ) {
    for (const r of records) for (const path of Object.keys(r.entry.files)) this.byPath.set(path, r);
  }

  get methods(): number {
    return this.records.length;
  }

  /** The file's content, emitting it again when it was trusted (its digest is then refreshed). */
  async content(path: string): Promise<string> {
    const file = this.files.get(path);
    if (!file) throw new Error(`not a generated file: ${path}`);
    if (file.content !== undefined) return file.content;
    const record = this.byPath.get(path);
    let fresh: Map<string, string>;
    if (record) {
      const { runSpecJob } = await import('../jobs.js');
      const result = runSpecJob(record.job);
      if (!result.module) throw new UserError(`${record.job.file} changed while generating: run the command again`);
      fresh = moduleFiles(`methods/${record.entry.stem}`, result.module, this.layout.shape);
    } else if (/^(?:src\/|dist\/)?runtime\//.test(path)) {
      fresh = await this.rebuildRuntime();
    } else {
      fresh = this.rebuildAggregates();
    }
    for (const [p, text] of fresh) this.set(p, text);
    return this.files.get(path)!.content!;
  }

  private set(path: string, content: string): void {
    const d = digest(content);
    this.files.set(path, { digest: d, content });
    const record = this.byPath.get(path);
    if (record) record.entry = { ...record.entry, files: { ...record.entry.files, [path]: d } };
  }

  /** The manifest describing the files as they are now known. */
  manifestText(): string {
    const files: Record<string, FileDigest> = {};
    for (const [path, file] of this.files) {
      if (this.byPath.has(path) || path === MANIFEST_PATH) continue;
      files[path] = path === 'package.json' && file.content !== undefined ? digest(manifestDigestText(path, file.content)) : file.digest;
    }
    return serializeManifest({ ...this.head, files, methods: this.records.map((r) => r.entry) });
  }
}

function sameNames(a: MethodExports, b: MethodExports): boolean {
  const keys = Object.keys(b) as (keyof MethodExports)[];
  return Object.keys(a).length === keys.length && keys.every((k) => a[k] === b[k]);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Fails with the serial loader's diagnostics, exactly as `validate` reports them. */
async function failWithLoaderDiagnostics(specsDir: string): Promise<never> {
  const { loadSpecDir } = await import('../../spec/load.js');
  const { diagnostics } = await loadSpecDir(specsDir);
  const count = diagnostics.filter((d) => d.severity === 'error').length;
  if (count === 0) throw new Error(`the cached build rejected ${specsDir} but the serial loader did not`);
  throw new UserError(`${count} error${count === 1 ? '' : 's'} in ${specsDir}: nothing generated`, diagnostics);
}

interface SpecFile {
  name: string;
  stem: string;
  text: string;
  sha256: string;
}

/** The spec files, read concurrently (most of a no-change run is these reads). */
async function readSpecFiles(specsDir: string): Promise<SpecFile[] | undefined> {
  try {
    const names = readdirSync(specsDir, { withFileTypes: true })
      .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
      .map((e) => e.name)
      .sort();
    return await mapLimit(names, IO_CONCURRENCY, async (name) => {
      const bytes = await readFile(join(specsDir, name));
      return { name, stem: name.slice(0, -extname(name).length), text: bytes.toString('utf8'), sha256: sha256(bytes) };
    });
  } catch {
    return undefined;
  }
}

export async function buildOutput(options: CachedBuildOptions): Promise<OutputBuild> {
  const { specsDir, templates, layout } = options;
  const version = layoutKey(layout);
  const all = await readSpecFiles(specsDir);
  if (all === undefined || new Set(all.map((s) => s.stem)).size !== all.length) return failWithLoaderDiagnostics(specsDir);
  const specs = options.methods === undefined ? all : all.filter((s) => options.methods!(s.stem));

  const old = options.full ? undefined : options.manifest;
  const usable = old !== undefined && old.generator === options.fingerprint && old.version === version ? old : undefined;
  const runtimeExports = usable?.runtimeExports ?? (await computeRuntimeExports(templates));

  // Package-wide names depend only on the method names, which are the file names when all is well.
  const stems = specs.map((s) => s.stem).sort(compare);
  const planned = new Map<string, PlannedNames>();
  planNames(stems, runtimeExports).forEach((p, i) => planned.set(stems[i]!, p));

  const oldBySpec = new Map((usable?.methods ?? []).map((m) => [m.spec, m]));
  const records: MethodRecord[] = [];
  const jobs: { index: number; job: SpecJob }[] = [];
  for (const s of specs) {
    const names = planned.get(s.stem)!;
    const job: SpecJob = { file: join(specsDir, s.name), text: s.text, method: s.stem, stem: names.stem, exports: names.exports };
    const entry = oldBySpec.get(s.name);
    if (entry && entry.sha256 === s.sha256 && entry.method === s.stem && entry.stem === names.stem && sameNames(entry.names, names.exports)) {
      records.push({ entry, job });
    } else {
      jobs.push({ index: records.length, job });
      records.push({ entry: undefined as unknown as ManifestMethod, job });
    }
  }

  const results = await options.runner(jobs.length).run(jobs.map((j) => j.job));
  if (results.some((r) => r.module === undefined || hasErrors(r.diagnostics))) return failWithLoaderDiagnostics(specsDir);

  const contents = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  jobs.forEach(({ index, job }, i) => {
    const r = results[i]!;
    const spec = specs[index]!;
    for (const [p, text] of moduleFiles(`methods/${job.stem}`, r.module!, layout.shape)) contents.set(p, text);
    records[index]!.entry = {
      spec: spec.name,
      sha256: spec.sha256,
      method: job.method,
      ...(r.title !== undefined && { title: r.title }),
      ...(r.kind !== undefined && { kind: r.kind }),
      stem: job.stem,
      names: job.exports,
      warnings: r.diagnostics.map((d) => ({ ...(d.line !== undefined && { line: d.line, col: d.col }), message: d.message })),
      files: Object.fromEntries(moduleEntries(`methods/${job.stem}`, r.digests!, layout.shape)),
    };
    diagnostics.push(...r.diagnostics);
  });
  const emitted = new Set(jobs.map((j) => j.index));
  records.forEach((r, i) => {
    if (emitted.has(i)) return;
    for (const w of r.entry.warnings ?? []) diagnostics.push({ severity: 'warning', file: r.job.file, ...w });
  });

  // Package-wide files: trusted when no method head changed since the manifest was written.
  const heads = (entries: readonly ManifestMethod[]) =>
    [...entries]
      .sort((a, b) => compare(a.method, b.method))
      .map((e): MethodHead => ({ ir: { method: e.method, ...(e.title !== undefined && { title: e.title }), ...(e.kind !== undefined && { kind: e.kind }) }, stem: e.stem, exports: e.names }));
  const currentHeads = () => heads(records.map((r) => r.entry));
  const headsKey = (h: MethodHead[]) => JSON.stringify(h.map((m) => [m.ir.method, m.ir.title ?? null, m.ir.kind ?? null, m.stem, m.exports]));
  const aggregates = () => aggregateFiles(currentHeads(), templates, layout);
  // The runtime transpiler (TypeScript) loads only when the runtime is not trusted.
  const runtime = async () => (await import('../runtime-files.js')).runtimeFiles(templates, layout.shape);

  const build = new OutputBuild(
    records,
    { generator: options.fingerprint, version, runtimeExports },
    aggregates,
    runtime,
    layout,
    jobs.length,
    sortDiagnostics(diagnostics),
  );
  const put = (path: string, content: string) => build.files.set(path, { digest: digest(content), content });
  const trust = (path: string): boolean => {
    const d = usable?.files[path];
    if (d === undefined) return false;
    build.files.set(path, { digest: d });
    return true;
  };
  for (const [p, text] of fixedFiles(layout)) put(p, text);
  for (const r of records) {
    for (const path of Object.keys(r.entry.files)) {
      const content = contents.get(path);
      build.files.set(path, content === undefined ? { digest: r.entry.files[path]! } : { digest: r.entry.files[path]!, content });
    }
  }
  const headsSame = usable !== undefined && headsKey(heads(usable.methods)) === headsKey(currentHeads());
  if (!(headsSame && aggregatePaths(layout.shape).every(trust))) for (const [p, text] of aggregates()) put(p, text);
  const runtimePaths = runtimeStems(templates).flatMap((stem) => modulePaths(stem, layout.shape));
  if (!(usable !== undefined && runtimePaths.every(trust))) for (const [p, text] of await runtime()) put(p, text);
  return build;
}

async function computeRuntimeExports(templates: Templates): Promise<string[]> {
  const index = templates.runtime.get('index.ts');
  if (index === undefined) throw new Error('templates/runtime/index.ts is missing');
  const { runtimeExportNames } = await import('../../plan/runtime-exports.js');
  return runtimeExportNames(index);
}
