/**
 * The local gateway's schema-built answer for the spec-format additions: an open model is `{}`
 * (never invented fields), a one-of group sends its first member only, an open enum its first
 * documented value; the answer passes the generated response validator's rules as the IR says.
 */
import { describe, expect, it } from 'vitest';
import { responseFromSchema } from '../../generator/gateway/sample.js';
import { buildMethodIR } from '../../generator/ir/build.js';
import type { Field } from '../../generator/spec/model.js';

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
