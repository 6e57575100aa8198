/**
 * JSON Schema (2020-12) of IR types from the kinds and constraints tables. OpenAPI export builds
 * on these (adding shared model components); the agreement test compiles them with ajv.
 */
import type { EnumIR, FieldIR, FileTypeIR, MethodIR, ScalarTypeIR, TypeIR } from '../ir/types.js';
import type { ValueShape } from './constraints/constraint.js';
import { FIELD_CONSTRAINT_LIST, VALUE_CONSTRAINT_LIST } from './constraints/table.js';
import type { ObjectIR } from './constraints/object-constraint.js';
import { OBJECT_CONSTRAINT_LIST } from './constraints/object-table.js';
import type { JsonSchema } from './kind.js';
import { KINDS } from './table.js';

/** What the value constraints see of an IR scalar: its kind, maxLength and enum values. */
export function valueShapeOf(t: ScalarTypeIR, enums: readonly EnumIR[]): ValueShape {
  return {
    type: t.kind,
    ...(t.maxLength !== undefined && { maxLength: t.maxLength }),
    ...(t.enumId !== undefined && { enum: enums[t.enumId]!.values }),
    ...(t.enumId !== undefined && enums[t.enumId]!.open === true && { enumOpen: true }),
  };
}

/** The schema of a scalar value: the kind's keywords, then each value constraint's, in table order. */
export function scalarSchema(shape: ValueShape): JsonSchema {
  const schema: JsonSchema = KINDS[shape.type].jsonSchema();
  for (const c of VALUE_CONSTRAINT_LIST) Object.assign(schema, c.jsonSchema(shape));
  return schema;
}

/** The schema of a file param: the kind's keywords (`format: binary`), and its largest size as a note. */
export function fileSchema(t: FileTypeIR): JsonSchema {
  return { ...KINDS.file.jsonSchema(), ...(t.maxLength === undefined ? {} : KINDS.file.maxBytesSchema(t.maxLength)) };
}

/**
 * The keywords the field constraints (required, requiredIf) and the object constraints (oneOf)
 * add to an object with these fields; their `allOf` entries are joined into one list.
 */
export function objectConstraintSchema(fields: readonly FieldIR[], oneOf?: ObjectIR['oneOf']): JsonSchema {
  const schema: JsonSchema = {};
  const obj: ObjectIR = { fields, ...(oneOf !== undefined && { oneOf }) };
  const parts = [...FIELD_CONSTRAINT_LIST.map((c) => c.objectSchema(fields)), ...OBJECT_CONSTRAINT_LIST.map((c) => c.objectSchema(obj))];
  for (const part of parts) {
    const { allOf, ...rest } = part;
    Object.assign(schema, rest);
    if (Array.isArray(allOf)) schema.allOf = [...((schema.allOf as unknown[] | undefined) ?? []), ...allOf];
  }
  return schema;
}

/**
 * The schema of an IR type, models inline (no components): objects get `properties` in doc order
 * and the field constraints; `strict` (requests) adds `additionalProperties: false`.
 */
export function typeSchema(t: TypeIR, ir: MethodIR, strict: boolean): JsonSchema {
  switch (t.kind) {
    case 'object': {
      const model = ir.models[t.modelId]!;
      return model.open === true ? KINDS.object.jsonSchema() : objectSchema(model.fields, ir, strict, model.oneOf);
    }
    case 'array': {
      const schema = KINDS.array.jsonSchema();
      schema.items = typeSchema(t.items, ir, strict);
      if (t.maxLength !== undefined) schema['x-alipay-max-length'] = t.maxLength;
      return schema;
    }
    case 'file':
      return fileSchema(t);
  }
  return scalarSchema(valueShapeOf(t, ir.enums));
}

export function objectSchema(fields: readonly FieldIR[], ir: MethodIR, strict: boolean, oneOf?: ObjectIR['oneOf']): JsonSchema {
  const schema = KINDS.object.jsonSchema();
  const properties: JsonSchema = {};
  for (const f of fields) {
    Object.defineProperty(properties, f.name, { value: typeSchema(f.type, ir, strict), enumerable: true, writable: true, configurable: true });
  }
  schema.properties = properties;
  Object.assign(schema, objectConstraintSchema(fields, oneOf));
  if (strict) schema.additionalProperties = false;
  return schema;
}

