/**
 * Top-level params: a request example that sets params one by one (`request.setGrantType(...)`)
 * and has no biz_content says the request rows are top-level form params. Their example is
 * each row's value from its setter, matched the way the Java SDK derives setter names.
 */
import type { ParamExample } from '../page-model.js';

/** The setter name a wire name gets in the Java SDK: `grant_type` -> `GrantType`. */
export function setterName(wireName: string): string {
  return wireName.split('_').map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');
}

/** Compares a wire name with a setter name the way the SDK derives one from the other. */
export function setterKey(name: string): string {
  return name.replaceAll('_', '').toLowerCase();
}

/**
 * The example of the top-level params: each row's value from its setter (`grant_type` from
 * `setGrantType("...")`), in row order. A setter matching no row, or several, gives nothing.
 */
export function paramsExample(rowNames: readonly string[], setters: readonly ParamExample[]): Record<string, string> {
  const example: Record<string, string> = {};
  const rowsPerKey = new Map<string, number>();
  for (const name of rowNames) rowsPerKey.set(setterKey(name), (rowsPerKey.get(setterKey(name)) ?? 0) + 1);
  for (const name of rowNames) {
    const key = setterKey(name);
    if (rowsPerKey.get(key)! > 1) continue;
    const setter = setters.find((s) => setterKey(s.name) === key);
    // defineProperty: a row named `__proto__` is an own key like any other.
    if (setter?.value !== undefined) Object.defineProperty(example, name, { value: setter.value, enumerable: true, writable: true, configurable: true });
  }
  return example;
}
