/**
 * parseNotification (notify-parse.ts): every body shape a server has, verified with the client's
 * Alipay public key, checked against its app_id, validated; each refusal says what was wrong.
 * Verdicts are compared with alipay-sdk's checkNotifySign / checkNotifySignV2 on the vectors and on
 * random notifications (fast-check).
 */
import { describe, expect, it } from 'vitest';
import { sign as nodeSign } from 'node:crypto';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { AlipaySdk } from 'alipay-sdk';
import {
  AlipayConfigError,
  AlipayNotifyError,
  createAlipayClient,
  notifySignContent,
  parseNotification,
  signContent,
  type NotifyBody,
  type NotifyOperation,
} from '../../templates/runtime/index.js';
import { readVectorFile, vectors } from './helpers.js';
import { rsaKeyPair } from './test-gateway.js';

const appPem = readVectorFile('keys/app-private-key.pem');
const alipay = rsaKeyPair();
const alipayPem = alipay.publicKey.export({ format: 'pem', type: 'spki' }) as string;
const other = rsaKeyPair();
const APP_ID = '2021000122671080';
const client = createAlipayClient({ appId: APP_ID, privateKey: appPem, alipayPublicKey: alipayPem });
const sdk = new AlipaySdk({ appId: APP_ID, privateKey: appPem, alipayPublicKey: alipayPem });

const anyFields: NotifyOperation = { method: 'alipay.trade.page.pay', validateNotification: () => [] };
const tradeFields: NotifyOperation = {
  method: 'alipay.trade.page.pay',
  validateNotification: (v) => (typeof (v as Record<string, unknown>).out_trade_no === 'string' ? [] : [{ path: 'out_trade_no', rule: 'required', message: 'required' }]),
};

function notification(extra: Record<string, string> = {}): Record<string, string> {
  return {
    notify_time: '2026-12-01 10:00:00',
    notify_type: 'trade_status_sync',
    notify_id: '2026120100222100000000000000000001',
    charset: 'utf-8',
    version: '1.0',
    sign_type: 'RSA2',
    app_id: APP_ID,
    trade_no: '2026120122001400000000000001',
    out_trade_no: 'order-1',
    trade_status: 'TRADE_SUCCESS',
    total_amount: '88.88',
    subject: '语雀空间 500人规模',
    passback_params: 'a%3D1%26b%3D2',
    ...extra,
  };
}

/** Signed as Alipay signs payment notifications (V1: sign and sign_type not signed). */
function signed(params: Record<string, string>, key = alipay.privateKey, version: 'v1' | 'v2' = 'v1'): Record<string, string> {
  return { ...params, sign: signContent(notifySignContent(params, version), key, 'RSA2') };
}

function refusal(body: NotifyBody, op = anyFields, c = client): AlipayNotifyError {
  try {
    parseNotification(c, op, body);
  } catch (error) {
    expect(error).toBeInstanceOf(AlipayNotifyError);
    return error as AlipayNotifyError;
  }
  throw new Error('expected a refusal');
}

describe('every body shape gives the same verified notification', () => {
  const params = signed(notification());
  const raw = new URLSearchParams(params).toString();
  const shapes: [string, NotifyBody][] = [
    ['raw string (Next: await req.text())', raw],
    ['Buffer (node:http chunks)', Buffer.from(raw)],
    ['Uint8Array', new TextEncoder().encode(raw)],
    ['URLSearchParams (decoded once)', new URLSearchParams(raw)],
    ['parsed object (express.urlencoded, @fastify/formbody)', Object.fromEntries(new URLSearchParams(raw))],
  ];
  for (const [name, body] of shapes) {
    it(name, () => {
      const parsed = parseNotification<Record<string, string>>(client, tradeFields, body);
      expect(parsed).toEqual(params);
      // passback_params is returned as Alipay sent it: never decoded a second time.
      expect(parsed.passback_params).toBe('a%3D1%26b%3D2');
    });
  }
});

describe('refusals say what was wrong', () => {
  const params = signed(notification());
  const raw = new URLSearchParams(params).toString();

  it('an already-decoded raw body', () => {
    const decoded = decodeURIComponent(raw.replace(/\+/g, ' '));
    expect(refusal(decoded).reason).toBe('decoded');
    expect(refusal(Buffer.from(decoded)).reason).toBe('decoded');
  });

  it('params decoded twice (a "+" of the sign read as a space)', () => {
    // A sign whose base64 has a "+" (signing variants of the notification until one has).
    let body = params;
    for (let i = 0; !body.sign!.includes('+'); i++) body = signed(notification({ notify_id: String(i) }));
    const twice = Object.fromEntries(new URLSearchParams(new URLSearchParams(body).toString().replace(/%2B/g, '+')));
    expect(twice.sign).toContain(' ');
    expect(refusal(twice).reason).toBe('decoded');
  });

  it('a missing sign', () => {
    const { sign: _s, ...unsigned } = params;
    const e = refusal(unsigned);
    expect(e.reason).toBe('missing-sign');
    expect(e.message).toMatch(/no sign param/);
  });

  it('a wrong key, and a changed value', () => {
    expect(refusal(signed(notification(), other.privateKey)).reason).toBe('bad-signature');
    expect(refusal({ ...params, total_amount: '0.01' }).reason).toBe('bad-signature');
  });

  it("another app's notification", () => {
    const e = refusal(signed(notification({ app_id: '2021000000000002' })));
    expect(e.reason).toBe('app-id');
    // The app ids are 16 digits, masked like a card number as every error field is.
    expect(e.message).toMatch(/it is for app_id \S+, not this client's/);
  });

  it('fields that do not match the method', () => {
    const { out_trade_no: _o, ...rest } = notification();
    const e = refusal(signed(rest), tradeFields);
    expect(e.reason).toBe('invalid');
    expect(e.issues).toEqual([{ path: 'out_trade_no', rule: 'required', message: 'required' }]);
  });

  it('a param given twice, a broken escape, an unknown charset', () => {
    expect(refusal(`${raw}&app_id=${APP_ID}`).reason).toBe('malformed');
    expect(refusal(`${raw}&x=%zz`).reason).toBe('malformed');
    expect(refusal(raw.replace('charset=utf-8', 'charset=nope')).reason).toBe('malformed');
  });

  it('a client without the Alipay public key cannot verify', () => {
    const blind = createAlipayClient({ appId: APP_ID, privateKey: appPem, verifyResponseSign: false });
    expect(() => parseNotification(blind, anyFields, params)).toThrow(AlipayConfigError);
  });

  it('the error is masked and never shows the sign or the body', () => {
    const phone = '13812345678';
    const e = refusal(signed(notification({ app_id: phone })));
    const shown = `${e.message} ${JSON.stringify(e)} ${inspect(e, { showHidden: true })}`;
    expect(shown).not.toContain('12345678');
    expect(shown).not.toContain(params.sign!.slice(0, 16));
  });
});

describe('charset from the body', () => {
  // "中文" in GBK is D6 D0 CE C4; Alipay signs a GBK notification over those bytes.
  const GBK = Buffer.from([0xd6, 0xd0, 0xce, 0xc4]);
  const params = notification({ charset: 'gbk', subject: 'SUBJECT' });
  const content = Buffer.from(notifySignContent(params, 'v1'), 'latin1');
  const at = content.indexOf('SUBJECT');
  const gbkContent = Buffer.concat([content.subarray(0, at), GBK, content.subarray(at + 'SUBJECT'.length)]);
  const sign = nodeSign('sha256', gbkContent, alipay.privateKey).toString('base64');
  const raw = new URLSearchParams({ ...params, sign }).toString().replace('subject=SUBJECT', 'subject=%D6%D0%CE%C4');

  it('a GBK body is verified over its bytes and decoded once, in GBK', () => {
    const parsed = parseNotification<Record<string, string>>(client, anyFields, Buffer.from(raw));
    expect(parsed.subject).toBe('中文');
    expect(parseNotification<Record<string, string>>(client, anyFields, raw).subject).toBe('中文');
  });

  it('decoded GBK params cannot be verified and say so', () => {
    const e = refusal({ ...params, subject: '中文', sign });
    expect(e.reason).toBe('decoded');
    expect(e.message).toMatch(/raw body/);
  });
});

describe('verdicts equal alipay-sdk checkNotifySign / checkNotifySignV2', () => {
  for (const v of vectors.notify_verification) {
    it(v.name, () => {
      const pem = readVectorFile(v.alipayPublicKey);
      const appId = String(v.params.app_id);
      const c = createAlipayClient({ appId, privateKey: appPem, alipayPublicKey: pem });
      const theirs = new AlipaySdk({ appId, privateKey: appPem, alipayPublicKey: pem });
      let ours: boolean;
      try {
        parseNotification(c, anyFields, v.params);
        ours = true;
      } catch {
        ours = false;
      }
      expect(ours).toBe(v.valid);
      expect(theirs.checkNotifySignV2(v.params)).toBe(ours);
      expect(theirs.checkNotifySign(v.params)).toBe(ours);
    });
  }

  const value = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }).filter((s) => s.trim() !== '');
  const notifications = fc.dictionary(fc.stringMatching(/^[a-z][a-z_]{0,11}$/), value, { maxKeys: 8 }).map((extra) => {
    const { sign: _s, sign_type: _t, app_id: _a, ...rest } = extra;
    return notification(rest);
  });

  it('random notifications signed V1 or V2, raw values: the same verdict as checkNotifySignV2 (property)', () => {
    fc.assert(
      fc.property(notifications, fc.constantFrom('v1' as const, 'v2' as const), fc.boolean(), (params, version, tamper) => {
        const body = signed(params, alipay.privateKey, version);
        if (tamper) body.out_trade_no = `${body.out_trade_no}x`;
        let ours: boolean;
        try {
          parseNotification(client, anyFields, body);
          ours = true;
        } catch (e) {
          expect((e as AlipayNotifyError).reason).toBe('bad-signature');
          ours = false;
        }
        expect(ours).toBe(!tamper);
        expect(sdk.checkNotifySignV2(body)).toBe(ours);
        // And from the raw form body, decoded here once.
        if (ours) expect(parseNotification(client, anyFields, new URLSearchParams(body).toString())).toEqual(body);
      }),
      { numRuns: 60 },
    );
  });

  it('where ours differs, ours is right: checkNotifySign decodes a second time', () => {
    // checkNotifySign (without V2) runs decodeURIComponent on values a form parser already
    // decoded: passback_params `a%3D1%26b%3D2` becomes `a=1&b=2` and the sign no longer verifies;
    // a value with a lone `%` makes it throw URI malformed. Alipay signed the value as sent.
    const body = signed(notification());
    expect(() => parseNotification(client, anyFields, body)).not.toThrow();
    expect(sdk.checkNotifySignV2(body)).toBe(true);
    expect(sdk.checkNotifySign(body)).toBe(false);
    const percent = signed(notification({ passback_params: '100%' }));
    expect(() => parseNotification(client, anyFields, percent)).not.toThrow();
    expect(() => sdk.checkNotifySign(percent)).toThrow(/URI malformed/);
  });

  it('where ours differs, ours is right: an empty value is not signed', () => {
    // Alipay (and the Java SDK's rsaCheckV1) leave empty values out of the signed string; the
    // Node SDK keeps `key=` in it, so a notification with an empty param fails there.
    const params = notification();
    const body = { ...signed(params), buyer_logon_id: '' };
    expect(() => parseNotification(client, anyFields, body)).not.toThrow();
    expect(sdk.checkNotifySignV2(body)).toBe(false);
  });
});
