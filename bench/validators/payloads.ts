/**
 * Payloads for the validator benchmark, derived from a spec: the doc's own request example (valid)
 * and one mutation per kind of problem (invalid): missing required field, wrong type, too long,
 * value outside the enum, undocumented field, and a problem inside a nested object.
 */
import type { Field, MethodSpec } from '../../generator/spec/model.js';

export interface Payloads {
  valid: unknown;
  invalid: { kind: string; value: unknown }[];
}

type Obj = Record<string, unknown>;
const clone = <T>(v: T): T => structuredClone(v);

export function payloadsFor(spec: MethodSpec): Payloads {
  // The generated Request type is flat: biz_content fields and top-level params side by side.
  const parts = [spec.examples?.request, spec.examples?.params].filter((p): p is object => typeof p === 'object' && p !== null);
  if (parts.length === 0) throw new Error(`${spec.method} has no request example to start from`);
  const valid: Obj = Object.assign({}, ...parts);
  const invalid: Payloads['invalid'] = [];
  const add = (kind: string, mutate: (o: Obj) => boolean): void => {
    const value = clone(valid);
    if (mutate(value)) invalid.push({ kind, value });
  };
  const fields = [...spec.request, ...(spec.params ?? [])];
  const present = (f: Field) => valid[f.name] !== undefined;
  const required = fields.find((f) => f.required === true && present(f));
  const string = fields.find((f) => f.type === 'string' && present(f));
  const long = fields.find((f) => f.type === 'string' && f.maxLength !== undefined && present(f));
  const enumField = fields.find((f) => f.type === 'string' && f.enum !== undefined && present(f));
  const nested = fields.find((f) => f.type === 'object' && f.fields?.some((c) => c.required === true) && present(f));

  add('missing required field', (o) => required !== undefined && delete o[required.name]);
  add('wrong type', (o) => string !== undefined && ((o[string.name] = 12345), true));
  add('too long', (o) => long !== undefined && ((o[long.name] = 'x'.repeat(long.maxLength! + 1)), true));
  add('not in enum', (o) => enumField !== undefined && ((o[enumField.name] = 'NOT_A_DOCUMENTED_VALUE'), true));
  add('undocumented field', (o) => ((o.undocumented_field = 'x'), true));
  add('nested problem', (o) => {
    if (nested === undefined) return false;
    const child = nested.fields!.find((c) => c.required === true)!;
    const inner = o[nested.name] as Obj;
    if (inner[child.name] === undefined) return false;
    delete inner[child.name];
    return true;
  });
  return { valid, invalid };
}
