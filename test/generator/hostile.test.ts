/** A spec full of hostile strings generates code that compiles and whose validators behave. */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT, TSC, generateToTemp, runTsc } from './helpers/generated.js';
import { importBuilt, summary, type ValidatorFn } from './helpers/load-module.js';
import { ENUM_VALUES, hostileSpec } from './fixtures/hostile.js';
import { sampleSpec } from './fixtures/hand-specs.js';

let dir: string;
let mod: Record<string, any>;
let validate: ValidatorFn;

/** A valid request, built with JSON.parse so `__proto__` is an own property as on the wire. */
const valid = () =>
  JSON.parse(
    JSON.stringify({ 'with-dash': 'a b', default: { toString: 'x' }, items: [{ 'x-y': 'y' }] }).replace(/^\{/, '{"__proto__":"p",'),
  ) as Record<string, unknown>;

beforeAll(async () => {
  dir = await generateToTemp([hostileSpec(), hostileSpec('alipay.default.__proto__'), sampleSpec({ method: 'alipay.2fa-check.query' })]);
  mod = await importBuilt(dir, 'methods/alipay.default.js');
  validate = mod.validateAlipayDefaultRequest as ValidatorFn;
});

describe('hostile spec', () => {
  it.each(Object.entries(TSC))('compiles under %s', async (_, tsc) => {
    const r = await runTsc(tsc, ['-p', 'tsconfig.json', '--noEmit', '--typeRoots', join(ROOT, 'node_modules/@types')], dir);
    expect(r.output).toBe('');
    expect(r.code).toBe(0);
  });

  it('validators handle prototype-named fields through own properties only', () => {
    expect(validate(valid())).toEqual([]);
    const noProto = valid();
    delete noProto['__proto__'];
    // `{}` inherits `constructor` and `__proto__`: neither counts as present.
    expect(summary(validate(noProto))).toEqual(['__proto__: required']);
    expect(summary(validate({ ...valid(), constructor: 'x' }))).toContain('constructor: type');
    expect(summary(validate({ ...valid(), constructor: 123 }))).toEqual(['constructor: maxLength']);
  });

  it('validators check hostile names, enum values and nested paths exactly', () => {
    for (const value of ENUM_VALUES) expect(validate({ ...valid(), 'with-dash': value })).toEqual([]);
    expect(summary(validate({ ...valid(), 'with-dash': 'a  b' }))).toEqual(['with-dash: enum']);
    expect(summary(validate({ ...valid(), '*/ evil': 'abcd' }))).toEqual(['*/ evil: maxLength']);
    expect(summary(validate({ ...valid(), 'with space': 'yes' }))).toEqual(['with space: type']);
    expect(summary(validate({ ...valid(), default: {} }))).toEqual(['default.toString: required']);
    expect(summary(validate({ ...valid(), items: [{ 'x-y': 1 }, {}] }))).toEqual(['items[0].x-y: type', 'items[1].x-y: required']);
    expect(summary(validate({ ...valid(), '1st': '2024-01-01 00:00:00' }))).toEqual(['名称: required']);
    expect(summary(validate({ ...valid(), '1st': 'soon', 名称: '1.234' }))).toEqual(['1st: format', '名称: format']);
    expect(summary(validate({ ...valid(), '${x}': 1 }))).toEqual(['${x}: unknown']);
  });

  it('enum objects hold every value as an own key, __proto__ included', () => {
    const enumObject = mod.WithDash as Record<string, string>;
    expect(Object.keys(enumObject)).toEqual(ENUM_VALUES);
    expect(Object.getPrototypeOf(enumObject)).toBe(Object.prototype);
    expect(mod.alipayDefaultOperation.errorCodes).toEqual(['A"B', 'C*/D', '${E}']);
  });

  it('the aggregate client handles a method that is also a namespace and non-identifier segments', async () => {
    const { createAlipayApi } = await importBuilt<Record<string, any>>(dir, 'client.js');
    const api = createAlipayApi({});
    expect(typeof api.alipay.default).toBe('function');
    expect(Object.hasOwn(api.alipay.default, '__proto__')).toBe(true);
    expect(typeof api.alipay.default['__proto__']).toBe('function');
    expect(typeof api.alipay['2fa-check'].query).toBe('function');
  });
});
