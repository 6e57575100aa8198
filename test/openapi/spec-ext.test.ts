/**
 * The spec-format additions in the OpenAPI export: one-of groups as `oneOf` of `required` lists
 * (the request's own and a model's, joined with requiredIf's `allOf`), open enums as an `anyOf`
 * of the documented values and the kind with `x-enum-open`, and open models as any object
 * (`x-alipay-open`), never an invented field list. ajv checks that the schemas mean what the
 * generated validators do on a few crafted requests.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../generator/openapi/document.js';
import type { Field, MethodSpec } from '../../generator/spec/model.js';

type Json = Record<string, any>;

const f = (name: string, rest: Partial<Field> = {}): Field => ({ name, type: 'string', required: false, ...rest });

const spec: MethodSpec = {
  method: 'alipay.demo.ext.query',
  request: [
    f('out_trade_no', { required: 'conditional' }),
    f('trade_no', { required: 'conditional' }),
    f('code', { required: 'conditional', requiredIf: { field: 'trade_no' } }),
    f('options', { type: 'array', items: { type: 'string', enum: [{ value: 'A', description: 'a' }, { value: 'B' }], enumOpen: true } }),
    f('level', { type: 'number', enum: [{ value: '1' }], enumOpen: true }),
    f('payer', { type: 'object', model: 'Payer', fields: [f('user_id'), f('open_id')], oneOf: [['user_id', 'open_id']] }),
    f('ext', { type: 'object', model: 'ExtInfo' }),
  ],
  oneOf: [['out_trade_no', 'trade_no']],
  response: [f('bill', { type: 'object', model: 'ExtInfo', required: true })],
  errors: [],
};

const doc = buildOpenApiDocument([spec]) as Json;
const schemas = doc.components.schemas as Json;
const request = schemas.AlipayDemoExtQueryRequest as Json;

describe('OpenAPI', () => {
  it('a request group is a oneOf of required lists, beside requiredIf in one allOf', () => {
    expect(request.dependentRequired).toEqual({ trade_no: ['code'] });
    expect(request.allOf).toEqual([{ oneOf: [{ required: ['out_trade_no'] }, { required: ['trade_no'] }] }]);
  });

  it('a model group is on the model component', () => {
    expect(schemas.Payer.allOf).toEqual([{ oneOf: [{ required: ['user_id'] }, { required: ['open_id'] }] }]);
  });

  it('an open enum keeps its values and descriptions without restricting the value', () => {
    expect(request.properties.options.items).toEqual({ type: 'string', anyOf: [{ enum: ['A', 'B'] }, { type: 'string' }], 'x-enum-open': true, 'x-enum-descriptions': ['a', ''] });
    expect(request.properties.level).toMatchObject({ type: 'number', anyOf: [{ enum: [1] }, { type: 'number' }], 'x-enum-open': true });
  });

  it('an open model is any object, one component for the request and the response', () => {
    expect(schemas.ExtInfo).toEqual({ type: 'object', title: 'ExtInfo', 'x-alipay-open': true });
    expect(request.properties.ext).toEqual({ $ref: '#/components/schemas/ExtInfo' });
  });

  it.each<[string, unknown, boolean]>([
    ['one member', { trade_no: 't', code: 'c' }, true],
    ['none', {}, false],
    ['both', { trade_no: 't', out_trade_no: 'o', code: 'c' }, false],
    ['an undocumented open enum value', { out_trade_no: 'o', options: ['Z'], level: 9 }, true],
    ['an open enum of the wrong kind', { out_trade_no: 'o', level: '9' }, false],
    ['any object in an open model', { out_trade_no: 'o', ext: { a: [1] } }, true],
    ['both members of the model group', { out_trade_no: 'o', payer: { user_id: 'u', open_id: 'x' } }, false],
  ])('ajv on the document: %s', (_what, value, valid) => {
    const ajv = new Ajv2020({ strict: false });
    ajv.addSchema({ $id: 'https://example.test/doc', components: { schemas } });
    const check = ajv.compile({ $ref: 'https://example.test/doc#/components/schemas/AlipayDemoExtQueryRequest' });
    expect(check(value)).toBe(valid);
  });
});
