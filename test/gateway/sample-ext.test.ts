/**
 * The local gateway's schema-built answer for the spec-format additions: an open model is `{}`
 * (never invented fields), a one-of group sends its first member only, an open enum its first
 * documented value; the answer passes the generated response validator's rules as the IR says.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { checkBizContent } from '../../generator/gateway/business.js';
import { loadGatewayMethods } from '../../generator/gateway/methods.js';
import { responseFromSchema } from '../../generator/gateway/sample.js';
import { buildMethodIR } from '../../generator/ir/build.js';
import type { Field, MethodSpec } from '../../generator/spec/model.js';
import { generatedPackage } from './helpers.js';

const f = (name: string, rest: Partial<Field> = {}): Field => ({ name, type: 'string', required: false, ...rest });

describe('schema-built answers', () => {
  it('an open model is an empty object, a group sends its first member, an open enum its first value', () => {
    const ir = buildMethodIR({
      method: 'alipay.demo.sample',
      request: [],
      response: [
        f('bills', { type: 'array', items: { type: 'object', model: 'TradeFundBill' } }),
        f('ext', { type: 'object', model: 'ExtInfo', required: true }),
        f('payer', { type: 'object', fields: [f('user_id', { example: 'u1' }), f('open_id'), f('name')], oneOf: [['user_id', 'open_id']] }),
        f('kind', { enum: [{ value: 'A' }, { value: 'B' }], enumOpen: true }),
      ],
      errors: [],
    });
    expect(responseFromSchema(ir)).toEqual({ code: '10000', msg: 'Success', bills: [{}], ext: {}, payer: { user_id: 'u1', name: 'x' }, kind: 'A' });
  });

  it('two open fields get two objects (no shared instance a handler could mutate for both)', () => {
    const ir = buildMethodIR({ method: 'alipay.demo.sample', request: [], response: [f('a', { type: 'object', model: 'M' }), f('b', { type: 'object', model: 'M' })], errors: [] });
    const node = responseFromSchema(ir) as Record<string, unknown>;
    expect(node.a).toEqual({});
    expect(node.a).not.toBe(node.b);
  });
});

const spec: MethodSpec = {
  method: 'alipay.demo.ext.query',
  request: [f('trade_no', { required: 'conditional' }), f('out_trade_no', { required: 'conditional' }), f('kind', { enum: [{ value: 'A' }], enumOpen: true }), f('ext', { type: 'object', model: 'ExtInfo' })],
  oneOf: [['trade_no', 'out_trade_no']],
  response: [
    f('bills', { type: 'array', required: true, items: { type: 'object', model: 'TradeFundBill' } }),
    f('payer', { type: 'object', required: true, fields: [f('user_id', { required: 'conditional' }), f('open_id', { required: 'conditional' })], oneOf: [['user_id', 'open_id']] }),
  ],
  errors: [],
};

const cacheDir = mkdtemp(join(tmpdir(), 'gateway-ext-'));
afterAll(async () => rm(await cacheDir, { recursive: true, force: true }));

describe('the gateway validates with the generated validators', () => {
  it.each<[string, unknown, string | undefined]>([
    ['one member, an undocumented open enum value, any object in an open model', { trade_no: 't', kind: 'Z', ext: { a: 1 } }, undefined],
    ['none of the group', { kind: 'A' }, 'exactly one of trade_no, out_trade_no is required'],
    ['both of the group', { trade_no: 't', out_trade_no: 'o' }, 'exactly one of trade_no, out_trade_no is allowed'],
  ])('%s', async (_what, biz, refused) => {
    const method = (await loadGatewayMethods([spec], await cacheDir)).get(spec.method)!;
    const answer = checkBizContent(method, JSON.stringify(biz));
    if (refused === undefined) expect(answer).toBeUndefined();
    else expect(answer).toMatchObject({ code: '40002', sub_code: 'isv.invalid-parameter', sub_msg: expect.stringContaining(`biz_content: ${refused}`) });
  });

  it('its schema-built answer passes the generated response validator', async () => {
    const pkg = await generatedPackage([spec]);
    onTestFinished(() => rm(pkg.dir, { recursive: true, force: true }));
    const node = responseFromSchema(buildMethodIR(spec));
    expect(node).toMatchObject({ bills: [{}], payer: { user_id: 'x' } });
    expect(pkg.index.validateAlipayDemoExtQueryResponse(node)).toEqual([]);
  });
});
