/**
 * The gateway's values read through the kinds table: the scalar samples of a schema-built answer
 * (example, else first documented value, else the kind's sample; always of the kind's type) and
 * top-level form params read as the kind's wire value, checked by the real generated validator.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { checkBizContent } from '../../generator/gateway/business.js';
import { loadGatewayMethods } from '../../generator/gateway/methods.js';
import { responseFromSchema, sampleScalar } from '../../generator/gateway/sample.js';
import { buildMethodIR } from '../../generator/ir/build.js';
import type { ScalarTypeIR } from '../../generator/ir/types.js';
import type { Field, MethodSpec } from '../../generator/spec/model.js';
import { valueProblems } from '../../generator/types/check.js';
import type { ScalarKind } from '../../generator/types/kind.js';
import { SCALAR_KINDS, scalarModule } from '../../generator/types/table.js';
import { generatedPackage } from './helpers.js';

/** The sample of one response field, through the IR as the gateway builds it. */
function sampleOf(field: Omit<Field, 'name' | 'required'>): unknown {
  const ir = buildMethodIR({ method: 'a.b', request: [], response: [{ name: 'f', required: true, ...field } as Field], errors: [] });
  return sampleScalar(ir.response[0]!.type as ScalarTypeIR, ir.response[0]!.example, ir);
}

describe('scalar samples', () => {
  it.each<[string, Omit<Field, 'name' | 'required'>, unknown]>([
    ['a number example written as text is a number', { type: 'number', example: '12' }, 12],
    ['a number example', { type: 'number', example: 7 }, 7],
    ['a number with an enum answers its first value, not 1', { type: 'number', enum: [{ value: '5' }, { value: '6' }] }, 5],
    ['an example outside the enum gives way to the enum', { type: 'number', example: '9', enum: [{ value: '5' }] }, 5],
    ['a number example that is no number: the sample', { type: 'number', example: 'abc' }, 1],
    ['a boolean example written as text', { type: 'boolean', example: 'false' }, false],
    ['a boolean example that is no boolean: the sample', { type: 'boolean', example: 'yes' }, true],
    ['a date example', { type: 'date', example: '2017-06-09 16:25:53' }, '2017-06-09 16:25:53'],
    ['a date example that is no calendar date: the sample', { type: 'date', example: '2024-02-30 10:00:00' }, '2024-01-01 12:00:00'],
    ['a price example with three decimals: the sample', { type: 'price', example: '1.234' }, '0.01'],
    ['a price example', { type: 'price', example: '88.88' }, '88.88'],
    ['a string example written as a number is text', { type: 'string', example: 12 }, '12'],
    ['a string example longer than maxLength: the sample', { type: 'string', maxLength: 2, example: 'abcdef' }, 'x'],
    ['a string enum', { type: 'string', enum: [{ value: 'OPEN' }] }, 'OPEN'],
  ])('%s', (_name, field, expected) => {
    expect(sampleOf(field)).toEqual(expected);
  });

  it('any example, enum and maxLength: the sample has the JSON type of the kind, and a valid example is kept', () => {
    const tsType: Record<ScalarKind, string> = { string: 'string', number: 'number', boolean: 'boolean', date: 'string', price: 'string' };
    fc.assert(
      fc.property(
        fc.constantFrom(...SCALAR_KINDS),
        fc.option(fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true }), fc.boolean()), { nil: undefined }),
        fc.option(fc.uniqueArray(fc.string(), { minLength: 1, maxLength: 3 }), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
        (kind, example, values, maxLength) => {
          const field = {
            type: kind,
            ...(example !== undefined && { example }),
            ...(values !== undefined && { enum: values.map((value) => ({ value })) }),
            ...(maxLength !== undefined && { maxLength }),
          };
          const value = sampleOf(field);
          expect(typeof value).toBe(tsType[kind]);
          if (example !== undefined) {
            const wire = scalarModule(kind).wireValue(String(example));
            const shape = { type: kind, ...(maxLength !== undefined && { maxLength }), ...(values !== undefined && { enum: values.map((v) => ({ value: v })) }) };
            if (valueProblems(wire, shape).length === 0) expect(value).toEqual(wire);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** Response fields whose schema-built answer the OLD samples got wrong (1 for a number enum) or could. */
const tricky: MethodSpec = {
  method: 'alipay.sample.tricky.query',
  request: [],
  params: [
    { name: 'count', type: 'number', required: true },
    { name: 'flag', type: 'boolean', required: false },
  ],
  response: [
    { name: 'status', type: 'number', required: true, enum: [{ value: '5' }, { value: '6' }] },
    {
      name: 'phases',
      type: 'array',
      required: true,
      items: { type: 'object', model: 'Phase', fields: [{ name: 'award_status', type: 'number', required: true, enum: [{ value: '0' }, { value: '2' }] }] },
    },
    { name: 'when', type: 'date', required: true, maxLength: 19 },
    { name: 'amount', type: 'price', required: true, example: '12.5' },
    { name: 'state', type: 'string', required: true, maxLength: 4, enum: [{ value: 'OPEN' }] },
    { name: 'ok', type: 'boolean', required: true },
  ],
  errors: [],
};

const cacheDir = mkdtemp(join(tmpdir(), 'gateway-sample-'));
afterAll(async () => rm(await cacheDir, { recursive: true, force: true }));

describe('against the generated validators', () => {
  it('the schema-built answer passes the generated response validator', async () => {
    const pkg = await generatedPackage([tricky]);
    onTestFinished(() => rm(pkg.dir, { recursive: true, force: true }));
    const node = responseFromSchema(buildMethodIR(tricky));
    expect(node).toMatchObject({ status: 5, phases: [{ award_status: 0 }], amount: '12.5', state: 'OPEN', ok: true });
    expect(pkg.index.validateAlipaySampleTrickyQueryResponse(node)).toEqual([]);
  });

  it.each<[Record<string, string>, string | undefined]>([
    [{ count: '12' }, undefined],
    [{ count: '-2.5', flag: 'true' }, undefined],
    [{ count: '1e+21' }, undefined],
    [{ count: '01' }, 'count'],
    [{ count: 'abc' }, 'count'],
    [{ count: '1', flag: 'yes' }, 'flag'],
  ])('form params %j: refused field %s', async (params, refused) => {
    // Generated once, then read from the cache.
    const method = (await loadGatewayMethods([tricky], await cacheDir)).get(tricky.method)!;
    const answer = checkBizContent(method, undefined, params);
    if (refused === undefined) expect(answer).toBeUndefined();
    else expect(answer).toMatchObject({ code: '40002', sub_code: 'isv.invalid-parameter', sub_msg: expect.stringContaining(`${refused}: `) });
  });
});
