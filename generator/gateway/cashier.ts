/**
 * The payment flow of the local gateway, as Alipay's cashier and app answer it:
 * - page methods (alipay.trade.page.pay, .wap.pay): the browser's GET or POST to /gateway.do is
 *   checked like any call (signature over exactly what was submitted, biz_content with the
 *   generated validator); a valid one gets the cashier page, an invalid one Alipay's error page;
 * - `GET /cashier/pay?order=<id>` (the page's pay link) completes the payment: the notification
 *   goes to notify_url (awaited, so a test sees it before the browser returns), then a 302 to
 *   return_url with the signed return params;
 * - `POST /__alipay/app-pay` takes the order string an app hands the Alipay app SDK and answers as
 *   the SDK's callback does (`resultStatus` 9000 and the signed `result`);
 * - `POST /__alipay/notify` sends a signed notification of a method to a URL of the caller's.
 */
import { randomBytes, type KeyObject } from 'node:crypto';
import type { MethodSpec } from '../spec/model.js';
import { formatTimestamp, responseNodeKey, type SignType } from '../../templates/runtime/index.js';
import type { BodyWriter } from './body.js';
import { gatewayError, SUCCESS_CODE, type Node } from './codes.js';
import { definitionList, escapeHtml, htmlPage } from './html.js';
import { buildNotification, DEFAULT_APP_ID, GATEWAY_SELLER_ID, newTradeNo, tradeFromFields, type TradeFacts } from './notification.js';
import { notifyFieldsOf } from './notify-fields.js';
import { describeReport, NotifyUrlError, parseNotifyUrl, sendNotification, type NotifyReport } from './notify-sender.js';
import { buildReturnParams, returnRedirect } from './return.js';
import { withAlipayCertSn } from './cert-mode.js';
import type { Scenario } from './scenario.js';
import { bizObject } from './business.js';
import type { TradeBook } from './trades.js';

export const CASHIER_PAY_PATH = '/cashier/pay';
export const APP_PAY_PATH = '/__alipay/app-pay';
export const NOTIFY_PATH = '/__alipay/notify';

/** How a payment method is started: a browser page, or an order string for the Alipay app. */
export type PaymentKind = 'page' | 'app';

const KNOWN_KINDS: Readonly<Record<string, PaymentKind>> = {
  'alipay.trade.page.pay': 'page',
  'alipay.trade.wap.pay': 'page',
  'alipay.trade.app.pay': 'app',
};

/**
 * A method's payment kind: the spec's own (`kind: page | app`, when the spec format has it), else
 * the kind of the three Alipay payment methods by name; undefined for a normal gateway call.
 */
export function paymentKindOf(spec: MethodSpec): PaymentKind | undefined {
  const own = (spec as MethodSpec & { readonly kind?: unknown }).kind;
  if (own === 'page' || own === 'app') return own;
  return KNOWN_KINDS[spec.method];
}

/** The verdict on a payment request, as the gateway's call checks decided it. */
export interface CheckedRequest {
  readonly node: Node;
  readonly signType: SignType;
  /** The served method (undefined when the request named none that is served). */
  readonly method: string | undefined;
}

/** What the server writes back. */
export interface CashierAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The log/stats result (`cashier 10000`, `pay 302`, `app 9000`, `notify answered success`, ...). */
  readonly result: string;
  readonly method: string | undefined;
}

/** A notification the gateway sent, for `Gateway.notifications()`. */
export interface SentNotification {
  readonly method: string;
  readonly params: Readonly<Record<string, string>>;
  readonly report: NotifyReport;
  /** How long the delivery took (every attempt). */
  readonly ms: number;
}

export interface CashierContext {
  readonly gatewayPrivateKey: KeyObject;
  readonly writer: BodyWriter;
  readonly specs: ReadonlyMap<string, MethodSpec>;
  /** The gateway's only accepted app_id, when set (default app of `notify`). */
  readonly appId: string | undefined;
  /** Certificate mode: the SN of the Alipay certificate, named after the sign of the app pay result (as in the gateway's answers). */
  readonly alipayCertSn?: string | undefined;
  readonly onNotify: (sent: SentNotification) => void;
  /**
   * The gateway's trades (./trades.ts): a payment at the cashier or in the app books a paid trade; a
   * `notify` takes a known trade's numbers, and one saying it was paid pays a trade waiting for the buyer.
   */
  readonly trades?: TradeBook;
}

interface Order {
  readonly method: string;
  readonly trade: TradeFacts;
  readonly signType: SignType;
  readonly returnUrl: string | undefined;
  readonly notifyUrl: string | undefined;
  readonly scenario: Scenario;
  paid: boolean;
}

/** Orders kept for their pay link; the oldest go first past this many. */
const MAX_ORDERS = 10_000;
const HTML_TYPE = 'text/html;charset=utf-8';
const JSON_TYPE = 'application/json;charset=utf-8';

function resultOf(node: Node): string {
  const subCode = node['sub_code'];
  return `${String(node['code'])}${typeof subCode === 'string' ? `/${subCode}` : ''}`;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** The trade a valid payment request describes (its biz_content was validated already). */
function tradeOf(params: Readonly<Record<string, string>>): TradeFacts {
  // Validated before (a 10000 verdict); an empty trade would still be well-formed.
  const biz = bizObject(params['biz_content']);
  const body = text(biz['body']);
  const passbackParams = text(biz['passback_params']);
  return {
    appId: params['app_id'] ?? DEFAULT_APP_ID,
    outTradeNo: text(biz['out_trade_no']) ?? '',
    tradeNo: newTradeNo(),
    totalAmount: text(biz['total_amount']) ?? '',
    subject: text(biz['subject']) ?? '',
    sellerId: GATEWAY_SELLER_ID,
    ...(body === undefined ? {} : { body }),
    ...(passbackParams === undefined ? {} : { passbackParams }),
    created: new Date(),
  };
}

function spoilOf(scenario: Scenario): 'wrong' | 'none' | undefined {
  return scenario.body === 'wrong-signature' ? 'wrong' : scenario.body === 'missing-signature' ? 'none' : undefined;
}

/** A return_url / notify_url that is set must be an absolute http(s) URL. */
function badUrl(params: Readonly<Record<string, string>>): Node | undefined {
  for (const name of ['return_url', 'notify_url']) {
    const value = params[name];
    if (value === undefined || value.trim() === '') continue;
    try {
      parseNotifyUrl(value);
    } catch (error) {
      if (!(error instanceof NotifyUrlError)) throw error;
      return gatewayError('isv.invalid-parameter', `参数无效: ${name} ${error.message.replace('the notify URL', 'is not an http(s) URL:')}`);
    }
  }
  return undefined;
}

function blankToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function html(status: number, body: string, result: string, method: string | undefined): CashierAnswer {
  return { status, headers: { 'content-type': HTML_TYPE }, body, result, method };
}

function json(status: number, value: unknown, result: string, method: string | undefined): CashierAnswer {
  return { status, headers: { 'content-type': JSON_TYPE }, body: JSON.stringify(value), result, method };
}

/** Alipay's error page for a refused page request: the codes and the message, escaped. */
function errorPage(node: Node): string {
  const inner =
    `<main class="error"><h1>支付宝 - 错误</h1>\n` +
    definitionList([
      ['code', String(node['code'])],
      ['msg', String(node['msg'] ?? '')],
      ['sub_code', String(node['sub_code'] ?? '')],
      ['sub_msg', String(node['sub_msg'] ?? '')],
    ]) +
    '</main>';
  return htmlPage('支付宝 - 网上支付 安全快速！', inner);
}

export interface Cashier {
  /** The answer to a page method's request (already checked: `checked`). */
  page(params: Readonly<Record<string, string>>, checked: CheckedRequest, scenario: Scenario): CashierAnswer;
  /** The pay link: completes the order. */
  pay(orderId: string | null, scenario: Scenario | undefined): Promise<CashierAnswer>;
  /** The Alipay app's answer to an order string (already checked). */
  app(params: Readonly<Record<string, string>>, checked: CheckedRequest, scenario: Scenario): Promise<CashierAnswer>;
  /** `POST /__alipay/notify`: `{method, url, fields?, attempts?, retryDelayMs?, signType?}`. */
  notify(body: string, scenario: Scenario): Promise<CashierAnswer>;
}

export function createCashier(ctx: CashierContext): Cashier {
  const orders = new Map<string, Order>();

  const notifyOrder = async (method: string, trade: TradeFacts, url: string, signType: SignType, scenario: Scenario): Promise<NotifyReport> => {
    const spoil = spoilOf(scenario);
    const params = buildNotification(
      { fields: notifyFieldsOf(ctx.specs.get(method)), trade, signType, ...(spoil === undefined ? {} : { spoil }) },
      ctx.gatewayPrivateKey,
    );
    const started = performance.now();
    const report = await sendNotification(url, params);
    ctx.onNotify({ method, params, report, ms: performance.now() - started });
    return report;
  };

  return {
    page(params, checked, scenario) {
      const method = checked.method;
      const refused = checked.node['code'] === SUCCESS_CODE ? badUrl(params) : checked.node;
      if (method === undefined || refused !== undefined) {
        const node = refused ?? checked.node;
        return html(200, errorPage(node), `cashier ${resultOf(node)}`, method);
      }
      const id = randomBytes(12).toString('hex');
      if (orders.size >= MAX_ORDERS) orders.delete(orders.keys().next().value!);
      const trade = tradeOf(params);
      orders.set(id, {
        method,
        trade,
        signType: checked.signType,
        returnUrl: blankToUndefined(params['return_url']),
        notifyUrl: blankToUndefined(params['notify_url']),
        scenario,
        paid: false,
      });
      const inner =
        `<main class="cashier"><h1>支付宝收银台</h1>\n` +
        definitionList([
          ['method', method],
          ['out_trade_no', trade.outTradeNo],
          ['total_amount', trade.totalAmount],
          ['subject', trade.subject],
        ]) +
        `\n<p><a id="pay" href="${escapeHtml(`${CASHIER_PAY_PATH}?order=${id}`)}">确认付款 (pay ${escapeHtml(trade.totalAmount)})</a></p></main>`;
      return html(200, htmlPage('支付宝收银台', inner), `cashier ${SUCCESS_CODE}`, method);
    },

    async pay(orderId, requestScenario) {
      const order = orderId === null ? undefined : orders.get(orderId);
      if (order === undefined) return html(404, htmlPage('支付宝 - 订单不存在', '<main class="error"><h1>订单不存在 (unknown order)</h1></main>'), 'pay unknown-order', undefined);
      if (order.paid) {
        const inner = `<main class="error"><h1>订单已支付 (already paid)</h1>\n${definitionList([['trade_no', order.trade.tradeNo]])}</main>`;
        return html(409, htmlPage('支付宝 - 订单已支付', inner), 'pay already-paid', order.method);
      }
      order.paid = true;
      ctx.trades?.paid(order.trade, { replace: true });
      const scenario = requestScenario ?? order.scenario;
      const notified = order.notifyUrl === undefined ? '' : ` notify ${(await notifyOrder(order.method, order.trade, order.notifyUrl, order.signType, scenario)).accepted ? 'success' : 'not-success'}`;
      if (order.returnUrl === undefined) {
        const inner = `<main class="paid"><h1>支付成功</h1>\n${definitionList([['out_trade_no', order.trade.outTradeNo], ['trade_no', order.trade.tradeNo], ['total_amount', order.trade.totalAmount]])}</main>`;
        return html(200, htmlPage('支付宝 - 支付成功', inner), `pay 200${notified}`, order.method);
      }
      const spoil = spoilOf(scenario);
      const returned = buildReturnParams({ method: order.method, trade: order.trade, signType: order.signType, ...(spoil === undefined ? {} : { spoil }) }, ctx.gatewayPrivateKey);
      const location = returnRedirect(order.returnUrl, returned);
      return { status: 302, headers: { location, 'content-type': HTML_TYPE }, body: '', result: `pay 302${notified}${spoil === undefined ? '' : spoil === 'wrong' ? ' wrong-signature' : ' unsigned'}`, method: order.method };
    },

    async app(params, checked, scenario) {
      const method = checked.method;
      const refused = checked.node['code'] === SUCCESS_CODE ? badUrl(params) : checked.node;
      if (method === undefined || refused !== undefined) {
        const node = refused ?? checked.node;
        const memo = `订单支付失败: ${String(node['sub_code'] ?? node['code'])} ${String(node['sub_msg'] ?? node['msg'] ?? '')}`;
        return json(200, { resultStatus: '4000', memo, result: '' }, `app 4000 ${resultOf(node)}`, method);
      }
      const trade = tradeOf(params);
      ctx.trades?.paid(trade, { replace: true });
      const node: Node = {
        code: SUCCESS_CODE,
        msg: 'Success',
        app_id: trade.appId,
        auth_app_id: trade.appId,
        charset: 'utf-8',
        timestamp: formatTimestamp(),
        out_trade_no: trade.outTradeNo,
        total_amount: trade.totalAmount,
        trade_no: trade.tradeNo,
        seller_id: trade.sellerId,
      };
      const spoil = spoilOf(scenario);
      const signed = ctx.writer.write(responseNodeKey(method), node, checked.signType, spoil === undefined ? true : spoil === 'wrong' ? 'wrong' : false);
      // The app SDK's result carries sign_type after sign; in certificate mode alipay_cert_sn (outside the signed text) after that.
      const withType = `${signed.slice(0, -1)},"sign_type":${JSON.stringify(checked.signType)}}`;
      const result = ctx.alipayCertSn !== undefined && spoil !== 'none' ? withAlipayCertSn(withType, ctx.alipayCertSn) : withType;
      const notifyUrl = blankToUndefined(params['notify_url']);
      const notified = notifyUrl === undefined ? '' : ` notify ${(await notifyOrder(method, trade, notifyUrl, checked.signType, scenario)).accepted ? 'success' : 'not-success'}`;
      return json(200, { resultStatus: '9000', memo: '', result }, `app 9000${notified}`, method);
    },

    async notify(body, scenario) {
      const refuse = (why: string): CashierAnswer => json(400, { error: why }, 'notify bad-request', undefined);
      let request: Record<string, unknown>;
      try {
        const parsed: unknown = JSON.parse(body);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return refuse('the body must be a JSON object {"method", "url", "fields"}');
        request = parsed as Record<string, unknown>;
      } catch {
        return refuse('the body is not JSON');
      }
      const method = request['method'];
      const url = request['url'];
      if (typeof method !== 'string' || !ctx.specs.has(method)) return refuse(`"method" must name a served method`);
      if (typeof url !== 'string') return refuse('"url" must be the notify URL (a string)');
      try {
        parseNotifyUrl(url);
      } catch (error) {
        if (error instanceof NotifyUrlError) return refuse(error.message);
        throw error;
      }
      const fieldsValue = request['fields'] ?? {};
      if (typeof fieldsValue !== 'object' || fieldsValue === null || Array.isArray(fieldsValue)) return refuse('"fields" must be an object of strings');
      const fields: Record<string, string> = Object.create(null) as Record<string, string>;
      for (const [name, value] of Object.entries(fieldsValue)) {
        if (typeof value !== 'string') return refuse(`"fields.${name}" must be a string`);
        fields[name] = value;
      }
      const signType = request['signType'] ?? 'RSA2';
      if (signType !== 'RSA2' && signType !== 'RSA') return refuse('"signType" must be RSA2 or RSA');
      const attempts = request['attempts'] ?? 1;
      const retryDelayMs = request['retryDelayMs'] ?? 0;
      if (typeof attempts !== 'number' || !Number.isInteger(attempts) || attempts < 1 || attempts > 20) return refuse('"attempts" must be a whole number 1..20');
      if (typeof retryDelayMs !== 'number' || !Number.isInteger(retryDelayMs) || retryDelayMs < 0 || retryDelayMs > 600_000) return refuse('"retryDelayMs" must be a whole number of ms 0..600000');
      const spoil = spoilOf(scenario);
      // A trade the gateway knows lends its numbers to the fields the caller left out.
      const known = ctx.trades?.find({ out_trade_no: fields['out_trade_no'], trade_no: fields['trade_no'] });
      const trade = tradeFromFields(known === undefined ? fields : { out_trade_no: known.outTradeNo, trade_no: known.tradeNo, total_amount: known.totalAmount, ...fields }, ctx.appId);
      const params = buildNotification(
        { fields: notifyFieldsOf(ctx.specs.get(method)), trade, overrides: fields, signType, ...(spoil === undefined ? {} : { spoil }) },
        ctx.gatewayPrivateKey,
      );
      if (params['trade_status'] === 'TRADE_SUCCESS' || params['trade_status'] === 'TRADE_FINISHED') ctx.trades?.paid(trade, { replace: false });
      const started = performance.now();
      const report = await sendNotification(url, params, { attempts, retryDelayMs });
      ctx.onNotify({ method, params, report, ms: performance.now() - started });
      return json(200, { accepted: report.accepted, result: describeReport(report), attempts: report.attempts, notification: params }, `notify ${report.accepted ? 'success' : 'not-success'}`, method);
    },
  };
}
