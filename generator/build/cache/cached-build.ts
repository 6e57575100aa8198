/**
 * The build, cached: the output of a spec directory, computed from the output's manifest where
 * it can be trusted. Specs whose content hash, planned names and generator fingerprint match the
 * manifest are trusted (their files are known by digest only and emitted again on demand); every
 * other spec is parsed and emitted again. The package-wide files are rebuilt whenever a method's
 * head (name, title, planned names) changed. Every file comes from the pure pipeline's pieces
 * (../files.ts), so the result is the bytes a full run gives. Any load problem falls back to the
 * serial loader, so diagnostics are exactly `validate`'s. Reads the specs; writes nothing.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError, hasErrors, sortDiagnostics, type Diagnostic } from '../../diagnostics.js';
import { planNames, type PlannedNames } from '../../plan/package.js';
import type { MethodExports } from '../../plan/types.js';
import { IO_CONCURRENCY, mapLimit } from '../../shared/pool.js';
import { AGGREGATE_GROUPS, aggregatePlanOf } from '../aggregates.js';
import { fixedFiles, layoutKey, manifestDigestText, moduleEntries, moduleFiles, modulePaths, runtimeStems, type OutputLayout } from '../files.js';
import type { JobRunner, SpecJob } from '../jobs.js';
import type { FileContent } from '../../write/plan.js';
import type { Templates } from '../templates.js';
import { EMPTY_STAT_CACHE, type StatCache, type StatKey } from './stat-cache.js';
import { listSpecs, stemOf, type RunInputs, type SpecStat } from './last-run.js';
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
  /** What this machine last saw of the specs (./stat-cache.ts); ignored when `full`. */
  readonly statCache?: StatCache;
  /** The manifest is the file this generator wrote (its stat matches the stat cache). */
  readonly manifestTrusted?: boolean;
  /** The spec files and their stats, when the caller listed them already (./last-run.ts listSpecs). */
  readonly listed?: readonly SpecStat[];
}

export interface OutputFile {
  digest: FileDigest;
  /** Absent for trusted files until `content` is asked for. */
  content?: FileContent;
}

interface MethodRecord {
  entry: ManifestMethod;
  /** The spec file (its text only when it was read), to emit it again on demand. */
  spec: SpecFile;
  /** The job without its text. */
  job: Omit<SpecJob, 'text'>;
}

/** The record's job, reading the spec when the stat cache spared the read (it must still have its hash). */
async function jobOf(record: MethodRecord): Promise<SpecJob> {
  let text = record.spec.text;
  if (text === undefined) {
    const bytes = await readFile(record.job.file).catch(() => undefined);
    if (bytes === undefined || sha256(bytes) !== record.spec.sha256) {
      throw new UserError(`${record.job.file} changed while generating: run the command again`);
    }
    text = bytes.toString('utf8');
  }
  return { ...record.job, text };
}

/** The digest the manifest records for a package-wide file (package.json: with its version blanked). */
function manifestDigest(path: string, file: OutputFile): FileDigest {
  // package.json is made on this thread, as text.
  return path === 'package.json' && typeof file.content === 'string' ? digest(manifestDigestText(path, file.content)) : file.digest;
}

export class OutputBuild {
  /** Output path -> file. */
  readonly files = new Map<string, OutputFile>();
  /** Every spec file of the folder with its stat as read and whether the selection took it (./last-run.ts). */
  inputs: RunInputs['specs'] = [];
  private readonly byPath = new Map<string, MethodRecord>();

  constructor(
    private readonly records: MethodRecord[],
    private readonly head: Omit<Manifest, 'files' | 'methods'>,
    private readonly rebuildAggregates: (path: string) => Map<string, string>,
    private readonly rebuildRuntime: () => Promise<Map<string, string>>,
    private readonly layout: OutputLayout,
    /** Specs parsed and emitted in this run. */
    readonly emitted: number,
    /** Warnings of every spec (trusted ones from the manifest), sorted. */
    readonly diagnostics: readonly Diagnostic[],
    /** The manifest this build started from, when it would be written again unchanged (see manifestUnchanged). */
    private readonly unchangedFrom?: Manifest,
  ) {
    for (const r of records) for (const path of Object.keys(r.entry.files)) this.byPath.set(path, r);
  }

  get methods(): number {
    return this.records.length;
  }

  /** The file's content, emitting it again when it was trusted (its digest is then refreshed). */
  async content(path: string): Promise<FileContent> {
    const file = this.files.get(path);
    if (!file) throw new Error(`not a generated file: ${path}`);
    if (file.content !== undefined) return file.content;
    const record = this.byPath.get(path);
    let fresh: Map<string, FileContent>;
    if (record) {
      const { runSpecJob } = await import('../jobs.js');
      const result = runSpecJob(await jobOf(record));
      if (!result.module) throw new UserError(`${record.job.file} changed while generating: run the command again`);
      fresh = moduleFiles(`methods/${record.entry.stem}`, result.module, this.layout.shape);
    } else if (/^(?:src\/|dist\/)?runtime\//.test(path)) {
      fresh = await this.rebuildRuntime();
    } else {
      fresh = this.rebuildAggregates(path);
    }
    for (const [p, text] of fresh) this.set(p, text);
    return this.files.get(path)!.content!;
  }

  private set(path: string, content: FileContent): void {
    const d = digest(content);
    this.files.set(path, { digest: d, content });
    const record = this.byPath.get(path);
    if (record) record.entry = { ...record.entry, files: { ...record.entry.files, [path]: d } };
  }

  /**
   * True when the manifest on disk is the one this run would write: it is the file the generator
   * wrote (trusted by stat), and no entry, header or package-wide digest differs from it.
   */
  get manifestUnchanged(): boolean {
    const old = this.unchangedFrom;
    if (old === undefined || old.methods.length !== this.records.length) return false;
    if (!this.records.every((r, i) => r.entry === old.methods[i])) return false;
    let count = 0;
    for (const [path, file] of this.files) {
      if (this.byPath.has(path) || path === MANIFEST_PATH) continue;
      count++;
      if (old.files[path] !== manifestDigest(path, file)) return false;
    }
    return count === Object.keys(old.files).length;
  }

  /** Spec file name -> `<stat> <sha256>`, for the stat cache. */
  specStats(): Map<string, string> {
    const out = new Map<string, string>();
    for (const r of this.records) out.set(r.spec.name, `${r.spec.stat} ${r.spec.sha256}`);
    return out;
  }

  /** The manifest describing the files as they are now known. */
  manifestText(): string {
    const files: Record<string, FileDigest> = {};
    for (const [path, file] of this.files) {
      if (this.byPath.has(path) || path === MANIFEST_PATH) continue;
      files[path] = manifestDigest(path, file);
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
  /** Absent when the stat cache vouched for the hash (the file was not read). */
  text?: string;
  sha256: string;
  /** Its stat before it was read (a later change then shows as a different stat). */
  stat: StatKey;
}

async function readSpec(specsDir: string, spec: SpecFile): Promise<void> {
  const bytes = await readFile(join(specsDir, spec.name));
  spec.text = bytes.toString('utf8');
  spec.sha256 = sha256(bytes);
}

/**
 * The spec files (as listed, see ./last-run.ts listSpecs): a spec whose stat matches the stat
 * cache is not read (its hash is the cached one); the others are read and hashed, concurrently.
 */
async function readSpecFiles(specsDir: string, listed: readonly SpecStat[] | undefined, cache: StatCache): Promise<SpecFile[] | undefined> {
  if (listed === undefined) return undefined;
  try {
    const specs: SpecFile[] = [];
    const unread: SpecFile[] = [];
    for (const { name, stat } of listed) {
      const spec: SpecFile = { name, stem: stemOf(name), sha256: '', stat };
      const known = cache.specs.get(name);
      if (known !== undefined && known.startsWith(`${stat} `)) spec.sha256 = known.slice(stat.length + 1);
      else unread.push(spec);
      specs.push(spec);
    }
    await mapLimit(unread, IO_CONCURRENCY, (spec) => readSpec(specsDir, spec));
    return specs;
  } catch {
    return undefined;
  }
}

export async function buildOutput(options: CachedBuildOptions): Promise<OutputBuild> {
  const { specsDir, templates, layout } = options;
  const version = layoutKey(layout);
  const all = await readSpecFiles(specsDir, options.listed ?? listSpecs(specsDir), options.full ? EMPTY_STAT_CACHE : (options.statCache ?? EMPTY_STAT_CACHE));
  if (all === undefined || new Set(all.map((s) => s.stem)).size !== all.length) return failWithLoaderDiagnostics(specsDir);
  const specs = options.methods === undefined ? all : all.filter((s) => options.methods!(s.stem));

  const old = options.full ? undefined : options.manifest;
  const usable = old !== undefined && old.generator === options.fingerprint && old.version === version ? old : undefined;
  const runtimeExports = usable?.runtimeExports ?? (await computeRuntimeExports(templates));

  // Package-wide names depend only on the set of method names (the file names when all is well):
  // for the manifest's own set they are the names it records.
  const stems = specs.map((s) => s.stem).sort(compare);
  const planned = new Map<string, PlannedNames>();
  const oldBySpec = new Map((usable?.methods ?? []).map((m) => [m.spec, m]));
  const sameSet = usable !== undefined && usable.methods.length === specs.length && specs.every((s) => oldBySpec.get(s.name)?.method === s.stem);
  if (sameSet) for (const m of usable.methods) planned.set(m.method, { stem: m.stem, exports: m.names });
  else planNames(stems, runtimeExports).forEach((p, i) => planned.set(stems[i]!, p));

  const records: MethodRecord[] = [];
  const jobs: { index: number; job: SpecJob }[] = [];
  for (const s of specs) {
    const names = planned.get(s.stem)!;
    const job = { file: join(specsDir, s.name), method: s.stem, stem: names.stem, exports: names.exports };
    const entry = oldBySpec.get(s.name);
    if (entry && entry.sha256 === s.sha256 && entry.method === s.stem && entry.stem === names.stem && sameNames(entry.names, names.exports)) {
      records.push({ entry, spec: s, job });
    } else {
      jobs.push({ index: records.length, job: { ...job, text: '' } });
      records.push({ entry: undefined as unknown as ManifestMethod, spec: s, job });
    }
  }
  // Specs to emit that the stat cache spared from reading are read now (the hash recorded is then
  // the one of what was read).
  await mapLimit(jobs, IO_CONCURRENCY, async (j) => {
    const spec = records[j.index]!.spec;
    if (spec.text === undefined) await readSpec(specsDir, spec);
    j.job = { ...j.job, text: spec.text! };
  });

  const results = await options.runner(jobs.length).run(jobs.map((j) => j.job));
  // The texts are not needed any more (a spec emitted again on demand is re-read against its hash):
  // released, so a cold run does not hold every spec beside every output until the write.
  for (const j of jobs) {
    records[j.index]!.spec.text = undefined;
    j.job = { ...j.job, text: '' };
  }
  if (results.some((r) => r.module === undefined || hasErrors(r.diagnostics))) return failWithLoaderDiagnostics(specsDir);

  const contents = new Map<string, FileContent>();
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

  // Package-wide files, in groups (../aggregates.ts): a group is trusted when none of the inputs
  // it reads changed since the manifest was written, so a new title re-emits README and client only.
  const sameEntries = usable !== undefined && usable.methods.length === records.length && records.every((r, i) => r.entry === usable.methods[i]);
  const currentEntries = () => records.map((r) => r.entry);
  const aggregates = (path: string) => {
    const group = AGGREGATE_GROUPS.find((g) => g.paths(layout.shape).includes(path))!;
    return group.emit(aggregatePlanOf(currentEntries()), templates, layout);
  };
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
    sameEntries && options.manifestTrusted === true ? usable : undefined,
  );
  build.inputs = all.map((s) => ({ name: s.name, stat: s.stat, selected: options.methods === undefined || options.methods(s.stem) }));
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
  let plan: ReturnType<typeof aggregatePlanOf> | undefined;
  for (const group of AGGREGATE_GROUPS) {
    const same = usable !== undefined && (sameEntries || group.same(usable.methods, currentEntries()));
    if (same && group.paths(layout.shape).every(trust)) continue;
    plan ??= aggregatePlanOf(currentEntries());
    for (const [p, text] of group.emit(plan, templates, layout)) put(p, text);
  }
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
