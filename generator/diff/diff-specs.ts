/**
 * The semantic diff of two sets of specs (before -> after), per method, in method-name order.
 * Pure: it compares MethodSpec values, wherever they were read from.
 */
import type { MethodSpec } from '../spec/model.js';
import { CHANGE_CLASSES, change, type Change, type ChangeClass } from './change.js';
import { compareMethod } from './method-facts.js';
import { suggestBump, type BumpSuggestion } from './semver.js';

export interface MethodDiff {
  readonly method: string;
  readonly status: 'added' | 'removed' | 'changed';
  readonly changes: readonly Change[];
}

export interface SpecDiff {
  /** Methods with at least one change, sorted by name. */
  readonly methods: readonly MethodDiff[];
  /** How many changes of each class. */
  readonly counts: Readonly<Record<ChangeClass, number>>;
  readonly bump: BumpSuggestion;
}

export function diffMethod(before: MethodSpec, after: MethodSpec): Change[] {
  return compareMethod(before, after);
}

export function diffSpecs(before: readonly MethodSpec[], after: readonly MethodSpec[], currentVersion = '0.1.0'): SpecDiff {
  const old = new Map(before.map((s) => [s.method, s] as const));
  const next = new Map(after.map((s) => [s.method, s] as const));
  const names = [...new Set([...old.keys(), ...next.keys()])].sort();
  const methods: MethodDiff[] = [];
  for (const method of names) {
    const a = old.get(method);
    const b = next.get(method);
    const at = { method, path: '', flow: 'input' as const };
    if (a === undefined) methods.push({ method, status: 'added', changes: [change(at, 'method', 'added', 'feature', 'method added')] });
    else if (b === undefined) methods.push({ method, status: 'removed', changes: [change(at, 'method', 'removed', 'breaking', 'method removed: its function and types are gone')] });
    else {
      const changes = compareMethod(a, b);
      if (changes.length > 0) methods.push({ method, status: 'changed', changes });
    }
  }
  const all = methods.flatMap((m) => m.changes);
  const counts = Object.fromEntries(CHANGE_CLASSES.map((c) => [c, all.filter((x) => x.class === c).length])) as Record<ChangeClass, number>;
  return { methods, counts, bump: suggestBump(all, currentVersion) };
}

export function hasBreaking(diff: SpecDiff): boolean {
  return diff.counts.breaking > 0;
}
