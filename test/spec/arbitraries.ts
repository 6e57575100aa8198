/** fast-check arbitraries of valid MethodSpecs (every example fits its field), for round-trip properties. */
import fc from 'fast-check';
import type { EnumValue, Field, FieldType, Items, MethodSpec, Requiredness } from '../../generator/spec/model.js';
import type { ScalarKind } from '../../generator/types/kind.js';
import { SCALAR_KINDS, assertNever, scalarModule } from '../../generator/types/table.js';

const text = fc.string({ unit: 'binary', maxLength: 20 });
const wireName = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', '1', 'null', 'a b', '*/'));
const SCALARS: readonly ScalarKind[] = SCALAR_KINDS;

/** An example value of a scalar type, as the doc may write it (a number or boolean field's may be quoted). */
function exampleOf(type: ScalarKind): fc.Arbitrary<string | number | boolean> {
  switch (type) {
    case 'number':
      // Unsafe integers are excluded: the loader rightly rejects them (their digits do not survive).
      return fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0) && !(Number.isInteger(n) && !Number.isSafeInteger(n))), fc.integer().map(String));
    case 'boolean':
      return fc.oneof(fc.boolean(), fc.constantFrom('true', 'false'));
    case 'date':
      return fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 19).replace('T', ' '));
    case 'price':
      return fc.oneof(fc.integer({ min: 0, max: 10_000_000 }).map((c) => (c / 100).toFixed(2)), fc.integer({ min: 0, max: 10_000 }).map(String));
    case 'string':
      return text;
  }
  return assertNever(type);
}

interface ScalarParts {
  type: ScalarKind;
  example?: string | number | boolean;
  enum?: EnumValue[];
  enumOpen?: boolean;
  maxLength?: number;
}

/** Scalar type with a consistent example, enum (containing the example) and maxLength (>= it). */
const scalarParts: fc.Arbitrary<ScalarParts> = fc.constantFrom(...SCALARS).chain((type) =>
  fc.record({ example: exampleOf(type), withEnum: fc.boolean(), others: fc.uniqueArray(text, { maxLength: 3 }), extra: fc.option(fc.nat(5), { nil: undefined }), enumDescription: fc.option(text, { nil: undefined }), open: fc.boolean() }).map(
    ({ example, withEnum, others, extra, enumDescription, open }) => {
      const parts: ScalarParts = { type, example };
      const shown = String(example);
      if (withEnum && scalarModule(type).enumerable) {
        const values = [shown, ...others.filter((o) => o !== shown)];
        parts.enum = values.map((value, i) => (i === 0 && enumDescription !== undefined ? { value, description: enumDescription } : { value }));
        if (open) parts.enumOpen = true;
      }
      const longest = Math.max(shown.length, 1);
      if (extra !== undefined && type !== 'boolean') parts.maxLength = longest + extra;
      return parts;
    },
  ),
);

function fieldList(depth: number): fc.Arbitrary<Field[]> {
  return fc.uniqueArray(fc.tuple(wireName, field(depth)), { selector: ([name]) => name, maxLength: depth === 0 ? 4 : 3 }).map((pairs) =>
    pairs.map(([name, f]) => ({ name, ...f }) as Field),
  );
}

function items(depth: number): fc.Arbitrary<Items> {
  const scalar = scalarParts.map(({ example: _example, ...rest }) => rest as Items);
  if (depth >= 2) return scalar;
  const object = fc.record({ model: fc.option(text, { nil: undefined }), fields: fieldList(depth + 1) }).map(({ model, fields }) => {
    const it: Items = { type: 'object', fields };
    if (model !== undefined) it.model = model;
    return it;
  });
  return fc.oneof(scalar, object);
}

function field(depth: number): fc.Arbitrary<Omit<Field, 'name'>> {
  const common = fc.record({
    required: fc.constantFrom<Requiredness>(true, false, 'conditional'),
    description: fc.option(text, { nil: undefined }),
    deprecated: fc.option(fc.oneof(fc.boolean(), text), { nil: undefined }),
  });
  const kinds: fc.Arbitrary<Omit<Field, 'name' | 'required'>>[] = [scalarParts.map((p) => p as Omit<Field, 'name' | 'required'>)];
  if (depth < 2) {
    kinds.push(fc.record({ model: fc.option(text, { nil: undefined }), fields: fieldList(depth + 1) }).map(({ model, fields }) => (model === undefined ? { type: 'object' as FieldType, fields } : { type: 'object' as FieldType, model, fields })));
    // An open object: a model the page names without its fields.
    kinds.push(text.map((model) => ({ type: 'object' as FieldType, model })));
    kinds.push(items(depth).map((it) => ({ type: 'array' as FieldType, items: it })));
  }
  return fc.tuple(fc.oneof(...kinds), common).map(([shape, c]) => {
    const f: Omit<Field, 'name'> = { ...shape, required: c.required };
    if (c.description !== undefined) f.description = c.description;
    if (c.deprecated !== undefined) f.deprecated = c.deprecated;
    return f;
  });
}

/** Adds a requiredIf to conditional fields that have an earlier sibling to depend on. */
function withRequiredIf(fields: Field[]): Field[] {
  return fields.map((f, i) => {
    const copy = { ...f };
    if (copy.fields) copy.fields = withRequiredIf(copy.fields);
    const sibling = fields[i - 1];
    if (copy.required === 'conditional' && sibling) {
      copy.requiredIf = sibling.enum?.[0] ? { field: sibling.name, equals: sibling.enum[0].value } : { field: sibling.name };
    }
    return copy;
  });
}

/**
 * One-of groups: the first two fields that are not `required: true` form a group, at every level
 * that has them (the request's root and every object's fields).
 */
export function withOneOf<T extends { fields?: Field[]; oneOf?: string[][]; items?: Items }>(owner: T, fields: Field[]): void {
  const members = fields.filter((f) => f.required !== true).slice(0, 2).map((f) => f.name);
  if (members.length === 2) owner.oneOf = [members];
  for (const f of fields) {
    if (f.fields) withOneOf(f, f.fields);
    if (f.items?.fields) withOneOf(f.items, f.items.fields);
  }
}

/** Top-level form params: scalar fields only. */
const paramList: fc.Arbitrary<Field[]> = fc
  .uniqueArray(fc.tuple(wireName, scalarParts, fc.constantFrom<Requiredness>(true, false, 'conditional'), fc.option(text, { nil: undefined })), { selector: ([name]) => name, maxLength: 3 })
  .map((tuples) => tuples.map(([name, parts, required, description]) => (description === undefined ? { name, ...parts, required } : { name, ...parts, required, description }) as Field));

const methodName = fc.array(fc.stringMatching(/^[a-z0-9_]{1,8}$/), { minLength: 2, maxLength: 5 }).map((parts) => parts.join('.'));

export const methodSpec: fc.Arbitrary<MethodSpec> = fc
  .record({
    method: methodName,
    title: fc.option(text, { nil: undefined }),
    description: fc.option(text, { nil: undefined }),
    request: fieldList(0),
    params: fc.option(paramList, { nil: undefined }),
    response: fieldList(0),
    errors: fc.uniqueArray(fc.record({ code: text, description: fc.option(text, { nil: undefined }), solution: fc.option(text, { nil: undefined }) }, { requiredKeys: ['code'] }), { selector: (e) => e.code, maxLength: 3 }),
    notes: fc.option(fc.array(text, { maxLength: 3 }), { nil: undefined }),
    deprecated: fc.option(fc.oneof(fc.boolean(), text), { nil: undefined }),
    oneOf: fc.boolean(),
  })
  .map((s) => {
    const spec: MethodSpec = { method: s.method, request: withRequiredIf(s.request), response: withRequiredIf(s.response), errors: s.errors.map(dropUndefined) };
    // A name may not be both a biz_content field and a top-level param.
    if (s.params !== undefined) spec.params = withRequiredIf(s.params.filter((p) => !s.request.some((f) => f.name === p.name)));
    if (s.title !== undefined) spec.title = s.title;
    if (s.description !== undefined) spec.description = s.description;
    if (s.notes !== undefined) spec.notes = s.notes;
    if (s.deprecated !== undefined) spec.deprecated = s.deprecated;
    if (s.oneOf) {
      withOneOf(spec, [...spec.request, ...(spec.params ?? [])]);
      for (const f of spec.response) if (f.fields) withOneOf(f, f.fields);
    }
    return spec;
  });

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
