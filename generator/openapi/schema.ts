/**
 * Spec fields -> JSON Schema 2020-12 (the dialect of OpenAPI 3.1).
 *
 * Named models (`model: MerchantCard`) become shared component schemas so that a catalogue where
 * thousands of methods use the same model stays small. Two methods may define different models
 * under one name, so sharing is by content: each model schema is keyed by a hash of its own
 * content (children already reduced to their keys), and names are handed out once every spec has
 * been seen (`finish`): a name with one variant keeps the model name, a name with several variants
 * is qualified by the first method that uses each variant.
 */
import { createHash } from 'node:crypto';
import type { EnumValue, Field, ItemType, Shape } from '../spec/model.js';
import { methodPascal, type NameRegistry } from './names.js';
import { ownObject, setOwn, type JsonObject } from './own.js';

/** `yyyy-MM-dd HH:mm:ss`, the gateway's Date format. */
export const DATE_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01]) ([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d$';
/** Yuan with at most two decimals, as the gateway's Price fields expect. */
export const PRICE_PATTERN = '^(0|[1-9]\\d*)(\\.\\d{1,2})?$';

export const COMPONENT_PREFIX = '#/components/schemas/';

interface ModelVariant {
  model: string;
  schema: JsonObject;
  firstMethod: string;
}

export class SchemaBuilder {
  /** Model variants by content key, in first-seen order. */
  private readonly variants = new Map<string, ModelVariant>();
  /** `$ref` objects waiting for their variant's final name. */
  private readonly pendingRefs: { target: JsonObject; key: string }[] = [];
  private method = '';

  /** The method whose fields are being converted (names variants that need qualifying). */
  forMethod(method: string): this {
    this.method = method;
    return this;
  }

  /** An object schema for a list of fields: properties, required and conditional requirements. */
  objectSchema(fields: readonly Field[], title?: string): JsonObject {
    const schema: JsonObject = { type: 'object' };
    if (title !== undefined) schema.title = title;
    schema.properties = ownObject(fields.map((f) => [f.name, this.fieldSchema(f)] as const));
    const required = fields.filter((f) => f.required === true).map((f) => f.name);
    if (required.length > 0) schema.required = required;
    addConditions(schema, fields);
    return schema;
  }

  fieldSchema(field: Field): JsonObject {
    const schema = this.shapeSchema(field);
    if (field.description !== undefined && field.description !== '') schema.description = field.description;
    if (field.required === 'conditional') schema['x-alipay-required'] = 'conditional';
    if (field.deprecated !== undefined && field.deprecated !== false) {
      schema.deprecated = true;
      if (typeof field.deprecated === 'string') schema['x-deprecation-note'] = field.deprecated;
    }
    if (field.example !== undefined) schema.examples = [field.example];
    return schema;
  }

  private shapeSchema(shape: Shape): JsonObject {
    switch (shape.type) {
      case 'object':
        return shape.model !== undefined
          ? this.modelRef(shape.model, this.objectSchema(shape.fields ?? [], shape.model))
          : this.objectSchema(shape.fields ?? []);
      case 'array': {
        const schema: JsonObject = {
          type: 'array',
          items: shape.items !== undefined ? this.shapeSchema(shape.items) : {},
        };
        if (shape.maxLength !== undefined) schema['x-alipay-max-length'] = shape.maxLength;
        return schema;
      }
      default:
        return scalarSchema(shape.type, shape.maxLength, shape.enum);
    }
  }

  private modelRef(model: string, schema: JsonObject): JsonObject {
    const key = createHash('sha1').update(model).update('\0').update(JSON.stringify(schema)).digest('hex');
    if (!this.variants.has(key)) this.variants.set(key, { model, schema, firstMethod: this.method });
    // The key stands in for the ref until names are known; parent hashes include it, so a parent
    // is keyed by its children's content, not their names.
    const ref: JsonObject = { $ref: `\0${key}` };
    this.pendingRefs.push({ target: ref, key });
    return ref;
  }

  /** Names every model variant, resolves the pending refs, and returns the model components. */
  finish(names: NameRegistry): Map<string, JsonObject> {
    const variantCount = new Map<string, number>();
    for (const v of this.variants.values()) variantCount.set(v.model, (variantCount.get(v.model) ?? 0) + 1);
    const nameOf = new Map<string, string>();
    const components = new Map<string, JsonObject>();
    for (const [key, v] of this.variants) {
      const wanted = variantCount.get(v.model) === 1 ? v.model : `${v.model}_${methodPascal(v.firstMethod)}`;
      const name = names.claim(wanted);
      nameOf.set(key, name);
      components.set(name, v.schema);
    }
    for (const { target, key } of this.pendingRefs) target.$ref = COMPONENT_PREFIX + nameOf.get(key)!;
    return components;
  }
}

function scalarSchema(type: Exclude<ItemType, 'object'>, maxLength?: number, values?: readonly EnumValue[]): JsonObject {
  const schema: JsonObject = {};
  switch (type) {
    case 'string':
      schema.type = 'string';
      break;
    case 'date':
      schema.type = 'string';
      schema.pattern = DATE_PATTERN;
      schema['x-alipay-type'] = 'date';
      break;
    case 'price':
      schema.type = 'string';
      schema.pattern = PRICE_PATTERN;
      schema['x-alipay-type'] = 'price';
      break;
    case 'number':
      schema.type = 'number';
      break;
    case 'boolean':
      schema.type = 'boolean';
      break;
  }
  if (maxLength !== undefined) {
    // JSON Schema's maxLength only constrains strings; for numbers the doc's length is kept as a note.
    if (schema.type === 'string') schema.maxLength = maxLength;
    else schema['x-alipay-max-length'] = maxLength;
  }
  if (values !== undefined && values.length > 0) {
    schema.enum = values.map((v) => wireValue(type, v.value));
    if (values.some((v) => v.description !== undefined)) {
      schema['x-enum-descriptions'] = values.map((v) => v.description ?? '');
    }
  }
  return schema;
}

/** Spec enum values and `equals` are strings; on the wire a number field carries a number. */
function wireValue(type: ItemType | 'array', value: string): string | number | boolean {
  if (type === 'number' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

/** requiredIf -> dependentRequired (sibling present) or if/then (sibling has a value). */
function addConditions(schema: JsonObject, fields: readonly Field[]): void {
  const dependent: JsonObject = {};
  const rules: JsonObject[] = [];
  for (const f of fields) {
    const cond = f.requiredIf;
    if (cond === undefined) continue;
    if (cond.equals === undefined) {
      const list = (Object.hasOwn(dependent, cond.field) ? dependent[cond.field] : undefined) as string[] | undefined;
      if (list !== undefined) list.push(f.name);
      else setOwn(dependent, cond.field, [f.name]);
    } else {
      const sibling = fields.find((s) => s.name === cond.field);
      const value = wireValue(sibling?.type ?? 'string', cond.equals);
      rules.push({
        if: { properties: ownObject([[cond.field, { const: value }]]), required: [cond.field] },
        then: { required: [f.name] },
      });
    }
  }
  if (Object.keys(dependent).length > 0) schema.dependentRequired = dependent;
  if (rules.length > 0) schema.allOf = rules;
}
