/**
 * A small catalogue sample with the coverage of a big one: every construct the generator treats
 * differently (field type x requiredness x enum/maxLength/model, at each nesting depth, in request,
 * params and response; arrays by item; quoted names and enum values; a model name reused with other
 * fields; comment-closing or multi-line docs; empty request/response) that occurs in `specs` occurs in
 * the chosen subset. Scale tests generate and type-check the subset instead of the whole sample.
 */
import type { EnumValue, Field, Items, MethodSpec } from '../../generator/spec/model.js';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function enumKeys(values: readonly EnumValue[] | undefined): string[] {
  if (values === undefined) return [];
  return values.some((v) => !IDENTIFIER.test(v.value)) ? ['enum', 'enum:quoted'] : ['enum'];
}

/** What an object/array/scalar shape looks like, without names: the part that decides the emitted code. */
function shapeKey(shape: Items | Field): string {
  const parts: string[] = [shape.type];
  if (shape.enum !== undefined) parts.push('enum');
  if (shape.maxLength !== undefined) parts.push('max');
  if (shape.model !== undefined) parts.push('model');
  if (shape.type === 'object') parts.push(shape.fields === undefined ? 'opaque' : shape.fields.length === 0 ? 'empty' : 'fields');
  if (shape.items !== undefined) parts.push(`<${shapeKey(shape.items)}>`);
  return parts.join('+');
}

/** The construct keys of one method's spec. */
export function constructs(spec: MethodSpec): Set<string> {
  const keys = new Set<string>();
  const models = new Map<string, string>();
  const visit = (section: string, fields: readonly Field[], depth: number): void => {
    for (const field of fields) {
      const at = `${section}@${Math.min(depth, 3)}`;
      keys.add(`${at}:${shapeKey(field)}:${String(field.required)}`);
      if (!IDENTIFIER.test(field.name)) keys.add(`${at}:quoted-name`);
      for (const key of [...enumKeys(field.enum), ...enumKeys(field.items?.enum)]) keys.add(`${section}:${key}`);
      const doc = field.description ?? '';
      if (doc.includes('*/')) keys.add('doc:comment-close');
      if (doc.includes('\n')) keys.add('doc:multi-line');
      for (const shape of [field, field.items]) {
        if (shape?.model === undefined || shape.fields === undefined) continue;
        const text = JSON.stringify(shape.fields);
        const seen = models.get(shape.model);
        if (seen !== undefined) keys.add(seen === text ? 'model:reused' : 'model:reused-with-other-fields');
        models.set(shape.model, text);
        visit(section, shape.fields, depth + 1);
      }
    }
  };
  visit('request', spec.request, 0);
  visit('params', spec.params ?? [], 0);
  visit('response', spec.response, 0);
  if (spec.request.length === 0) keys.add('request:empty');
  if (spec.response.length === 0) keys.add('response:empty');
  if (spec.title === undefined) keys.add('title:none');
  return keys;
}

/**
 * Greedy set cover: repeatedly takes the spec adding the most uncovered construct keys (ties: method
 * name order), until the chosen specs hold every key of `specs`. Returns the chosen methods, sorted.
 */
export function coveringSample(specs: readonly MethodSpec[]): string[] {
  const candidates = [...specs].sort((a, b) => (a.method < b.method ? -1 : 1)).map((s) => ({ method: s.method, keys: constructs(s) }));
  const uncovered = new Set(candidates.flatMap((c) => [...c.keys]));
  const chosen: string[] = [];
  while (uncovered.size > 0) {
    let best = candidates[0]!;
    let gain = -1;
    for (const c of candidates) {
      let g = 0;
      for (const k of c.keys) if (uncovered.has(k)) g++;
      if (g > gain) [best, gain] = [c, g];
    }
    chosen.push(best.method);
    for (const k of best.keys) uncovered.delete(k);
  }
  return chosen.sort();
}
