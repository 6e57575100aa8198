/**
 * Page and app requests (page.ts, app.ts, page-params.ts): byte equality with the official SDK's
 * pageExecute (GET and POST) and sdkExecute for the same inputs, the escaping that makes a browser
 * submit what was signed, validation before signing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { AlipaySdk } from 'alipay-sdk';
import {
  AlipayValidationError,
  appOrderString,
  appOrderStringOf,
  browserParams,
  buildSignContent,
  createAlipayClient,
  escapeHtml,
  loadPublicKey,
  pageRequest,
  pageRequestOf,
  signParams,
  verifyContent,
  type Operation,
  type SignedParams,
} from '../../templates/runtime/index.js';
import { readVectorFile } from './helpers.js';
import { formSubmission } from './form-submission.js';

const APP_ID = '2021000122671080';
const TIMESTAMP = '2024-05-13 17:49:20';
const GATEWAY = 'https://openapi.alipay.com/gateway.do';
const appPem = readVectorFile('keys/app-private-key.pem');
const appPublic = loadPublicKey(readVectorFile('keys/app-public-key.pem'));
const alipayPem = readVectorFile('keys/alipay-public-key.pem');
const client = createAlipayClient({ appId: APP_ID, privateKey: appPem, alipayPublicKey: alipayPem, gateway: GATEWAY });
const sdk = new AlipaySdk({ appId: APP_ID, privateKey: appPem, alipayPublicKey: alipayPem, gateway: GATEWAY });

interface PayRequest {
  out_trade_no: string;
  total_amount: string;
  subject: string;
  product_code?: string;
}
const validate = (value: unknown) => {
  const v = value as Record<string, unknown>;
  return typeof v.out_trade_no === 'string' ? [] : [{ path: 'out_trade_no', rule: 'required' as const, message: 'required' }];
};
const pagePay: Operation<PayRequest, unknown> = { method: 'alipay.trade.page.pay', validateRequest: validate, validateResponse: () => [], errorCodes: [] };
const appPay: Operation<PayRequest, unknown> = { method: 'alipay.trade.app.pay', validateRequest: validate, validateResponse: () => [], errorCodes: [] };
const BIZ: PayRequest = { out_trade_no: '20150320010101001', total_amount: '88.88', subject: 'Iphone6 16G 中文', product_code: 'FAST_INSTANT_TRADE_PAY' };
const URLS = { notifyUrl: 'https://example.com/notify?a=1&b=2', returnUrl: 'https://example.com/return' };

/**
 * Our params for the call, with the SDK's `alipay_sdk` param where its pageExecute puts it (after
 * timestamp): pageExecute always adds and signs it, so the bytes can only be equal with it.
 */
function withSdkParam(signed: SignedParams): SignedParams {
  const { sign: _sign, ...params } = signed.params;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    out[k] = v;
    if (k === 'timestamp') out.alipay_sdk = sdk.version;
  }
  return signParams(out, client);
}

describe('page requests equal alipay-sdk pageExecute', () => {
  beforeEach(() => {
    // pageExecute names its form after Date.now(); a fixed clock makes its output repeatable.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-05-13T09:49:20Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('GET: the same link, byte for byte', () => {
    const theirs = sdk.pageExecute(pagePay.method, 'GET', { bizContent: BIZ, timestamp: TIMESTAMP, ...URLS });
    const ours = pageRequestOf(GATEWAY, withSdkParam(browserParams(client, pagePay, BIZ, URLS, TIMESTAMP)));
    expect(ours.url).toBe(theirs);
  });

  it('POST: the browser submits the same action and fields (the markup is ours)', () => {
    const theirs = formSubmission(sdk.pageExecute(pagePay.method, 'POST', { bizContent: BIZ, timestamp: TIMESTAMP, ...URLS }));
    const ours = formSubmission(pageRequestOf(GATEWAY, withSdkParam(browserParams(client, pagePay, BIZ, URLS, TIMESTAMP))).html);
    expect(ours.method).toBe('post');
    expect(ours.action).toBe(theirs.action);
    expect(ours.fields).toEqual(theirs.fields);
  });

  it("POST with `&amp;` in a value: ours submits the signed text, the SDK's form does not", () => {
    // The SDK escapes only `"` in hidden values (`&quot;`) and leaves `&` as it is, so the browser
    // reads a character reference in the value: `R&amp;D` is submitted as `R&D`, `&lt;b&gt;` as
    // `<b>`. The gateway then checks the sign over other text than was signed: isv.invalid-signature.
    // Ours escapes `&` as `&amp;` first, so the browser reads back exactly the signed value.
    const biz = { ...BIZ, subject: 'R&amp;D &lt;b&gt; "x"' };
    const theirs = formSubmission(sdk.pageExecute(pagePay.method, 'POST', { bizContent: biz, timestamp: TIMESTAMP, ...URLS }));
    const signed = withSdkParam(browserParams(client, pagePay, biz, URLS, TIMESTAMP));
    const ours = formSubmission(pageRequestOf(GATEWAY, signed).html);
    const submitted = (s: typeof ours) => Object.fromEntries(s.fields).biz_content;
    expect(submitted(ours)).toBe(signed.params.biz_content);
    expect(submitted(theirs)).not.toBe(signed.params.biz_content);
    expect(submitted(theirs)).toContain('"subject":"R&D <b> \\"x\\""');
  });
});

describe('app order strings equal alipay-sdk sdkExecute', () => {
  it('same string, byte for byte', () => {
    const theirs = sdk.sdkExecute(appPay.method, { bizContent: BIZ, timestamp: TIMESTAMP, notifyUrl: URLS.notifyUrl });
    const ours = appOrderStringOf(browserParams(client, appPay, BIZ, { notifyUrl: URLS.notifyUrl }, TIMESTAMP));
    expect(ours).toBe(theirs);
  });

  it('any biz_content text: same string as sdkExecute (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ maxLength: 20 }), (subject, out) => {
        const biz = { out_trade_no: out, total_amount: '1.00', subject };
        const theirs = sdk.sdkExecute(appPay.method, { bizContent: biz, timestamp: TIMESTAMP }, { bizContentAutoSnakeCase: false });
        expect(appOrderStringOf(browserParams(client, appPay, biz, undefined, TIMESTAMP))).toBe(theirs);
      }),
      { numRuns: 60 },
    );
  });
});

describe('what is signed is what is sent', () => {
  it('the GET link carries every signed param, and the sign verifies over them', () => {
    const page = pageRequest(client, pagePay, BIZ, URLS);
    const sent = Object.fromEntries(new URL(page.url).searchParams);
    const { sign, ...rest } = sent;
    expect(buildSignContent(rest)).toBe(page.signContent);
    expect(verifyContent(page.signContent, sign!, appPublic, 'RSA2')).toBe(true);
    expect(sent).toMatchObject({ method: 'alipay.trade.page.pay', app_id: APP_ID, notify_url: URLS.notifyUrl, return_url: URLS.returnUrl });
    expect(JSON.parse(sent.biz_content!)).toEqual(BIZ);
  });

  it('the form submits every signed param (action query + fields), for any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ maxLength: 30 }), (subject, returnUrl) => {
        const page = pageRequest(client, pagePay, { ...BIZ, subject }, { returnUrl });
        const form = formSubmission(page.html);
        const sent = { ...Object.fromEntries(new URL(form.action).searchParams), ...Object.fromEntries(form.fields) };
        const { sign, ...rest } = sent;
        expect(buildSignContent(rest)).toBe(page.signContent);
        expect(verifyContent(page.signContent, sign!, appPublic, 'RSA2')).toBe(true);
        expect(JSON.parse(sent.biz_content!).subject).toBe(subject);
        expect(form.scripts).toEqual(['document.getElementById("alipay_submit").submit();']);
      }),
      { numRuns: 80 },
    );
  });

  it('the app order string decodes to the signed params', () => {
    const order = appOrderString(client, appPay, BIZ, { notifyUrl: URLS.notifyUrl });
    const { sign, ...rest } = Object.fromEntries(new URLSearchParams(order));
    expect(verifyContent(buildSignContent(rest), sign!, appPublic, 'RSA2')).toBe(true);
    expect(rest.return_url).toBeUndefined();
  });

  it('escapeHtml escapes the five characters that can end or change an attribute', () => {
    expect(escapeHtml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&#39;f');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

describe('validation comes first', () => {
  it('an invalid request is refused before anything is signed', () => {
    const bad = { total_amount: '1' } as unknown as PayRequest;
    expect(() => pageRequest(client, pagePay, bad)).toThrow(AlipayValidationError);
    expect(() => appOrderString(client, appPay, bad)).toThrow(/out_trade_no: required/);
  });

  it('blank options are neither signed nor sent', () => {
    const page = pageRequest(client, pagePay, BIZ, { notifyUrl: ' ', returnUrl: '' });
    expect(page.url).not.toContain('notify_url');
    expect(page.signContent).not.toContain('return_url');
  });
});
