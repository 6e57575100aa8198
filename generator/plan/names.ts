/**
 * Name building and collision resolution. A Scope hands out binding names first come, first
 * served, appending 2, 3, ... on a clash, so the result depends only on the order of claims
 * (which the planner fixes: public names first, then doc order).
 */
import { identifier, isReservedWord, toIdentifierParts } from '../shared/identifiers.js';
import type { MethodExports } from './types.js';

/** PascalCase identifier from spec text; `fallback` when the text has no ASCII letters or digits. */
export function pascalName(text: string, fallback: string): string {
  const parts = toIdentifierParts(text);
  const joined = parts.length === 0 ? fallback : parts.map((p) => p[0]!.toUpperCase() + p.slice(1)).join('');
  // Identifiers cannot start with a digit (`3ds_info` -> `Field3dsInfo`).
  return /^[0-9]/.test(joined) ? fallback + joined : joined;
}

export function camelName(pascal: string): string {
  const lowered = pascal[0]!.toLowerCase() + pascal.slice(1);
  return isReservedWord(lowered) ? lowered + '_' : lowered;
}

/** Keeps a doc model name as written when it is a plain ASCII identifier, else derives one. */
export function modelBaseName(docName: string | undefined, hint: string): string {
  if (docName !== undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(docName)) return docName;
  return pascalName(docName ?? hint, 'Model');
}

export class Scope {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name);
  }

  has(name: string): boolean {
    return this.taken.has(name) || isReservedWord(name);
  }

  /** Claims `base` or the first free `base2`, `base3`, ... */
  claim(base: string): string {
    let name = base;
    for (let n = 2; this.has(name); n++) name = `${base}${n}`;
    this.taken.add(name);
    return identifier(name);
  }

  /** Claims all names at once, or none: returns false if any is taken. */
  claimAll(names: readonly string[]): boolean {
    if (names.some((n) => this.has(n)) || new Set(names).size !== names.length) return false;
    for (const n of names) this.taken.add(identifier(n));
    return true;
  }
}

/** Two models of one method whose names plan to the same identifier: the later one got a suffix. */
export interface ModelNameClash {
  /** The name both wanted (`CardUserInfo`). */
  readonly name: string;
  /** The IR origin (`request.card_user_info`) of the model that kept the name, and of the one renamed. */
  readonly first: string;
  readonly second: string;
  /** What the second one is generated as (`CardUserInfo2`). */
  readonly planned: string;
}

/**
 * The model-model clashes of a method's plan (`planned[i]` is the name planned for `models[i]`),
 * in IR order. Identical models are one model already (the IR deduplicates them); a clash is two
 * different shapes under one name, which a reviewer should know about: the suffixed name is
 * what callers import.
 */
export function modelNameClashes(
  models: readonly { readonly docName?: string; readonly nameHint: string; readonly origin: string }[],
  planned: readonly string[],
): ModelNameClash[] {
  const firstByBase = new Map<string, number>();
  const clashes: ModelNameClash[] = [];
  models.forEach((m, i) => {
    const base = modelBaseName(m.docName, m.nameHint);
    const first = firstByBase.get(base);
    if (first === undefined) firstByBase.set(base, i);
    else clashes.push({ name: base, first: models[first]!.origin, second: m.origin, planned: planned[i]! });
  });
  return clashes;
}

/** The YAML key path of an IR origin: `request.a[].b` -> request, a, items, fields, b. */
export function specKeyPath(origin: string): string[] {
  const [side, ...names] = origin.split('.');
  const path = [side!];
  names.forEach((segment, i) => {
    const name = segment.replace(/(\[\])+$/, '');
    if (i > 0) path.push('fields');
    path.push(name);
    for (let n = (segment.length - name.length) / 2; n > 0; n--) path.push('items');
  });
  return path;
}

/**
 * A method's public names, all made from one prefix (`AlipayTradeQuery`, or `AlipayTradeQuery2`
 * after a clash): the manifest stores only the prefix (namePrefix).
 */
export function exportNames(prefix: string): MethodExports {
  const fn = camelName(prefix);
  return {
    fn,
    request: `${prefix}Request`,
    response: `${prefix}Response`,
    errorCode: `${prefix}ErrorCode`,
    isError: `is${prefix}Error`,
    validateRequest: `validate${prefix}Request`,
    validateResponse: `validate${prefix}Response`,
    operation: `${fn}Operation`,
    notification: `${prefix}Notification`,
    validateNotification: `validate${prefix}Notification`,
    parseNotification: `parse${prefix}Notification`,
  };
}

/** The prefix `names` were made from (exportNames(namePrefix(n)) gives `n` back). */
export function namePrefix(names: MethodExports): string {
  return names.request.slice(0, -'Request'.length);
}
