/**
 * The app payment flow end to end against `alipay-codegen serve` (the built CLI, a child process),
 * with the generated package and no hand-written protocol code: the shop signs the order string
 * with `alipayTradeAppPay`, the app hands it to the Alipay app (here: `POST /__alipay/app-pay`,
 * which answers as the app SDK's callback), the result's sign verifies with the runtime, the
 * shop's node:http handler parses the notification into the typed object, and the shop then
 * queries, refunds and closes the trade on the same gateway.
 */
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  checkResponseSignature,
  createAlipayClient,
  extractResponseNode,
  loadPublicKey,
  AlipaySignatureError,
  type AlipayClient,
} from '../../generated/dist/runtime/index.js';
import { alipayTradeAppPay, type AlipayTradeAppPayNotification } from '../../generated/dist/methods/alipay.trade.app.pay.js';
import { alipayTradeClose } from '../../generated/dist/methods/alipay.trade.close.js';
import { alipayTradeQuery } from '../../generated/dist/methods/alipay.trade.query.js';
import { alipayTradeRefund } from '../../generated/dist/methods/alipay.trade.refund.js';
import { success } from '../support/results.js';
import { startServe, type ServeProcess } from './serve-process.js';
import { startShop, type Shop } from './shop.js';

const APP_ID = '2021000000000001';
const APP_PAY = 'alipay.trade.app.pay';

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

interface AppResult {
  readonly resultStatus: string;
  readonly memo: string;
  readonly result: string;
}

/** What the Alipay app does with the order string, as the app SDK reports it back. */
async function payInApp(orderString: string): Promise<AppResult> {
  const answer = await fetch(new URL('/__alipay/app-pay', serve.origin), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: orderString });
  expect(answer.status).toBe(200);
  return (await answer.json()) as AppResult;
}

describe('app pay against alipay-codegen serve', () => {
  it('order string, 9000 with a signed result, typed notification at the shop, then query, refund and close', async () => {
    const outTradeNo = 'flow-app-1';
    const orderString = alipayTradeAppPay(client, { out_trade_no: outTradeNo, total_amount: '88.88', subject: 'R&D 中文 +1' }, { notifyUrl: `${shop.origin}/notify/app` });
    expectTypeOf(orderString).toEqualTypeOf<string>();
    const before = shop.received.length;
    const answer = await payInApp(orderString);
    expect([answer.resultStatus, answer.memo]).toEqual(['9000', '']);

    // The app hands `result` back to the shop's server, which checks it with the Alipay public key.
    const node = extractResponseNode(answer.result, APP_PAY);
    const alipayKey = loadPublicKey(serve.alipayPublicKeyPem);
    expect(checkResponseSignature(node, alipayKey, 'RSA2', APP_PAY)).toBe(true);
    expect(() => checkResponseSignature({ ...node, raw: node.raw.replace('88.88', '0.01') }, alipayKey, 'RSA2', APP_PAY)).toThrow(AlipaySignatureError);
    const paid = JSON.parse(node.raw) as Record<string, string>;
    expect(paid).toMatchObject({ code: '10000', app_id: APP_ID, out_trade_no: outTradeNo, total_amount: '88.88' });

    expect(shop.received.length).toBe(before + 1);
    expect(shop.refused).toEqual([]);
    const last = shop.received.at(-1)!;
    expect(last.path).toBe('/notify/app');
    const n = last.notification as AlipayTradeAppPayNotification;
    expectTypeOf(n.total_amount).toEqualTypeOf<string | undefined>();
    expect([n.out_trade_no, n.total_amount, n.trade_status, n.app_id, n.trade_no]).toEqual([outTradeNo, '88.88', 'TRADE_SUCCESS', APP_ID, paid['trade_no']]);
    await serve.waitFor(/ POST alipay\.trade\.app\.pay app 9000 notify success /);

    // The gateway answers about the trade the app just paid.
    expect(success(await alipayTradeQuery(client, { out_trade_no: outTradeNo }))).toMatchObject({ trade_no: paid['trade_no'], total_amount: '88.88', trade_status: 'TRADE_SUCCESS' });
    expect(success(await alipayTradeRefund(client, { out_trade_no: outTradeNo, refund_amount: '88.88', out_request_no: 'flow-app-1-r1' })).code).toBe('10000');
    expect(success(await alipayTradeClose(client, { out_trade_no: outTradeNo })).code).toBe('10000');
  });

  it('an order string changed after signing is refused (4000, naming the signature) and nothing is notified', async () => {
    const orderString = alipayTradeAppPay(client, { out_trade_no: 'flow-app-2', total_amount: '88.88', subject: 'Tea' }, { notifyUrl: `${shop.origin}/notify/app` });
    const before = shop.received.length;
    const tampered = orderString.replace(encodeURIComponent('"88.88"'), encodeURIComponent('"0.01"'));
    expect(tampered).not.toBe(orderString);
    const answer = await payInApp(tampered);
    expect(answer.resultStatus).toBe('4000');
    expect(answer.memo).toContain('isv.invalid-signature');
    expect(shop.received.length).toBe(before);
  });
});
