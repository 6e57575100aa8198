/**
 * Generated modules per method kind and with notifications: the page and app functions return what
 * their kind says (types checked by tsc, misuse rejected), the notification parser is typed, and the
 * emitted code calls the kind's runtime function.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MethodSpec } from '../../generator/spec/model.js';
import { METHOD_KIND_TABLE, METHOD_KINDS } from '../../generator/spec/method-kind.js';
import { ROOT, TSC, generateToTemp, runTsc } from './helpers/generated.js';
import { importBuilt, summary, type ValidatorFn } from './helpers/load-module.js';
import { field } from './fixtures/hand-specs.js';

const notify = [
  field('out_trade_no', { required: true }),
  field('trade_status', { enum: [{ value: 'TRADE_SUCCESS' }, { value: 'TRADE_CLOSED' }] }),
  field('gmt_payment', { type: 'date' }),
  field('total_amount', { type: 'price' }),
];
const request = [field('out_trade_no', { required: true }), field('total_amount', { type: 'price', required: true })];
const specs: MethodSpec[] = [
  { method: 'alipay.trade.page.pay', kind: 'page', request, response: [field('trade_no')], notify, errors: [] },
  { method: 'alipay.trade.app.pay', kind: 'app', request, response: [], notify, errors: [] },
  { method: 'alipay.trade.query', request: [field('out_trade_no')], response: [field('trade_no')], errors: [] },
];

let dir: string;
beforeAll(async () => {
  dir = await generateToTemp(specs);
});

describe('generated modules by method kind', () => {
  it('each kind calls its runtime function', async () => {
    for (const [stem, kind] of [['alipay.trade.page.pay', 'page'], ['alipay.trade.app.pay', 'app'], ['alipay.trade.query', 'call']] as const) {
      const js = await readFile(join(dir, `dist/methods/${stem}.js`), 'utf8');
      expect(js).toContain(`return ${METHOD_KIND_TABLE[kind].runtimeFn}(client, `);
    }
    expect(METHOD_KINDS).toEqual(['call', 'page', 'app']);
  });

  it('types: page -> PageRequest, app -> string, call -> CallResult, notifications typed (compiles; misuse does not)', async () => {
    const consumer = [
      "import { alipayTradePagePay, parseAlipayTradePagePayNotification, type AlipayTradePagePayNotification } from './src/methods/alipay.trade.page.pay.js';",
      "import { alipayTradeAppPay } from './src/methods/alipay.trade.app.pay.js';",
      "import { alipayTradeQuery } from './src/methods/alipay.trade.query.js';",
      "import { createAlipayApi } from './src/client.js';",
      "import type { AlipayClient, PageRequest, CallResult } from './src/runtime/index.js';",
      "export const page = (c: AlipayClient): PageRequest => alipayTradePagePay(c, { out_trade_no: '1', total_amount: '1.00' }, { returnUrl: 'https://x' });",
      "export const order = (c: AlipayClient): string => alipayTradeAppPay(c, { out_trade_no: '1', total_amount: '1.00' }, { notifyUrl: 'https://x' });",
      "export const query = (c: AlipayClient) => alipayTradeQuery(c, {});",
      "export const viaApi = (c: AlipayClient): string => createAlipayApi(c).alipay.trade.page.pay({ out_trade_no: '1', total_amount: '1.00' }).html;",
      "export const status = (c: AlipayClient): AlipayTradePagePayNotification['trade_status'] => parseAlipayTradePagePayNotification(c, 'a=1').trade_status;",
      "export async function pending(c: AlipayClient): Promise<string | undefined> { const r: CallResult<{ trade_no?: string }> = await query(c); return r.status === 'pending' ? r.response.trade_no : r.response.trade_no; }",
      "// @ts-expect-error an app method has no returnUrl",
      "export const noReturn = (c: AlipayClient) => alipayTradeAppPay(c, { out_trade_no: '1', total_amount: '1.00' }, { returnUrl: 'https://x' });",
      "// @ts-expect-error a page request is not a promise",
      "export const notAwaited = (c: AlipayClient) => alipayTradePagePay(c, { out_trade_no: '1', total_amount: '1.00' }).then;",
      "// @ts-expect-error not a documented trade status",
      "export const badStatus: AlipayTradePagePayNotification['trade_status'] = 'PAID';",
      '',
    ].join('\n');
    await writeFile(join(dir, 'consumer.ts'), consumer);
    const args = ['--ignoreConfig', '--noEmit', '--strict', '--module', 'nodenext', '--target', 'es2023', '--types', 'node', '--typeRoots', join(ROOT, 'node_modules/@types'), 'consumer.ts'];
    const r = await runTsc(TSC['typescript 7'], args, dir);
    expect(r.output).toBe('');
    expect(r.code).toBe(0);
    await writeFile(join(dir, 'consumer.ts'), consumer.replace(/^\/\/ @ts-expect-error.*\n/gm, ''));
    const without = await runTsc(TSC['typescript 7'], args, dir);
    expect([...without.output.matchAll(/consumer\.ts\((\d+),\d+\): error/g)].map((m) => Number(m[1]))).toEqual([12, 13, 14]);
  });

  it('the notification validator checks the notify fields and allows the others', async () => {
    const mod = await importBuilt<Record<string, ValidatorFn>>(dir, 'methods/alipay.trade.page.pay.js');
    const validate = mod.validateAlipayTradePagePayNotification!;
    expect(validate({ out_trade_no: '1', sign: 's', notify_id: 'n' })).toEqual([]);
    expect(summary(validate({ trade_status: 'PAID', gmt_payment: 'today', total_amount: '1.001' }))).toEqual([
      'out_trade_no: required',
      'trade_status: enum',
      'gmt_payment: format',
      'total_amount: format',
    ]);
    const query = await importBuilt<Record<string, unknown>>(dir, 'methods/alipay.trade.query.js');
    expect(Object.keys(query).filter((k) => k.includes('Notification'))).toEqual([]);
  });
});
