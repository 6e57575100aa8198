/**
 * The browser-tsv layout (old doc site copied from a browser): the sample imports to a spec the
 * loader accepts, with the page's facts checked by hand; each construct on small crafted pages.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importDoc } from '../../generator/importer/import-doc.js';
import { chooseLayout } from '../../generator/importer/layouts/index.js';
import { splitCells } from '../../generator/importer/layouts/browser-tsv/cells.js';
import { parseSpec } from '../../generator/spec/load.js';
import type { Field } from '../../generator/spec/model.js';

const SAMPLE = 'alipay.fund.trans.order.query.tsv.txt';
const text = readFileSync(new URL(`../../../shared/docs-samples/${SAMPLE}`, import.meta.url), 'utf8');
const byName = (fields: readonly Field[], name: string) => fields.find((f) => f.name === name)!;

describe(`${SAMPLE} (checked by hand against the page)`, () => {
  const r = importDoc(text, SAMPLE);
  const spec = r.spec!;

  it('is detected as browser-tsv and imports without errors or warnings to a spec validate accepts', () => {
    expect(r.layout).toEqual({ name: 'browser-tsv', how: 'detected' });
    expect(r.diagnostics).toEqual([]);
    expect(parseSpec(r.yaml!, 'x.yaml').diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(spec).toMatchObject({ method: 'alipay.fund.trans.order.query', title: '查询转账订单接口' });
    expect(spec.description).toMatch(/^商户可通过该接口查询转账订单的状态/);
  });

  it('request: paths, types, 可选 as optional, max lengths, the description over two lines', () => {
    expect(spec.request.map((f) => [f.name, f.type, f.required, f.maxLength, f.example])).toEqual([
      ['out_biz_no', 'string', false, 64, '3142321423432'],
      ['order_id', 'string', false, 64, '20160627110070001502260006780837'],
    ]);
    expect(byName(spec.request, 'out_biz_no').description).toBe('商户转账唯一订单号：发起转账来源方定义的转账单据ID。\n和支付宝转账单据号不能同时为空。当和支付宝转账单据号同时提供时，将用支付宝转账单据号进行查询，忽略本参数。');
  });

  it('response: eight 选填 string fields with their max lengths, the status enum from its multi-line cell', () => {
    expect(spec.response.map((f) => [f.name, f.type, f.required, f.maxLength])).toEqual([
      ['order_id', 'string', false, 64],
      ['status', 'string', false, 10],
      ['pay_date', 'string', false, 20],
      ['arrival_time_end', 'string', false, 20],
      ['order_fee', 'string', false, 20],
      ['fail_reason', 'string', false, 100],
      ['out_biz_no', 'string', false, 64],
      ['error_code', 'string', false, 100],
    ]);
    const status = byName(spec.response, 'status');
    expect(status.enum!.map((e) => e.value)).toEqual(['SUCCESS', 'FAIL', 'INIT', 'DEALING', 'REFUND', 'UNKNOWN']);
    expect(status.enum![2]!.description).toMatch(/^等待处理/);
    expect(status.example).toBe('SUCCESS');
    expect(byName(spec.response, 'arrival_time_end').description).toContain('注意：\n此参数为预计时间');
    expect(byName(spec.response, 'fail_reason').example).toBe('单笔额度超限');
  });

  it('reads the business error table after the adjacent 业务错误码 / 公共错误码 labels', () => {
    expect(spec.errors.map((e) => e.code)).toEqual(['ORDER_NOT_EXIST', 'NO_ORDER_PERMISSION', 'INVALID_PARAMETER', 'ILLEGAL_ACCOUNT_STATUS_EXCEPTION', 'SYSTEM_ERROR', 'ORDER_ID_INVALID']);
    expect(spec.errors[2]).toEqual({ code: 'INVALID_PARAMETER', description: '参数有误。', solution: '请检查请求参数的长度正确性和合法性，out_biz_no与order_id不能同时为空' });
  });

  it('takes the request, response and error examples', () => {
    expect(spec.examples?.request).toEqual({ out_biz_no: '3142321423432', order_id: '20160627110070001502260006780837' });
    expect(Object.keys((spec.examples?.response as Record<string, Record<string, unknown>>).alipay_fund_trans_order_query_response!)).toHaveLength(10);
    expect(spec.examples?.error).toMatchObject({ alipay_fund_trans_order_query_response: { sub_code: 'isp.unknow-error' } });
  });
});

describe('cells', () => {
  it.each([
    ['one tab, empty cell kept', 'a\tString\t是\t\tdesc', ['a', 'String', '是', '', 'desc'], '\t'],
    ['two tabs', 'a\t\tString\t\t可选\t\t64\t\td\t\tx', ['a', 'String', '可选', '64', 'd', 'x'], '\t\t'],
    ['two tabs, empty cell', 'a\t\tString\t\t可选\t\t\t\td', ['a', 'String', '可选', '', 'd'], '\t\t'],
    ['multi-line cell, lines trimmed', 'a\tString\t选填\t10\tline one \n  line two\tEX', ['a', 'String', '选填', '10', 'line one\nline two', 'EX'], '\t'],
    ['mixed runs', 'a\tString\t\t必填\t1\td\te\tf', ['a', 'String', '必填', '1', 'd', 'e', 'f'], 'runs'],
    ['all-even runs in a one-tab table: an empty cell', 'a\tString\t\t必填', ['a', 'String', '', '必填'], '\t'],
  ])('%s', (what, row, cells, separator) => {
    expect(splitCells(row, 6, what.startsWith('two tabs'))).toEqual({ cells, separator });
  });
});

/** A small browser-copied page: the given request/response rows and error lines. */
function tsvPage(parts: { request?: string[]; response?: string[]; errors?: string[]; errorLabels?: string[]; responseExample?: unknown }): string {
  const node = JSON.stringify({ alipay_demo_thing_query_response: { code: '10000', ...(parts.responseExample as object) }, sign: 'S' }, null, 2);
  return [
    'alipay.demo.thing.query(演示)',
    '演示接口',
    '公共参数',
    '公共请求参数',
    '参数\t类型\t是否必填\t最大长度\t描述\t示例值',
    'app_id\tString\t是\t32\t应用ID\t2014',
    '请求参数',
    '参数\t类型\t是否必填\t最大长度\t描述\t示例值',
    ...(parts.request ?? ['a\tString\t必选\t8\t说明\tX']),
    '公共响应参数',
    '参数\t类型\t是否必填\t最大长度\t描述\t示例值',
    'code\tString\t是\t-\t网关返回码\t40004',
    '响应参数',
    '参数\t类型\t是否必填\t最大长度\t描述\t示例值',
    ...(parts.response ?? []),
    '请求示例',
    '响应示例',
    'JSON 示例  XML 示例',
    ...node.split('\n'),
    '异常示例',
    ...(parts.errorLabels ?? ['业务错误码', '公共错误码', '']),
    ...(parts.errors ?? ['错误码\t错误描述\t解决方案', 'E_ONE\t描述\t方案']),
  ].join('\n');
}

describe('browser-tsv constructs', () => {
  it('detects the layout by its tab-separated table header', () => {
    expect(chooseLayout(tsvPage({})).layout.name).toBe('browser-tsv');
    expect(chooseLayout(tsvPage({}).replace(/\t/g, ' ')).layout.name).toBe('text-dump');
  });

  it.each([
    ['必选 / 可选 (request)', 'a\tString\t必选\t8\t说明\tX', { required: true, maxLength: 8 }],
    ['可选', 'a\tString\t可选\t8\t说明\tX', { required: false }],
    ['是 / 否 (public style)', 'a\tString\t是\t8\t说明\tX', { required: true }],
    ['否', 'a\tString\t否\t8\t说明\tX', { required: false }],
    ['特殊可选', 'a\tString\t特殊可选\t8\t说明\tX', { required: 'conditional' }],
    ['empty max length = none', 'a\tString\t必选\t\t说明\tX', { required: true, description: '说明', example: 'X' }, 'maxLength'],
    ['- max length = none', 'a\tString\t必选\t-\t说明\tX', { required: true, description: '说明', example: 'X' }, 'maxLength'],
    ['no example (trailing tab lost)', 'a\tString\t必选\t8\t说明\t', { description: '说明', maxLength: 8 }, 'example'],
    ['number example typed', 'a\tNumber\t必选\t8\t数量\t12', { type: 'number', example: 12 }],
  ])('request row: %s', (_what, row, expected, absent?: string) => {
    const r = importDoc(tsvPage({ request: [row] }), 'p.txt');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.spec!.request[0]).toMatchObject(expected);
    if (absent) expect(r.spec!.request[0]).not.toHaveProperty(absent);
  });

  it.each([
    ['必填', '必填', true],
    ['选填', '选填', false],
    ['条件必填', '条件必填', 'conditional'],
  ])('response marker %s', (_what, marker, required) => {
    const r = importDoc(tsvPage({ response: [`b\tString\t${marker}\t8\t说明\tY`], responseExample: { b: 'Y' } }), 'p.txt');
    expect(r.spec!.response[0]).toMatchObject({ name: 'b', required });
  });

  it('a row broken over lines by its multi-line description cell', () => {
    const r = importDoc(tsvPage({ request: ['s\tString\t必选\t10\t状态。 ', 'A：甲； ', 'B：乙。\tA', 'n\tString\t可选\t4\t名\tZ'] }), 'p.txt');
    expect(r.spec!.request.map((f) => f.name)).toEqual(['s', 'n']);
    expect(r.spec!.request[0]).toMatchObject({ description: '状态。\nA：甲；\nB：乙。', example: 'A', enum: [{ value: 'A', description: '甲；' }, { value: 'B', description: '乙。' }] });
  });

  it('nested fields: └ leaves under their object, an unmarked object nested by the example', () => {
    const r = importDoc(
      tsvPage({
        response: ['card\tCard\t必填\t-\t卡', '└ no\tString\t必填\t32\t卡号\t001', 'owner\tOwner\t选填\t-\t持卡人', '└ uid\tString\t选填\t16\t用户\t2088', 'after\tString\t选填\t8\t后\tZ'],
        responseExample: { card: { no: '001', owner: { uid: '2088' } }, after: 'Z' },
      }),
      'p.txt',
    );
    expect(r.diagnostics).toEqual([]);
    const [card, after] = r.spec!.response;
    expect(card).toMatchObject({ name: 'card', type: 'object', model: 'Card', fields: [{ name: 'no' }, { name: 'owner', fields: [{ name: 'uid', maxLength: 16 }] }] });
    expect(after!.name).toBe('after');
  });

  it('nested fields copied as the seed\'s bullet groups (• lines) are read as the text dump reads them', () => {
    const r = importDoc(
      tsvPage({
        request: ['card_user_info\tCardUserInfo\t可选\t-\t用户信息', '  • └ user_uni_id', '  • String', '  • 必填', '  • 32', '  • 用户唯一标识', '  • 2088302463082075', 'ext_info\tString\t可选\t1024\t扩展信息\tX'],
      }),
      'p.txt',
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.spec!.request).toEqual([
      { name: 'card_user_info', type: 'object', model: 'CardUserInfo', required: false, description: '用户信息', fields: [{ name: 'user_uni_id', type: 'string', required: true, maxLength: 32, description: '用户唯一标识', example: '2088302463082075' }] },
      { name: 'ext_info', type: 'string', required: false, maxLength: 1024, description: '扩展信息', example: 'X' },
    ]);
  });

  it('a nested list whose bullets the copy lost is a warning, never folded into the row above', () => {
    const r = importDoc(tsvPage({ request: ['card\tCard\t可选\t-\t卡\t', '└ no', 'String', '必填', '32', '卡号', 'ext\tString\t可选\t8\t扩展\tX'] }), 'p.txt');
    expect(r.spec!.request.map((f) => [f.name, f.description])).toEqual([['card', '卡'], ['ext', '扩展']]);
    // `card` then shows no fields of its own: an open object, said at its row.
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', line: 9, message: expect.stringContaining('field `card` is Card whose fields the page does not show: kept as an open object') }),
      expect.objectContaining({ severity: 'warning', line: 10, message: expect.stringContaining('bullets the copy lost') }),
    ]);
    expect(r.spec!.request[0]!.fields).toBeUndefined();
  });

  it('an unmarked object the example shows at the top level stays top-level', () => {
    const r = importDoc(tsvPage({ response: ['card\tCard\t必填\t-\t卡', '└ no\tString\t必填\t32\t卡号\t001', 'shop\tShop\t选填\t-\t门店', '└ sid\tString\t选填\t8\t号\tS1'], responseExample: { card: { no: '001' }, shop: { sid: 'S1' } } }), 'p.txt');
    expect(r.spec!.response.map((f) => [f.name, (f.fields ?? []).map((c) => c.name)])).toEqual([['card', ['no']], ['shop', ['sid']]]);
  });

  it('warns on a row without a required marker and reads its other cells', () => {
    const r = importDoc(tsvPage({ request: ['a\tString\t8\t说明\tX'] }), 'p.txt');
    expect(r.spec!.request[0]).toMatchObject({ required: false, maxLength: 8, description: '说明', example: 'X' });
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', line: 9, message: expect.stringContaining('no required marker') })]);
  });

  it.each([
    ['labels adjacent, table after both', ['业务错误码', '公共错误码', ''], ['错误码\t错误描述\t解决方案', 'E_ONE\t描述\t方案'], [{ code: 'E_ONE', description: '描述', solution: '方案' }], []],
    ['table under 业务错误码', ['业务错误码'], ['错误码\t错误描述\t解决方案', 'E_ONE\t描述\t方案', '公共错误码'], [{ code: 'E_ONE', description: '描述', solution: '方案' }], []],
    ['solution over two lines, no description', ['业务错误码'], ['错误码\t错误描述\t解决方案', 'E_ONE\t\t先查', '再试', 'E_TWO\t二\t'], [{ code: 'E_ONE', solution: '先查\n再试' }, { code: 'E_TWO', description: '二' }], []],
    ['two-tab error rows', ['业务错误码'], ['错误码\t\t错误描述\t\t解决方案', 'E_ONE\t\t描述\t\t方案'], [{ code: 'E_ONE', description: '描述', solution: '方案' }], []],
    ['section without a table: warned', ['业务错误码'], ['暂无说明', '公共错误码'], [], ['no readable error table']],
    ['only gateway codes (the 公共 tab was copied): warned', ['业务错误码', '公共错误码'], ['错误码\t错误描述\t解决方案', 'isp.unknow-error\t系统繁忙\t重试'], [], ['only gateway']],
  ])('error table: %s', (_what, labels, errors, expected, warnings) => {
    const r = importDoc(tsvPage({ errorLabels: labels, errors }), 'p.txt');
    expect(r.spec!.errors).toEqual(expected);
    expect(r.diagnostics.map((d) => d.message)).toEqual(warnings.map((w) => expect.stringContaining(w)));
  });
});

describe('one-of groups and open enums stated in cells', () => {
  it('与X二选一 in a description is a group of the two rows, with a warning; 包括但不限于 opens the listed values', () => {
    const r = importDoc(tsvPage({ request: ['trade_no\tString\t可选\t64\t交易号', '与out_trade_no二选一\t2013', 'out_trade_no\tString\t可选\t64\t订单号\tO1', 'channel\tString\t必选\t16\t渠道，包括但不限于', 'ALIPAY:支付宝', 'BANK:银行\tALIPAY'] }), 'p.txt');
    expect(r.spec!.oneOf).toEqual([['trade_no', 'out_trade_no']]);
    expect(r.spec!.request[2]).toMatchObject({ enum: [{ value: 'ALIPAY', description: '支付宝' }, { value: 'BANK', description: '银行' }], enumOpen: true });
    expect(r.diagnostics.map((d) => [d.line, d.message.slice(0, 30)])).toEqual([
      [9, 'the description of `trade_no` '],
      [12, 'field `channel`: the descripti'],
    ]);
  });
});
