/**
 * The package-wide files in groups, each with the part of the methods' heads it reads, so the
 * cached build re-emits only the groups whose inputs changed: README and the client show titles,
 * the index does not (a new title leaves the index's files alone). Each group emits exactly what
 * ./files.ts's aggregateFiles (the pure pipeline's) emits for its paths; test/generator/scale
 * checks incremental output against full runs. A group's `same` must cover everything it reads.
 */
import { emitClientModule } from '../emit/client-module.js';
import { emitIndexModule } from '../emit/index-module.js';
import { readme } from '../emit/package-files.js';
import { aggregatePlan } from '../plan/package.js';
import type { AggregatePlan, MethodHead } from '../plan/types.js';
import type { OutputShape } from '../config/config.js';
import type { ManifestMethod } from './cache/manifest.js';
import { moduleFiles, modulePaths, type OutputLayout } from './files.js';
import type { Templates } from './templates.js';

export interface AggregateGroup {
  paths(shape: OutputShape): string[];
  /** Whether two method lists (each sorted by spec file name) agree on everything the group's files read. */
  same(a: readonly ManifestMethod[], b: readonly ManifestMethod[]): boolean;
  emit(plan: AggregatePlan, templates: Templates, layout: OutputLayout): Map<string, string>;
}

function sameNames(a: ManifestMethod['names'], b: ManifestMethod['names']): boolean {
  const keys = Object.keys(b) as (keyof ManifestMethod['names'])[];
  return Object.keys(a).length === keys.length && keys.every((k) => a[k] === b[k]);
}

/** Same methods, kinds, stems and names, in the same order; with `titles`, the same titles too. */
function sameHeads(titles: boolean): AggregateGroup['same'] {
  return (a, b) =>
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i]!;
      return x === y || (x.method === y.method && x.stem === y.stem && x.kind === y.kind && (!titles || x.title === y.title) && sameNames(x.names, y.names));
    });
}

export const AGGREGATE_GROUPS: readonly AggregateGroup[] = [
  {
    paths: (shape) => (shape === 'sources' ? [] : ['README.md']),
    same: sameHeads(true),
    emit: (plan, templates, layout) => (layout.shape === 'sources' ? new Map() : new Map([['README.md', readme(plan, templates.readme, layout.package.name)]])),
  },
  {
    paths: (shape) => modulePaths('client', shape),
    same: sameHeads(true),
    emit: (plan, _templates, layout) => moduleFiles('client', emitClientModule(plan), layout.shape),
  },
  {
    paths: (shape) => modulePaths('index', shape),
    // Re-exports by stem and name: titles are not part of it.
    same: sameHeads(false),
    emit: (plan, _templates, layout) => moduleFiles('index', emitIndexModule(plan), layout.shape),
  },
];

/** The aggregate plan of manifest entries (their heads, sorted by method name). */
export function aggregatePlanOf(entries: readonly ManifestMethod[]): AggregatePlan {
  const sorted = [...entries].sort((a, b) => (a.method < b.method ? -1 : a.method > b.method ? 1 : 0));
  return aggregatePlan(
    sorted.map(
      (e): MethodHead => ({
        ir: { method: e.method, ...(e.title !== undefined && { title: e.title }), ...(e.kind !== undefined && { kind: e.kind }) },
        stem: e.stem,
        exports: e.names,
      }),
    ),
  );
}
