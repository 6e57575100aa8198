/**
 * Notifications the gateway signs and sends: built from the method's notify fields (the spec's own
 * `notify` when it has them, else the standard trade notification), signed under the V1 rule, sent
 * form-encoded UTF-8 to the caller's URL through `POST /__alipay/notify`, with what the handler
 * answered reported. Verified with our runtime's verifyNotify and alipay-sdk's checkNotifySignV2.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AlipaySdk } from 'alipay-sdk';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNotification } from '../../generator/gateway/notification.js';
import { notifyFieldsOf, STANDARD_TRADE_NOTIFY_FIELDS } from '../../generator/gateway/notify-fields.js';
import { describeReport, sendNotification } from '../../generator/gateway/notify-sender.js';
import type { MethodSpec } from '../../generator/spec/model.js';
import { verifyNotify } from '../../templates/runtime/index.js';
import { APP_ID, PAGE_PAY, paymentSpecs, startPaymentWorld, type PaymentWorld } from './payment-fixtures.js';

let world: PaymentWorld;
let specs: MethodSpec[];
/** A pair of our own for the tests that sign directly (the gateway's private key stays inside it). */
const local = generateKeyPairSync('rsa', { modulusLength: 2048 });
const localSdk = new AlipaySdk({
  appId: APP_ID,
  privateKey: local.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string,
  alipayPublicKey: local.publicKey.export({ type: 'spki', format: 'pem' }) as string,
});

beforeAll(async () => {
  specs = await paymentSpecs();
  world = await startPaymentWorld({ specs });
});
afterAll(async () => {
  await world?.close();
});

const trade = { appId: APP_ID, outTradeNo: 'T1', tradeNo: '2026120122001000000000000001', totalAmount: '9.99', subject: '测试', sellerId: '2088101117955611' };

async function notifyEndpoint(body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, any> }> {
  const response = await fetch(new URL('/__alipay/notify', world.gateway.url), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as Record<string, any> };
}

describe('building and signing', () => {
  it('any field values (unicode, %, &, =, +) verify after a form round trip, in our runtime and in alipay-sdk checkNotifySignV2', () => {
    const value = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((v) => v.trim() !== '');
    fc.assert(
      fc.property(value, value, fc.constantFrom('RSA2' as const, 'RSA' as const), (subject, passback, signType) => {
        const params = buildNotification({ fields: notifyFieldsOf(undefined), trade: { ...trade, subject, passbackParams: passback }, signType }, local.privateKey);
        // What the handler's form parser gives back from the body on the wire.
        const received = new URLSearchParams(new URLSearchParams(Object.entries(params)).toString());
        expect(received.get('subject')).toBe(subject);
        expect(verifyNotify(received, local.publicKey, 'v1')).toBe(true);
        expect(localSdk.checkNotifySignV2(Object.fromEntries(received))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('alipay-sdk checkNotifySign (it URL-decodes a second time) refuses a value holding %3d; checkNotifySignV2 and ours accept it', () => {
    const params = buildNotification({ fields: notifyFieldsOf(undefined), trade: { ...trade, passbackParams: 'merchantBizType%3d3C' } }, local.privateKey);
    const received = Object.fromEntries(new URLSearchParams(new URLSearchParams(Object.entries(params)).toString()));
    expect(localSdk.checkNotifySign(received)).toBe(false);
    expect(localSdk.checkNotifySignV2(received)).toBe(true);
    expect(verifyNotify(received, local.publicKey)).toBe(true);
  });

  it('without spec notify fields: the standard trade notification, blank values not sent', () => {
    const params = buildNotification({ fields: notifyFieldsOf(specs[0]), trade }, local.privateKey);
    const expected = STANDARD_TRADE_NOTIFY_FIELDS.filter((n) => n !== 'body' && n !== 'passback_params');
    expect(Object.keys(params)).toEqual([...expected, 'sign']);
    expect(params).toMatchObject({ notify_type: 'trade_status_sync', trade_status: 'TRADE_SUCCESS', sign_type: 'RSA2', charset: 'utf-8', version: '1.0', app_id: APP_ID, total_amount: '9.99' });
    expect(JSON.parse(params['fund_bill_list']!)).toEqual([{ amount: '9.99', fundChannel: 'ALIPAYACCOUNT' }]);
    expect(params['notify_id']).toMatch(/^[0-9a-f]{32}$/);
  });

  it("a spec's own notify fields (spec.notify) decide the fields: trade values where known, else the example, else the kind's sample", () => {
    const spec = {
      ...specs[0]!,
      notify: [
        { name: 'notify_time', type: 'date', required: true },
        { name: 'out_trade_no', type: 'string', required: true },
        { name: 'refund_fee', type: 'price', required: false, example: '1.50' },
        { name: 'is_first', type: 'boolean', required: false },
        { name: 'sign_type', type: 'string', required: true },
      ],
    } as MethodSpec;
    const params = buildNotification({ fields: notifyFieldsOf(spec), trade, overrides: { out_trade_no: 'OVERRIDDEN' } }, local.privateKey);
    expect(Object.keys(params)).toEqual(['notify_time', 'out_trade_no', 'refund_fee', 'is_first', 'sign_type', 'sign']);
    expect(params).toMatchObject({ out_trade_no: 'OVERRIDDEN', refund_fee: '1.50', is_first: 'true', sign_type: 'RSA2' });
    expect(verifyNotify(params, local.publicKey, 'v1')).toBe(true);
  });
});

describe('POST /__alipay/notify', () => {
  it('sends the signed notification with the given fields and reports the handler answered success', async () => {
    const before = world.merchant.notifications.length;
    const { status, json } = await notifyEndpoint({ method: PAGE_PAY, url: `${world.merchant.origin}/notify`, fields: { out_trade_no: 'ORDER-7', total_amount: '12.00', trade_status: 'TRADE_CLOSED' } });
    expect(status).toBe(200);
    expect(json['accepted']).toBe(true);
    expect(json['result']).toBe('answered success');
    expect(world.merchant.notifications.length).toBe(before + 1);
    const received = new URLSearchParams(world.merchant.notifications.at(-1)!);
    expect(Object.fromEntries(received)).toEqual(json['notification']);
    expect([received.get('out_trade_no'), received.get('total_amount'), received.get('trade_status'), received.get('receipt_amount')]).toEqual(['ORDER-7', '12.00', 'TRADE_CLOSED', '12.00']);
    expect(verifyNotify(received, world.alipayPublicKey, 'v1')).toBe(true);
    expect(world.sdk.checkNotifySignV2(Object.fromEntries(received))).toBe(true);
  });

  it('a handler that answers "fail" gets every attempt, and the report says what it answered', async () => {
    world.merchant.answer = 'fail';
    const before = world.merchant.notifications.length;
    let json: Record<string, any>;
    try {
      ({ json } = await notifyEndpoint({ method: PAGE_PAY, url: `${world.merchant.origin}/notify`, attempts: 3 }));
    } finally {
      world.merchant.answer = 'success';
    }
    expect(json['accepted']).toBe(false);
    expect(json['attempts']).toEqual([1, 2, 3].map(() => ({ status: 200, answer: 'fail' })));
    expect(json['result']).toBe('answered "fail" (HTTP 200), not exactly "success" after 3 attempts');
    expect(world.merchant.notifications.length).toBe(before + 3);
    expect(world.gateway.logLines.at(-1)).toMatch(/ POST alipay\.trade\.page\.pay notify not-success /);
  });

  it('wrong-signature (header) sends a notification that does not verify', async () => {
    const { json } = await notifyEndpoint({ method: PAGE_PAY, url: `${world.merchant.origin}/notify` }, { 'x-alipay-mock-scenario': 'wrong-signature' });
    expect(json['accepted']).toBe(true);
    expect(verifyNotify(json['notification'], world.alipayPublicKey)).toBe(false);
  });

  it.each([
    [{ method: 'alipay.no.such', url: 'http://127.0.0.1:9/' }, 'served method'],
    [{ method: PAGE_PAY, url: 'ftp://127.0.0.1/x' }, 'http or https'],
    [{ method: PAGE_PAY, url: 'not a url' }, 'absolute URL'],
    [{ method: PAGE_PAY, url: 'http://127.0.0.1:9/', fields: { total_amount: 5 } }, 'fields.total_amount'],
    [{ method: PAGE_PAY, url: 'http://127.0.0.1:9/', attempts: 0 }, 'attempts'],
    [[1], 'JSON object'],
  ])('refuses %j naming %s', async (body, named) => {
    const { status, json } = await notifyEndpoint(body);
    expect(status).toBe(400);
    expect(json['error']).toContain(named);
  });
});

describe('sendNotification', () => {
  it('reports a URL where nothing listens, naming host and port', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const report = await sendNotification(`http://127.0.0.1:${port}/notify`, { a: '1' });
    expect(report.accepted).toBe(false);
    expect(report.attempts[0]!.error).toBe(`ECONNREFUSED 127.0.0.1:${port}`);
    expect(describeReport(report)).toBe(`no answer: ECONNREFUSED 127.0.0.1:${port}`);
  });

  it('does not follow a redirect: a 302 is not a success', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(302, { location: '/elsewhere' });
      res.end('success');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const report = await sendNotification(`http://127.0.0.1:${(server.address() as AddressInfo).port}/n`, { a: '1' });
      expect(report.accepted).toBe(false);
      expect(report.attempts[0]!.status).toBe(302);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

