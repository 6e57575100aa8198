/**
 * App payment: the order string alipay-sdk's sdkExecute builds (what the app hands the Alipay app
 * SDK) posted to /__alipay/app-pay. The gateway verifies it, validates biz_content and answers as
 * the app SDK's callback does: resultStatus 9000 and a `result` holding the signed
 * alipay_trade_app_pay_response, which verifies with our runtime and with alipay-sdk's rsaCheck.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractResponseNode, verifyContent, verifyNotify } from '../../templates/runtime/index.js';
import { APP_ID, APP_PAY, order, startPaymentWorld, type PaymentWorld } from './payment-fixtures.js';

let world: PaymentWorld;

beforeAll(async () => {
  world = await startPaymentWorld();
});
afterAll(async () => {
  await world?.close();
});

interface AppResult {
  resultStatus: string;
  memo: string;
  result: string;
}

async function appPay(orderString: string, headers: Record<string, string> = {}): Promise<AppResult> {
  const response = await fetch(new URL('/__alipay/app-pay', world.gateway.url), { method: 'POST', headers: { 'content-type': 'text/plain', ...headers }, body: orderString });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return (await response.json()) as AppResult;
}

function orderString(extra: Record<string, unknown> = {}): string {
  return world.sdk.sdkExecute(APP_PAY, { bizContent: order({ product_code: 'QUICK_MSECURITY_PAY' }), notifyUrl: `${world.merchant.origin}/notify`, ...extra });
}

describe('app pay: sdkExecute order string', () => {
  it('is accepted: resultStatus 9000 with a signed result, and the notification is sent', async () => {
    const before = world.merchant.notifications.length;
    const answer = await appPay(orderString());
    expect(answer.resultStatus).toBe('9000');
    const node = extractResponseNode(answer.result, APP_PAY);
    expect(verifyContent(node.raw, node.sign!, world.alipayPublicKey, 'RSA2')).toBe(true);
    expect(world.sdk.rsaCheck(node.raw, node.sign!, 'RSA2')).toBe(true);
    const parsed = JSON.parse(answer.result) as Record<string, any>;
    expect(parsed['sign_type']).toBe('RSA2');
    expect(parsed['alipay_trade_app_pay_response']).toMatchObject({ code: '10000', msg: 'Success', app_id: APP_ID, out_trade_no: '20261201000001', total_amount: '88.88' });

    expect(world.merchant.notifications.length).toBe(before + 1);
    const notification = new URLSearchParams(world.merchant.notifications.at(-1)!);
    expect(notification.get('trade_no')).toBe(parsed['alipay_trade_app_pay_response']['trade_no']);
    expect(verifyNotify(notification, world.alipayPublicKey)).toBe(true);
    expect(world.sdk.checkNotifySignV2(Object.fromEntries(notification))).toBe(true);
    expect(world.gateway.logLines.at(-1)).toMatch(/ POST alipay\.trade\.app\.pay app 9000 notify success /);
  });

  it('a tampered order string is refused with resultStatus 4000 naming the signature', async () => {
    const tampered = orderString().replace(/total_amount%22%3A%2288.88/, 'total_amount%22%3A%220.01');
    expect(tampered).not.toBe(orderString());
    const answer = await appPay(tampered);
    expect(answer.resultStatus).toBe('4000');
    expect(answer.memo).toContain('isv.invalid-signature');
    expect(answer.result).toBe('');
    expect(world.gateway.logLines.at(-1)).toMatch(/ app 4000 40002\/isv\.invalid-signature /);
  });

  it('biz_content is validated (a total_amount that is no price is refused)', async () => {
    const answer = await appPay(world.sdk.sdkExecute(APP_PAY, { bizContent: order({ total_amount: 'ten' }) }));
    expect(answer.resultStatus).toBe('4000');
    expect(answer.memo).toContain('total_amount');
  });

  it('wrong-signature: the result is signed over other bytes', async () => {
    const answer = await appPay(orderString(), { 'x-alipay-mock-scenario': 'wrong-signature' });
    expect(answer.resultStatus).toBe('9000');
    const node = extractResponseNode(answer.result, APP_PAY);
    expect(verifyContent(node.raw, node.sign!, world.alipayPublicKey, 'RSA2')).toBe(false);
    expect(verifyNotify(new URLSearchParams(world.merchant.notifications.at(-1)!), world.alipayPublicKey)).toBe(false);
  });

  it('the order string may come as the query of a GET, as it is a query string', async () => {
    const response = await fetch(new URL(`/__alipay/app-pay?${world.sdk.sdkExecute(APP_PAY, { bizContent: order() })}`, world.gateway.url));
    expect(((await response.json()) as AppResult).resultStatus).toBe('9000');
  });
});
