/**
 * `generate` and `check`: the pure pipeline's output for a spec directory (through the cached
 * build), written to or compared with an output directory. Returns what happened; prints nothing
 * (the CLI does). Problems in user input and I/O errors are UserErrors naming the path.
 *
 * Which outputs a run trusts without reading them (the rule):
 * - `generate` trusts a file the manifest records when its size matches the record, and only
 *   when the last run finished (no "in progress" marker, see ./output-dir.ts). After an
 *   interrupted run it trusts nothing: every spec is emitted again and every file compared byte
 *   for byte, so the output becomes exactly a cold run's. A same-size hand edit between two
 *   finished runs is left for `check` (or `generate --full`) to find.
 * - `check` trusts nothing it has not hashed: every recorded file's SHA-256 is compared.
 * The manifest is written after every other file, and the marker removed after the manifest.
 *
 * Ownership: generate writes into a folder that is missing, empty, or that it generated (holds
 * its manifest); it refuses any other folder unless `force`. It removes only files its manifest
 * (or an interrupted run's marker) lists, never a file it did not write.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { mkdir, rmdir, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError, ioReason, type Diagnostic } from '../diagnostics.js';
import { WriteError, applyWrite, checkOutput, planWrite, writeFileAtomic, type WritePlan } from '../write/index.js';
import { parentOf, toAbs } from '../write/paths.js';
import { buildOutput, type OutputBuild } from './cache/cached-build.js';
import { generatorFingerprint } from './cache/fingerprint.js';
import { MANIFEST_PATH, digestBytes, digestSize } from './cache/manifest.js';
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
}

export interface CheckResult {
  /** Output paths that differ from what generate would write, sorted; empty when up to date. */
  readonly stale: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
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

async function build(options: OutputOptions, state: OutputDirState): Promise<OutputBuild> {
  options.onProgress?.({ phase: 'reading' });
  const templates = await readTemplates();
  return buildOutput({
    specsDir: options.specsDir,
    ...(state.manifest !== undefined && { manifest: state.manifest }),
    templates,
    fingerprint: generatorFingerprint(ROOT_MODULE, templatesDir()),
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

function contents(out: OutputBuild): Map<string, string> {
  const files = new Map<string, string>();
  for (const [path, file] of out.files) if (file.content !== undefined) files.set(path, file.content);
  files.set(MANIFEST_PATH, out.manifestText());
  return files;
}

/** Files on disk the generator may remove: those it wrote, unless verified (so absent from `files`). */
function pruneRule(state: OutputDirState, verified: ReadonlySet<string>): (rel: string) => boolean {
  return (rel) => rel !== MARKER_PATH && state.owned.has(rel) && !verified.has(rel);
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
  const state = await readOutputDir(outDir);
  if (state.kind === 'foreign' && options.force !== true) refuseForeign(outDir);
  const out = await build(options, state);
  options.onProgress?.({ phase: 'verifying' });
  const verified = await verifyTrusted(out, (path, digest) => {
    const stat = lstatSync(toAbs(outDir, path), { throwIfNoEntry: false });
    return stat !== undefined && stat.isFile() && stat.size === digestSize(digest);
  });
  let files: Map<string, string>;
  let plan: WritePlan;
  for (;;) {
    files = contents(out);
    plan = await planWrite(outDir, files, { prune: pruneRule(state, verified) });
    // A trusted file seen through a path about to be removed (a symlinked directory) is rewritten.
    const removed = new Set(plan.remove);
    const lost = [...verified].filter((rel) => {
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
  };
  if (plan.write.length === 0 && plan.remove.length === 0 && !state.interrupted) return result;
  options.onProgress?.({ phase: 'writing', total: plan.write.length + plan.remove.length });
  await commit(outDir, files, plan, state);
  return result;
}

/** Marker, every file but the manifest, the manifest, then the marker removed. */
async function commit(outDir: string, files: ReadonlyMap<string, string>, plan: WritePlan, state: OutputDirState): Promise<void> {
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
  const state = await readOutputDir(outDir);
  const out = await build(options, state);
  options.onProgress?.({ phase: 'verifying' });
  const verified = await verifyTrusted(out, (path, digest) => {
    try {
      const abs = toAbs(outDir, path);
      return lstatSync(abs).isFile() && digestBytes(readFileSync(abs)) === digest;
    } catch {
      return false;
    }
  });
  const stale = await checkOutput(outDir, contents(out), { prune: pruneRule(state, verified) });
  // An interrupted generate's marker is stale too: only generate may clear it.
  if (state.interrupted) stale.push(MARKER_PATH);
  return { stale: stale.sort(), diagnostics: out.diagnostics };
}
