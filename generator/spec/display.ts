/** How spec paths and values appear in diagnostic messages. */

/** Path segment standing for "an item of this array" (`list[]`); a symbol so no wire name can collide. */
export const ITEMS: unique symbol = Symbol('items');
export type PathSegment = string | number | typeof ITEMS;

/**
 * Joins a path for messages: `request.card_user_info.user_uni_id`, `items[0]`. Names that are
 * not plain identifiers are quoted (`request["a.b"]`) so the path stays unambiguous.
 */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (segment === ITEMS) out += '[]';
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

const MAX_SHOWN = 40;

/** A value as it appears in messages: JSON-quoted, long values truncated. */
export function showValue(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}
