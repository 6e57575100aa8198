/**
 * Rebuilds the field tree below a top-level row from the flat bullet list.
 *
 * The text dump keeps `└` only as a "nested" mark and drops the depth, so after the children of a
 * nested object it cannot tell whether the next bullet is another child of that object or a
 * sibling of it. Candidates for a bullet's parent are the open objects (the top-level row and the
 * nested objects opened since). The page's example JSON decides when exactly one candidate's
 * example object has the bullet's name. Otherwise the default below applies and, when there was a
 * real choice, a warning names the doc line so the reviewer checks it:
 *  - an object never gets two fields of one name, so an object that already has a field of this
 *    name is no candidate (`button[].name` then `button[].sub_button[].name`: the second `name`
 *    stays in `sub_button`, and a third would go back out);
 *  - a field goes into the innermost open object;
 *  - an object-typed bullet without `└` that follows another such object's children is taken as
 *    that object's sibling (the dump shows both without `└` for the same reason: they have children).
 */
import { hasKey, type JsonObject } from './evidence.js';

export interface TreeItem {
  name: string;
  /** `└` present. */
  marker: boolean;
  /** Has children of its own (object, or array of objects). */
  container: boolean;
  line: number;
}

export interface TreeNode<T> {
  item: T;
  children: TreeNode<T>[];
}

export interface TreeWarning {
  line: number;
  message: string;
}

/** Example objects at a path of field names from the top-level row (the row itself first). */
export type Evidence = (path: readonly string[]) => readonly JsonObject[];

interface Open<T> {
  children: TreeNode<T>[];
  /** Names of `children`, for the one-name-per-object rule. */
  names: Set<string>;
  path: string[];
  /** Opened by a bullet without `└`. */
  unmarked: boolean;
}

export function resolveTree<T extends TreeItem>(
  rootName: string,
  items: readonly T[],
  evidence: Evidence,
): { children: TreeNode<T>[]; warnings: TreeWarning[] } {
  const rootChildren: TreeNode<T>[] = [];
  const stack: Open<T>[] = [{ children: rootChildren, names: new Set(), path: [rootName], unmarked: false }];
  const warnings: TreeWarning[] = [];

  for (const item of items) {
    const top = stack.length - 1;
    let fallback = top;
    if (item.container && !item.marker && top > 0 && stack[top]!.unmarked && stack[top]!.children.length > 0) fallback = top - 1;

    const free = stack.map((_, i) => i).filter((i) => !stack[i]!.names.has(item.name));
    // Every open object has the name already: the page repeats a field; to-spec reports the repeat.
    if (free.length === 0) free.push(fallback);
    if (!free.includes(fallback)) fallback = free.filter((i) => i < fallback).pop() ?? free[0]!;
    const shown = free.filter((i) => hasKey(evidence(stack[i]!.path), item.name));
    let chosen: number;
    if (shown.length === 1) {
      chosen = shown[0]!;
    } else {
      chosen = shown.length > 1 ? (shown.includes(fallback) ? fallback : shown[shown.length - 1]!) : fallback;
      if (free.length > 1) {
        const why = shown.length > 1 ? 'the examples show it at several levels' : 'the examples do not show it';
        warnings.push({
          line: item.line,
          message: `nested field \`${item.name}\`: ${why}; placed it under \`${stack[chosen]!.path.join('.')}\` (the dump does not keep nesting depth) — check the spec`,
        });
      }
    }
    stack.length = chosen + 1;
    const node: TreeNode<T> = { item, children: [] };
    stack[chosen]!.children.push(node);
    stack[chosen]!.names.add(item.name);
    if (item.container) stack.push({ children: node.children, names: new Set(), path: [...stack[chosen]!.path, item.name], unmarked: !item.marker });
  }
  return { children: rootChildren, warnings };
}
