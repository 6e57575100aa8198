/**
 * The page and wap payment flows end to end against `alipay-codegen serve` (the built CLI, a child
 * process), with the generated package and no hand-written protocol code: the shop signs the
 * payment with `alipayTradePagePay` / `alipayTradeWapPay`, the browser opens the GET link or
 * submits the auto-submitting form (read with a conformant HTML parser), pays on the cashier page,
 * the shop's node:http handler receives the notification and parses it into the typed object with
 * `parse…Notification`, the browser comes back to return_url with signed params that verify
 * (runtime `verifyNotify`), and the shop then queries, refunds and closes the trade on the same
 * gateway.
 */
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { createAlipayClient, verifyNotify, type AlipayClient, type PageRequest } from '../../generated/dist/runtime/index.js';
import { alipayTradeClose } from '../../generated/dist/methods/alipay.trade.close.js';
import { alipayTradePagePay, type AlipayTradePagePayNotification } from '../../generated/dist/methods/alipay.trade.page.pay.js';
import { alipayTradeQuery } from '../../generated/dist/methods/alipay.trade.query.js';
import { alipayTradeRefund } from '../../generated/dist/methods/alipay.trade.refund.js';
import { alipayTradeWapPay } from '../../generated/dist/methods/alipay.trade.wap.pay.js';
import { success } from '../support/results.js';
import { readPage, submitFirstForm } from './browser.js';
import { startServe, type ServeProcess } from './serve-process.js';
import { startShop, type Received, type Shop } from './shop.js';

const APP_ID = '2021000000000001';
/** What a buyer types can hold anything: the form must make the browser submit exactly this. */
const SUBJECT = 'R&amp;D <book> "中文" & more';

let serve: ServeProcess;
let shop: Shop;
let client: AlipayClient;

beforeAll(async () => {
  serve = await startServe(['--app-id', APP_ID]);
  client = createAlipayClient({ appId: APP_ID, gateway: serve.url, privateKey: serve.appPrivateKeyPem, alipayPublicKey: serve.alipayPublicKeyPem });
  shop = await startShop(client);
}, 90_000);
afterAll(async () => {
  await shop?.close();
  expect(await serve?.stop()).toBe(0);
});

/** A browser request: no redirect followed, so the test sees each step. */
function open(url: URL | string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { redirect: 'manual', ...init });
}

/** The browser on the cashier page: checks what it shows, follows the pay link, returns the redirect. */
async function payOnCashier(cashier: Response, method: string, outTradeNo: string): Promise<Response> {
  expect(cashier.status).toBe(200);
  const page = readPage(await cashier.text(), cashier.url);
  expect([page.text('method'), page.text('out_trade_no'), page.text('total_amount'), page.text('subject')]).toEqual([method, outTradeNo, '88.88', SUBJECT]);
  const link = page.link('pay');
  expect(link, 'the cashier page has a pay link').toBeDefined();
  return open(link!);
}

/** The return: a 302 to the shop's return_url (its own query kept) with params signed by Alipay. */
function returned(redirect: Response, returnUrl: string): Record<string, string> {
  expect(redirect.status).toBe(302);
  const location = new URL(redirect.headers.get('location')!);
  expect(`${location.origin}${location.pathname}`).toBe(new URL(returnUrl).origin + new URL(returnUrl).pathname);
  expect(location.searchParams.get('cart')).toBe('7');
  location.searchParams.delete('cart');
  expect(verifyNotify(location.searchParams, serve.alipayPublicKeyPem)).toBe(true);
  // A changed amount in the return no longer verifies.
  expect(verifyNotify({ ...Object.fromEntries(location.searchParams), total_amount: '0.01' }, serve.alipayPublicKeyPem)).toBe(false);
  return Object.fromEntries(location.searchParams);
}

function lastReceived<P extends Received['path']>(path: P): Extract<Received, { path: P }>['notification'] {
  const last = shop.received.at(-1);
  expect(last?.path).toBe(path);
  return last!.notification as Extract<Received, { path: P }>['notification'];
}

/** The gateway answers about the trade just paid (its trade book): paid, refunded in full, then closed. */
async function queryRefundClose(outTradeNo: string, tradeNo: string): Promise<void> {
  const query = await alipayTradeQuery(client, { out_trade_no: outTradeNo });
  expect(query.status).toBe('success');
  const q = success(query);
  expectTypeOf(q.trade_no).toEqualTypeOf<string | undefined>();
  expect([q.trade_no, q.total_amount, q.trade_status]).toEqual([tradeNo, '88.88', 'TRADE_SUCCESS']);
  const refund = success(await alipayTradeRefund(client, { out_trade_no: outTradeNo, refund_amount: '88.88', out_request_no: `${outTradeNo}-r1` }));
  expect([refund.code, refund.trade_no, refund.refund_fee, refund.fund_change]).toEqual(['10000', tradeNo, '88.88', 'Y']);
  expect(success(await alipayTradeQuery(client, { out_trade_no: outTradeNo })).trade_status).toBe('TRADE_CLOSED');
  const close = success(await alipayTradeClose(client, { out_trade_no: outTradeNo }));
  expect(close.code).toBe('10000');
  await serve.waitFor(/ POST alipay\.trade\.close 10000 /);
  for (const method of ['query', 'refund', 'close']) expect(serve.output()).toMatch(new RegExp(` POST alipay\\.trade\\.${method} 10000 `));
}

describe('page pay against alipay-codegen serve', () => {
  const urls = () => ({ notifyUrl: `${shop.origin}/notify/page`, returnUrl: `${shop.origin}/paid?cart=7` });

  it('GET link: cashier, pay, typed notification at the shop, signed return, then query, refund and close', async () => {
    const outTradeNo = 'flow-page-get-1';
    const page = alipayTradePagePay(client, { out_trade_no: outTradeNo, total_amount: '88.88', subject: SUBJECT, product_code: 'FAST_INSTANT_TRADE_PAY' }, urls());
    expectTypeOf(page).toEqualTypeOf<PageRequest>();
    const before = shop.received.length;
    const back = returned(await payOnCashier(await open(page.url), 'alipay.trade.page.pay', outTradeNo), urls().returnUrl);

    // The notification reached the shop's handler before the browser came back, and parsed.
    expect(shop.received.length).toBe(before + 1);
    expect(shop.refused).toEqual([]);
    const n = lastReceived('/notify/page');
    expectTypeOf(n).toEqualTypeOf<AlipayTradePagePayNotification>();
    expectTypeOf(n.out_trade_no).toEqualTypeOf<string>();
    expect([n.out_trade_no, n.total_amount, n.trade_status, n.app_id, n.subject]).toEqual([outTradeNo, '88.88', 'TRADE_SUCCESS', APP_ID, SUBJECT]);
    expect(back).toMatchObject({ method: 'alipay.trade.page.pay.return', out_trade_no: outTradeNo, total_amount: '88.88', trade_no: n.trade_no, app_id: APP_ID });
    await serve.waitFor(/ GET alipay\.trade\.page\.pay pay 302 notify success /);
    expect(serve.output()).toMatch(/ NOTIFY alipay\.trade\.page\.pay http:\/\/127\.0\.0\.1:\d+\/notify\/page answered success /);

    await queryRefundClose(outTradeNo, n.trade_no);
  });

  it('POST form, submitted as a browser submits it: the same flow', async () => {
    const outTradeNo = 'flow-page-form-1';
    const page = alipayTradePagePay(client, { out_trade_no: outTradeNo, total_amount: '88.88', subject: SUBJECT, product_code: 'FAST_INSTANT_TRADE_PAY' }, urls());
    const form = submitFirstForm(page.html, `${shop.origin}/checkout`);
    expect(form.method).toBe('POST');
    expect(form.url.href.startsWith(serve.url)).toBe(true);
    // What the browser submits is exactly what was signed: the GET link's params, same bytes.
    expect(Object.fromEntries([...form.url.searchParams, ...form.entries])).toEqual(Object.fromEntries(new URL(page.url).searchParams));
    const cashier = await open(form.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.body });
    const back = returned(await payOnCashier(cashier, 'alipay.trade.page.pay', outTradeNo), urls().returnUrl);
    const n = lastReceived('/notify/page');
    expect([n.out_trade_no, n.total_amount, n.trade_status, back.trade_no]).toEqual([outTradeNo, '88.88', 'TRADE_SUCCESS', n.trade_no]);
  });
});

describe('wap pay against alipay-codegen serve', () => {
  it('the form: cashier, pay, typed notification, signed return, then query, refund and close', async () => {
    const outTradeNo = 'flow-wap-1';
    const urls = { notifyUrl: `${shop.origin}/notify/wap`, returnUrl: `${shop.origin}/paid?cart=7` };
    const page = alipayTradeWapPay(client, { out_trade_no: outTradeNo, total_amount: '88.88', subject: SUBJECT, product_code: 'QUICK_WAP_WAY' }, urls);
    const form = submitFirstForm(page.html, `${shop.origin}/checkout`);
    const cashier = await open(form.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.body });
    const back = returned(await payOnCashier(cashier, 'alipay.trade.wap.pay', outTradeNo), urls.returnUrl);
    const n = lastReceived('/notify/wap');
    expect([n.out_trade_no, n.total_amount, n.trade_status]).toEqual([outTradeNo, '88.88', 'TRADE_SUCCESS']);
    expect(back).toMatchObject({ method: 'alipay.trade.wap.pay.return', out_trade_no: outTradeNo, trade_no: n.trade_no });
    await queryRefundClose(outTradeNo, n.trade_no);
  });
});
