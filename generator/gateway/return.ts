/**
 * The synchronous return (同步返回): after paying, the cashier sends the browser to the merchant's
 * return_url with the trade's params, signed like a notification (V1: all but sign and sign_type,
 * sorted; the gateway's Alipay private key). `method` is the page method's name + `.return`.
 */
import type { KeyObject } from 'node:crypto';
import { buildSignContent, formatTimestamp, signContent, type SignType } from '../../templates/runtime/index.js';
import type { TradeFacts } from './notification.js';

export interface ReturnInput {
  readonly method: string;
  readonly trade: TradeFacts;
  readonly signType: SignType;
  readonly spoil?: 'wrong' | 'none';
  readonly now?: Date;
}

/** The return params in the order Alipay appends them, `sign` and `sign_type` last. */
export function buildReturnParams(input: ReturnInput, alipayPrivateKey: KeyObject): Record<string, string> {
  const params: Record<string, string> = {
    charset: 'utf-8',
    out_trade_no: input.trade.outTradeNo,
    method: `${input.method}.return`,
    total_amount: input.trade.totalAmount,
    trade_no: input.trade.tradeNo,
    auth_app_id: input.trade.appId,
    version: '1.0',
    app_id: input.trade.appId,
    seller_id: input.trade.sellerId,
    timestamp: formatTimestamp(input.now ?? new Date()),
  };
  if (input.spoil === 'none') return params;
  const content = buildSignContent(params, ['sign_type']);
  params['sign'] = signContent(input.spoil === 'wrong' ? `${content}&` : content, alipayPrivateKey, input.signType);
  params['sign_type'] = input.signType;
  return params;
}

/** return_url with the params appended to its query (its own query and fragment kept). */
export function returnRedirect(returnUrl: string, params: Readonly<Record<string, string>>): string {
  const url = new URL(returnUrl);
  for (const [key, value] of Object.entries(params)) url.searchParams.append(key, value);
  return url.toString();
}
