import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../generator/spec/load.js';
import type { MethodSpec } from '../../generator/spec/model.js';

const GOOD = `# yaml-language-server: $schema=../generator/spec/spec.schema.json
method: alipay.marketing.card.query
title: 会员卡查询
description: 根据卡号或者持卡人信息查询会员卡信息
request:
  target_card_no:
    type: string
    required: true
    maxLength: 32
    description: |-
      操作卡号。
      target_card_no为业务卡号
    example: '0000001'
  target_card_no_type:
    type: string
    required: true
    maxLength: 64
    example: BIZ_CARD
    enum:
      - { value: BIZ_CARD, description: 支付宝卡号 }
      - value: D_QR_CODE
  card_user_info:
    type: object
    model: CardUserInfo
    required: false
    fields:
      user_uni_id: { type: string, required: true, maxLength: 32, example: '2088302463082075' }
      user_uni_id_type: { type: string, required: conditional, requiredIf: { field: user_uni_id }, example: UID }
response:
  card_info:
    type: object
    model: MerchantCard
    required: true
    fields:
      open_date: { type: date, required: true, example: '2014-02-20 21:20:46' }
      balance: { type: price, required: false, example: '124.89' }
      time_stamp: { type: number, required: true, example: 1496996459 }
      front_text_list:
        type: array
        required: false
        items:
          type: object
          model: CardFrontTextDTO
          fields:
            label: { type: string, required: false }
      tags: { type: array, required: false, items: { type: string, maxLength: 8 }, deprecated: 不再返回 }
errors:
  - { code: CARD_NOT_EXIT, description: 会员卡不存在, solution: 确认卡信息 }
examples:
  request: { target_card_no: '0000001', card_user_info: { user_uni_id: '2088302463082075' } }
  response:
    sign: ERITJ
    alipay_marketing_card_query_response:
      code: '10000'
      msg: Success
      card_info:
        open_date: '2014-02-20 21:20:46'
        time_stamp: 1496996459
        front_text_list: [{ label: 专业 }]
notes: [reviewed by hand]
deprecated: false
`;

const EXPECTED: MethodSpec = {
  method: 'alipay.marketing.card.query',
  title: '会员卡查询',
  description: '根据卡号或者持卡人信息查询会员卡信息',
  request: [
    {
      name: 'target_card_no',
      type: 'string',
      required: true,
      maxLength: 32,
      description: '操作卡号。\ntarget_card_no为业务卡号',
      example: '0000001',
    },
    {
      name: 'target_card_no_type',
      type: 'string',
      required: true,
      maxLength: 64,
      example: 'BIZ_CARD',
      enum: [{ value: 'BIZ_CARD', description: '支付宝卡号' }, { value: 'D_QR_CODE' }],
    },
    {
      name: 'card_user_info',
      type: 'object',
      model: 'CardUserInfo',
      required: false,
      fields: [
        { name: 'user_uni_id', type: 'string', required: true, maxLength: 32, example: '2088302463082075' },
        { name: 'user_uni_id_type', type: 'string', required: 'conditional', requiredIf: { field: 'user_uni_id' }, example: 'UID' },
      ],
    },
  ],
  response: [
    {
      name: 'card_info',
      type: 'object',
      model: 'MerchantCard',
      required: true,
      fields: [
        { name: 'open_date', type: 'date', required: true, example: '2014-02-20 21:20:46' },
        { name: 'balance', type: 'price', required: false, example: '124.89' },
        { name: 'time_stamp', type: 'number', required: true, example: 1496996459 },
        {
          name: 'front_text_list',
          type: 'array',
          required: false,
          items: { type: 'object', model: 'CardFrontTextDTO', fields: [{ name: 'label', type: 'string', required: false }] },
        },
        { name: 'tags', type: 'array', required: false, items: { type: 'string', maxLength: 8 }, deprecated: '不再返回' },
      ],
    },
  ],
  errors: [{ code: 'CARD_NOT_EXIT', description: '会员卡不存在', solution: '确认卡信息' }],
  examples: {
    request: { target_card_no: '0000001', card_user_info: { user_uni_id: '2088302463082075' } },
    response: {
      sign: 'ERITJ',
      alipay_marketing_card_query_response: {
        code: '10000',
        msg: 'Success',
        card_info: { open_date: '2014-02-20 21:20:46', time_stamp: 1496996459, front_text_list: [{ label: '专业' }] },
      },
    },
  },
  notes: ['reviewed by hand'],
  deprecated: false,
};

describe('parseSpec on a valid spec', () => {
  const result = parseSpec(GOOD, 'specs/alipay.marketing.card.query.yaml');

  it('loads into exactly the expected MethodSpec, without diagnostics', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.spec?.spec).toStrictEqual(EXPECTED);
    expect(result.spec?.file).toBe('specs/alipay.marketing.card.query.yaml');
  });

  it('keeps fields in doc order', () => {
    expect(result.spec?.spec.response[0]?.fields?.map((f) => f.name)).toEqual([
      'open_date', 'balance', 'time_stamp', 'front_text_list', 'tags',
    ]);
  });

  it('locates key paths, falling back to the nearest enclosing node', () => {
    const locate = result.spec!.locate;
    expect(locate(['method'])).toEqual({ line: 2, col: 1 });
    expect(locate(['request', 'target_card_no', 'maxLength'])).toEqual({ line: 9, col: 5 });
    expect(locate(['request', 'card_user_info', 'fields', 'user_uni_id', 'maxLength'])).toEqual({ line: 27, col: 52 });
    expect(locate(['request', 'target_card_no_type', 'enum', 1, 'value'])).toEqual({ line: 21, col: 9 });
    expect(locate(['request', 'target_card_no', 'no_such_key'])).toEqual({ line: 6, col: 3 });
    expect(locate(['nothing'])).toEqual({ line: 2, col: 1 });
    expect(locate([])).toEqual({ line: 2, col: 1 });
  });
});

describe('parseSpec outcomes', () => {
  it('returns no spec when a file has errors, but keeps warnings with a spec', () => {
    const withError = parseSpec('method: a.b\nrequest: {}\nresponse: {}\nbogus: 1\n', 'x.yaml');
    expect(withError.spec).toBeUndefined();
    const withWarning = parseSpec('method: a.b\nrequest: { o: { type: object, required: true } }\nresponse: {}\n', 'x.yaml');
    expect(withWarning.spec?.spec.request).toEqual([{ name: 'o', type: 'object', required: true }]);
    expect(withWarning.diagnostics.map((d) => d.severity)).toEqual(['warning']);
  });

  it('accepts an empty request and response (methods without business params)', () => {
    const { spec, diagnostics } = parseSpec('method: a.b.c\nrequest: {}\nresponse: {}\n', 'a.b.c.yaml');
    expect(diagnostics).toEqual([]);
    expect(spec?.spec).toStrictEqual({ method: 'a.b.c', request: [], response: [], errors: [] });
  });
});
