/**
 * The payment flows in certificate mode against `alipay-codegen serve --cert-mode`, with a client
 * configured from the certificate files it issued (no Alipay public key): the page link and the
 * app order string carry `app_cert_sn` and `alipay_root_cert_sn` (signed, as alipay-sdk's
 * pageExecute/sdkExecute put them) and are accepted; the app's signed result names the Alipay
 * certificate (`alipay_cert_sn`, as the gateway's answers do) and verifies with that
 * certificate's key; the notification verifies with the Alipay certificate's key and parses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alipayKeyFor, checkResponseSignature, createAlipayClient, extractResponseNode, loadCertMode, type AlipayClient } from '../../generated/dist/runtime/index.js';
import { alipayTradeAppPay } from '../../generated/dist/methods/alipay.trade.app.pay.js';
import { alipayTradePagePay } from '../../generated/dist/methods/alipay.trade.page.pay.js';
import { readPage } from './browser.js';
import { startServe, type ServeProcess } from './serve-process.js';
import { startShop, type Shop } from './shop.js';

const APP_ID = '2021000000000001';
const APP_PAY = 'alipay.trade.app.pay';

let serve: ServeProcess;
let shop: Shop;
let client: AlipayClient;

beforeAll(async () => {
  serve = await startServe(['--app-id', APP_ID, '--cert-mode']);
  const certs = serve.certs!;
  client = createAlipayClient({
    appId: APP_ID,
    gateway: serve.url,
    privateKey: serve.appPrivateKeyPem,
    certs: { appCert: certs.appCert, alipayCert: certs.alipayCert, alipayRootCert: certs.alipayRootCert },
  });
  shop = await startShop(client);
}, 90_000);
afterAll(async () => {
  await shop?.close();
  expect(await serve?.stop()).toBe(0);
});

describe('payments with serve --cert-mode', () => {
  it('page pay: the link carries the serials, the cashier accepts it, the notification parses', async () => {
    const outTradeNo = 'flow-cert-page-1';
    const page = alipayTradePagePay(
      client,
      { out_trade_no: outTradeNo, total_amount: '88.88', subject: 'Tea', product_code: 'FAST_INSTANT_TRADE_PAY' },
      { notifyUrl: `${shop.origin}/notify/page`, returnUrl: `${shop.origin}/paid` },
    );
    const mode = loadCertMode({ appCert: serve.certs!.appCert, alipayCert: serve.certs!.alipayCert, alipayRootCert: serve.certs!.alipayRootCert });
    const params = new URL(page.url).searchParams;
    expect([params.get('app_cert_sn'), params.get('alipay_root_cert_sn')]).toEqual([mode.appCertSn, mode.rootCertSn]);
    expect(page.signContent).toContain(`&app_cert_sn=${mode.appCertSn}&`);

    const cashier = await fetch(page.url, { redirect: 'manual' });
    const shown = readPage(await cashier.text(), page.url);
    expect(shown.text('sub_code')).toBeUndefined();
    const back = await fetch(shown.link('pay')!, { redirect: 'manual' });
    expect(back.status).toBe(302);
    expect(shop.refused).toEqual([]);
    const last = shop.received.at(-1)!;
    expect([last.path, last.notification.out_trade_no, last.notification.trade_status]).toEqual(['/notify/page', outTradeNo, 'TRADE_SUCCESS']);
  });

  it('app pay: accepted, the signed result names the Alipay certificate and verifies with its key', async () => {
    const outTradeNo = 'flow-cert-app-1';
    const orderString = alipayTradeAppPay(client, { out_trade_no: outTradeNo, total_amount: '9.90', subject: 'Tea' }, { notifyUrl: `${shop.origin}/notify/app` });
    const answer = (await (await fetch(new URL('/__alipay/app-pay', serve.origin), { method: 'POST', body: orderString })).json()) as { resultStatus: string; memo: string; result: string };
    expect([answer.resultStatus, answer.memo]).toEqual(['9000', '']);
    const result = JSON.parse(answer.result) as Record<string, unknown>;
    expect(result['alipay_cert_sn']).toBe(serve.certs!.alipayCertSn);
    const node = extractResponseNode(answer.result, APP_PAY);
    expect(node.certSn).toBe(serve.certs!.alipayCertSn);
    const mode = loadCertMode({ appCert: serve.certs!.appCert, alipayCert: serve.certs!.alipayCert, alipayRootCert: serve.certs!.alipayRootCert });
    expect(checkResponseSignature(node, alipayKeyFor(mode, node.certSn, APP_PAY, undefined), 'RSA2', APP_PAY)).toBe(true);
    const last = shop.received.at(-1)!;
    expect([last.path, last.notification.out_trade_no, last.notification.total_amount]).toEqual(['/notify/app', outTradeNo, '9.90']);
  });
});
