/**
 * The version bump a set of changes calls for. From 1.0.0 on: breaking -> major, feature ->
 * minor, fix or docs -> patch. Below 1.0.0 we follow what npm's caret ranges do (`^0.3.1` takes
 * 0.3.x only, so the minor number is the one callers pin): breaking -> minor, anything else ->
 * patch.
 */
import type { Change, ChangeClass } from './change.js';

export type Bump = 'major' | 'minor' | 'patch' | 'none';

export interface BumpSuggestion {
  readonly bump: Bump;
  /** The version after the bump, when the current one is a plain x.y.z. */
  readonly next?: string;
  readonly reason: string;
}

const LEVEL: Readonly<Record<ChangeClass, 0 | 1 | 2>> = { breaking: 2, feature: 1, fix: 0, docs: 0 };

export function suggestBump(changes: readonly Pick<Change, 'class'>[], current: string): BumpSuggestion {
  if (changes.length === 0) return { bump: 'none', reason: 'no changes' };
  const level = Math.max(...changes.map((c) => LEVEL[c.class]));
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(current);
  const major = match === null ? 1 : Number(match[1]);
  const initial = major === 0;
  const bump: Bump = initial ? (level === 2 ? 'minor' : 'patch') : (['patch', 'minor', 'major'] as const)[level]!;
  const what = level === 2 ? 'breaking changes' : level === 1 ? 'new features, nothing breaking' : 'fixes and documentation only';
  const reason = initial && level > 0 ? `${what}; ${current} is 0.x: ${level === 2 ? 'minor' : 'patch'} (npm's ^0.y.z pins the minor)` : what;
  if (match === null) return { bump, reason };
  const [x, y, z] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const next = bump === 'major' ? `${x + 1}.0.0` : bump === 'minor' ? `${x}.${y + 1}.0` : `${x}.${y}.${z + 1}`;
  return { bump, next, reason };
}
