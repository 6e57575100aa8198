/**
 * IR fields -> JSON Schema 2020-12 (the dialect of OpenAPI 3.1).
 *
 * Models with a doc name (`model: MerchantCard`) become shared component schemas so that a
 * catalogue where thousands of methods use the same model stays small; anonymous objects are
 * written inline. Two methods may define different models under one name, so sharing is by the
 * model's identity (identity.ts: doc name and content), and names are handed out once every method
 * has been seen (`finish`): a name with one variant keeps the model name, a name with several
 * variants is qualified by the first method that uses each variant.
 */
import type { FieldIR, MethodIR, ModelIR, TypeIR } from '../ir/types.js';
import { pascalName } from '../plan/names.js';
import type { ValueConstraint } from '../types/constraints/constraint.js';
import { VALUE_CONSTRAINT_LIST } from '../types/constraints/table.js';
import { fileSchema, objectConstraintSchema, valueShapeOf } from '../types/json-schema.js';
import { KINDS } from '../types/table.js';
import { modelIdentities } from './identity.js';
import type { NameRegistry } from './names.js';
import { ownObject, type JsonObject } from './own.js';

export const COMPONENT_PREFIX = '#/components/schemas/';

/**
 * Every value constraint of the table, the kind's format first: the keywords that say what the
 * value is (type, pattern, x-alipay-type) stay together, as the document has always written them.
 */
const DOCUMENT_ORDER: readonly ValueConstraint[] = [
  ...VALUE_CONSTRAINT_LIST.filter((c) => c.name === 'format'),
  ...VALUE_CONSTRAINT_LIST.filter((c) => c.name !== 'format'),
];

interface ModelVariant {
  model: string;
  schema: JsonObject;
  firstMethod: string;
}

export class SchemaBuilder {
  /** Model variants by identity, in first-seen order. */
  private readonly variants = new Map<string, ModelVariant>();
  /** `$ref` objects waiting for their variant's final name. */
  private readonly pendingRefs: { target: JsonObject; key: string }[] = [];
  private ir: MethodIR | undefined;
  private identities: readonly string[] = [];

  /** The method whose fields are being converted (its models; names variants that need qualifying). */
  forMethod(ir: MethodIR): this {
    this.ir = ir;
    this.identities = modelIdentities(ir);
    return this;
  }

  /** An object schema for a list of fields: properties, required, conditional requirements and one-of groups. */
  objectSchema(fields: readonly FieldIR[], title?: string, oneOf?: ModelIR['oneOf']): JsonObject {
    const schema: JsonObject = KINDS.object.jsonSchema();
    if (title !== undefined) schema.title = title;
    schema.properties = ownObject(fields.map((f) => [f.name, this.fieldSchema(f)] as const));
    return Object.assign(schema, objectConstraintSchema(fields, oneOf));
  }

  /** A model's schema: an open model (fields not shown by the page) is any object, marked `x-alipay-open`. */
  private modelBody(model: ModelIR, title?: string): JsonObject {
    if (model.open !== true) return this.objectSchema(model.fields, title, model.oneOf);
    const schema: JsonObject = KINDS.object.jsonSchema();
    if (title !== undefined) schema.title = title;
    schema['x-alipay-open'] = true;
    return schema;
  }

  fieldSchema(field: FieldIR): JsonObject {
    const schema = this.typeSchema(field.type);
    if (field.description !== undefined && field.description !== '') schema.description = field.description;
    if (field.required === 'conditional') schema['x-alipay-required'] = 'conditional';
    if (field.deprecated !== undefined && field.deprecated !== false) {
      schema.deprecated = true;
      if (typeof field.deprecated === 'string') schema['x-deprecation-note'] = field.deprecated;
    }
    if (field.example !== undefined) schema.examples = [field.example];
    return schema;
  }

  private typeSchema(type: TypeIR): JsonObject {
    if (type.kind === 'object') return this.modelSchema(this.method().models[type.modelId]!);
    if (type.kind === 'array') {
      const schema: JsonObject = KINDS.array.jsonSchema();
      schema.items = this.typeSchema(type.items);
      // JSON Schema has no keyword for a documented list length: kept as a note (as types/json-schema.ts does).
      if (type.maxLength !== undefined) schema['x-alipay-max-length'] = type.maxLength;
      return schema;
    }
    if (type.kind === 'file') return fileSchema(type);
    const shape = valueShapeOf(type, this.method().enums);
    const schema: JsonObject = KINDS[type.kind].jsonSchema();
    for (const c of DOCUMENT_ORDER) Object.assign(schema, c.jsonSchema(shape));
    return schema;
  }

  private modelSchema(model: ModelIR): JsonObject {
    if (model.docName === undefined) return this.modelBody(model);
    const key = this.identities[model.id]!;
    if (!this.variants.has(key)) {
      // Children are registered while the schema is built, before their parent (as the IR lists them).
      const schema = this.modelBody(model, model.docName);
      this.variants.set(key, { model: model.docName, schema, firstMethod: this.method().method });
    }
    // A fresh ref per use: a field adds its own description beside the $ref.
    const ref: JsonObject = { $ref: '' };
    this.pendingRefs.push({ target: ref, key });
    return ref;
  }

  private method(): MethodIR {
    if (this.ir === undefined) throw new Error('SchemaBuilder: forMethod() first');
    return this.ir;
  }

  /** Names every model variant, resolves the pending refs, and returns the model components. */
  finish(names: NameRegistry): Map<string, JsonObject> {
    const variantCount = new Map<string, number>();
    for (const v of this.variants.values()) variantCount.set(v.model, (variantCount.get(v.model) ?? 0) + 1);
    const nameOf = new Map<string, string>();
    const components = new Map<string, JsonObject>();
    for (const [key, v] of this.variants) {
      const wanted = variantCount.get(v.model) === 1 ? v.model : `${v.model}_${pascalName(v.firstMethod, 'Method')}`;
      const name = names.claim(wanted);
      nameOf.set(key, name);
      components.set(name, v.schema);
    }
    for (const { target, key } of this.pendingRefs) target.$ref = COMPONENT_PREFIX + nameOf.get(key)!;
    return components;
  }
}
