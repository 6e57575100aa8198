/**
 * A notification (异步通知) as Alipay builds and signs it: the method's notify fields filled from
 * the order (or the caller's values), every blank value left out (so every verifier, the official
 * SDK's included, signs the same string), signed under the V1 rule (all params but `sign` and
 * `sign_type`, sorted) with the gateway's Alipay private key.
 */
import { randomBytes, type KeyObject } from 'node:crypto';
import { buildSignContent, formatTimestamp, signContent, type SignType } from '../../templates/runtime/index.js';
import { fallbackValue, type NotifyField } from './notify-fields.js';

/** What a payment notification is about; every part has a default for `notify` without an order. */
export interface TradeFacts {
  readonly appId: string;
  readonly outTradeNo: string;
  readonly tradeNo: string;
  readonly totalAmount: string;
  readonly subject: string;
  readonly sellerId: string;
  readonly body?: string;
  readonly passbackParams?: string;
  /** When the order was created (`gmt_create`); default: now. */
  readonly created?: Date;
}

/** The app of a notification nobody named one for. */
export const DEFAULT_APP_ID = '2021000000000001';
/** The seller id the gateway answers with (a sandbox-style PID). */
export const GATEWAY_SELLER_ID = '2088101117955611';
/** The buyer of every payment (an id and a logon id already masked as Alipay masks them). */
const BUYER_ID = '2088102177846880';
const BUYER_LOGON_ID = 'tes***@example.com';

/** A trade number as Alipay writes them: date, then digits (28 characters). */
export function newTradeNo(now: Date = new Date()): string {
  const date = formatTimestamp(now).slice(0, 10).replaceAll('-', '');
  return `${date}22001${randomDigits(15)}`;
}

function randomDigits(n: number): string {
  let out = '';
  for (const byte of randomBytes(n)) out += String(byte % 10);
  return out;
}

/** The trade of a `notify` without an order: the caller's fields, else made-up values. */
export function tradeFromFields(fields: Readonly<Record<string, string>>, appId: string | undefined): TradeFacts {
  const now = new Date();
  return {
    appId: fields['app_id'] ?? appId ?? DEFAULT_APP_ID,
    outTradeNo: fields['out_trade_no'] ?? `${formatTimestamp(now).replace(/\D/g, '')}${randomBytes(2).toString('hex')}`,
    tradeNo: fields['trade_no'] ?? newTradeNo(now),
    totalAmount: fields['total_amount'] ?? '0.01',
    subject: fields['subject'] ?? 'alipay-codegen test order',
    sellerId: fields['seller_id'] ?? GATEWAY_SELLER_ID,
    created: now,
  };
}

/** A notify_id: 32 hex characters, new for every notification. */
function newNotifyId(): string {
  return randomBytes(16).toString('hex');
}

/** The value Alipay puts in a standard field for this trade (undefined: not known from the trade). */
function tradeValue(name: string, trade: TradeFacts, signType: SignType, now: Date): string | undefined {
  const created = formatTimestamp(trade.created ?? now);
  switch (name) {
    case 'notify_time':
      return formatTimestamp(now);
    case 'notify_type':
      return 'trade_status_sync';
    case 'notify_id':
      return newNotifyId();
    case 'app_id':
    case 'auth_app_id':
      return trade.appId;
    case 'charset':
      return 'utf-8';
    case 'version':
      return '1.0';
    case 'sign_type':
      return signType;
    case 'trade_no':
      return trade.tradeNo;
    case 'out_trade_no':
      return trade.outTradeNo;
    case 'trade_status':
      return 'TRADE_SUCCESS';
    case 'total_amount':
    case 'receipt_amount':
    case 'invoice_amount':
    case 'buyer_pay_amount':
      return trade.totalAmount;
    case 'point_amount':
      return '0.00';
    case 'buyer_id':
      return BUYER_ID;
    case 'buyer_logon_id':
      return BUYER_LOGON_ID;
    case 'seller_id':
      return trade.sellerId;
    case 'subject':
      return trade.subject;
    case 'body':
      return trade.body;
    case 'passback_params':
      return trade.passbackParams;
    case 'gmt_create':
      return created;
    case 'gmt_payment':
      return formatTimestamp(now);
    case 'fund_bill_list':
      return JSON.stringify([{ amount: trade.totalAmount, fundChannel: 'ALIPAYACCOUNT' }]);
  }
  return undefined;
}

export interface NotificationInput {
  readonly fields: readonly NotifyField[];
  readonly trade: TradeFacts;
  /** Values that replace (or add to) the built ones; an empty string removes a field. */
  readonly overrides?: Readonly<Record<string, string>>;
  readonly signType?: SignType;
  /** `wrong`: a real signature of other bytes; `none`: no sign (the gateway's scenarios). */
  readonly spoil?: 'wrong' | 'none';
  readonly now?: Date;
}

/** The notification's params, `sign` last; blank values are not sent. */
export function buildNotification(input: NotificationInput, alipayPrivateKey: KeyObject): Record<string, string> {
  const signType = input.overrides?.['sign_type'] === 'RSA' ? 'RSA' : (input.signType ?? 'RSA2');
  const now = input.now ?? new Date();
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const field of input.fields) {
    const value = tradeValue(field.name, input.trade, signType, now) ?? fallbackValue(field);
    if (value !== undefined) params[field.name] = value;
  }
  for (const [name, value] of Object.entries(input.overrides ?? {})) {
    if (name === 'sign') continue;
    params[name] = value;
  }
  for (const name of Object.keys(params)) if (params[name]!.trim() === '') delete params[name];
  if (input.spoil === 'none') return params;
  const content = buildSignContent(params, ['sign_type']);
  params['sign'] = signContent(input.spoil === 'wrong' ? `${content}&` : content, alipayPrivateKey, signType);
  return params;
}
