/**
 * The output of a spec directory, computed incrementally: specs whose content hash, planned names
 * and generator fingerprint match the output's manifest are trusted (their files are known by
 * digest only and rebuilt on demand), every other spec is parsed and emitted again. The
 * package-wide files are rebuilt whenever a method's head (name, title, planned names) changed.
 * The result is the same set of bytes a full run gives (test/generator/scale tests this); any
 * load problem falls back to the serial loader, so diagnostics are exactly the usual ones.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { UserError, formatDiagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { emitClientModule } from '../emit/client-module.js';
import { emitIndexModule } from '../emit/index-module.js';
import type { EmittedModule } from '../emit/method-module.js';
import { gitignore, packageJson, readme, tsconfigJson } from '../emit/package-files.js';
import { DEFAULT_PACKAGE_VERSION, readTemplates, type Templates } from '../package-inputs.js';
import {
  MANIFEST_PATH,
  digest,
  parseManifest,
  serializeManifest,
  sha256,
  type FileDigest,
  type Manifest,
  type ManifestMethod,
} from '../manifest/manifest.js';
import { aggregatePlan, planNames, type PlannedNames } from '../plan/package.js';
import type { MethodExports, MethodHead } from '../plan/types.js';
import { IO_CONCURRENCY, mapLimit } from '../write/pool.js';
import type { SpecJob, SpecJobResult } from './spec-job.js';

// The spec parser (yaml) and emitters load only when a spec is emitted on this thread: a run
// with nothing to rebuild never needs them.
const specJobs = () => import('./spec-job.js');

/** Runs spec jobs, on this thread or on workers; results in job order. */
export interface JobRunner {
  run(jobs: readonly SpecJob[]): Promise<SpecJobResult[]>;
}

export const serialRunner: JobRunner = {
  run: async (jobs) => {
    if (jobs.length === 0) return [];
    const { runSpecJob } = await specJobs();
    return jobs.map(runSpecJob);
  },
};

export interface BuildOptions {
  readonly specsDir: string;
  readonly outDir: string;
  readonly fingerprint: string;
  readonly runner?: JobRunner | ((jobs: number) => JobRunner);
  readonly templates?: Templates;
  readonly version?: string;
  /** Ignore the manifest: parse and emit everything. */
  readonly full?: boolean;
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

const AGGREGATE_STEMS = ['client', 'index'];

export class OutputBuild {
  /** Output path -> file. */
  readonly files = new Map<string, OutputFile>();
  private readonly byPath = new Map<string, MethodRecord>();

  constructor(
    private readonly records: MethodRecord[],
    private readonly head: Omit<Manifest, 'files' | 'methods'>,
    private readonly rebuildAggregates: () => Map<string, string>,
    private readonly rebuildRuntime: () => Promise<Map<string, string>>,
    /** Specs parsed and emitted in this run. */
    readonly emitted: number,
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
      const { runSpecJob } = await specJobs();
      const result = runSpecJob(record.job);
      if (!result.module) throw new Error(`${record.job.file} no longer loads: run generate again`);
      fresh = moduleFiles(`methods/${record.entry.stem}`, result.module);
    } else if (path.startsWith('src/runtime/') || path.startsWith('dist/runtime/')) {
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
    for (const [path, file] of this.files) if (!this.byPath.has(path) && path !== MANIFEST_PATH) files[path] = file.digest;
    return serializeManifest({ ...this.head, files, methods: this.records.map((r) => r.entry) });
  }
}

function moduleFiles(stem: string, module: EmittedModule): Map<string, string> {
  return new Map([
    [`src/${stem}.ts`, module.ts],
    [`dist/${stem}.js`, module.js],
    [`dist/${stem}.d.ts`, module.dts],
  ]);
}

function methodFiles(stem: string): string[] {
  return [`src/methods/${stem}.ts`, `dist/methods/${stem}.js`, `dist/methods/${stem}.d.ts`];
}

function sameNames(a: MethodExports, b: MethodExports): boolean {
  const keys = Object.keys(b) as (keyof MethodExports)[];
  return Object.keys(a).length === keys.length && keys.every((k) => a[k] === b[k]);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Fails with the serial loader's diagnostics (printed), exactly as a full run reports them. */
async function failWithLoaderDiagnostics(specsDir: string): Promise<never> {
  const { loadSpecDir } = await import('../spec/load.js');
  const { diagnostics } = await loadSpecDir(specsDir);
  for (const d of diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
  const count = diagnostics.filter((d) => d.severity === 'error').length;
  if (count === 0) throw new Error(`the incremental loader rejected ${specsDir} but the serial loader did not`);
  throw new UserError(`${count} error${count === 1 ? '' : 's'} in ${specsDir}: nothing generated`);
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

function readOldManifest(outDir: string): Manifest | undefined {
  try {
    return parseManifest(readFileSync(join(outDir, MANIFEST_PATH), 'utf8'));
  } catch {
    return undefined;
  }
}

export async function buildOutput(options: BuildOptions): Promise<OutputBuild> {
  const { specsDir } = options;
  const version = options.version ?? DEFAULT_PACKAGE_VERSION;
  const specs = await readSpecFiles(specsDir);
  if (specs === undefined || new Set(specs.map((s) => s.stem)).size !== specs.length) return failWithLoaderDiagnostics(specsDir);
  const templates = options.templates ?? (await readTemplates());

  const old = options.full ? undefined : readOldManifest(options.outDir);
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

  const runner = typeof options.runner === 'function' ? options.runner(jobs.length) : (options.runner ?? serialRunner);
  const results = await runner.run(jobs.map((j) => j.job));
  if (results.some((r) => r.module === undefined || hasErrors(r.diagnostics))) return failWithLoaderDiagnostics(specsDir);

  const contents = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  jobs.forEach(({ index, job }, i) => {
    const r = results[i]!;
    const spec = specs[index]!;
    const files = moduleFiles(`methods/${job.stem}`, r.module!);
    for (const [p, text] of files) contents.set(p, text);
    const paths = methodFiles(job.stem);
    records[index]!.entry = {
      spec: spec.name,
      sha256: spec.sha256,
      method: job.method,
      ...(r.title !== undefined && { title: r.title }),
      stem: job.stem,
      names: job.exports,
      warnings: r.diagnostics.map((d) => ({ ...(d.line !== undefined && { line: d.line, col: d.col }), message: d.message })),
      files: { [paths[0]!]: r.digests!.ts, [paths[1]!]: r.digests!.js, [paths[2]!]: r.digests!.dts },
    };
    diagnostics.push(...r.diagnostics);
  });
  const emitted = new Set(jobs.map((j) => j.index));
  records.forEach((r, i) => {
    if (emitted.has(i)) return;
    for (const w of r.entry.warnings ?? []) diagnostics.push({ severity: 'warning', file: r.job.file, ...w });
  });
  for (const d of sortDiagnostics(diagnostics)) process.stderr.write(formatDiagnostic(d) + '\n');

  // Package-wide files: trusted when no method head changed since the manifest was written.
  const heads = (entries: readonly ManifestMethod[]) =>
    [...entries]
      .sort((a, b) => compare(a.method, b.method))
      .map((e): MethodHead => ({ ir: { method: e.method, ...(e.title !== undefined && { title: e.title }) }, stem: e.stem, exports: e.names }));
  const currentHeads = () => heads(records.map((r) => r.entry));
  const headsKey = (h: MethodHead[]) => JSON.stringify(h.map((m) => [m.ir.method, m.ir.title ?? null, m.stem, m.exports]));
  const aggregates = (): Map<string, string> => {
    const plan = aggregatePlan(currentHeads());
    const files = new Map([['README.md', readme(plan, templates.readme)]]);
    for (const [p, text] of moduleFiles('client', emitClientModule(plan))) files.set(p, text);
    for (const [p, text] of moduleFiles('index', emitIndexModule(plan))) files.set(p, text);
    return files;
  };
  const runtime = async (): Promise<Map<string, string>> => {
    const { buildFile } = await import('../emit/dist.js');
    const files = new Map<string, string>();
    for (const name of [...templates.runtime.keys()].sort()) {
      const source = templates.runtime.get(name)!;
      const stem = `runtime/${name.slice(0, -'.ts'.length)}`;
      for (const [p, text] of moduleFiles(stem, { ts: source, ...buildFile(source, `runtime/${name}`) })) files.set(p, text);
    }
    return files;
  };

  const build = new OutputBuild(
    records,
    { generator: options.fingerprint, version, runtimeExports },
    aggregates,
    runtime,
    jobs.length,
  );
  const put = (path: string, content: string) => build.files.set(path, { digest: digest(content), content });
  const trust = (path: string): boolean => {
    const d = usable?.files[path];
    if (d === undefined) return false;
    build.files.set(path, { digest: d });
    return true;
  };
  put('.gitignore', gitignore());
  put('package.json', packageJson({ version }));
  put('tsconfig.json', tsconfigJson());
  for (const r of records) {
    for (const path of Object.keys(r.entry.files)) {
      const content = contents.get(path);
      build.files.set(path, content === undefined ? { digest: r.entry.files[path]! } : { digest: r.entry.files[path]!, content });
    }
  }
  const aggregatePaths = ['README.md', ...AGGREGATE_STEMS.flatMap((s) => [`src/${s}.ts`, `dist/${s}.js`, `dist/${s}.d.ts`])];
  const headsSame = usable !== undefined && headsKey(heads(usable.methods)) === headsKey(currentHeads());
  if (!(headsSame && aggregatePaths.every(trust))) for (const [p, text] of aggregates()) put(p, text);
  const runtimePaths = [...templates.runtime.keys()].flatMap((name) => {
    const stem = name.slice(0, -'.ts'.length);
    return [`src/runtime/${stem}.ts`, `dist/runtime/${stem}.js`, `dist/runtime/${stem}.d.ts`];
  });
  if (!(usable !== undefined && runtimePaths.every(trust))) for (const [p, text] of await runtime()) put(p, text);
  return build;
}

async function computeRuntimeExports(templates: Templates): Promise<string[]> {
  const index = templates.runtime.get('index.ts');
  if (index === undefined) throw new Error('templates/runtime/index.ts is missing');
  const { runtimeExportNames } = await import('../plan/runtime-exports.js');
  return runtimeExportNames(index);
}
