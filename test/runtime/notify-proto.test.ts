/**
 * A notification param named `__proto__` is data like any other: it is kept in the parsed object
 * (an own property, the prototype untouched), it is part of the signed string, and a sign over it
 * verifies, from every body shape; a sign that leaves it out does not.
 */
import { describe, expect, it } from 'vitest';
import { AlipaySdk } from 'alipay-sdk';
import {
  createAlipayClient,
  notifySignContent,
  parseNotification,
  signContent,
  verifyNotify,
  type NotifyOperation,
} from '../../templates/runtime/index.js';
import { readVectorFile } from './helpers.js';
import { rsaKeyPair } from './test-gateway.js';

const appPem = readVectorFile('keys/app-private-key.pem');
const alipay = rsaKeyPair();
const alipayPem = alipay.publicKey.export({ format: 'pem', type: 'spki' }) as string;
const APP_ID = '2021000122671080';
const client = createAlipayClient({ appId: APP_ID, privateKey: appPem, alipayPublicKey: alipayPem });
const anyFields: NotifyOperation = { method: 'alipay.trade.page.pay', validateNotification: () => [] };

const PAIRS: [string, string][] = [
  ['__proto__', 'polluted'],
  ['app_id', APP_ID],
  ['out_trade_no', 'order-1'],
  ['sign_type', 'RSA2'],
  ['total_amount', '88.88'],
  ['trade_status', 'TRADE_SUCCESS'],
];
/** The V1 string written out by hand (sorted, sign_type left out): `__proto__` sorts first. */
const V1_CONTENT = '__proto__=polluted&app_id=2021000122671080&out_trade_no=order-1&total_amount=88.88&trade_status=TRADE_SUCCESS';

function body(sign: string): string {
  return new URLSearchParams([...PAIRS, ['sign', sign]]).toString();
}

describe('a param named __proto__', () => {
  const sign = signContent(V1_CONTENT, alipay.privateKey, 'RSA2');

  it('is kept as data by parseNotification from a raw body, URLSearchParams and a parsed object, and the sign verifies over it', () => {
    const raw = body(sign);
    const parsedObject = Object.fromEntries(new URLSearchParams(raw));
    for (const shape of [raw, Buffer.from(raw), new URLSearchParams(raw), parsedObject]) {
      const n = parseNotification<Record<string, string>>(client, anyFields, shape);
      expect(Object.getOwnPropertyDescriptor(n, '__proto__')?.value).toBe('polluted');
      expect(Object.getPrototypeOf(n)).not.toBe('polluted');
      expect(n.out_trade_no).toBe('order-1');
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('a sign that leaves __proto__ out does not verify', () => {
    const without = signContent(V1_CONTENT.replace('__proto__=polluted&', ''), alipay.privateKey, 'RSA2');
    expect(() => parseNotification(client, anyFields, body(without))).toThrow(/does not verify/);
    expect(verifyNotify(new URLSearchParams(body(without)), alipay.publicKey)).toBe(false);
  });

  it('notifySignContent and verifyNotify include it (as alipay-sdk checkNotifySignV2 does)', () => {
    const params = new URLSearchParams(body(sign));
    expect(notifySignContent(params, 'v1')).toBe(V1_CONTENT);
    expect(notifySignContent(Object.fromEntries(params), 'v1')).toBe(V1_CONTENT);
    expect(verifyNotify(params, alipay.publicKey, 'v1')).toBe(true);
    expect(verifyNotify(Object.fromEntries(params), alipay.publicKey)).toBe(true);
    const sdk = new AlipaySdk({ appId: APP_ID, privateKey: appPem, alipayPublicKey: alipayPem });
    expect(sdk.checkNotifySign(Object.fromEntries(params))).toBe(true);
  });
});
