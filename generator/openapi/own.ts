/**
 * Safe construction of JSON objects keyed by names that come from specs (wire names, model names).
 * A plain `obj[key] = value` with key `__proto__` would replace the object's prototype instead of
 * adding a property, and the name would vanish from the JSON. defineProperty always adds an own,
 * enumerable data property, which JSON.stringify then writes like any other.
 */
export type JsonObject = { [key: string]: unknown };

export function setOwn(target: JsonObject, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Builds an object from entries with setOwn, in entry order. */
export function ownObject(entries: Iterable<readonly [string, unknown]>): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of entries) setOwn(out, key, value);
  return out;
}
