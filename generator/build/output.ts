/**
 * `generate` and `check`: the pure pipeline's output for a spec directory (through the cached
 * build), written to or compared with an output directory. Returns what happened; prints nothing
 * (the CLI does). Problems in user input and I/O errors are UserErrors naming the path.
 *
 * Which inputs and outputs a run trusts without reading them (the rule), the same for `generate`
 * and `check`, and only when the last run finished (no "in progress" marker, see ./output-dir.ts):
 * - a spec or output file whose stat (size, mtime, ctime, inode) matches the local stat cache
 *   (./cache/stat-cache.ts, which says why that is safe and what git-like racy case remains);
 * - any other recorded output only when its SHA-256 matches the manifest, so a hand edit is found
 *   whatever its size (generate repairs it, check reports it); any other spec is read and hashed.
 * When every spec, output and the manifest has the stat the last successful run left (and the
 * generator, layout and selection are its own), the run is that run again and only takes stats
 * (./cache/last-run.ts: the same rule, applied to everything at once).
 * After an interrupted run, and with `--full`, nothing is trusted: every spec is emitted again and
 * every file compared byte for byte, so the output becomes exactly a cold run's.
 * The manifest is written after every other file, the marker removed after the manifest, and the
 * stat cache written last (it is a cache: `check` never writes or reports it).
 *
 * Ownership: generate writes into a folder that is missing, empty, or that it generated (holds
 * its manifest); it refuses any other folder unless `force`. It removes only files its manifest
 * (or an interrupted run's marker) lists, never a file it did not write.
 */
import { mkdir, rmdir, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError, ioReason, type Diagnostic } from '../diagnostics.js';
import { WriteError, applyWrite, checkOutput, planWrite, writeFileAtomic, type FileContent, type WritePlan } from '../write/index.js';
import { parentOf, toAbs } from '../write/paths.js';
import { buildOutput, type OutputBuild } from './cache/cached-build.js';
import { generatorFingerprint } from './cache/fingerprint.js';
import { MANIFEST_PATH } from './cache/manifest.js';
import { EMPTY_STAT_CACHE, STAT_CACHE_PATH, fileStat, readStatCache, writeStatCache, type StatCache } from './cache/stat-cache.js';
import { OutputVerifier } from './cache/verify-outputs.js';
import { latestOf, listSpecs, runKey, unchangedSince, type LastRun, type RunInputs, type SpecStat } from './cache/last-run.js';
import { DEFAULT_LAYOUT, type OutputLayout } from './files.js';
import { MARKER_PATH, markerText, readOutputDir, type OutputDirState } from './output-dir.js';
import { readTemplates, templatesDir } from './templates.js';
import type { JobRunner } from './jobs.js';
import { runnerFor } from './workers/runner.js';

export interface OutputOptions {
  readonly specsDir: string;
  readonly outDir: string;
  /** Ignore the manifest: parse and emit every spec, compare every file. */
  readonly full?: boolean;
  /** generate: write into a folder that is neither empty nor generated (its other files are left alone). */
  readonly force?: boolean;
  /** Version written to the generated package.json (shorthand for `layout.package.version`). */
  readonly version?: string;
  /** Told where the run is (for a progress line); never affects what is written. */
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Output shape and package identity; default: the package `@alipay-codegen/client` 0.1.0. */
  readonly layout?: OutputLayout;
  /** Generate only the methods it accepts (by spec file name without .yaml); every method when absent. */
  readonly methods?: (method: string) => boolean;
}

/** Where a generate or check run is: the phase and, when known, how many specs or files it covers. */
export interface ProgressEvent {
  readonly phase: 'reading' | 'emitting' | 'verifying' | 'writing';
  readonly total?: number;
}

export interface GenerateResult {
  readonly methods: number;
  /** Specs parsed and emitted in this run (the others were trusted from the manifest). */
  readonly emitted: number;
  readonly written: number;
  readonly removed: number;
  readonly unchanged: number;
  /** The last run had been interrupted; this one verified every file. */
  readonly recovered: boolean;
  /** Warnings of the specs (errors end the run as a UserError carrying them). */
  readonly diagnostics: readonly Diagnostic[];
  /** Nothing it would read had changed since the last run (./cache/last-run.ts): it only took stats. */
  readonly upToDate: boolean;
}

export interface CheckResult {
  /** Output paths that differ from what generate would write, sorted; empty when up to date. */
  readonly stale: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  /** As GenerateResult.upToDate. */
  readonly upToDate: boolean;
}

const ROOT_MODULE = fileURLToPath(import.meta.url);

/** The job runner, telling `onProgress` how many specs are emitted (when any are). */
function reportingRunner(onProgress: OutputOptions['onProgress']): (jobs: number) => JobRunner {
  if (onProgress === undefined) return runnerFor;
  return (jobs) => {
    if (jobs > 0) onProgress({ phase: 'emitting', total: jobs });
    return runnerFor(jobs);
  };
}

async function build(options: OutputOptions, state: OutputDirState, statCache: StatCache, fingerprint: string, listed: readonly SpecStat[] | undefined): Promise<OutputBuild> {
  const templates = await readTemplates();
  return buildOutput({
    statCache,
    ...(listed !== undefined && { listed }),
    manifestTrusted: state.manifestTrusted === true && !state.interrupted,
    specsDir: options.specsDir,
    ...(state.manifest !== undefined && { manifest: state.manifest }),
    templates,
    fingerprint,
    runner: reportingRunner(options.onProgress),
    layout: layoutOf(options),
    ...(options.methods !== undefined && { methods: options.methods }),
    full: options.full === true || state.interrupted,
  });
}

function layoutOf(options: OutputOptions): OutputLayout {
  const base = options.layout ?? DEFAULT_LAYOUT;
  return options.version === undefined ? base : { ...base, package: { ...base.package, version: options.version } };
}

/** What a run's record is keyed on besides the specs (./cache/last-run.ts). */
function runInputs(options: OutputOptions, fingerprint: string): Omit<RunInputs, 'specs'> {
  return { fingerprint, layout: JSON.stringify(layoutOf(options)), specsDir: options.specsDir };
}

/** The last run's outcome when nothing it read has changed (never with --full). */
function lastRunStands(options: OutputOptions, cache: StatCache, fingerprint: string, listed: readonly SpecStat[] | undefined): LastRun | undefined {
  if (options.full === true) return undefined;
  return unchangedSince(cache.run, runInputs(options, fingerprint), listed, options.methods, options.outDir, cache, { manifest: MANIFEST_PATH, marker: MARKER_PATH });
}

/** The record of this run for the next one, when every file it leaves is in the cache `next`. */
function recordRun(options: OutputOptions, out: OutputBuild, next: StatCache, fingerprint: string): LastRun | undefined {
  if (next.manifest === undefined) return undefined;
  let files = 0;
  for (const path of out.files.keys()) {
    if (path === MANIFEST_PATH) continue;
    if (!next.files.has(path)) return undefined;
    files++;
  }
  if (files !== next.files.size) return undefined;
  const inputs: RunInputs = { ...runInputs(options, fingerprint), specs: out.inputs };
  return { key: runKey(inputs), latest: latestOf(inputs), methods: out.methods, files: files + 1, diagnostics: out.diagnostics };
}

/** Trusted files that `ok` accepts on disk; the others get their content emitted again. */
async function verifyTrusted(out: OutputBuild, ok: (path: string, digest: string) => boolean): Promise<Set<string>> {
  const verified = new Set<string>();
  for (const [path, file] of out.files) {
    if (file.content !== undefined) continue;
    if (ok(path, file.digest)) verified.add(path);
    else await out.content(path);
  }
  return verified;
}

/** The files to compare or write; the manifest is left out (and counted verified) when it is already right. */
function contents(out: OutputBuild, verified: Set<string>): Map<string, FileContent> {
  const files = new Map<string, FileContent>();
  for (const [path, file] of out.files) if (file.content !== undefined) files.set(path, file.content);
  if (out.manifestUnchanged) verified.add(MANIFEST_PATH);
  else files.set(MANIFEST_PATH, out.manifestText());
  return files;
}

/** The stat cache as this run leaves the output. */
function localCache(outDir: string, out: OutputBuild, verifier: OutputVerifier, written: readonly string[]): StatCache {
  const files = new Map(verifier.seen);
  for (const path of written) {
    if (path === MANIFEST_PATH) continue;
    const stat = fileStat(toAbs(outDir, path));
    if (stat !== undefined) files.set(path, stat);
  }
  const manifest = fileStat(toAbs(outDir, MANIFEST_PATH));
  return { ...(manifest !== undefined && { manifest }), specs: out.specStats(), files };
}

function sameRun(a: LastRun | undefined, b: LastRun | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.key === b.key && a.latest === b.latest && a.methods === b.methods && a.files === b.files && JSON.stringify(a.diagnostics) === JSON.stringify(b.diagnostics));
}

function sameCache(a: StatCache, b: StatCache): boolean {
  const same = (x: ReadonlyMap<string, string>, y: ReadonlyMap<string, string>) => {
    if (x.size !== y.size) return false;
    for (const [k, v] of x) if (y.get(k) !== v) return false;
    return true;
  };
  return a.manifest === b.manifest && same(a.specs, b.specs) && same(a.files, b.files) && sameRun(a.run, b.run);
}

/** The stat cache this run may trust: none with --full (and none after an interruption, see generate). */
function statCacheFor(options: OutputOptions): StatCache {
  return options.full === true ? EMPTY_STAT_CACHE : readStatCache(options.outDir);
}

/** Files on disk the generator may remove: those it wrote, unless verified (so absent from `files`). */
function pruneRule(state: OutputDirState, verified: ReadonlySet<string>): (rel: string) => boolean {
  return (rel) => rel !== MARKER_PATH && rel !== STAT_CACHE_PATH && state.owned.has(rel) && !verified.has(rel);
}

/** A test hook: ALIPAY_CODEGEN_KILL_AT=<checkpoint>[:<n>] kills the process (SIGKILL) at the n-th time it passes there. */
function killHook(): (name: string) => void {
  const spec = process.env.ALIPAY_CODEGEN_KILL_AT;
  if (spec === undefined || spec === '') return () => undefined;
  const [at, nth = '1'] = spec.split(':');
  let count = 0;
  return (name) => {
    if (name === at && ++count === Number(nth)) process.kill(process.pid, 'SIGKILL');
  };
}

function refuseForeign(outDir: string): never {
  throw new UserError(
    `${outDir} is not empty and was not generated by alipay-codegen (no readable .alipay-codegen/manifest.json): ` +
      'generate into an empty or new folder, or pass --force to write the package into this one ' +
      '(files it does not generate are left alone, same-named ones are overwritten)',
  );
}

export async function generate(options: OutputOptions): Promise<GenerateResult> {
  const { outDir } = options;
  options.onProgress?.({ phase: 'reading' });
  let cache = statCacheFor(options);
  const fingerprint = generatorFingerprint(ROOT_MODULE, templatesDir());
  // Listed once: the record's key and the build both read this list.
  const listed = listSpecs(options.specsDir);
  const last = lastRunStands(options, cache, fingerprint, listed);
  if (last !== undefined) {
    options.onProgress?.({ phase: 'verifying' });
    return { methods: last.methods, emitted: 0, written: 0, removed: 0, unchanged: last.files, recovered: false, diagnostics: last.diagnostics, upToDate: true };
  }
  const state = await readOutputDir(outDir, cache.manifest);
  if (state.kind === 'foreign' && options.force !== true) refuseForeign(outDir);
  if (state.interrupted) cache = EMPTY_STAT_CACHE;
  const out = await build(options, state, cache, fingerprint, listed);
  options.onProgress?.({ phase: 'verifying' });
  const verifier = new OutputVerifier(outDir, cache);
  const verified = await verifyTrusted(out, (path, digest) => verifier.verify(path, digest));
  let files: Map<string, FileContent>;
  let plan: WritePlan;
  for (;;) {
    files = contents(out, verified);
    plan = await planWrite(outDir, files, { prune: pruneRule(state, verified) });
    // A trusted file seen through a path about to be removed (a symlinked directory) is rewritten.
    const removed = new Set(plan.remove);
    const lost = removed.size === 0 ? [] : [...verified].filter((rel) => {
      for (let d = parentOf(rel); d !== ''; d = parentOf(d)) if (removed.has(d)) return true;
      return false;
    });
    if (lost.length === 0) break;
    for (const rel of lost) {
      verified.delete(rel);
      await out.content(rel);
    }
  }
  const result = {
    methods: out.methods,
    emitted: out.emitted,
    written: plan.write.length,
    removed: plan.remove.length,
    unchanged: plan.unchanged.length + verified.size,
    recovered: state.interrupted,
    diagnostics: out.diagnostics,
    upToDate: false,
  };
  if (plan.write.length > 0 || plan.remove.length > 0 || state.interrupted) {
    options.onProgress?.({ phase: 'writing', total: plan.write.length + plan.remove.length });
    await commit(outDir, files, plan, state);
  }
  const seen = localCache(outDir, out, verifier, [...plan.write, ...plan.unchanged]);
  const run = recordRun(options, out, seen, fingerprint);
  const next = run === undefined ? seen : { ...seen, run };
  if (!sameCache(next, cache)) await writeStatCache(outDir, next);
  return result;
}

/** Marker, every file but the manifest, the manifest, then the marker removed. */
async function commit(outDir: string, files: ReadonlyMap<string, FileContent>, plan: WritePlan, state: OutputDirState): Promise<void> {
  const checkpoint = killHook();
  const marker = toAbs(outDir, MARKER_PATH);
  try {
    await mkdir(dirname(marker), { recursive: true });
    await writeFileAtomic(marker, markerText(plan.write.filter((rel) => !state.owned.has(rel))));
  } catch (error) {
    throw new UserError(`cannot write to the output folder ${outDir}: ${ioReason(error)}`);
  }
  const writeManifest = plan.write.includes(MANIFEST_PATH);
  const rest: WritePlan = { ...plan, write: plan.write.filter((rel) => rel !== MANIFEST_PATH) };
  try {
    await applyWrite(outDir, files, rest, { checkpoint });
    checkpoint('written');
    if (writeManifest) await writeFileAtomic(toAbs(outDir, MANIFEST_PATH), files.get(MANIFEST_PATH)!);
    checkpoint('manifest');
  } catch (error) {
    if (!(error instanceof WriteError)) throw new UserError(`cannot write ${toAbs(outDir, MANIFEST_PATH)}: ${ioReason(error)}`);
    // Restored as it was: the marker goes (unless an earlier run's interruption is still
    // unrepaired), and so do the folders it needed when the output folder was new.
    if (error.restored && !state.interrupted) {
      await unlink(marker).catch(() => undefined);
      if (state.kind === 'missing') for (const dir of [dirname(marker), outDir]) await rmdir(dir).catch(() => undefined);
    }
    const outcome = error.restored
      ? `nothing in ${outDir} was changed`
      : `${outDir} is partly written: fix the cause and run generate again (it then verifies every file)`;
    throw new UserError(`cannot write ${error.target}: ${ioReason(error.cause)}; ${outcome}`);
  }
  await unlink(marker);
}

/** Compares the output with what generate would write; reads only. */
export async function check(options: OutputOptions): Promise<CheckResult> {
  const { outDir } = options;
  options.onProgress?.({ phase: 'reading' });
  let cache = statCacheFor(options);
  const fingerprint = generatorFingerprint(ROOT_MODULE, templatesDir());
  // Listed once: the record's key and the build both read this list.
  const listed = listSpecs(options.specsDir);
  const last = lastRunStands(options, cache, fingerprint, listed);
  if (last !== undefined) {
    options.onProgress?.({ phase: 'verifying' });
    return { stale: [], diagnostics: last.diagnostics, upToDate: true };
  }
  const state = await readOutputDir(outDir, cache.manifest);
  if (state.interrupted) cache = EMPTY_STAT_CACHE;
  const out = await build(options, state, cache, fingerprint, listed);
  options.onProgress?.({ phase: 'verifying' });
  const verifier = new OutputVerifier(outDir, cache);
  const verified = await verifyTrusted(out, (path, digest) => verifier.verify(path, digest));
  const stale = await checkOutput(outDir, contents(out, verified), { prune: pruneRule(state, verified) });
  // An interrupted generate's marker is stale too: only generate may clear it.
  if (state.interrupted) stale.push(MARKER_PATH);
  return { stale: stale.sort(), diagnostics: out.diagnostics, upToDate: false };
}
