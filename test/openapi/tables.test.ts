/**
 * The OpenAPI export read through the kinds table and the IR, table-driven: the schema of each
 * scalar kind (key order included, it is part of the byte-identical output), enum and requiredIf
 * values as the kinds' wire values, model components by model identity across methods, and the
 * names it shares with the runtime (response node) and the package (PascalCase).
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../generator/openapi/document.js';
import { planNames } from '../../generator/plan/package.js';
import type { Field, MethodSpec } from '../../generator/spec/model.js';
import type { ScalarKind } from '../../generator/types/kind.js';
import { SCALAR_KINDS, scalarModule } from '../../generator/types/table.js';
import { DATE_TIME_PATTERN, PRICE_PATTERN } from '../../templates/runtime/formats.js';
import { responseNodeKey } from '../../templates/runtime/response.js';

type Json = Record<string, any>;

const method = (name: string, request: Field[], response: Field[] = []): MethodSpec => ({ method: name, request, response, errors: [] });

function requestSchema(spec: MethodSpec): Json {
  const doc = buildOpenApiDocument([spec]) as Json;
  return doc.components.schemas[`${planNames([spec.method], [])[0]!.exports.request}`];
}

/** Per kind: a field with maxLength 32 and an enum of the kind's sample, as the document writes it (keys in order). */
const EXPECTED: Record<ScalarKind, Json> = {
  string: { type: 'string', maxLength: 32, enum: ['x'] },
  number: { type: 'number', 'x-alipay-max-length': 32, enum: [1] },
  // A boolean's value set is no constraint (the kind is not enumerable).
  boolean: { type: 'boolean', 'x-alipay-max-length': 32 },
  date: { type: 'string', pattern: DATE_TIME_PATTERN, 'x-alipay-type': 'date', maxLength: 32, enum: ['2024-01-01 12:00:00'] },
  price: { type: 'string', pattern: PRICE_PATTERN, 'x-alipay-type': 'price', maxLength: 32, enum: ['0.01'] },
};

describe('scalar schemas from the kinds table', () => {
  it.each(SCALAR_KINDS)('%s: keywords and their order', (kind) => {
    const sample = String(scalarModule(kind).sample);
    const schema = requestSchema(method('a.b', [{ name: 'f', type: kind, required: true, maxLength: 32, enum: [{ value: sample }] }]));
    const field = schema.properties.f;
    expect(field).toEqual(EXPECTED[kind]);
    expect(Object.keys(field)).toEqual(Object.keys(EXPECTED[kind]));
  });

  it.each(SCALAR_KINDS)('%s: the schema accepts the kind sample and refuses another JSON type', (kind) => {
    const schema = requestSchema(method('a.b', [{ name: 'f', type: kind, required: true }]));
    const check = new Ajv2020({ strict: false }).compile(schema);
    const sample = scalarModule(kind).sample;
    expect(check({ f: sample })).toBe(true);
    expect(check({ f: typeof sample === 'string' ? 1 : 'x' })).toBe(false);
  });
});

describe('enum and requiredIf values are the kinds table wire values', () => {
  it.each([
    ['number', '3', 3],
    ['number', '-2.5', -2.5],
    ['number', '1e+21', 1e21],
    ['number', '01', '01'],
    ['number', 'abc', 'abc'],
    ['boolean', 'true', true],
    ['boolean', 'no', 'no'],
    ['string', '3', '3'],
    ['price', '0.10', '0.10'],
  ] as const)('%s %j -> %j in requiredIf const', (kind, text, wire) => {
    const schema = requestSchema(
      method('a.b', [
        { name: 's', type: kind, required: false },
        { name: 't', type: 'string', required: 'conditional', requiredIf: { field: 's', equals: text } },
      ]),
    );
    expect(schema.allOf).toEqual([{ if: { properties: { s: { const: wire } }, required: ['s'] }, then: { required: ['t'] } }]);
  });

  it('any spec text: enum values and equals are wireValue of the text, for every enumerable kind', () => {
    const enumerable = SCALAR_KINDS.filter((k) => scalarModule(k).enumerable);
    fc.assert(
      fc.property(fc.constantFrom(...enumerable), fc.uniqueArray(fc.string(), { minLength: 1, maxLength: 5 }), (kind, values) => {
        const schema = requestSchema(
          method('a.b', [
            { name: 's', type: kind, required: false, enum: values.map((value) => ({ value })) },
            { name: 't', type: 'string', required: false, requiredIf: { field: 's', equals: values[0]! } },
          ]),
        );
        const wire = values.map((v) => scalarModule(kind).wireValue(v));
        expect(schema.properties.s.enum).toEqual(wire);
        expect(schema.allOf[0].if.properties.s.const).toEqual(wire[0]);
      }),
      { numRuns: 60 },
    );
  });
});

const model = (name: string | undefined, fields: Field[], field = 'm'): Field => ({
  name: field,
  type: 'object',
  ...(name !== undefined && { model: name }),
  required: false,
  fields,
});
const text = (name: string, description?: string): Field => ({ name, type: 'string', required: false, ...(description !== undefined && { description }) });

describe('model components: one per model identity, across methods', () => {
  it.each<{ name: string; a: Field[]; b: Field[]; components: string[] }>([
    { name: 'same name, same content: shared', a: [model('M', [text('x')])], b: [model('M', [text('x')])], components: ['M'] },
    {
      name: 'same name, other content: qualified by the first method using each',
      a: [model('M', [text('x', 'one')])],
      b: [model('M', [text('x', 'two')])],
      components: ['M_AlipayA', 'M_AlipayB'],
    },
    {
      name: 'same parent fields, different nested model: both levels qualified',
      a: [model('P', [model('C', [text('x')], 'c')])],
      b: [model('P', [model('C', [text('y')], 'c')])],
      components: ['C_AlipayA', 'C_AlipayB', 'P_AlipayA', 'P_AlipayB'],
    },
    {
      name: 'same name, different value set on a field: qualified',
      a: [model('M', [{ ...text('x'), enum: [{ value: 'A' }] }])],
      b: [model('M', [{ ...text('x'), enum: [{ value: 'B' }] }])],
      components: ['M_AlipayA', 'M_AlipayB'],
    },
    { name: 'anonymous objects stay inline', a: [model(undefined, [text('x')])], b: [model(undefined, [text('y')])], components: [] },
    {
      name: 'a model used twice in one method: one component',
      a: [model('M', [text('x')]), model('M', [text('x')], 'again')],
      b: [],
      components: ['M'],
    },
  ])('$name', ({ a, b, components }) => {
    const doc = buildOpenApiDocument([method('alipay.a', a, a), method('alipay.b', b)]) as Json;
    const models = Object.keys(doc.components.schemas).filter((n) => !/^Alipay(A|B)(Request|Response)$|^AlipayErrorResponse$/.test(n));
    expect(models.sort()).toEqual(components);
    // Every $ref points at a component.
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    for (const ref of refs) expect(doc.components.schemas).toHaveProperty([ref]);
  });
});

describe('model identity, any text', () => {
  it('two methods share a model exactly when its content is equal (texts that look like ids included)', () => {
    const texts = fc.oneof(fc.string(), fc.constantFrom('"modelId":0', '"modelId":1', '"enumId":0', '\\"modelId\\":0'));
    fc.assert(
      fc.property(texts, texts, (a, b) => {
        const spec = (name: string, description: string) =>
          method(name, [model('M', [text('x', description), model('C', [{ ...text('y'), enum: [{ value: 'V' }] }], 'c')])]);
        const doc = buildOpenApiDocument([spec('alipay.a', a), spec('alipay.b', b)]) as Json;
        const names = Object.keys(doc.components.schemas).filter((n) => n.startsWith('M'));
        expect(names).toEqual(a === b ? ['M'] : ['M_AlipayA', 'M_AlipayB']);
      }),
      { numRuns: 100 },
    );
  });
});

describe('names shared with the runtime and the package', () => {
  it.each(['alipay.trade.query', 'koubei.member_data.isv.create', '3d.secure.pay', 'A.b'])('%s', (name) => {
    const doc = buildOpenApiDocument([method(name, [text('x')], [text('y')])]) as Json;
    const { exports } = planNames([name], [])[0]!;
    // Component names are the package's Request/Response type names (plan/names.ts pascalName).
    expect(doc.components.schemas).toHaveProperty([exports.request]);
    expect(doc.components.schemas).toHaveProperty([exports.response]);
    // The answer's node is the runtime's responseNodeKey.
    const answer = doc.paths[`/${name}`].post.responses['200'].content['application/json'].schema;
    expect(Object.keys(answer.properties)).toEqual([responseNodeKey(name), 'error_response', 'sign']);
  });

  it('a method name starting with a digit gets the package prefix', () => {
    const doc = buildOpenApiDocument([method('3d.secure.pay', [text('x')])]) as Json;
    expect(Object.keys(doc.components.schemas)).toContain('Method3dSecurePayRequest');
  });
});

