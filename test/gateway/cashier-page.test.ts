/**
 * Page payment against the local gateway, driven by the official alipay-sdk's pageExecute as a
 * browser would submit it: the signed GET URL and the auto-submitting POST form (its action and
 * inputs read with a conformant HTML parser). The cashier page, the pay link, the 302 to
 * return_url with signed return params, and the notification sent to notify_url are checked with
 * alipay-sdk's checkNotifySign/checkNotifySignV2 and our runtime's verifyNotify.
 */
import { AlipaySdk } from 'alipay-sdk';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyNotify } from '../../templates/runtime/index.js';
import { readPage, submitFirstForm } from './browser.js';
import { escapeHtml } from '../../generator/gateway/html.js';
import { APP_ID, PAGE_PAY, WAP_PAY, order, startPaymentWorld, type PaymentWorld } from './payment-fixtures.js';

let world: PaymentWorld;

beforeAll(async () => {
  world = await startPaymentWorld();
});
afterAll(async () => {
  await world?.close();
});

function urls(): { returnUrl: string; notifyUrl: string } {
  return { returnUrl: `${world.merchant.origin}/return?shop=1`, notifyUrl: `${world.merchant.origin}/notify` };
}

/** Opens a page as a browser does (no redirect followed), with an optional scenario header. */
async function open(url: URL | string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { redirect: 'manual', ...init });
}

async function submit(html: string, headers: Record<string, string> = {}): Promise<Response> {
  const form = submitFirstForm(html, world.merchant.origin + '/checkout');
  expect(form.method).toBe('POST');
  return open(form.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: form.body });
}

/** Pays on the cashier page: follows its pay link; returns the redirect. */
async function pay(cashier: Response, headers: Record<string, string> = {}): Promise<Response> {
  expect(cashier.status).toBe(200);
  const page = readPage(await cashier.text(), cashier.url);
  const link = page.link('pay');
  expect(link, 'the cashier page has a pay link').toBeDefined();
  return open(link!, { headers });
}

function returnParams(redirect: Response): URLSearchParams {
  expect(redirect.status).toBe(302);
  const location = new URL(redirect.headers.get('location')!);
  expect(`${location.origin}${location.pathname}`).toBe(`${world.merchant.origin}/return`);
  return location.searchParams;
}

function lastNotification(): URLSearchParams {
  return new URLSearchParams(world.merchant.notifications.at(-1)!);
}

describe('page pay: pageExecute GET (the signed URL)', () => {
  it('shows the cashier, then returns with signed params and notifies', async () => {
    const url = world.sdk.pageExecute(PAGE_PAY, 'GET', { bizContent: order(), ...urls() });
    const cashier = await open(url);
    const html = await cashier.clone().text();
    const page = readPage(html, url);
    expect([page.text('method'), page.text('out_trade_no'), page.text('total_amount'), page.text('subject')]).toEqual([
      PAGE_PAY,
      '20261201000001',
      '88.88',
      'Iphone6 16G 中文 "quoted"',
    ]);
    const before = world.merchant.notifications.length;
    const back = returnParams(await pay(cashier));
    expect(back.get('shop')).toBe('1');
    back.delete('shop');
    const returned = Object.fromEntries(back);
    expect(Object.keys(returned).sort()).toEqual(
      ['app_id', 'auth_app_id', 'charset', 'method', 'out_trade_no', 'seller_id', 'sign', 'sign_type', 'timestamp', 'total_amount', 'trade_no', 'version'],
    );
    expect(returned).toMatchObject({ method: `${PAGE_PAY}.return`, out_trade_no: '20261201000001', total_amount: '88.88', app_id: APP_ID, sign_type: 'RSA2' });
    expect(world.sdk.checkNotifySign(returned)).toBe(true);
    expect(world.sdk.checkNotifySignV2(returned)).toBe(true);
    expect(verifyNotify(back, world.alipayPublicKey, 'v1')).toBe(true);

    // The notification reached notify_url before the redirect, form-encoded UTF-8, and verifies.
    expect(world.merchant.notifications.length).toBe(before + 1);
    expect(world.merchant.contentTypes.at(-1)).toMatch(/^application\/x-www-form-urlencoded; charset=utf-8$/);
    const notification = lastNotification();
    expect(Object.fromEntries(notification)).toMatchObject({
      notify_type: 'trade_status_sync',
      trade_status: 'TRADE_SUCCESS',
      out_trade_no: '20261201000001',
      trade_no: returned['trade_no'],
      total_amount: '88.88',
      subject: 'Iphone6 16G 中文 "quoted"',
      app_id: APP_ID,
    });
    expect(world.sdk.checkNotifySign(Object.fromEntries(notification))).toBe(true);
    expect(world.sdk.checkNotifySignV2(Object.fromEntries(notification))).toBe(true);
    expect(verifyNotify(notification, world.alipayPublicKey, 'v1')).toBe(true);
    // V1 leaves sign_type out of the signed string: the V2 reading of the same message fails.
    expect(verifyNotify(notification, world.alipayPublicKey, 'v2')).toBe(false);
    expect(world.gateway.notifications().at(-1)!.report.accepted).toBe(true);
    expect(world.gateway.logLines.some((l) => / NOTIFY alipay\.trade\.page\.pay http:\/\/127\.0\.0\.1:\d+\/notify answered success /.test(l))).toBe(true);
    expect(world.gateway.logLines.some((l) => / GET alipay\.trade\.page\.pay pay 302 notify success /.test(l))).toBe(true);
  });

  it('sign_type RSA (SHA1): the return and the notification are signed with RSA too', async () => {
    const sdk = new AlipaySdk({ ...world.sdk.config, signType: 'RSA' });
    const cashier = await open(sdk.pageExecute(PAGE_PAY, 'GET', { bizContent: order(), ...urls() }));
    const back = returnParams(await pay(cashier));
    back.delete('shop');
    expect(back.get('sign_type')).toBe('RSA');
    expect(sdk.checkNotifySign(Object.fromEntries(back))).toBe(true);
    expect(verifyNotify(back, world.alipayPublicKey)).toBe(true);
    const notification = lastNotification();
    expect(notification.get('sign_type')).toBe('RSA');
    expect(sdk.checkNotifySignV2(Object.fromEntries(notification))).toBe(true);
  });

  it('a tampered URL (amount changed after signing) gets the error page, and no order', async () => {
    const url = new URL(world.sdk.pageExecute(PAGE_PAY, 'GET', { bizContent: order(), ...urls() }));
    url.searchParams.set('biz_content', url.searchParams.get('biz_content')!.replace('88.88', '0.01'));
    const answer = await open(url);
    const page = readPage(await answer.text(), url.href);
    expect([page.text('code'), page.text('sub_code')]).toEqual(['40002', 'isv.invalid-signature']);
    expect(page.link('pay')).toBeUndefined();
    expect(world.gateway.logLines.at(-1)).toMatch(/ GET alipay\.trade\.page\.pay cashier 40002\/isv\.invalid-signature /);
  });

  it('biz_content is validated against the spec (a missing subject is refused, naming it)', async () => {
    const { subject: _subject, ...withoutSubject } = order();
    const url = world.sdk.pageExecute(PAGE_PAY, 'GET', { bizContent: withoutSubject, ...urls() });
    const page = readPage(await (await open(url)).text(), url);
    expect(page.text('sub_code')).toBe('isv.missing-parameter');
    expect(page.text('sub_msg')).toContain('subject');
  });

  it('a pay link is used once', async () => {
    const cashier = await open(world.sdk.pageExecute(PAGE_PAY, 'GET', { bizContent: order(), ...urls() }));
    const link = readPage(await cashier.text(), cashier.url).link('pay')!;
    expect((await open(link)).status).toBe(302);
    const again = await open(link);
    expect(again.status).toBe(409);
    expect((await open(new URL('/cashier/pay?order=nope', link))).status).toBe(404);
  });
});

describe('the cashier page is safe whatever the order says', () => {
  it('any subject and out_trade_no are shown as text, exactly, and make no markup', async () => {
    // Control characters are left out: HTML parsing itself rewrites CR and NUL in text.
    const text = (max: number) => fc.string({ unit: 'grapheme', minLength: 1, maxLength: max }).filter((v) => v.trim() !== '' && !/[\u0000-\u001f\u007f]/.test(v));
    const markup = fc.constantFrom('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "' onclick='x", '&amp;&lt;', '</dd></dl><form>');
    await fc.assert(
      fc.asyncProperty(fc.tuple(text(30), markup, text(20)), fc.tuple(markup, text(20)), async ([a, b, c], [d, e]) => {
        const subject = `${a}${b}${c}`;
        const outTradeNo = `${d}${e}`.slice(0, 64);
        const url = world.sdk.pageExecute(PAGE_PAY, 'GET', { bizContent: order({ subject, out_trade_no: outTradeNo }) });
        const page = readPage(await (await open(url)).text(), url);
        expect(page.text('subject')).toBe(subject);
        expect(page.text('out_trade_no')).toBe(outTradeNo);
        expect(new Set(page.tags())).toEqual(new Set(['html', 'head', 'meta', 'title', 'body', 'main', 'h1', 'dl', 'dt', 'dd', 'p', 'a']));
      }),
      { numRuns: 25 },
    );
  });
});

describe('page pay: pageExecute POST (the auto-submitting form)', () => {
  it('the form as a browser submits it is accepted and the flow completes (wap pay too)', async () => {
    for (const method of [PAGE_PAY, WAP_PAY]) {
      const html = world.sdk.pageExecute(method, 'POST', { bizContent: order({ product_code: 'QUICK_WAP_WAY' }), ...urls() });
      const form = submitFirstForm(html, world.merchant.origin);
      // The protocol params ride in the action's query, biz_content and alipay_sdk in the body.
      expect(form.url.searchParams.get('method')).toBe(method);
      expect(form.entries.map(([name]) => name).sort()).toEqual(['alipay_sdk', 'biz_content']);
      const returned = returnParams(await pay(await submit(html)));
      // return_url's own query is the merchant's, not signed.
      returned.delete('shop');
      const back = Object.fromEntries(returned);
      expect(back['method']).toBe(`${method}.return`);
      expect(world.sdk.checkNotifySign(back)).toBe(true);
      expect(verifyNotify(lastNotification(), world.alipayPublicKey)).toBe(true);
    }
  });

  it('the SDK form escapes only `"`: a subject with "&copy " is submitted as "© " and the gateway refuses it, as Alipay does; fully escaped values pass', async () => {
    const subject = 'Tee &copy 2026 <b>';
    const html = world.sdk.pageExecute(PAGE_PAY, 'POST', { bizContent: order({ subject }), ...urls() });
    const submitted = JSON.parse(submitFirstForm(html, world.merchant.origin).entries.find(([n]) => n === 'biz_content')![1]) as { subject: string };
    expect(submitted.subject).toBe('Tee © 2026 <b>');
    const refused = readPage(await (await submit(html)).text(), world.gateway.url);
    expect(refused.text('sub_code')).toBe('isv.invalid-signature');

    // The same signed params in a form whose every value is HTML-escaped: the browser submits what was signed.
    const signed = new URL(world.sdk.pageExecute(PAGE_PAY, 'GET', { bizContent: order({ subject }), ...urls() }));
    const inputs = [...signed.searchParams].map(([n, v]) => `<input type="hidden" name="${escapeHtml(n)}" value="${escapeHtml(v)}">`).join('');
    const fixed = `<form method="post" action="${escapeHtml(world.gateway.url)}">${inputs}</form>`;
    const cashier = await submit(fixed);
    const page = readPage(await cashier.clone().text(), cashier.url);
    expect(page.text('subject')).toBe(subject);
    // Nothing of the subject became markup on the cashier page.
    expect(page.tags()).not.toContain('b');
    expect(returnParams(await pay(cashier)).get('out_trade_no')).toBe('20261201000001');
  });
});

describe('page pay faults and handler answers', () => {
  it('wrong-signature: return params and notification are signed over other bytes; verifiers refuse both', async () => {
    const html = world.sdk.pageExecute(PAGE_PAY, 'POST', { bizContent: order(), ...urls() });
    const back = returnParams(await pay(await submit(html, { 'x-alipay-mock-scenario': 'wrong-signature' })));
    back.delete('shop');
    expect(back.get('sign')).toBeTruthy();
    expect(world.sdk.checkNotifySign(Object.fromEntries(back))).toBe(false);
    expect(verifyNotify(back, world.alipayPublicKey)).toBe(false);
    expect(verifyNotify(lastNotification(), world.alipayPublicKey)).toBe(false);
    expect(world.sdk.checkNotifySignV2(Object.fromEntries(lastNotification()))).toBe(false);
    expect(world.gateway.logLines.at(-1)).toMatch(/ pay 302 notify success wrong-signature /);
  });

  it('missing-signature on the pay link: the return has no sign', async () => {
    const cashier = await open(world.sdk.pageExecute(PAGE_PAY, 'GET', { bizContent: order(), ...urls() }));
    const back = returnParams(await pay(cashier, { 'x-alipay-mock-scenario': 'missing-signature' }));
    expect(back.has('sign')).toBe(false);
    expect(verifyNotify(back, world.alipayPublicKey)).toBe(false);
  });

  it('a notify handler that answers something other than exactly "success" is reported', async () => {
    world.merchant.answer = 'SUCCESS ';
    try {
      const cashier = await open(world.sdk.pageExecute(PAGE_PAY, 'GET', { bizContent: order(), ...urls() }));
      await pay(cashier);
    } finally {
      world.merchant.answer = 'success';
    }
    const sent = world.gateway.notifications().at(-1)!;
    expect(sent.report.accepted).toBe(false);
    expect(sent.report.attempts).toEqual([{ status: 200, answer: 'SUCCESS ', error: undefined }]);
    expect(world.gateway.logLines.some((l) => l.includes('NOTIFY alipay.trade.page.pay') && l.includes('answered "SUCCESS " (HTTP 200), not exactly "success"'))).toBe(true);
    expect(world.gateway.logLines.at(-1)).toMatch(/ pay 302 notify not-success /);
  });

  it('without return_url the cashier shows the paid page; an invalid return_url is refused up front', async () => {
    const cashier = await open(world.sdk.pageExecute(PAGE_PAY, 'GET', { bizContent: order() }));
    const paid = await pay(cashier);
    expect(paid.status).toBe(200);
    expect(readPage(await paid.text(), paid.url).text('out_trade_no')).toBe('20261201000001');
    const bad = readPage(await (await open(world.sdk.pageExecute(PAGE_PAY, 'GET', { bizContent: order(), returnUrl: 'javascript:alert(1)' }))).text(), world.gateway.url);
    expect(bad.text('sub_code')).toBe('isv.invalid-parameter');
    expect(bad.text('sub_msg')).toContain('return_url');
  });
});
