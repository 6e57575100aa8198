/**
 * What an example JSON value says about the field tree: the objects found at a field path
 * (arrays are looked through, so a path into a list of objects yields every item), and the scalar
 * shown for a field. Lookups use own properties only, so a field named `__proto__` or `toString`
 * is never confused with Object.prototype.
 */

export type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function flatten(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap(flatten);
  return isObject(value) ? [value] : [];
}

/** Every example object at `path` below `root` (empty when the example does not show that level). */
export function objectsAt(root: unknown, path: readonly string[]): JsonObject[] {
  let level = flatten(root);
  for (const name of path) {
    level = level.flatMap((o) => (Object.hasOwn(o, name) ? flatten(o[name]) : []));
  }
  return level;
}

/** The scalar example values shown for field `name` inside the objects at `parentPath`. */
export function scalarsAt(root: unknown, parentPath: readonly string[], name: string): (string | number | boolean)[] {
  const out: (string | number | boolean)[] = [];
  for (const o of objectsAt(root, parentPath)) {
    if (!Object.hasOwn(o, name)) continue;
    const v = o[name];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out.push(v);
  }
  return out;
}

export function hasKey(objects: readonly JsonObject[], name: string): boolean {
  return objects.some((o) => Object.hasOwn(o, name));
}
