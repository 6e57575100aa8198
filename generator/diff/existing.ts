/**
 * A re-import against the spec already on disk: what the page now says compared with the
 * (possibly reviewed) spec. Pure: the caller reads the file. `import` writes over a spec only when
 * it is unchanged or with --force, so a review is never lost silently.
 */
import { parseSpec } from '../spec/load.js';
import type { MethodSpec } from '../spec/model.js';
import type { Change } from './change.js';
import { diffMethod } from './diff-specs.js';

export type Existing =
  /** No spec file yet. */
  | { readonly status: 'new' }
  /** The file holds exactly what the import would write. */
  | { readonly status: 'unchanged' }
  /** The file says other things than the page (`changes`: the spec -> the page), or only its text differs (comments, layout). */
  | { readonly status: 'differs'; readonly changes: readonly Change[] }
  /** The file does not load as a spec: nothing to compare with. */
  | { readonly status: 'invalid'; readonly problem: string };

export function compareExisting(text: string | undefined, file: string, imported: { spec: MethodSpec; yaml: string }): Existing {
  if (text === undefined) return { status: 'new' };
  if (text === imported.yaml) return { status: 'unchanged' };
  const loaded = parseSpec(text, file);
  if (loaded.spec === undefined) {
    const first = loaded.diagnostics.find((d) => d.severity === 'error');
    return { status: 'invalid', problem: first?.message ?? 'it does not load' };
  }
  return { status: 'differs', changes: diffMethod(loaded.spec.spec, imported.spec) };
}
