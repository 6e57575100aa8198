/**
 * MethodSpec -> MethodIR. Pure. Objects become models (identical shapes with the same doc name
 * are shared, so `MerchantCard` used twice is one type); identical enums on same-named fields are
 * shared. maxLength is kept for scalars and arrays (as a note; see the kinds table), not objects.
 */
import type { Field, Items, MethodSpec, Shape } from '../spec/model.js';
import { scalarModule } from '../types/table.js';
import { DEFAULT_METHOD_KIND } from '../spec/method-kind.js';
import type { EnumIR, FieldIR, MethodIR, ModelIR, ObjectTypeIR, ScalarKind, ScalarTypeIR, TypeIR } from './types.js';

export function buildMethodIR(spec: MethodSpec): MethodIR {
  const builder = new Builder();
  const request = spec.request.map((f) => builder.field(f, 'request'));
  const params = (spec.params ?? []).map((f) => builder.field(f, 'params'));
  const response = spec.response.map((f) => builder.field(f, 'response'));
  const notify = (spec.notify ?? []).map((f) => builder.field(f, 'notify'));
  return freeze({
    method: spec.method,
    ...(spec.title !== undefined && { title: spec.title }),
    ...(spec.description !== undefined && { description: spec.description }),
    ...(spec.deprecated !== undefined && { deprecated: spec.deprecated }),
    request,
    params,
    ...(spec.oneOf !== undefined && spec.oneOf.length > 0 && { oneOf: spec.oneOf.map((g) => [...g]) }),
    response,
    kind: spec.kind ?? DEFAULT_METHOD_KIND,
    notify,
    models: builder.models,
    enums: builder.enums,
    errors: spec.errors.map((e) => ({ ...e })),
    ...(spec.examples !== undefined && { examples: structuredClone(spec.examples) }),
    ...(spec.v3 !== undefined && { v3: structuredClone(spec.v3) }),
  });
}

/** Collects models and enums of one method; lives for one buildMethodIR call only. */
class Builder {
  readonly models: ModelIR[] = [];
  readonly enums: EnumIR[] = [];
  private readonly modelKeys = new Map<string, number>();
  private readonly enumKeys = new Map<string, number>();

  field(f: Field, origin: string): FieldIR {
    const path = `${origin}.${f.name}`;
    return {
      name: f.name,
      type: this.type(f, f.name, path),
      required: f.required,
      ...(f.requiredIf !== undefined && { requiredIf: { ...f.requiredIf } }),
      ...(f.description !== undefined && { description: f.description }),
      ...(f.example !== undefined && { example: f.example }),
      ...(f.deprecated !== undefined && { deprecated: f.deprecated }),
    };
  }

  private type(shape: Shape, hint: string, path: string): TypeIR {
    if (shape.type === 'array') {
      const items: Items = shape.items ?? { type: 'string' };
      return {
        kind: 'array',
        items: this.itemType(items, hint, path + '[]'),
        ...(shape.maxLength !== undefined && { maxLength: shape.maxLength }),
      };
    }
    if (shape.type === 'file') return { kind: 'file', ...(shape.maxLength !== undefined && { maxLength: shape.maxLength }) };
    return this.itemType(shape as Items, hint, path);
  }

  private itemType(shape: Items, hint: string, path: string): ScalarTypeIR | ObjectTypeIR {
    if (shape.type === 'object') return { kind: 'object', modelId: this.model(shape, hint, path) };
    const kind: ScalarKind = shape.type;
    // A kind that is not enumerable (boolean) has no value set worth a type of its own.
    const enumId = shape.enum && shape.enum.length > 0 && scalarModule(kind).enumerable ? this.enumOf(kind, shape.enum, hint, shape.enumOpen === true) : undefined;
    return {
      kind,
      ...(shape.maxLength !== undefined && { maxLength: shape.maxLength }),
      ...(enumId !== undefined && { enumId }),
    };
  }

  private model(shape: Shape, hint: string, path: string): number {
    const fields = (shape.fields ?? []).map((f) => this.field(f, path));
    // No `fields` at all: the page does not show them (an open object), unlike a documented `fields: {}`.
    const open = shape.fields === undefined;
    const oneOf = (shape.oneOf ?? []).filter((g) => g.length > 0).map((g) => [...g]);
    const key = JSON.stringify([shape.model ?? null, shape.model === undefined ? hint : null, fields, open, oneOf]);
    const known = this.modelKeys.get(key);
    if (known !== undefined) return known;
    const id = this.models.length;
    this.models.push({
      id,
      ...(shape.model !== undefined && { docName: shape.model }),
      nameHint: hint,
      origin: path,
      fields,
      ...(oneOf.length > 0 && { oneOf }),
      ...(open && { open }),
    });
    this.modelKeys.set(key, id);
    return id;
  }

  private enumOf(kind: ScalarKind, values: readonly { value: string; description?: string }[], hint: string, open: boolean): number {
    // A value listed twice keeps its first description (duplicate keys would not compile).
    const seen = new Set<string>();
    const list = values
      .filter((v) => !seen.has(v.value) && seen.add(v.value))
      .map((v) => ({ value: v.value, ...(v.description !== undefined && { description: v.description }) }));
    const key = JSON.stringify([hint, kind, list, open]);
    const known = this.enumKeys.get(key);
    if (known !== undefined) return known;
    const id = this.enums.length;
    // Numeric literals when every value is the text of a number of the kind: the wire value itself.
    const m = scalarModule(kind);
    const literal = m.tsType === 'number' && list.every((v) => typeof m.wireValue(v.value) === 'number') ? 'number' : 'string';
    this.enums.push({ id, nameHint: hint, kind, values: list, literal, ...(open && { open }) });
    this.enumKeys.set(key, id);
    return id;
  }
}

/** Deep-freezes the IR so no later stage can mutate shared data by accident. */
function freeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) freeze(v);
  }
  return value;
}
