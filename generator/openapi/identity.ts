/**
 * Method-independent identities of a method's models. STOPGAP until generator/ir exports one
 * (requested in .coord-openapi.md): the IR shares a model within a method when docName, the
 * name hint of an anonymous model, and the fields are equal; its fields refer to method-local
 * model and enum ids, so across methods each id is replaced by what it stands for: a child
 * model by the child's identity, an enum by its kind and values.
 */
import { createHash } from 'node:crypto';
import type { MethodIR } from '../ir/types.js';

/** The identity of every model of `ir`, indexed by model id (children come before parents). */
export function modelIdentities(ir: MethodIR): readonly string[] {
  const enumKeys = ir.enums.map((e) => [e.kind, e.values]);
  const keys: string[] = [];
  const replacer = (key: string, value: unknown): unknown => {
    if (key === 'modelId') return keys[value as number];
    if (key === 'enumId') return enumKeys[value as number];
    return value;
  };
  for (const model of ir.models) {
    const text = JSON.stringify([model.docName ?? null, model.docName === undefined ? model.nameHint : null, model.fields], replacer);
    // Hashed so a parent's key stays short however deep its children nest.
    keys[model.id] = createHash('sha1').update(text).digest('base64');
  }
  return keys;
}
