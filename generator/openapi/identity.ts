/**
 * Method-independent identities of a method's models (generator/ir has none yet). The IR shares a
 * model within a method when docName, the name hint of an anonymous model, and the fields are
 * equal; its fields refer to method-local model and enum ids, so across methods each id is
 * replaced by what it stands for: a child model by the child's identity, an enum by its kind and
 * values.
 */
import { createHash } from 'node:crypto';
import type { MethodIR } from '../ir/types.js';

/**
 * An id reference in serialised FieldIR. Only keys match: inside a JSON string every `"` is
 * escaped, so no description or example can contain an unescaped `"modelId":`.
 */
const ID_REF = /"(modelId|enumId)":(\d+)/g;

/** The identity of every model of `ir`, indexed by model id (children come before parents). */
export function modelIdentities(ir: MethodIR): readonly string[] {
  const enumKeys = ir.enums.map((e) => JSON.stringify(e.open === true ? [e.kind, e.values, 'open'] : [e.kind, e.values]));
  const keys: string[] = [];
  for (const model of ir.models) {
    // One plain stringify (no replacer: that is several times slower on the catalogue), then ids swapped.
    const fields = JSON.stringify(model.fields).replace(ID_REF, (_ref, key: string, id: string) =>
      key === 'modelId' ? `"model":${JSON.stringify(keys[Number(id)])}` : `"enum":${enumKeys[Number(id)]}`,
    );
    const head = JSON.stringify([model.docName ?? null, model.docName === undefined ? model.nameHint : null, model.open === true, model.oneOf ?? []]);
    // Hashed so a parent's key stays short however deep its children nest.
    keys[model.id] = createHash('sha1').update(head).update('\0').update(fields).digest('base64');
  }
  return keys;
}
