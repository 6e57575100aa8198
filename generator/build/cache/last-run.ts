/**
 * The last run, recorded in the stat cache (./stat-cache.ts): when nothing a run would read has
 * changed since a run that succeeded, its outcome is that run's, and the run is a few stats.
 *
 * "Nothing changed" is the stat cache's own rule applied to everything at once:
 * - the same generator (fingerprint), layout, specs folder and method selection;
 * - the same spec files, each with the stat it had when that run read it;
 * - the manifest with the stat it had when written, no "in progress" marker;
 * - every output file with the stat recorded when it was written or verified (a file edited in
 *   place has another ctime), every folder on the way a real folder (not a symlink).
 * Then the cached build would trust every spec and every output and write nothing; so the files
 * are exactly what it would leave, and the warnings are the ones that run printed. Anything else
 * (one stat differs, a record left out as racy, --full, an interrupted run) takes the full path,
 * which records the next run. The manifest (megabytes for the catalogue) is then never parsed.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../../diagnostics.js';
import { followedStat, fileStat, timeOf, type StatKey } from './stat-cache.js';

/** What a run read, as the key of its record. */
export interface RunInputs {
  readonly fingerprint: string;
  /** The output layout (shape, package identity and version), as JSON. */
  readonly layout: string;
  readonly specsDir: string;
  /** Every spec file in the folder (name order), its stat as read, and whether the selection takes it. */
  readonly specs: readonly { readonly name: string; readonly stat: StatKey; readonly selected: boolean }[];
}

/** The outcome of a run that found nothing to do, and the key of what it read. */
export interface LastRun {
  readonly key: string;
  /** The latest time stamp among the specs' stats in the key (a racy one voids the record, as in the stat cache). */
  readonly latest: number;
  readonly methods: number;
  /** Output files, the manifest included (what such a run reports as unchanged). */
  readonly files: number;
  readonly diagnostics: readonly Diagnostic[];
}

/** The latest time stamp among the inputs' spec stats (what makes a record racy). */
export function latestOf(inputs: RunInputs): number {
  let latest = 0;
  for (const s of inputs.specs) latest = Math.max(latest, timeOf(s.stat));
  return latest;
}

export function runKey(inputs: RunInputs): string {
  const hash = createHash('sha256').update(`${inputs.fingerprint}\n${inputs.layout}\n${inputs.specsDir}\n`);
  for (const s of inputs.specs) hash.update(`${s.selected ? '+' : '-'}${s.name}\0${s.stat}\n`);
  return hash.digest('hex');
}

/** A spec file of the folder and its stat when listed. */
export interface SpecStat {
  readonly name: string;
  readonly stat: StatKey;
}

/**
 * The spec files of `specsDir` (`*.yaml` / `*.yml`, name order) with their stats now, as a run
 * lists them once (the record's key and the cached build both use the list); undefined when the
 * folder or a file cannot be stat'ed.
 */
export function listSpecs(specsDir: string): SpecStat[] | undefined {
  try {
    const names = readdirSync(specsDir, { withFileTypes: true })
      .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
      .map((e) => e.name)
      .sort();
    const specs: SpecStat[] = [];
    for (const name of names) {
      const stat = followedStat(join(specsDir, name));
      if (stat === undefined) return undefined;
      specs.push({ name, stat });
    }
    return specs;
  } catch {
    return undefined;
  }
}

/** The spec file's method name (its name without .yaml / .yml). */
export function stemOf(name: string): string {
  return name.slice(0, name.lastIndexOf('.'));
}

export interface RecordedOutput {
  /** The manifest's stat when written, from the stat cache. */
  readonly manifest?: StatKey | undefined;
  /** Output path -> stat, from the stat cache. */
  readonly files: ReadonlyMap<string, StatKey>;
}

/** True when the output folder is file for file as recorded (the manifest included, no marker). */
function outputAsRecorded(outDir: string, recorded: RecordedOutput, manifestPath: string, markerPath: string): boolean {
  if (recorded.manifest === undefined || fileStat(join(outDir, manifestPath)) !== recorded.manifest) return false;
  if (lstatSync(join(outDir, markerPath), { throwIfNoEntry: false }) !== undefined) return false;
  const folders = new Set<string>();
  for (const [path, stat] of recorded.files) {
    if (fileStat(join(outDir, path)) !== stat) return false;
    for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
      const folder = path.slice(0, slash);
      if (folders.has(folder)) break;
      folders.add(folder);
    }
  }
  // A folder replaced by a symlink shows the same files; the full path would replace it.
  for (const folder of folders) {
    const s = lstatSync(join(outDir, folder), { throwIfNoEntry: false });
    if (s === undefined || !s.isDirectory()) return false;
  }
  return true;
}

/**
 * The last run's outcome when nothing it read changed (see the module comment); undefined
 * otherwise. Reads stats only.
 */
export function unchangedSince(
  last: LastRun | undefined,
  inputs: Omit<RunInputs, 'specs'>,
  listed: readonly SpecStat[] | undefined,
  selected: ((stem: string) => boolean) | undefined,
  outDir: string,
  recorded: RecordedOutput,
  paths: { readonly manifest: string; readonly marker: string },
): LastRun | undefined {
  if (last === undefined || listed === undefined || recorded.files.size + 1 !== last.files) return undefined;
  const root = lstatSync(outDir, { throwIfNoEntry: false });
  if (root === undefined || !root.isDirectory()) return undefined;
  const specs = listed.map((s) => ({ ...s, selected: selected === undefined || selected(stemOf(s.name)) }));
  if (runKey({ ...inputs, specs }) !== last.key) return undefined;
  return outputAsRecorded(outDir, recorded, paths.manifest, paths.marker) ? last : undefined;
}

function isDiagnostic(value: unknown): value is Diagnostic {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Record<string, unknown>;
  const optionalNumber = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isInteger(v) && v >= 0);
  return d.severity === 'warning' && typeof d.file === 'string' && typeof d.message === 'string' && optionalNumber(d.line) && optionalNumber(d.col);
}

/** The record as the stat cache file holds it; undefined when it is not one we wrote. */
export function decodeLastRun(value: unknown): LastRun | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const r = value as Record<string, unknown>;
  const count = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  if (typeof r.key !== 'string' || !/^[0-9a-f]{64}$/.test(r.key) || typeof r.latest !== 'number' || !count(r.methods) || !count(r.files)) return undefined;
  if (!Array.isArray(r.diagnostics) || !r.diagnostics.every(isDiagnostic)) return undefined;
  const diagnostics = r.diagnostics.map((d: Diagnostic) => ({
    severity: d.severity,
    file: d.file,
    ...(d.line !== undefined && { line: d.line }),
    ...(d.col !== undefined && { col: d.col }),
    message: d.message,
  }));
  return { key: r.key, latest: r.latest, methods: r.methods, files: r.files, diagnostics };
}
