/**
 * More byte equality of page and app requests with alipay-sdk (page.test.ts has the page.pay GET
 * link, the POST form's submitted fields and the app order string): wap.pay's link and form, any
 * order text in the GET link and the form, the merchant's app_auth_token, and certificate mode,
 * where both put the signed `app_cert_sn` and `alipay_root_cert_sn` before biz_content.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { AlipaySdk } from 'alipay-sdk';
import {
  appOrderStringOf,
  browserParams,
  createAlipayClient,
  pageRequestOf,
  signParams,
  type AlipayClient,
  type Operation,
  type SignedParams,
} from '../../templates/runtime/index.js';
import { readVectorFile, vectors } from './helpers.js';
import { formSubmission } from './form-submission.js';

const APP_ID = '2021001161683774';
const TIMESTAMP = '2024-05-13 17:49:20';
const GATEWAY = 'https://openapi.alipay.com/gateway.do';
const appPem = readVectorFile('keys/app-private-key.pem');
const alipayPem = readVectorFile('keys/alipay-public-key.pem');
const certs = {
  appCert: readVectorFile(vectors.cert_sn.appCert.file),
  alipayCert: readVectorFile(vectors.cert_sn.alipayCert.file),
  alipayRootCert: readVectorFile(vectors.cert_sn.rootCert.file),
};

const keyClient = createAlipayClient({ appId: APP_ID, privateKey: appPem, alipayPublicKey: alipayPem, gateway: GATEWAY });
const keySdk = new AlipaySdk({ appId: APP_ID, privateKey: appPem, alipayPublicKey: alipayPem, gateway: GATEWAY });
const certClient = createAlipayClient({ appId: APP_ID, privateKey: appPem, certs, gateway: GATEWAY });
const certSdk = new AlipaySdk({
  appId: APP_ID,
  privateKey: appPem,
  gateway: GATEWAY,
  appCertContent: certs.appCert,
  alipayPublicCertContent: certs.alipayCert,
  alipayRootCertContent: certs.alipayRootCert,
});

type PayRequest = Record<string, string>;
const op = (method: string): Operation<PayRequest, unknown> => ({ method, validateRequest: () => [], validateResponse: () => [], errorCodes: [] });
const BIZ: PayRequest = { out_trade_no: '20150320010101001', total_amount: '88.88', subject: 'Iphone6 16G 中文', product_code: 'QUICK_WAP_WAY' };
const URLS = { notifyUrl: 'https://example.com/notify?a=1&b=2', returnUrl: 'https://example.com/return' };

/** Ours with the SDK's own `alipay_sdk` param after timestamp (pageExecute always signs it). */
function withSdkParam(signed: SignedParams, client: AlipayClient, sdk: AlipaySdk): SignedParams {
  const { sign: _sign, ...params } = signed.params;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    out[k] = v;
    if (k === 'timestamp') out.alipay_sdk = sdk.version;
  }
  return signParams(out, client);
}

const modes: [string, AlipayClient, AlipaySdk][] = [
  ['public-key mode', keyClient, keySdk],
  ['certificate mode', certClient, certSdk],
];

describe('page requests equal pageExecute', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-05-13T09:49:20Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  for (const [mode, client, sdk] of modes) {
    for (const method of ['alipay.trade.page.pay', 'alipay.trade.wap.pay']) {
      it(`${method}, ${mode}: the GET link byte for byte, the form's submission field for field`, () => {
        // pageExecute keeps the caller's order of these params; ours is fixed (token, notify, return).
        const options = { appAuthToken: '202405BB0000000000000001', ...URLS };
        const ours = pageRequestOf(GATEWAY, withSdkParam(browserParams(client, op(method), BIZ, options, TIMESTAMP), client, sdk));
        const theirs = { bizContent: BIZ, timestamp: TIMESTAMP, ...options };
        expect(ours.url).toBe(sdk.pageExecute(method, 'GET', theirs));
        const form = formSubmission(ours.html);
        const sdkForm = formSubmission(sdk.pageExecute(method, 'POST', theirs));
        expect([form.action, form.fields]).toEqual([sdkForm.action, sdkForm.fields]);
        const serials = new URL(ours.url).searchParams;
        if (mode === 'certificate mode') {
          expect([serials.get('app_cert_sn'), serials.get('alipay_root_cert_sn')]).toEqual([vectors.cert_sn.appCert.sn, vectors.cert_sn.rootCert.sn]);
        } else expect(serials.has('app_cert_sn')).toBe(false);
      });
    }
  }

  it('any subject and out_trade_no: the same GET link as pageExecute (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ maxLength: 20 }), fc.constantFrom(...modes), (subject, out, [, client, sdk]) => {
        const biz = { ...BIZ, subject, out_trade_no: out };
        const ours = pageRequestOf(GATEWAY, withSdkParam(browserParams(client, op('alipay.trade.wap.pay'), biz, URLS, TIMESTAMP), client, sdk));
        expect(ours.url).toBe(sdk.pageExecute('alipay.trade.wap.pay', 'GET', { bizContent: biz, timestamp: TIMESTAMP, ...URLS }));
      }),
      { numRuns: 40 },
    );
  });
});

describe('app order strings equal sdkExecute', () => {
  for (const [mode, client, sdk] of modes) {
    it(`${mode}: the same string, byte for byte`, () => {
      const ours = appOrderStringOf(browserParams(client, op('alipay.trade.app.pay'), BIZ, { notifyUrl: URLS.notifyUrl }, TIMESTAMP));
      expect(ours).toBe(sdk.sdkExecute('alipay.trade.app.pay', { bizContent: BIZ, timestamp: TIMESTAMP, notifyUrl: URLS.notifyUrl }));
    });
  }
});
