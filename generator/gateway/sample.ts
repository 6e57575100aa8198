/**
 * The success answer of a method: the doc's example response node when the method has one (and
 * it is a success), else a node built from the response fields, each with its example when that is
 * a valid value of the field, else its first documented value, else the kind's sample (kinds table).
 */
import type { FieldIR, MethodIR, ModelIR, ScalarTypeIR, TypeIR } from '../ir/types.js';
import { valueProblems } from '../types/check.js';
import { valueShapeOf } from '../types/json-schema.js';
import { KINDS, scalarModule } from '../types/table.js';
import { responseNodeKey } from '../../templates/runtime/response.js';
import { SUCCESS_CODE, type Node } from './codes.js';

type Example = FieldIR['example'];

/** The first candidate that is a valid value of the scalar (kind and constraints), else the kind's sample. */
export function sampleScalar(t: ScalarTypeIR, example: Example, ir: MethodIR): unknown {
  const kind = scalarModule(t.kind);
  const shape = valueShapeOf(t, ir.enums);
  // Examples are kept as the doc wrote them ("12" for a number): read as the kind's wire value.
  const candidates = [example, shape.enum?.[0]?.value].filter((c) => c !== undefined).map((c) => kind.wireValue(String(c)));
  return candidates.find((c) => valueProblems(c, shape).length === 0) ?? kind.sample;
}

function sampleOf(t: TypeIR, example: Example, ir: MethodIR): unknown {
  if (t.kind === 'object') {
    const model = ir.models[t.modelId]!;
    // An open model's fields are not on the page: an empty object, never invented fields.
    return model.open === true ? { ...KINDS.object.open.sample } : sampleObject(model.fields, ir, model.oneOf);
  }
  if (t.kind === 'array') return [sampleOf(t.items, example, ir)];
  // Never in an answer (the loader keeps files to request params); the kind's sample for completeness.
  if (t.kind === 'file') return KINDS.file.sample;
  return sampleScalar(t, example, ir);
}

/** Every field with a sample value; of a one-of group only its first member (exactly one is sent). */
function sampleObject(fields: readonly FieldIR[], ir: MethodIR, oneOf: ModelIR['oneOf'] = []): Node {
  const node: Node = {};
  const skipped = new Set(oneOf.flatMap((group) => group.slice(1)));
  // defineProperty: a documented field named __proto__ stays plain data.
  for (const f of fields) if (!skipped.has(f.name)) Object.defineProperty(node, f.name, { value: sampleOf(f.type, f.example, ir), enumerable: true, writable: true, configurable: true });
  return node;
}

/** A node built from the response fields: code and msg first, then every field with a sample value. */
export function responseFromSchema(ir: MethodIR): Node {
  return { code: SUCCESS_CODE, msg: 'Success', ...sampleObject(ir.response, ir) };
}

/** The node the gateway answers a valid request with. */
export function successNode(ir: MethodIR): Node {
  const example = (ir.examples?.response as Record<string, unknown> | undefined)?.[responseNodeKey(ir.method)];
  if (typeof example === 'object' && example !== null && !Array.isArray(example) && (example as Node)['code'] === SUCCESS_CODE) {
    return example as Node;
  }
  return responseFromSchema(ir);
}
