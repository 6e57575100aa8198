/**
 * The package-wide files in groups, each with the part of the methods' heads it reads, so the
 * cached build re-emits only the groups whose inputs changed: README and the client show titles,
 * the index does not (a new title leaves the index's three files alone). The pure pipeline
 * (./pipeline.ts) emits every group, so the bytes are the same. A key must cover everything its
 * emitter reads (test/generator/scale checks incremental output against full runs).
 */
import { emitClientModule } from '../emit/client-module.js';
import { emitIndexModule } from '../emit/index-module.js';
import { readme } from '../emit/package-files.js';
import { aggregatePlan } from '../plan/package.js';
import type { AggregatePlan, MethodHead } from '../plan/types.js';
import type { ManifestMethod } from './cache/manifest.js';
import { moduleFiles, modulePaths } from './files.js';
import type { Templates } from './templates.js';

export interface AggregateGroup {
  readonly paths: readonly string[];
  /** Whether two method lists (each sorted by spec file name) agree on everything the group's files read. */
  same(a: readonly ManifestMethod[], b: readonly ManifestMethod[]): boolean;
  emit(plan: AggregatePlan, templates: Templates): Map<string, string>;
}

/** Sorted by method name, as the plan orders them. */
function sorted(entries: readonly ManifestMethod[]): ManifestMethod[] {
  return [...entries].sort((a, b) => (a.method < b.method ? -1 : a.method > b.method ? 1 : 0));
}

function sameNames(a: ManifestMethod['names'], b: ManifestMethod['names']): boolean {
  const keys = Object.keys(b) as (keyof ManifestMethod['names'])[];
  return Object.keys(a).length === keys.length && keys.every((k) => a[k] === b[k]);
}

/** Same methods, stems and names, in the same order; with `titles`, the same titles too. */
function sameHeads(titles: boolean): AggregateGroup['same'] {
  return (a, b) =>
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i]!;
      return x === y || (x.method === y.method && x.stem === y.stem && (!titles || x.title === y.title) && sameNames(x.names, y.names));
    });
}

export const AGGREGATE_GROUPS: readonly AggregateGroup[] = [
  {
    paths: ['README.md'],
    same: sameHeads(true),
    emit: (plan, templates) => new Map([['README.md', readme(plan, templates.readme)]]),
  },
  {
    paths: modulePaths('client'),
    same: sameHeads(true),
    emit: (plan) => moduleFiles('client', emitClientModule(plan)),
  },
  {
    paths: modulePaths('index'),
    // Re-exports by stem and name: titles are not part of it.
    same: sameHeads(false),
    emit: (plan) => moduleFiles('index', emitIndexModule(plan)),
  },
];

/** The aggregate plan of manifest entries (their heads, sorted by method name). */
export function aggregatePlanOf(entries: readonly ManifestMethod[]): AggregatePlan {
  return aggregatePlan(
    sorted(entries).map((e): MethodHead => ({ ir: { method: e.method, ...(e.title !== undefined && { title: e.title }) }, stem: e.stem, exports: e.names })),
  );
}

/** Every group's files: the package-wide files of `heads` (sorted by method name). */
export function aggregateFiles(heads: readonly MethodHead[], templates: Templates): Map<string, string> {
  const plan = aggregatePlan(heads);
  const files = new Map<string, string>();
  for (const group of AGGREGATE_GROUPS) for (const [p, text] of group.emit(plan, templates)) files.set(p, text);
  return files;
}
