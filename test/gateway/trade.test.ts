/**
 * The committed package's trade and bill-url methods (generated/dist, from specs/) against the local
 * gateway serving specs/. alipay.trade.query and alipay.trade.close answer their doc page's example
 * (the specs took it from ../shared/docs-samples, checked here against the page); the others, which
 * have no example, answer a node built from their response schema. Every answer is signature-verified
 * and passes the generated response validator; an invalid request is refused before anything is sent.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  AlipayValidationError,
  createAlipayClient,
  responseNodeKey,
  type AlipayClient,
  type FetchLike,
} from '../../generated/dist/runtime/index.js';
import { alipayDataDataserviceBillDownloadurlQuery } from '../../generated/dist/methods/alipay.data.dataservice.bill.downloadurl.query.js';
import { Action, alipayTradeCancel } from '../../generated/dist/methods/alipay.trade.cancel.js';
import { alipayTradeClose, isAlipayTradeCloseError, type AlipayTradeCloseErrorCode } from '../../generated/dist/methods/alipay.trade.close.js';
import { alipayTradeCreate } from '../../generated/dist/methods/alipay.trade.create.js';
import { alipayTradeFastpayRefundQuery, type TradeFundBill as RefundFundBill } from '../../generated/dist/methods/alipay.trade.fastpay.refund.query.js';
import { AsyncType, alipayTradePay, type TradeFundBill as PayFundBill } from '../../generated/dist/methods/alipay.trade.pay.js';
import { alipayTradePrecreate } from '../../generated/dist/methods/alipay.trade.precreate.js';
import {
  BuyerUserType,
  TradeStatus,
  alipayTradeQuery,
  type AlipayTradeQueryResponse,
} from '../../generated/dist/methods/alipay.trade.query.js';
import { alipayTradeRefund } from '../../generated/dist/methods/alipay.trade.refund.js';
import { SCENARIO_HEADER } from '../../generator/gateway/index.js';
import { loadSpecsOrThrow } from '../../generator/spec/load.js';
import type { MethodSpec } from '../../generator/spec/model.js';
import { ROOT, startTestGateway, type TestGateway } from './helpers.js';
import { success } from '../support/results.js';

const SPECS_DIR = join(ROOT, 'specs');
const PAGES = new URL('../../../shared/docs-samples/', import.meta.url);
const APP_ID = '2021000000000001';

let gateway: TestGateway;
let specs: MethodSpec[];
/** Requests the client handed to fetch: an invalid request must not add one. */
let sent = 0;
let client: AlipayClient;

function clientWith(fetchImpl: FetchLike): AlipayClient {
  return createAlipayClient({
    appId: APP_ID,
    privateKey: gateway.keys.appPrivateKey!,
    alipayPublicKey: gateway.keys.gatewayPublicKeyPem,
    gateway: gateway.url,
    validateResponse: true,
    fetch: fetchImpl,
  });
}

beforeAll(async () => {
  gateway = await startTestGateway({ specsDir: SPECS_DIR });
  specs = (await loadSpecsOrThrow(SPECS_DIR)).map((l) => l.spec);
  client = clientWith((url, init) => {
    sent += 1;
    return fetch(url, init);
  });
});
afterAll(async () => {
  await gateway?.close();
});

function spec(method: string): MethodSpec {
  const found = specs.find((s) => s.method === method);
  if (found === undefined) throw new Error(`no spec ${method} in specs/`);
  return found;
}

/** The success node of the spec's response example. */
function exampleNode(method: string): Record<string, unknown> {
  const response = spec(method).examples?.response as Record<string, unknown> | undefined;
  const node = response?.[responseNodeKey(method)];
  if (typeof node !== 'object' || node === null) throw new Error(`${method}: the spec has no response example`);
  return node as Record<string, unknown>;
}

/** An answer built from the schema carries code, msg and every documented response field. */
function expectSchemaAnswer(method: string, result: object): void {
  expect(spec(method).examples?.response).toBeUndefined();
  expect(Object.keys(result).sort()).toEqual(['code', 'msg', ...spec(method).response.map((f) => f.name)].sort());
  expect((result as { code: unknown }).code).toBe('10000');
}

/** The fenced blocks of a doc page scrape, by language. */
async function pageBlocks(method: string): Promise<{ json: unknown; bizContent: unknown }> {
  const text = await readFile(new URL(`${method}.opendocs.md`, PAGES), 'utf8');
  const json = /```json\n([\s\S]*?)\n```/.exec(text);
  const biz = /-F 'biz_content=(\{[\s\S]*?\})'/.exec(text);
  if (json === null || biz === null) throw new Error(`${method}: the page's examples were not found`);
  return { json: JSON.parse(json[1]!), bizContent: JSON.parse(biz[1]!) };
}

const ORDER = '20150320010101001';

describe('the page-reviewed specs carry their page examples', () => {
  it.each(['alipay.trade.query', 'alipay.trade.close'])('%s: request and response examples equal the page', async (method) => {
    const page = await pageBlocks(method);
    expect(spec(method).examples?.request).toEqual(page.bizContent);
    expect(spec(method).examples?.response).toEqual(page.json);
  });
});

describe('trade methods of the committed package against the local gateway', () => {
  it('alipay.trade.query resolves to the page example, typed', async () => {
    const result = success(await alipayTradeQuery(client, { out_trade_no: ORDER, query_options: ['trade_settle_info'] }));
    expectTypeOf(result).toEqualTypeOf<AlipayTradeQueryResponse>();
    expectTypeOf(result.trade_status).toEqualTypeOf<TradeStatus>();
    expectTypeOf(result.total_amount).toEqualTypeOf<string>();
    expectTypeOf(result.trade_no).toEqualTypeOf<string | undefined>();
    expectTypeOf(result.buyer_user_type).toEqualTypeOf<BuyerUserType | undefined>();
    expect(result).toEqual(exampleNode('alipay.trade.query'));
    expect(result.trade_status).toBe(TradeStatus.TRADE_CLOSED);
    expect(result.buyer_user_type).toBe(BuyerUserType.PRIVATE);
    expect(result.fund_bill_list?.map((b) => b.fund_channel)).toEqual(['ALIPAYACCOUNT']);
  });

  it('alipay.trade.close resolves to the page example, typed', async () => {
    const result = success(await alipayTradeClose(client, { trade_no: '2013112611001004680073956707', operator_id: 'YX01' }));
    expectTypeOf(result.trade_no).toEqualTypeOf<string | undefined>();
    expect(result).toEqual(exampleNode('alipay.trade.close'));
    expect(result.out_trade_no).toBe('YX_001');
  });

  it('alipay.trade.close narrows a business error to the page error table', async () => {
    const failing = clientWith((url, init) =>
      fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), [SCENARIO_HEADER]: 'business-error:ACQ.TRADE_STATUS_ERROR' } }),
    );
    const error: unknown = await alipayTradeClose(failing, { out_trade_no: ORDER }).catch((e: unknown) => e);
    expect(isAlipayTradeCloseError(error)).toBe(true);
    if (isAlipayTradeCloseError(error)) {
      expectTypeOf(error.sub_code).toEqualTypeOf<AlipayTradeCloseErrorCode>();
      expect(error.sub_code).toBe('ACQ.TRADE_STATUS_ERROR');
    }
  });

  it('alipay.trade.cancel answers from its schema; action is one of its documented values', async () => {
    const result = success(await alipayTradeCancel(client, { out_trade_no: ORDER }));
    expectTypeOf(result.action).toEqualTypeOf<Action | undefined>();
    expectSchemaAnswer('alipay.trade.cancel', result);
    expect(Object.values(Action)).toContain(result.action);
  });

  it('alipay.trade.refund answers from its schema', async () => {
    const result = success(await alipayTradeRefund(client, { out_trade_no: ORDER, refund_amount: '200.12', out_request_no: 'HZ01RF001' }));
    expectTypeOf(result.refund_fee).toEqualTypeOf<string | undefined>();
    expectSchemaAnswer('alipay.trade.refund', result);
    expect(typeof result.fund_change).toBe('string');
  });

  it('alipay.trade.fastpay.refund.query answers from its schema, with its nested lists', async () => {
    const result = success(await alipayTradeFastpayRefundQuery(client, { out_trade_no: ORDER, out_request_no: 'HZ01RF001', query_options: ['refund_detail_item_list'] }));
    expectTypeOf(result.refund_detail_item_list).toEqualTypeOf<RefundFundBill[] | undefined>();
    expectSchemaAnswer('alipay.trade.fastpay.refund.query', result);
    expect(result.refund_detail_item_list).toHaveLength(1);
    expect(Object.keys(result.refund_detail_item_list![0]!).sort()).toEqual(
      spec('alipay.trade.fastpay.refund.query').response.find((f) => f.name === 'refund_detail_item_list')!.items!.fields!.map((f) => f.name).sort(),
    );
  });

  it('alipay.trade.precreate answers from its schema', async () => {
    const result = success(await alipayTradePrecreate(client, { out_trade_no: ORDER, total_amount: '88.88', subject: 'Iphone6 16G' }));
    expectTypeOf(result.qr_code).toEqualTypeOf<string | undefined>();
    expectSchemaAnswer('alipay.trade.precreate', result);
  });

  it('alipay.trade.create answers from its schema', async () => {
    const result = success(await alipayTradeCreate(client, { out_trade_no: ORDER, total_amount: '88.88', subject: 'Iphone6 16G', buyer_id: '2088102146225135' }));
    expectTypeOf(result.trade_no).toEqualTypeOf<string | undefined>();
    expectSchemaAnswer('alipay.trade.create', result);
  });

  it('alipay.trade.pay answers from its schema, nested models included', async () => {
    const result = success(await alipayTradePay(client, {
      out_trade_no: ORDER,
      total_amount: '88.88',
      subject: 'Iphone6 16G',
      scene: 'bar_code',
      auth_code: '28763443825664394',
      pay_params: { async_type: AsyncType.NORMAL_ASYNC },
    }));
    expectTypeOf(result.fund_bill_list).toEqualTypeOf<PayFundBill[] | undefined>();
    expectSchemaAnswer('alipay.trade.pay', result);
    expect(result.fund_bill_list?.length).toBe(1);
  });

  it('alipay.data.dataservice.bill.downloadurl.query answers from its schema', async () => {
    const result = success(await alipayDataDataserviceBillDownloadurlQuery(client, { bill_type: 'trade', bill_date: '2016-04-05' }));
    expectTypeOf(result.bill_download_url).toEqualTypeOf<string | undefined>();
    expectSchemaAnswer('alipay.data.dataservice.bill.downloadurl.query', result);
  });
});

describe('invalid requests are refused before sending', () => {
  const long = (n: number): string => 'A'.repeat(n);
  const cases: [string, () => Promise<unknown>, { path: string; rule: string }[]][] = [
    // The page's max lengths: out_trade_no string(64), close operator_id string(28).
    ['alipay.trade.query', () => alipayTradeQuery(client, { out_trade_no: long(65) }), [{ path: 'out_trade_no', rule: 'maxLength' }]],
    // @ts-expect-error query_options is a list
    ['alipay.trade.query', () => alipayTradeQuery(client, { query_options: 'trade_settle_info' }), [{ path: 'query_options', rule: 'type' }]],
    ['alipay.trade.close', () => alipayTradeClose(client, { out_trade_no: ORDER, operator_id: long(29) }), [{ path: 'operator_id', rule: 'maxLength' }]],
    // @ts-expect-error an undocumented field
    ['alipay.trade.cancel', () => alipayTradeCancel(client, { out_trade_no: ORDER, reason: 'x' }), [{ path: 'reason', rule: 'unknown' }]],
    // @ts-expect-error refund_amount is a string (yuan)
    ['alipay.trade.refund', () => alipayTradeRefund(client, { out_trade_no: ORDER, refund_amount: 200.12 }), [{ path: 'refund_amount', rule: 'type' }]],
    // @ts-expect-error query_options items are strings
    ['alipay.trade.fastpay.refund.query', () => alipayTradeFastpayRefundQuery(client, { out_trade_no: ORDER, query_options: [1] }), [{ path: 'query_options[0]', rule: 'type' }]],
    // @ts-expect-error goods_detail is a list of objects
    ['alipay.trade.precreate', () => alipayTradePrecreate(client, { out_trade_no: ORDER, goods_detail: {} }), [{ path: 'goods_detail', rule: 'type' }]],
    // @ts-expect-error an undocumented field
    ['alipay.trade.create', () => alipayTradeCreate(client, { out_trade_no: ORDER, buyerid: '2088102146225135' }), [{ path: 'buyerid', rule: 'unknown' }]],
    // @ts-expect-error async_type takes the documented values only
    ['alipay.trade.pay', () => alipayTradePay(client, { out_trade_no: ORDER, pay_params: { async_type: 'ASYNC' } }), [{ path: 'pay_params.async_type', rule: 'enum' }]],
    // @ts-expect-error bill_date is a string
    ['alipay.data.dataservice.bill.downloadurl.query', () => alipayDataDataserviceBillDownloadurlQuery(client, { bill_date: 20160405 }), [{ path: 'bill_date', rule: 'type' }]],
  ];

  const named = cases.map(([method, call, issues]) => ({ method, call, issues, label: issues.map((i) => `${i.rule} at ${i.path}`).join(', ') }));

  it.each(named)('$method: $label', async ({ method, call, issues }) => {
    const before = { sent, requests: gateway.stats().requests };
    const error: unknown = await call().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlipayValidationError);
    const validation = error as AlipayValidationError;
    expect(validation.target).toBe('request');
    expect(validation.method).toBe(method);
    expect(validation.issues.map((i) => ({ path: i.path, rule: i.rule }))).toEqual(issues);
    expect({ sent, requests: gateway.stats().requests }).toEqual(before);
  });

  it('alipay.trade.close sends an operator_id of up to 28 characters (the page max length) and refuses a longer one unsent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 40 }).chain((n) => fc.string({ minLength: n, maxLength: n })), async (operatorId) => {
        const before = sent;
        // An order this gateway has not seen (ORDER was paid above, and a paid trade cannot be closed).
        const outcome: unknown = await alipayTradeClose(client, { out_trade_no: 'close-property-order', operator_id: operatorId }).catch((e: unknown) => e);
        if (operatorId.length <= 28) {
          expect(outcome).toMatchObject({ status: 'success', response: { code: '10000' } });
          expect(sent).toBe(before + 1);
        } else {
          expect(outcome).toBeInstanceOf(AlipayValidationError);
          expect(sent).toBe(before);
        }
      }),
      { numRuns: 40 },
    );
  });
});
