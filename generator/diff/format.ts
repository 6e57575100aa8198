/** The diff as text for people (one block per method) and as JSON for CI; pure, the CLI prints. */
import { CHANGE_CLASSES, type Change } from './change.js';
import type { SpecDiff } from './diff-specs.js';

const MARK = { breaking: 'BREAKING', feature: 'feature ', fix: 'fix     ', docs: 'docs    ' } as const;

/** `  BREAKING  request.x: field removed (string): ...` */
export function formatChange(c: Change): string {
  return `  ${MARK[c.class]}  ${c.path === '' ? '(method)' : c.path}: ${c.message}`;
}

export function formatDiff(diff: SpecDiff): string {
  const lines: string[] = [];
  for (const m of diff.methods) {
    lines.push(`${m.method} (${m.status})`);
    for (const c of m.changes) {
      if (m.status !== 'changed') continue;
      lines.push(formatChange(c));
    }
  }
  const counts = CHANGE_CLASSES.map((c) => `${diff.counts[c]} ${c}`).join(', ');
  const bump = diff.bump.bump === 'none' ? 'no version bump' : `suggested bump: ${diff.bump.bump}${diff.bump.next ? ` (${diff.bump.next})` : ''}: ${diff.bump.reason}`;
  lines.push(diff.methods.length === 0 ? 'no changes' : `${diff.methods.length} method(s) changed: ${counts}; ${bump}`);
  return lines.join('\n') + '\n';
}

/** Stable JSON: `{ methods, counts, bump }`, every change with method, path, fact, kind, class, message, before, after. */
export function diffJson(diff: SpecDiff): string {
  return JSON.stringify(diff, null, 2) + '\n';
}
