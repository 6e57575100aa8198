/**
 * The local gateway keeps the trades it has seen (generator/gateway/trades.ts): the committed
 * package's trade methods then answer about them as Alipay does (status, amounts, refunds, what
 * may be closed), every answer signed and passing the generated response validator; a trade it
 * has not seen keeps the spec's example. Plus the amount arithmetic, as a property.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlipayApiError, AlipayV3ApiError, createAlipayClient, type AlipayClient } from '../../generated/dist/runtime/index.js';
import { alipayTradeCancel } from '../../generated/dist/methods/alipay.trade.cancel.js';
import { alipayTradeClose } from '../../generated/dist/methods/alipay.trade.close.js';
import { alipayTradeCreate } from '../../generated/dist/methods/alipay.trade.create.js';
import { alipayTradeFastpayRefundQuery } from '../../generated/dist/methods/alipay.trade.fastpay.refund.query.js';
import { alipayTradePay } from '../../generated/dist/methods/alipay.trade.pay.js';
import { alipayTradePrecreate } from '../../generated/dist/methods/alipay.trade.precreate.js';
import { alipayTradeQuery } from '../../generated/dist/methods/alipay.trade.query.js';
import { alipayTradeRefund } from '../../generated/dist/methods/alipay.trade.refund.js';
import { cents, formatCents } from '../../generator/gateway/trades.js';
import { success } from '../support/results.js';
import { ROOT, startTestGateway, type TestGateway } from './helpers.js';

let gateway: TestGateway;
let client: AlipayClient;

/** A client of the gateway that validates every answer (`protocol`: v2 by default). */
function gatewayClient(protocol?: 'v3'): AlipayClient {
  const keys = { privateKey: gateway.keys.appPrivateKey!, alipayPublicKey: gateway.keys.gatewayPublicKeyPem };
  return createAlipayClient({ appId: '2021000000000001', ...keys, gateway: gateway.url, validateResponse: true, ...(protocol && { protocol }) });
}

beforeAll(async () => {
  gateway = await startTestGateway({ specsDir: join(ROOT, 'specs') });
  client = gatewayClient();
});
afterAll(async () => {
  await gateway?.close();
});

async function failure(call: Promise<unknown>): Promise<AlipayApiError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AlipayApiError);
  return error as AlipayApiError;
}

describe('trades the gateway has seen', () => {
  it('a paid trade: query says TRADE_SUCCESS with its own numbers, refunds add up to the amount, it cannot be closed', async () => {
    const paid = success(await alipayTradePay(client, { out_trade_no: 'book-paid', total_amount: '88.88', subject: 'Book', scene: 'bar_code', auth_code: '28763443825664394' }));
    expect(paid).toMatchObject({ out_trade_no: 'book-paid', total_amount: '88.88' });
    const tradeNo = paid.trade_no!;
    expect(success(await alipayTradeQuery(client, { out_trade_no: 'book-paid' }))).toMatchObject({ out_trade_no: 'book-paid', trade_no: tradeNo, total_amount: '88.88', trade_status: 'TRADE_SUCCESS' });
    // By trade_no too.
    expect(success(await alipayTradeQuery(client, { trade_no: tradeNo })).out_trade_no).toBe('book-paid');

    const first = success(await alipayTradeRefund(client, { out_trade_no: 'book-paid', refund_amount: '10', out_request_no: 'r1' }));
    expect(first).toMatchObject({ trade_no: tradeNo, refund_fee: '10.00', fund_change: 'Y' });
    // The same out_request_no again is the same refund, not a second one.
    expect(success(await alipayTradeRefund(client, { out_trade_no: 'book-paid', refund_amount: '10', out_request_no: 'r1' }))).toMatchObject({ refund_fee: '10.00', fund_change: 'N' });
    expect(success(await alipayTradeFastpayRefundQuery(client, { out_trade_no: 'book-paid', out_request_no: 'r1' }))).toMatchObject({ refund_amount: '10.00', total_amount: '88.88', refund_status: 'REFUND_SUCCESS' });

    const over = await failure(alipayTradeRefund(client, { out_trade_no: 'book-paid', refund_amount: '78.89', out_request_no: 'r2' }));
    expect([over.code, over.sub_code]).toEqual(['40004', 'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL']);
    const closing = await failure(alipayTradeClose(client, { out_trade_no: 'book-paid' }));
    expect([closing.code, closing.sub_code]).toEqual(['40004', 'ACQ.TRADE_STATUS_ERROR']);

    // The rest of the amount: refunded in full, the trade is closed.
    expect(success(await alipayTradeRefund(client, { trade_no: tradeNo, refund_amount: '78.88', out_request_no: 'r2' }))).toMatchObject({ refund_fee: '88.88', fund_change: 'Y' });
    expect(success(await alipayTradeQuery(client, { out_trade_no: 'book-paid' })).trade_status).toBe('TRADE_CLOSED');
    const late = await failure(alipayTradeRefund(client, { out_trade_no: 'book-paid', refund_amount: '0.01', out_request_no: 'r3' }));
    expect(late.sub_code).toBe('ACQ.TRADE_STATUS_ERROR');
  });

  it('a trade waiting for the buyer (precreate, create) can be closed or cancelled; query follows', async () => {
    expect(success(await alipayTradePrecreate(client, { out_trade_no: 'book-qr', total_amount: '5.5', subject: 'Tea' })).out_trade_no).toBe('book-qr');
    expect(success(await alipayTradeQuery(client, { out_trade_no: 'book-qr' }))).toMatchObject({ trade_status: 'WAIT_BUYER_PAY', total_amount: '5.50' });
    expect(success(await alipayTradeClose(client, { out_trade_no: 'book-qr' })).out_trade_no).toBe('book-qr');
    expect(success(await alipayTradeQuery(client, { out_trade_no: 'book-qr' })).trade_status).toBe('TRADE_CLOSED');

    const created = success(await alipayTradeCreate(client, { out_trade_no: 'book-jsapi', total_amount: '1.00', subject: 'Tea', buyer_id: '2088102146225135' }));
    expect(created.trade_no).toMatch(/^\d{28}$/);
    expect(success(await alipayTradeCancel(client, { out_trade_no: 'book-jsapi' }))).toMatchObject({ trade_no: created.trade_no, action: 'close', retry_flag: 'N' });

    await alipayTradePay(client, { out_trade_no: 'book-cancel-paid', total_amount: '2.00', subject: 'Tea', scene: 'bar_code', auth_code: '28763443825664394' });
    expect(success(await alipayTradeCancel(client, { out_trade_no: 'book-cancel-paid' })).action).toBe('refund');
    expect(success(await alipayTradeQuery(client, { out_trade_no: 'book-cancel-paid' })).trade_status).toBe('TRADE_CLOSED');
  });

  it('the v3 routes share the book: paid over gateway.do, queried and refused a close over v3', async () => {
    const v3 = gatewayClient('v3');
    const paid = success(await alipayTradePay(client, { out_trade_no: 'book-v3', total_amount: '3.00', subject: 'Tea', scene: 'bar_code', auth_code: '28763443825664394' }));
    expect(success(await alipayTradeQuery(v3, { out_trade_no: 'book-v3' }))).toMatchObject({ trade_no: paid.trade_no, total_amount: '3.00', trade_status: 'TRADE_SUCCESS' });
    const refused = await alipayTradeClose(v3, { out_trade_no: 'book-v3' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AlipayV3ApiError);
    expect([(refused as AlipayV3ApiError).status, (refused as AlipayV3ApiError).code]).toEqual([400, 'ACQ.TRADE_STATUS_ERROR']);
  });

  it('a notification sent for a precreate trade (the buyer scanned and paid) carries its numbers and pays it', async () => {
    const received: string[] = [];
    const shop = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push(body);
        res.end('success');
      });
    });
    await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(shop.address() as AddressInfo).port}/notify`;
      success(await alipayTradePrecreate(client, { out_trade_no: 'book-scan', total_amount: '12.30', subject: 'Tea' }));
      const waiting = success(await alipayTradeQuery(client, { out_trade_no: 'book-scan' }));
      expect(waiting.trade_status).toBe('WAIT_BUYER_PAY');
      const sent = await fetch(new URL('/__alipay/notify', gateway.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ method: 'alipay.trade.precreate', url, fields: { out_trade_no: 'book-scan' } }),
      });
      expect(((await sent.json()) as { accepted: boolean }).accepted).toBe(true);
      const params = new URLSearchParams(received.at(-1));
      expect([params.get('out_trade_no'), params.get('trade_no'), params.get('total_amount'), params.get('trade_status')]).toEqual(['book-scan', waiting.trade_no, '12.30', 'TRADE_SUCCESS']);
      expect(success(await alipayTradeQuery(client, { out_trade_no: 'book-scan' })).trade_status).toBe('TRADE_SUCCESS');
    } finally {
      await new Promise((resolve) => shop.close(resolve));
    }
  });

  it('a trade it has not seen keeps the spec example', async () => {
    const answer = success(await alipayTradeQuery(client, { out_trade_no: 'never-seen' }));
    expect(answer.out_trade_no).not.toBe('never-seen');
    expect(answer.code).toBe('10000');
  });
});

describe('amounts', () => {
  it('cents and formatCents round-trip every amount of at most two decimals; anything else is refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_99 }), (value) => {
        expect(cents(formatCents(value))).toBe(value);
      }),
    );
    expect([cents('88'), cents('88.8'), cents('0.01'), cents(5)]).toEqual([8800, 8880, 1, 500]);
    for (const bad of ['', '1.234', '-1', '1e3', ' 1', '1.', '.5', 'NaN', undefined, null, {}]) expect(cents(bad)).toBeUndefined();
  });
});
