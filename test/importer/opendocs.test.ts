/**
 * The opendocs layout (current doc site, markdown scrapes in ../shared/docs-samples/), read into
 * the same page model as the text dump: each sample imports to a spec the loader accepts, with
 * facts checked against the pages by hand.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importDoc } from '../../generator/importer/import-doc.js';
import { chooseLayout } from '../../generator/importer/layouts/index.js';
import { parsePlainFieldHead } from '../../generator/importer/layouts/opendocs/field-head.js';
import { parseSpec } from '../../generator/spec/load.js';
import type { Field } from '../../generator/spec/model.js';

const SAMPLES = new URL('../../../shared/docs-samples/', import.meta.url);
const SEEDS = new URL('../../../shared/seeds/', import.meta.url);
const sample = (name: string) => readFileSync(new URL(name, SAMPLES), 'utf8');

function imported(name: string) {
  const r = importDoc(sample(name), name);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(r.layout).toEqual({ name: 'opendocs', how: 'detected' });
  expect(parseSpec(r.yaml!, `${r.spec!.method}.yaml`).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { spec: r.spec!, warnings: r.diagnostics };
}
const byName = (fields: readonly Field[], name: string) => fields.find((f) => f.name === name)!;

describe('layout detection', () => {
  it('picks opendocs for the markdown scrapes and the text dump for the seeds, and can be forced', () => {
    for (const name of ['alipay.trade.query.opendocs.md', 'alipay.trade.close.opendocs.md', 'alipay.trade.app.pay.opendocs.md']) {
      expect(chooseLayout(sample(name)).layout.name).toBe('opendocs');
    }
    expect(chooseLayout(readFileSync(new URL('alipay.marketing.card.query.txt', SEEDS), 'utf8'))).toMatchObject({ layout: { name: 'text-dump' }, how: 'detected' });
    const forced = importDoc(sample('alipay.trade.close.opendocs.md'), 'close.md', { layout: 'text-dump' });
    expect(forced.layout).toEqual({ name: 'text-dump', how: 'forced' });
    expect(forced.spec).toBeUndefined();
    expect(forced.diagnostics[0]).toMatchObject({ severity: 'error', message: expect.stringContaining('not an Alipay method doc page') });
  });
});

describe('alipay.trade.close (opendocs)', () => {
  const { spec, warnings } = imported('alipay.trade.close.opendocs.md');

  // Checked against the page: lines 7-19 are `以下参数 二选一 传入` then trade_no and out_trade_no, both
  // without a required marker; operator_id (line 21) is 可选 and ends the group.
  it('reads the method from the example URL, the one-of group as oneOf of conditional fields, the cURL biz_content', () => {
    expect(spec.method).toBe('alipay.trade.close');
    expect(spec.request.map((f) => [f.name, f.type, f.required, f.maxLength])).toEqual([
      ['trade_no', 'string', 'conditional', 64],
      ['out_trade_no', 'string', 'conditional', 64],
      ['operator_id', 'string', false, 28],
    ]);
    expect(spec.oneOf).toEqual([['trade_no', 'out_trade_no']]);
    expect(byName(spec.request, 'operator_id')).toMatchObject({ description: '商家操作员编号 id，由商家自定义。', example: 'YX01' });
    expect(spec.examples?.request).toEqual({ trade_no: '2013112611001004680073956707', out_trade_no: 'HZ0120131127001', operator_id: 'YX01' });
    expect(spec.response.map((f) => [f.name, f.required])).toEqual([
      ['trade_no', 'conditional'],
      ['out_trade_no', 'conditional'],
    ]);
  });

  it('reads the markdown error table; the one warning is the group read from the page', () => {
    expect(spec.errors).toHaveLength(6);
    expect(spec.errors[0]).toEqual({ code: 'ACQ.INVALID_PARAMETER', description: '参数无效', solution: '检查请求参数，修改后重新发起请求' });
    expect(warnings).toEqual([expect.objectContaining({ severity: 'warning', line: 7, col: 1, message: expect.stringContaining('exactly one of `trade_no`, `out_trade_no`') })]);
  });
});

describe('alipay.trade.query (opendocs)', () => {
  const { spec, warnings } = imported('alipay.trade.query.opendocs.md');

  // Checked against the page: query_options (line 22) lists three `label: value` lines then `更多`
  // (line 34); out_trade_no and trade_no follow `以下参数 二选一 传入` (line 7) unmarked; the response's
  // fund_bill_list (line 90) is `TradeFundBill[]` with no children shown.
  it('takes a listed enum (label: value), and one cut short by 更多 as an open enum with a warning', () => {
    expect(byName(spec.response, 'buyer_user_type').enum).toEqual([
      { value: 'CORPORATE', description: '企业用户' },
      { value: 'PRIVATE', description: '个人用户' },
    ]);
    const options = byName(spec.request, 'query_options');
    expect(options).toMatchObject({ type: 'array', maxLength: 128, items: { type: 'string' }, example: 'trade_settle_info' });
    expect(options.items).toEqual({
      type: 'string',
      enum: [
        { value: 'trade_settle_info', description: '交易结算信息' },
        { value: 'fund_bill_list', description: '交易支付使用的资金渠道' },
        { value: 'voucher_detail_list', description: '交易支付时使用的所有优惠券信息' },
      ],
      enumOpen: true,
    });
    expect(options.description).toBe('查询选项，商户通过上送该参数来定制同步需要额外返回的信息字段，数组格式。');
    expect(spec.oneOf).toEqual([['out_trade_no', 'trade_no']]);
    expect(byName(spec.response, 'fund_bill_list')).toEqual(expect.objectContaining({ items: { type: 'object', model: 'TradeFundBill' } }));
    expect(warnings.map((w) => [w.line, w.message.slice(0, 40)])).toEqual([
      [7, 'one-of group in the request: exactly one'],
      [22, 'field `query_options`: the enum list is '],
      [90, 'field `fund_bill_list` is a list of Trad'],
    ]);
  });

  it('reads types with lengths, model lists, multi-line descriptions and notes', () => {
    expect(byName(spec.response, 'total_amount')).toMatchObject({ type: 'price', required: true, maxLength: 11, example: '88.88' });
    expect(byName(spec.response, 'send_pay_date')).toMatchObject({ type: 'date', required: 'conditional', example: '2014-11-27 15:45:57' });
    expect(byName(spec.response, 'fund_bill_list')).toMatchObject({ type: 'array', items: { type: 'object', model: 'TradeFundBill' } });
    expect(byName(spec.request, 'out_trade_no').description).toBe('订单支付时传入的商户订单号,和支付宝交易号不能同时为空。\ntrade_no,out_trade_no如果同时存在优先取trade_no');
    expect(byName(spec.response, 'trade_no').description).toMatch(/^支付宝交易号\n注意事项：在未生成真实交易时/);
    expect(Object.keys(spec.examples!.response as object)).toEqual(['alipay_trade_query_response', 'sign']);
  });
});

describe('alipay.trade.app.pay (opendocs)', () => {
  it('imports with a warning for the response example that is a signed string, not JSON', () => {
    const { spec, warnings } = imported('alipay.trade.app.pay.opendocs.md');
    expect(spec.method).toBe('alipay.trade.app.pay');
    expect(spec.examples?.response).toBeUndefined();
    expect(warnings).toContainEqual(expect.objectContaining({ line: 234, message: expect.stringContaining('holds no JSON object') }));
    expect(byName(spec.response, 'orderStr')).toMatchObject({ type: 'string', required: true, maxLength: 16384 });
  });

  // Checked against the page: goods_detail (line 41), extend_params (51) and ext_user_info (67) are
  // model types with no children shown; query_options (71) says 包括但不限于 and lists three values.
  it('keeps the models whose fields the page does not show as open objects, and a 包括但不限于 list open', () => {
    const { spec, warnings } = imported('alipay.trade.app.pay.opendocs.md');
    expect(byName(spec.request, 'goods_detail')).toMatchObject({ type: 'array', items: { type: 'object', model: 'GoodsDetail' } });
    expect(byName(spec.request, 'goods_detail').items!.fields).toBeUndefined();
    for (const name of ['extend_params', 'ext_user_info']) expect(byName(spec.request, name).fields).toBeUndefined();
    expect(byName(spec.request, 'query_options').items!.enum!.map((e) => e.value)).toEqual(['hyb_amount', 'enterprise_pay_info', 'medical_insurance_info']);
    expect(byName(spec.request, 'query_options').items!.enumOpen).toBe(true);
    expect(warnings.filter((w) => w.message.includes('open object')).map((w) => w.line)).toEqual([41, 51, 67]);
    expect(warnings).toContainEqual(expect.objectContaining({ line: 71, message: expect.stringContaining('"包括但不限于"') }));
  });
});

describe('expanded models (`>` quotes, one per level)', () => {
  const text = [
    '说明',
    '',
    '## 业务请求参数',
    '',
    '**card**必选CardInfo',
    '',
    '【描述】卡',
    '',
    '> **code**必选string(8)',
    '>',
    '> 【描述】编号',
    '>',
    '> **items**可选Item[]',
    '>',
    '> > **name**必选string(16)',
    '> >',
    '> > 【示例值】n1',
    '>',
    '> **name**可选string(4)',
    '',
    '**after**可选number(3)',
    '',
    '【示例值】7',
    '',
    '常见请求示例',
    '',
    "curl 'https://openapi.alipay.com/gateway.do?method=alipay.demo.card.set' \\",
    '',
    '## 业务响应参数',
    '',
    '响应示例',
    '',
    '异常示例',
    '',
    '## 业务错误码',
  ].join('\n');

  it('nest by quote depth, a name reused at two levels included', () => {
    const r = importDoc(text, 'demo.md');
    expect(r.diagnostics).toEqual([]);
    expect(r.spec!.method).toBe('alipay.demo.card.set');
    const card = r.spec!.request[0]!;
    expect(card).toMatchObject({ name: 'card', type: 'object', model: 'CardInfo', description: '卡' });
    expect(card.fields!.map((f) => f.name)).toEqual(['code', 'items', 'name']);
    expect(card.fields![1]!.items!.fields).toEqual([{ name: 'name', type: 'string', required: true, maxLength: 16, example: 'n1' }]);
    expect(r.spec!.request[1]).toEqual({ name: 'after', type: 'number', required: false, maxLength: 3, example: 7 });
  });
});

/** The page as a browser copy shows it: heading `##`, bold `**` and quote `>` marks gone. */
function asBrowserText(markdown: string): string {
  return markdown
    .split('\n')
    .map((l) => l.replace(/^(\s*>)+\s?/, '').replace(/^#{1,6} /, '').replace(/\*\*([^*\n]+?)\*\*/g, '$1'))
    .join('\n');
}

describe('browser-text variant (marks lost in a browser copy)', () => {
  it.each(['alipay.trade.query.opendocs.md', 'alipay.trade.close.opendocs.md', 'alipay.trade.app.pay.opendocs.md'])('%s imports to the same spec and warnings as the markdown', (name) => {
    const copy = asBrowserText(sample(name));
    expect(copy).not.toMatch(/^## |^\*\*|^>/m);
    const markdown = importDoc(sample(name), name);
    const browser = importDoc(copy, name);
    expect(browser.layout).toEqual({ name: 'opendocs', how: 'detected' });
    expect(browser.yaml).toBe(markdown.yaml);
    expect(browser.diagnostics.map(({ line, severity, message }) => ({ line, severity, message }))).toEqual(markdown.diagnostics.map(({ line, severity, message }) => ({ line, severity, message })));
  });

  it.each([
    ['marker', 'operator_id可选string(28)', { name: 'operator_id', required: false, maxLength: 28, type: { type: 'string' } }],
    ['no marker (one-of group)', 'trade_nostring(64)', { name: 'trade_no', maxLength: 64, type: { type: 'string' } }],
    ['name ending in a type word', 'send_pay_datedate(32)', { name: 'send_pay_date', maxLength: 32, type: { type: 'date' } }],
    ['model list', 'fund_bill_list必选TradeFundBill[]', { name: 'fund_bill_list', required: true, maxLength: null, type: { type: 'array', items: { type: 'object', model: 'TradeFundBill' } } }],
    ['no marker, model', 'goods_detailGoodsDetail[]', { name: 'goods_detail', type: { type: 'array', items: { model: 'GoodsDetail' } } }],
    ['list of strings', 'query_options可选string[](128)', { name: 'query_options', required: false, maxLength: 128, type: { type: 'array', items: { type: 'string' } } }],
    ['label after the name', 'orderStr｜签名字符串必选string(16384)', { name: 'orderStr', required: true, maxLength: 16384 }],
    ['特殊可选', 'trade_no特殊可选string(64)', { name: 'trade_no', required: 'conditional' }],
  ])('plain field head: %s', (_what, line, expected) => {
    expect(parsePlainFieldHead(line)).toMatchObject(expected);
  });

  it.each([['prose', '支付宝交易号string'], ['a space before the type', 'sign_type String'], ['a space before a sized type', 'sign_type string(8)'], ['an example value', '2013112611001004680073956707'], ['a word', 'trade_settle_info'], ['an upper-case example', 'JSON'], ['a word ending in a type name', 'teststring'], ['a model word', 'AlipayTradeQueryModel']])('not a field head: %s', (_what, line) => {
    expect(parsePlainFieldHead(line)).toBeUndefined();
  });
});

/** A small opendocs page with these request and response field lines. */
function odPage(request: string[], response: string[] = []): string {
  return [
    '说明',
    '',
    '## 业务请求参数',
    '',
    ...request,
    '',
    '常见请求示例',
    '',
    "curl 'https://openapi.alipay.com/gateway.do?method=alipay.demo.group.set' \\",
    '',
    '## 业务响应参数',
    '',
    ...response,
    '',
    '响应示例',
    '',
    '异常示例',
    '',
    '## 业务错误码',
  ].join('\n');
}

describe('one-of groups, open enums, open objects and 【必选条件】 (crafted pages)', () => {
  const run = (request: string[], response: string[] = []) => {
    const r = importDoc(odPage(request, response), 'demo.md');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    return { spec: r.spec!, warnings: r.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`) };
  };

  it('a group covers the unmarked fields after its label and ends at the first marked one', () => {
    const { spec, warnings } = run(['以下参数 二选一 传入', '', '**a**string(8)', '', '**b**string(8)', '', '**c**可选string(8)', '', '**d**string(8)']);
    expect(spec.oneOf).toEqual([['a', 'b']]);
    expect(spec.request.map((f) => [f.name, f.required])).toEqual([['a', 'conditional'], ['b', 'conditional'], ['c', false], ['d', false]]);
    expect(warnings).toEqual([
      expect.stringMatching(/^5:1 one-of group in the request: exactly one of `a`, `b`/),
      expect.stringMatching(/^13:1 field `d` has no required marker/),
    ]);
  });

  it('a group inside an expanded model (quoted) goes on the model, its members\' children aside', () => {
    const { spec, warnings } = run([
      '**payer**必选Payer',
      '',
      '> 以下参数 二选一 传入',
      '>',
      '> **user_id**string(16)',
      '>',
      '> **account**Account',
      '>',
      '> > **no**必选string(8)',
      '>',
      '> **open_id**string(64)',
      '>',
      '> **name**可选string(8)',
    ]);
    const payer = spec.request[0]!;
    expect(payer.oneOf).toEqual([['user_id', 'account', 'open_id']]);
    expect(payer.fields!.map((f) => [f.name, f.required])).toEqual([['user_id', 'conditional'], ['account', 'conditional'], ['open_id', 'conditional'], ['name', false]]);
    expect(payer.fields![1]!.fields).toEqual([{ name: 'no', type: 'string', required: true, maxLength: 8 }]);
    expect(spec.oneOf).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/^7:3 one-of group under `payer`: exactly one of `user_id`, `account`, `open_id`/)]);
  });

  it('a group of one field is not kept, with a warning at its label', () => {
    const { spec, warnings } = run(['以下参数 二选一 传入', '', '**a**string(8)', '', '**c**可选string(8)']);
    expect(spec.oneOf).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/^5:1 a one-of group \(only `a` without a required marker follows it\): not kept/)]);
  });

  it('a group in the response is not kept (the format has none there): its fields stay conditional, with a warning', () => {
    const { spec, warnings } = run(['**a**可选string(8)'], ['以下参数 二选一 传入', '', '**x**string(8)', '', '**y**string(8)']);
    expect(spec.response.map((f) => f.required)).toEqual(['conditional', 'conditional']);
    expect(warnings).toEqual([expect.stringMatching(/^13:1 one-of group \(`x`, `y`\) in the response: not kept/)]);
  });

  it('更多 keeps the listed values as an open enum; without it the enum is closed', () => {
    const cut = run(['**t**必选string(8)', '', '【枚举值】', '', '甲: A', '', '乙: B', '', '更多', '', '【示例值】A']);
    expect(cut.spec.request[0]).toMatchObject({ enum: [{ value: 'A', description: '甲' }, { value: 'B', description: '乙' }], enumOpen: true });
    expect(cut.warnings).toEqual([expect.stringMatching(/^5:1 field `t`: the enum list is cut short \(更多\): kept the 2 listed values as an open enum/)]);
    const whole = run(['**t**必选string(8)', '', '【枚举值】', '', '甲: A', '', '乙: B']);
    expect(whole.spec.request[0]!.enumOpen).toBeUndefined();
    expect(whole.warnings).toEqual([]);
  });

  it('【必选条件】 makes an optional field conditional, the condition kept in the description (a simple one as requiredIf)', () => {
    const { spec, warnings } = run([
      '**kind**必选string(8)',
      '',
      '**code**可选string(8)',
      '',
      '【必选条件】kind为CODE时必填',
      '',
      '**memo**可选string(8)',
      '',
      '【必选条件】线下场景需要传入',
    ]);
    expect(spec.request[1]).toMatchObject({ required: 'conditional', requiredIf: { field: 'kind', equals: 'CODE' }, description: '必选条件：kind为CODE时必填' });
    expect(spec.request[2]).toEqual({ name: 'memo', type: 'string', required: 'conditional', maxLength: 8, description: '必选条件：线下场景需要传入' });
    expect(warnings).toEqual([]);
  });

  it('a model field without children is an open object with a warning; with children it is not', () => {
    const { spec, warnings } = run(['**ext**可选ExtInfo', '', '**list**可选Bill[]', '', '**card**可选Card', '', '> **no**必选string(8)']);
    expect(spec.request.map((f) => f.fields ?? f.items?.fields)).toEqual([undefined, undefined, [{ name: 'no', type: 'string', required: true, maxLength: 8 }]]);
    expect(warnings).toEqual([
      expect.stringMatching(/^5:1 field `ext` is ExtInfo whose fields the page does not show: kept as an open object/),
      expect.stringMatching(/^7:1 field `list` is a list of Bill whose fields the page does not show/),
    ]);
  });
});
