import { describe, expect, it } from 'vitest';
import { buildMethodIR } from '../../generator/ir/build.js';
import { field, sampleSpec } from './fixtures/hand-specs.js';

describe('buildMethodIR', () => {
  it('keeps doc order and lists nested models before the request/response that use them', () => {
    const ir = buildMethodIR(sampleSpec());
    expect(ir.request.map((f) => f.name)).toEqual([
      'card_no', 'card_type', 'open_date', 'amount', 'count', 'level', 'enabled', 'user', 'texts', 'tags', 'status',
    ]);
    expect(ir.models.map((m) => [m.docName, m.origin])).toEqual([
      ['UserInfo', 'request.user'],
      ['TextDTO', 'request.texts[]'],
      ['UserInfo', 'response.card'],
    ]);
    const texts = ir.request.find((f) => f.name === 'texts')!;
    expect(texts.type).toEqual({ kind: 'array', items: { kind: 'object', modelId: 1 } });
  });

  it('shares identical models and identical enums, keeps different ones apart', () => {
    const shape = { type: 'object' as const, model: 'Card', fields: [field('no', { maxLength: 4 })] };
    const ir = buildMethodIR(
      sampleSpec({
        request: [field('a', shape), field('kind', { enum: [{ value: 'X' }] })],
        response: [field('b', shape), field('kind', { enum: [{ value: 'X' }] }), field('c', { ...shape, fields: [] })],
      }),
    );
    expect(ir.models).toHaveLength(2);
    expect(ir.enums).toHaveLength(1);
    expect(ir.request[0]!.type).toEqual(ir.response[0]!.type);
    expect(ir.response[2]!.type).toEqual({ kind: 'object', modelId: 1 });
  });

  it('types enums: numeric literals only for numbers with numeric values; duplicates dropped; none on booleans', () => {
    const ir = buildMethodIR(
      sampleSpec({
        request: [
          field('n', { type: 'number', enum: [{ value: '1' }, { value: '0' }, { value: '1' }] }),
          field('m', { type: 'number', enum: [{ value: 'A' }] }),
          field('b', { type: 'boolean', enum: [{ value: 'true' }] }),
        ],
        response: [],
      }),
    );
    expect(ir.enums.map((e) => [e.nameHint, e.literal, e.values.map((v) => v.value)])).toEqual([
      ['n', 'number', ['1', '0']],
      ['m', 'string', ['A']],
    ]);
    expect(ir.request[2]!.type).toEqual({ kind: 'boolean' });
  });

  // An array's length is kept as a note (JSON Schema x-alipay-max-length; no check), an object's is dropped.
  it('drops maxLength on objects, keeps it on arrays and scalar items', () => {
    const ir = buildMethodIR(
      sampleSpec({
        request: [
          field('o', { type: 'object', maxLength: 1024, fields: [] }),
          field('l', { type: 'array', maxLength: 1024, items: { type: 'string', maxLength: 5 } }),
        ],
        response: [],
      }),
    );
    expect(ir.request[0]!.type).toEqual({ kind: 'object', modelId: 0 });
    expect(ir.request[1]!.type).toEqual({ kind: 'array', items: { kind: 'string', maxLength: 5 }, maxLength: 1024 });
  });

  it('is frozen and does not change its input', () => {
    const spec = sampleSpec();
    const before = JSON.stringify(spec);
    const ir = buildMethodIR(spec);
    expect(Object.isFrozen(ir.models[0]!.fields[0])).toBe(true);
    expect(JSON.stringify(spec)).toBe(before);
  });
});
