/**
 * The spec-format additions end to end in generated code: one-of groups (request root and a
 * model), open enums, open objects (a model the page names without its fields), and closed enum
 * messages naming the allowed values. The package is generated into a temp folder, its validators
 * run, and a consumer is type-checked with tsc (misuse must fail to compile).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MethodSpec } from '../../generator/spec/model.js';
import { ROOT, TSC, generateToTemp, runTsc } from './helpers/generated.js';
import { importBuilt, summary, type ValidatorFn } from './helpers/load-module.js';
import { field } from './fixtures/hand-specs.js';

const manyValues = Array.from({ length: 14 }, (_, i) => ({ value: `V${i}` }));

const spec: MethodSpec = {
  method: 'alipay.demo.ext.query',
  request: [
    field('out_trade_no', { required: 'conditional', maxLength: 64 }),
    field('trade_no', { required: 'conditional' }),
    field('query_options', { type: 'array', items: { type: 'string', enum: [{ value: 'trade_settle_info', description: '结算' }, { value: 'fund_bill_list' }], enumOpen: true } }),
    field('status', { enum: [{ value: 'A' }, { value: 'B' }] }),
    field('many', { enum: manyValues }),
    field('level', { type: 'number', enum: [{ value: '1' }, { value: '2' }], enumOpen: true }),
    field('payer', {
      type: 'object',
      model: 'Payer',
      fields: [field('user_id'), field('open_id'), field('name', { required: true })],
      oneOf: [['user_id', 'open_id']],
    }),
    field('ext', { type: 'object', model: 'ExtInfo' }),
    field('bills', { type: 'array', items: { type: 'object', model: 'TradeFundBill' } }),
  ],
  oneOf: [['out_trade_no', 'trade_no']],
  response: [field('info', { type: 'object', model: 'Info', required: true })],
  errors: [],
};

let dir: string;
let validate: ValidatorFn;
let validateResponse: ValidatorFn;

beforeAll(async () => {
  dir = await generateToTemp([spec]);
  const mod = await importBuilt<Record<string, ValidatorFn>>(dir, 'methods/alipay.demo.ext.query.js');
  validate = mod.validateAlipayDemoExtQueryRequest!;
  validateResponse = mod.validateAlipayDemoExtQueryResponse!;
});

const payer = { user_id: 'u', name: 'n' };

describe('generated validators', () => {
  it.each([
    ['one member of the root group', { trade_no: 't' }, []],
    ['the other member', { out_trade_no: 'o' }, []],
    ['none of the root group', {}, [': oneOf']],
    ['both of the root group', { trade_no: 't', out_trade_no: 'o' }, [': oneOf']],
    ['one of the model group', { trade_no: 't', payer }, []],
    ['none of the model group', { trade_no: 't', payer: { name: 'n' } }, ['payer: oneOf']],
    ['both of the model group', { trade_no: 't', payer: { ...payer, open_id: 'x' } }, ['payer: oneOf']],
    ['a group inside an array item path', { trade_no: 't', payer: { name: 'n', open_id: 'x', user_id: 'u' } }, ['payer: oneOf']],
    ['an undocumented value of an open enum', { trade_no: 't', query_options: ['hyb_amount', 'trade_settle_info'], level: 7 }, []],
    ['an open enum still checks the kind', { trade_no: 't', query_options: [3], level: '7' }, ['query_options[0]: type', 'level: type']],
    ['an undocumented value of a closed enum', { trade_no: 't', status: 'C' }, ['status: enum']],
    ['any object in an open model', { trade_no: 't', ext: { anything: 1, nested: { x: [] } }, bills: [{ fund_channel: 'ALIPAYACCOUNT' }, {}] }, []],
    ['an open model still must be an object', { trade_no: 't', ext: 'x', bills: [[]] }, ['ext: type', 'bills[0]: type']],
  ])('%s', (_what, value, expected) => {
    expect(summary(validate(value))).toEqual(expected);
  });

  it('names the group in one-of messages (none and several differ), never a value', () => {
    expect(validate({}).map((i) => i.message)).toEqual(['exactly one of out_trade_no, trade_no is required, none is present']);
    expect(validate({ trade_no: 'SECRET1', out_trade_no: 'SECRET2' }).map((i) => i.message)).toEqual(['exactly one of out_trade_no, trade_no is allowed, several are present']);
    expect(JSON.stringify(validate({ trade_no: 'SECRET1', out_trade_no: 'SECRET2', payer: { user_id: 'SECRET3', open_id: 'SECRET4', name: 'n' } }))).not.toContain('SECRET');
  });

  it('lists the allowed values of a closed enum, a long list cut with a count', () => {
    expect(validate({ trade_no: 't', status: 'C' })[0]!.message).toBe('not one of the documented values: A, B');
    expect(validate({ trade_no: 't', many: 'x' })[0]!.message).toBe('not one of the documented values: V0, V1, V2, V3, V4, V5, V6, V7, V8, V9, ... (4 more)');
  });

  it('accepts any object for an open response model', () => {
    expect(validateResponse({ info: { a: 1 } })).toEqual([]);
    expect(summary(validateResponse({ info: 1 }))).toEqual(['info: type']);
  });
});

describe('generated types', () => {
  it('say the one-of groups, open enums and open objects (compiles; misuse does not)', async () => {
    const consumer = [
      "import type { AlipayDemoExtQueryRequest, Payer, ExtInfo, QueryOptions } from './src/methods/alipay.demo.ext.query.js';",
      "export const a: AlipayDemoExtQueryRequest = { trade_no: 't', query_options: ['trade_settle_info', 'hyb_amount'], level: 9 };",
      "export const b: AlipayDemoExtQueryRequest = { out_trade_no: 'o', payer: { open_id: 'x', name: 'n' }, ext: { any: 1 }, bills: [{ x: 1 }] };",
      "export const option: QueryOptions = 'anything';",
      "export const known: QueryOptions = 'fund_bill_list';",
      "export const ext: ExtInfo = { whatever: [1] };",
      '// @ts-expect-error both members of the root group',
      "export const both: AlipayDemoExtQueryRequest = { trade_no: 't', out_trade_no: 'o' };",
      '// @ts-expect-error none of the root group',
      'export const none: AlipayDemoExtQueryRequest = {};',
      '// @ts-expect-error both members of the model group',
      "export const twice: Payer = { user_id: 'u', open_id: 'x', name: 'n' };",
      '// @ts-expect-error the model group member is missing',
      "export const neither: Payer = { name: 'n' };",
      '// @ts-expect-error a closed enum stays closed',
      "export const closed: AlipayDemoExtQueryRequest = { trade_no: 't', status: 'C' };",
      '// @ts-expect-error an open enum still has its kind',
      "export const kind: QueryOptions = 3;",
      '',
    ].join('\n');
    await writeFile(join(dir, 'consumer.ts'), consumer);
    const r = await runTsc(TSC['typescript 7'], ['--ignoreConfig', '--noEmit', '--strict', '--module', 'nodenext', '--target', 'es2023', '--types', 'node', '--typeRoots', join(ROOT, 'node_modules/@types'), 'consumer.ts'], dir);
    expect(r.output).toBe('');
    expect(r.code).toBe(0);
  });

  it('stay readable: the open enum union, the open model alias, the group as a union after the members', async () => {
    const src = await readFile(join(dir, 'src/methods/alipay.demo.ext.query.ts'), 'utf8');
    expect(src).toContain('export type QueryOptions = "trade_settle_info" | "fund_bill_list" | (string & {});');
    expect(src).toContain('export type Level = 1 | 2 | (number & {});');
    expect(src).toContain('export type ExtInfo = Record<string, unknown>;');
    expect(src).toContain('} & ({ user_id: string; open_id?: never; } | { user_id?: never; open_id: string; });');
    expect(src).toContain('Exactly one of `out_trade_no`, `trade_no` is sent.');
    expect(src).toContain('Values (documented, not all: others are accepted):');
    expect(src).not.toContain('function validateExtInfo');
  });
});

describe('hostile names in one-of groups, open enums and open models', () => {
  const hostile: MethodSpec = {
    method: 'alipay.demo.hostile.ext',
    request: [
      field('__proto__', { required: 'conditional' }),
      field('*/ x', { required: 'conditional' }),
      field('a"b${x}', { required: 'conditional' }),
      field('constructor', { enum: [{ value: '*/' }, { value: '__proto__' }, { value: '${y}' }], enumOpen: true }),
      field('m', { type: 'object', model: 'Open*/Model' }),
    ],
    oneOf: [['__proto__', '*/ x', 'a"b${x}']],
    response: [],
    errors: [],
  };
  let hostileDir: string;
  let check: ValidatorFn;

  beforeAll(async () => {
    hostileDir = await generateToTemp([hostile]);
    check = (await importBuilt<Record<string, ValidatorFn>>(hostileDir, 'methods/alipay.demo.hostile.ext.js')).validateAlipayDemoHostileExtRequest!;
  });

  it.each(Object.entries(TSC))('the package compiles under %s', async (_, tsc) => {
    const r = await runTsc(tsc, ['-p', 'tsconfig.json', '--noEmit', '--typeRoots', join(ROOT, 'node_modules/@types')], hostileDir);
    expect(r.output).toBe('');
    expect(r.code).toBe(0);
  });

  it('counts own properties only (an inherited __proto__ or constructor is absent), and names the group as written', () => {
    expect(check({ '*/ x': 'v' })).toEqual([]);
    expect(check(JSON.parse('{"__proto__":"v","constructor":"anything"}'))).toEqual([]);
    expect(check({})[0]!.message).toBe('exactly one of __proto__, */ x, a"b${x} is required, none is present');
    expect(summary(check(JSON.parse('{"__proto__":"v","a\\"b${x}":"w"}')))).toEqual([': oneOf']);
  });
});
