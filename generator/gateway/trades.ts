/**
 * The trades the local gateway has seen, so that the trade methods answer about them as Alipay
 * would, not with the spec's example: a trade paid at the cashier, in the app or by
 * alipay.trade.pay is TRADE_SUCCESS to alipay.trade.query, can be refunded up to its amount (a
 * repeated out_request_no is the same refund) and cannot be closed; one made by .precreate or
 * .create waits for the buyer and can be closed or cancelled. A call about a trade the gateway has
 * not seen keeps the example answer (tests and demos call query with any out_trade_no).
 *
 * Only fields the method's response declares are filled in, so every answer still passes the
 * generated response validator. The book is bounded (the oldest trades go first).
 */
import type { FieldIR } from '../ir/types.js';
import { businessError, type Node } from './codes.js';
import { newTradeNo } from './notification.js';

export type TradeStatus = 'WAIT_BUYER_PAY' | 'TRADE_SUCCESS' | 'TRADE_CLOSED';

export interface BookedTrade {
  readonly outTradeNo: string;
  readonly tradeNo: string;
  readonly totalAmount: string;
  status: TradeStatus;
  /** out_request_no -> refunded amount, in cents. */
  readonly refunds: Map<string, number>;
}

/** What a trade method's answer needs: the request's biz_content, the example answer, the method's documented errors. */
export interface TradeCall {
  readonly biz: Readonly<Record<string, unknown>>;
  readonly success: Node;
  readonly response: readonly FieldIR[];
  readonly errors: readonly { readonly code: string; readonly description?: string }[];
}

const MAX_TRADES = 10_000;

/** `88.88` -> 8888; undefined for anything that is not an amount of at most two decimals. */
export function cents(amount: unknown): number | undefined {
  const text = typeof amount === 'number' ? String(amount) : amount;
  if (typeof text !== 'string' || !/^\d{1,10}(?:\.\d{1,2})?$/.test(text)) return undefined;
  const [whole, fraction = ''] = text.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

export function formatCents(value: number): string {
  return `${Math.floor(value / 100)}.${String(value % 100).padStart(2, '0')}`;
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}

export class TradeBook {
  private readonly byOutTradeNo = new Map<string, BookedTrade>();
  private readonly byTradeNo = new Map<string, BookedTrade>();

  /** Records a trade (replacing an earlier one with the same out_trade_no). */
  record(trade: { outTradeNo: string; tradeNo?: string; totalAmount: string; status: TradeStatus }): BookedTrade {
    const booked: BookedTrade = { outTradeNo: trade.outTradeNo, tradeNo: trade.tradeNo ?? newTradeNo(), totalAmount: trade.totalAmount, status: trade.status, refunds: new Map() };
    const old = this.byOutTradeNo.get(booked.outTradeNo);
    if (old !== undefined) this.byTradeNo.delete(old.tradeNo);
    this.byOutTradeNo.delete(booked.outTradeNo);
    if (this.byOutTradeNo.size >= MAX_TRADES) {
      const [oldest] = this.byOutTradeNo.values();
      this.byOutTradeNo.delete(oldest!.outTradeNo);
      this.byTradeNo.delete(oldest!.tradeNo);
    }
    this.byOutTradeNo.set(booked.outTradeNo, booked);
    this.byTradeNo.set(booked.tradeNo, booked);
    return booked;
  }

  /**
   * A payment of `trade` completed: the cashier and the app pay a new trade (`replace`: it takes the
   * place of an earlier one with its out_trade_no); a notification saying a trade was paid pays the
   * one waiting for the buyer, or books an unknown one. An amount that is not one is not booked.
   */
  paid(trade: { readonly outTradeNo: string; readonly tradeNo: string; readonly totalAmount: string }, options: { readonly replace: boolean }): void {
    const known = options.replace ? undefined : this.find({ out_trade_no: trade.outTradeNo, trade_no: trade.tradeNo });
    if (known !== undefined) {
      if (known.status === 'WAIT_BUYER_PAY') known.status = 'TRADE_SUCCESS';
      return;
    }
    const amount = cents(trade.totalAmount);
    if (amount !== undefined) this.record({ outTradeNo: trade.outTradeNo, tradeNo: trade.tradeNo, totalAmount: formatCents(amount), status: 'TRADE_SUCCESS' });
  }

  /** The trade a request names, by trade_no first (as Alipay reads them), then out_trade_no. */
  find(biz: Readonly<Record<string, unknown>>): BookedTrade | undefined {
    const tradeNo = textOf(biz['trade_no']);
    if (tradeNo !== undefined) return this.byTradeNo.get(tradeNo);
    const outTradeNo = textOf(biz['out_trade_no']);
    return outTradeNo === undefined ? undefined : this.byOutTradeNo.get(outTradeNo);
  }

  /** Whether `method` is a trade method with a rule here (others need no parsed biz_content). */
  handles(method: string): boolean {
    return Object.hasOwn(TRADE_RULES, method);
  }

  /** The answer of a trade method to `call`; undefined when the method has no rule here or the trade is unknown. */
  answer(method: string, call: TradeCall): Node | undefined {
    return this.handles(method) ? TRADE_RULES[method]!(this, call) : undefined;
  }
}

/** The example answer with `values` set, for the fields the response declares. */
function filled(call: TradeCall, values: Readonly<Record<string, string | undefined>>): Node {
  const declared = new Set(call.response.map((f) => f.name));
  const node: Node = { ...call.success };
  for (const [name, value] of Object.entries(values)) if (value !== undefined && declared.has(name)) node[name] = value;
  return node;
}

function failure(call: TradeCall, code: string, fallback: string): Node {
  return businessError(code, call.errors.find((e) => e.code === code)?.description ?? fallback);
}

function ids(trade: BookedTrade): Record<string, string> {
  return { out_trade_no: trade.outTradeNo, trade_no: trade.tradeNo };
}

function refunded(trade: BookedTrade): number {
  let sum = 0;
  for (const amount of trade.refunds.values()) sum += amount;
  return sum;
}

/** A trade the request creates (pay, precreate, create), when it names its out_trade_no and amount. */
function created(status: TradeStatus) {
  return (book: TradeBook, call: TradeCall): Node | undefined => {
    const outTradeNo = textOf(call.biz['out_trade_no']);
    const amount = cents(call.biz['total_amount']);
    if (outTradeNo === undefined || amount === undefined) return undefined;
    const trade = book.record({ outTradeNo, totalAmount: formatCents(amount), status });
    return filled(call, { ...ids(trade), total_amount: trade.totalAmount });
  };
}

type Rule = (book: TradeBook, call: TradeCall) => Node | undefined;

/** One rule per trade method, keyed by wire name. */
const TRADE_RULES: Readonly<Record<string, Rule>> = {
  'alipay.trade.pay': created('TRADE_SUCCESS'),
  'alipay.trade.precreate': created('WAIT_BUYER_PAY'),
  'alipay.trade.create': created('WAIT_BUYER_PAY'),
  'alipay.trade.query': (book, call) => {
    const trade = book.find(call.biz);
    return trade && filled(call, { ...ids(trade), total_amount: trade.totalAmount, trade_status: trade.status });
  },
  'alipay.trade.refund': (book, call) => {
    const trade = book.find(call.biz);
    const amount = cents(call.biz['refund_amount']);
    if (trade === undefined || amount === undefined || amount === 0) return undefined;
    // Without out_request_no Alipay takes the trade itself as the refund's id (one refund only).
    const requestNo = textOf(call.biz['out_request_no']) ?? trade.outTradeNo;
    // A refund asked again (same out_request_no) is answered as the first time, whatever the status is now.
    const again = trade.refunds.has(requestNo);
    if (!again) {
      if (trade.status !== 'TRADE_SUCCESS') return failure(call, 'ACQ.TRADE_STATUS_ERROR', '交易状态不合法');
      if (refunded(trade) + amount > cents(trade.totalAmount)!) return failure(call, 'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', '退款金额超限');
      trade.refunds.set(requestNo, amount);
      // Refunded in full, the trade is closed (TRADE_CLOSED to query), as Alipay closes it.
      if (refunded(trade) === cents(trade.totalAmount)) trade.status = 'TRADE_CLOSED';
    }
    return filled(call, { ...ids(trade), refund_fee: formatCents(refunded(trade)), fund_change: again ? 'N' : 'Y' });
  },
  'alipay.trade.fastpay.refund.query': (book, call) => {
    const trade = book.find(call.biz);
    const requestNo = textOf(call.biz['out_request_no']);
    const amount = trade === undefined || requestNo === undefined ? undefined : trade.refunds.get(requestNo);
    if (trade === undefined || amount === undefined) return undefined;
    return filled(call, { ...ids(trade), out_request_no: requestNo, total_amount: trade.totalAmount, refund_amount: formatCents(amount), refund_status: 'REFUND_SUCCESS' });
  },
  'alipay.trade.close': (book, call) => {
    const trade = book.find(call.biz);
    if (trade === undefined) return undefined;
    // Only a trade waiting for the buyer can be closed (closing a closed one again answers the same).
    if (trade.status === 'TRADE_SUCCESS') return failure(call, 'ACQ.TRADE_STATUS_ERROR', '交易状态不合法');
    trade.status = 'TRADE_CLOSED';
    return filled(call, ids(trade));
  },
  'alipay.trade.cancel': (book, call) => {
    const trade = book.find(call.biz);
    if (trade === undefined) return undefined;
    // A paid trade is refunded in full and closed; an unpaid one is closed.
    const action = trade.status === 'TRADE_SUCCESS' ? 'refund' : 'close';
    if (action === 'refund') trade.refunds.set(`cancel:${trade.outTradeNo}`, cents(trade.totalAmount)! - refunded(trade));
    trade.status = 'TRADE_CLOSED';
    return filled(call, { ...ids(trade), retry_flag: 'N', action });
  },
};
