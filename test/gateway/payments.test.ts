/**
 * The payment flows with the committed package (generated/dist, from specs/) and no hand-written
 * protocol code: start a page, wap and app payment, receive the notification into a typed object
 * through a real node:http handler, then query, refund and close against the local gateway.
 * The signed page link, form and order string are verified with the runtime and with alipay-sdk
 * (a request sign follows the V2 rule: every param but sign, sorted, so checkNotifySignV2 with the
 * app public key checks it); a pending (10003) answer resolves as a typed pending result.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { AlipaySdk } from 'alipay-sdk';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  AlipayNotifyError,
  AlipayValidationError,
  buildSignContent,
  createAlipayClient,
  notifySignContent,
  signContent,
  verifyContent,
  type AlipayClient,
  type PageRequest,
} from '../../generated/dist/runtime/index.js';
import { alipayTradeAppPay, parseAlipayTradeAppPayNotification } from '../../generated/dist/methods/alipay.trade.app.pay.js';
import { alipayTradeClose } from '../../generated/dist/methods/alipay.trade.close.js';
import {
  TradeStatus,
  alipayTradePagePay,
  parseAlipayTradePagePayNotification,
  type AlipayTradePagePayNotification,
} from '../../generated/dist/methods/alipay.trade.page.pay.js';
import { alipayTradePay } from '../../generated/dist/methods/alipay.trade.pay.js';
import { alipayTradeQuery } from '../../generated/dist/methods/alipay.trade.query.js';
import { alipayTradeRefund } from '../../generated/dist/methods/alipay.trade.refund.js';
import { alipayTradeWapPay } from '../../generated/dist/methods/alipay.trade.wap.pay.js';
import { formSubmission } from '../runtime/form-submission.js';
import { gatewayBody, rsaKeyPair, startTestGateway as startRawGateway, type TestGateway as RawGateway } from '../runtime/test-gateway.js';
import { success } from '../support/results.js';
import { ROOT, startTestGateway, type TestGateway } from './helpers.js';

const APP_ID = '2021000000000001';
const ORDER = 'order-20261201-0001';
const URLS = { notifyUrl: 'https://shop.example/alipay/notify', returnUrl: 'https://shop.example/paid' };

let gateway: TestGateway;
let client: AlipayClient;
let appPublicPem: string;

beforeAll(async () => {
  gateway = await startTestGateway({ specsDir: join(ROOT, 'specs') });
  client = createAlipayClient({ appId: APP_ID, privateKey: gateway.keys.appPrivateKey!, alipayPublicKey: gateway.keys.gatewayPublicKeyPem, gateway: gateway.url });
  appPublicPem = gateway.keys.appPublicKey.export({ format: 'pem', type: 'spki' }) as string;
});
afterAll(async () => {
  await gateway?.close();
});

/** The params a browser submits for a page request: the action URL's query and the form's fields. */
function submitted(page: PageRequest): Record<string, string> {
  const form = formSubmission(page.html);
  return { ...Object.fromEntries(new URL(form.action).searchParams), ...Object.fromEntries(form.fields) };
}

/** Checks a request sign with the app public key, with our runtime and with alipay-sdk. */
function expectSignedByApp(params: Record<string, string>): void {
  const { sign, ...rest } = params;
  expect(verifyContent(buildSignContent(rest), sign!, gateway.keys.appPublicKey, 'RSA2')).toBe(true);
  const sdk = new AlipaySdk({ appId: APP_ID, privateKey: gateway.keys.appPrivateKey!.export({ format: 'pem', type: 'pkcs8' }) as string, alipayPublicKey: appPublicPem });
  expect(sdk.checkNotifySignV2(params)).toBe(true);
  expect(sdk.checkNotifySignV2({ ...params, biz_content: `${params.biz_content} ` })).toBe(false);
}

describe('start a payment', () => {
  const order = { out_trade_no: ORDER, total_amount: '88.88', subject: 'R&amp;D <book> "中文"', product_code: 'FAST_INSTANT_TRADE_PAY' };

  it('page pay: the GET link and the POST form carry the same signed params', async () => {
    const page = alipayTradePagePay(client, order, URLS);
    expectTypeOf(page).toEqualTypeOf<PageRequest>();
    const link = Object.fromEntries(new URL(page.url).searchParams);
    expect(submitted(page)).toEqual(link);
    expect(link).toMatchObject({ method: 'alipay.trade.page.pay', app_id: APP_ID, notify_url: URLS.notifyUrl, return_url: URLS.returnUrl });
    expect(JSON.parse(link.biz_content!)).toEqual(order);
    expectSignedByApp(link);
    // The local gateway checks the sign of what the browser submits.
    const form = formSubmission(page.html);
    const answer = await fetch(form.action, { method: 'POST', body: new URLSearchParams(form.fields), redirect: 'manual' });
    expect(await answer.text()).not.toMatch(/invalid-signature/);
  });

  it('wap pay: the same, for the mobile cashier', () => {
    const page = alipayTradeWapPay(client, { ...order, product_code: 'QUICK_WAP_WAY' }, URLS);
    const params = submitted(page);
    expect(params.method).toBe('alipay.trade.wap.pay');
    expectSignedByApp(params);
  });

  it('app pay: the order string for the Alipay app', () => {
    const orderString = alipayTradeAppPay(client, { out_trade_no: ORDER, total_amount: '88.88', subject: '中文' }, { notifyUrl: URLS.notifyUrl });
    expectTypeOf(orderString).toEqualTypeOf<string>();
    const params = Object.fromEntries(new URLSearchParams(orderString));
    expect(params).toMatchObject({ method: 'alipay.trade.app.pay', notify_url: URLS.notifyUrl });
    expect(params.return_url).toBeUndefined();
    expectSignedByApp(params);
  });

  it('an invalid order is refused before anything is signed', () => {
    const bad = { out_trade_no: ORDER, total_amount: '88.88' } as Parameters<typeof alipayTradeAppPay>[1];
    expect(() => alipayTradeAppPay(client, bad)).toThrow(AlipayValidationError);
    expect(() => alipayTradeAppPay(client, bad)).toThrow(/subject: required/);
    expect(() => alipayTradePagePay(client, { ...order, out_trade_no: 42 as unknown as string })).toThrow(/out_trade_no: expected a string/);
  });
});

describe('receive the notification', () => {
  /** A trade notification as Alipay sends it: a form signed (V1) with the Alipay (here: gateway) key. */
  function notificationBody(extra: Record<string, string> = {}): string {
    const params: Record<string, string> = {
      notify_time: '2026-12-01 10:00:05',
      notify_type: 'trade_status_sync',
      notify_id: '2026120100222100000000000000000001',
      app_id: APP_ID,
      charset: 'utf-8',
      version: '1.0',
      sign_type: 'RSA2',
      trade_no: '2026120122001400000000000001',
      out_trade_no: ORDER,
      trade_status: 'TRADE_SUCCESS',
      total_amount: '88.88',
      gmt_payment: '2026-12-01 10:00:04',
      fund_bill_list: '[{"amount":"88.88","fundChannel":"ALIPAYACCOUNT"}]',
      passback_params: 'cart%3D42',
      ...extra,
    };
    const sign = signContent(notifySignContent(params, 'v1'), gateway.keys.gatewayPrivateKey, 'RSA2');
    return new URLSearchParams({ ...params, sign }).toString();
  }

  /** The handler a shop writes (node:http): raw body in, `success` out once the notification is verified. */
  async function startShop(received: AlipayTradePagePayNotification[]): Promise<{ server: Server; url: string }> {
    const server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      try {
        received.push(parseAlipayTradePagePayNotification(client, Buffer.concat(chunks)));
        res.end('success');
      } catch (error) {
        res.statusCode = 400;
        res.end(error instanceof AlipayNotifyError ? error.reason : 'error');
      }
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/alipay/notify` };
  }

  it('a signed notification POSTed to the handler is parsed into the typed object; the handler answers success', async () => {
    const received: AlipayTradePagePayNotification[] = [];
    const shop = await startShop(received);
    try {
      const post = (body: string) => fetch(shop.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' }, body });
      const ok = await post(notificationBody());
      expect([ok.status, await ok.text()]).toEqual([200, 'success']);
      const forged = await post(notificationBody().replace('total_amount=88.88', 'total_amount=0.01'));
      expect([forged.status, await forged.text()]).toEqual([400, 'bad-signature']);
      const other = await post(notificationBody({ app_id: '2021000000000002' }));
      expect(await other.text()).toBe('app-id');
    } finally {
      shop.server.close();
    }
    expect(received).toHaveLength(1);
    const n = received[0]!;
    expectTypeOf(n.trade_status).toEqualTypeOf<TradeStatus | undefined>();
    expectTypeOf(n.out_trade_no).toEqualTypeOf<string>();
    expect(n.trade_status).toBe(TradeStatus.TRADE_SUCCESS);
    expect(n.out_trade_no).toBe(ORDER);
    expect(n.passback_params).toBe('cart%3D42');
    expect(JSON.parse(n.fund_bill_list!)).toEqual([{ amount: '88.88', fundChannel: 'ALIPAYACCOUNT' }]);
  });

  it('the app pay notification: from parsed params (express.urlencoded) too; its fields are validated', () => {
    const parsed = Object.fromEntries(new URLSearchParams(notificationBody()));
    expect(parseAlipayTradeAppPayNotification(client, parsed).trade_no).toBe('2026120122001400000000000001');
    const error = (() => {
      try {
        parseAlipayTradeAppPayNotification(client, notificationBody({ trade_status: 'PAID' }));
      } catch (e) {
        return e as AlipayNotifyError;
      }
      throw new Error('expected a refusal');
    })();
    expect(error.reason).toBe('invalid');
    expect(error.issues.map((i) => [i.path, i.rule])).toEqual([['trade_status', 'enum']]);
  });
});

describe('then query, refund and close the trade', () => {
  it('each answer is signature-verified and typed', async () => {
    const query = await alipayTradeQuery(client, { out_trade_no: ORDER });
    expect(query.status).toBe('success');
    expect(success(query).out_trade_no).toBeTypeOf('string');
    const refund = success(await alipayTradeRefund(client, { out_trade_no: ORDER, refund_amount: '88.88', out_request_no: 'refund-1' }));
    expect(refund.code).toBe('10000');
    const close = success(await alipayTradeClose(client, { out_trade_no: ORDER }));
    expect(close.code).toBe('10000');
  });
});

describe('a pending answer (10003) resolves, narrowable by type', () => {
  let raw: RawGateway;
  const alipayKeys = rsaKeyPair();
  beforeAll(async () => {
    raw = await startRawGateway();
  });
  afterAll(async () => {
    await raw?.close();
  });

  it('alipay.trade.pay waiting for the buyer: status pending, trade_no typed optional, the trace id kept', async () => {
    const node = { code: '10003', msg: ' order success pay inprocess', trade_no: '2026120122001400000000000002', out_trade_no: ORDER };
    raw.setHandler((_req, res) => {
      res.setHeader('content-type', 'application/json;charset=utf-8');
      res.setHeader('trace_id', '0b5d7e1917330000000001234e0000');
      res.end(gatewayBody('alipay_trade_pay_response', node, alipayKeys.privateKey));
    });
    const c = createAlipayClient({ appId: APP_ID, privateKey: gateway.keys.appPrivateKey!, alipayPublicKey: alipayKeys.publicKey, gateway: raw.url });
    const result = await alipayTradePay(c, { out_trade_no: ORDER, total_amount: '88.88', subject: 'x', scene: 'bar_code', auth_code: '28763443825664394' });
    expect(result.status).toBe('pending');
    expect(result.traceId).toBe('0b5d7e1917330000000001234e0000');
    if (result.status === 'pending') {
      expectTypeOf(result.response.code).toEqualTypeOf<'10003'>();
      expectTypeOf(result.response.trade_no).toEqualTypeOf<string | undefined>();
      expect(result.response.trade_no).toBe('2026120122001400000000000002');
    }
  });
});
