/**
 * What the spec diff reports: one Change per fact that differs, classified by what it means for
 * code that calls the generated client (not for the spec's author).
 */

/**
 * - `breaking`: code written against the old client may stop compiling or start failing
 *   (a request field removed or made required, a response field removed, a type changed, ...);
 * - `feature`: new things callers may use, old calls keep working (a method or optional field added,
 *   an enum value accepted, a limit raised);
 * - `fix`: behaviour changes that no caller's code depends on (a field moved between biz_content and
 *   the form params: one Request type holds both; a response-only limit);
 * - `docs`: descriptions, examples, notes, titles, deprecation notes: TSDoc only.
 */
export type ChangeClass = 'breaking' | 'feature' | 'fix' | 'docs';

export const CHANGE_CLASSES: readonly ChangeClass[] = ['breaking', 'feature', 'fix', 'docs'];

/** Request and params fields are what the caller sends, response fields what it receives. */
export type Flow = 'input' | 'output';

export type ChangeKind = 'added' | 'removed' | 'changed' | 'moved';

export interface Change {
  readonly method: string;
  /** Dotted spec path (`request.card_user_info.user_uni_id`, `response.goods[].name`, `errors.CARD_NOT_EXIT`); `''` for the method itself. */
  readonly path: string;
  /** The spec fact that changed: `method`, `field`, `type`, `required`, `maxLength`, `enum`, `model`, `description`, ... */
  readonly fact: string;
  readonly kind: ChangeKind;
  readonly class: ChangeClass;
  /** One line for people: what changed and, for breaking changes, why it breaks callers. */
  readonly message: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** Where a comparison is: the method, the spec path so far, and whether callers send or receive it. */
export interface At {
  readonly method: string;
  readonly path: string;
  readonly flow: Flow;
}

export function child(at: At, name: string): At {
  return { ...at, path: at.path === '' ? name : `${at.path}.${name}` };
}

export function itemsOf(at: At): At {
  return { ...at, path: `${at.path}[]` };
}

export function change(
  at: At,
  fact: string,
  kind: ChangeKind,
  cls: ChangeClass,
  message: string,
  values: { before?: unknown; after?: unknown } = {},
): Change {
  return {
    method: at.method,
    path: at.path,
    fact,
    kind,
    class: cls,
    message,
    ...('before' in values && values.before !== undefined && { before: values.before }),
    ...('after' in values && values.after !== undefined && { after: values.after }),
  };
}

/** Pairs two lists by key, keeping the old list's order, then the new entries in the new list's order. */
export function matchBy<T>(
  before: readonly T[],
  after: readonly T[],
  key: (t: T) => string,
): { both: [T, T][]; removed: T[]; added: T[] } {
  const next = new Map(after.map((t) => [key(t), t] as const));
  const old = new Set(before.map(key));
  const both: [T, T][] = [];
  const removed: T[] = [];
  for (const a of before) {
    const b = next.get(key(a));
    if (b === undefined) removed.push(a);
    else both.push([a, b]);
  }
  return { both, removed, added: after.filter((b) => !old.has(key(b))) };
}

/** A value as it appears in a message (short, one line). */
export function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const line = (text ?? String(value)).replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
