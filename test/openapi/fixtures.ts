/** Small crafted specs exercising every construct the OpenAPI export maps. */
import type { Field, MethodSpec } from '../../generator/spec/model.js';

const merchantCard = (extra: Field[] = []): Field => ({
  name: 'merchant_card',
  type: 'object',
  model: 'MerchantCard',
  required: true,
  description: '商户卡信息',
  fields: [
    { name: 'balance', type: 'price', required: true, description: '余额', example: '124.00' },
    { name: 'open_date', type: 'date', required: false, example: '2014-02-27 21:12:01' },
    ...extra,
  ],
});

export const cardQuery: MethodSpec = {
  method: 'alipay.marketing.card.query',
  title: '会员卡查询',
  description: '根据卡号或者持卡人信息查询会员卡信息',
  request: [
    {
      name: 'target_card_no',
      type: 'string',
      required: true,
      maxLength: 32,
      description: '操作卡号。 */ still a description',
      example: '0000001',
    },
    {
      name: 'target_card_no_type',
      type: 'string',
      required: true,
      maxLength: 8,
      enum: [
        { value: 'BIZ_CARD', description: '支付宝卡号' },
        { value: 'D_CARD', description: '外部卡号' },
      ],
    },
    { name: 'level', type: 'number', required: false, enum: [{ value: '1', description: '生效' }, { value: '0' }] },
    { name: 'ext_info', type: 'string', required: 'conditional', requiredIf: { field: 'level' } },
    { name: 'ext_reason', type: 'string', required: 'conditional', requiredIf: { field: 'level', equals: '1' } },
    { name: '__proto__', type: 'string', required: true, maxLength: 4 },
    {
      name: 'card_user_info',
      type: 'object',
      model: 'CardUserInfo',
      required: false,
      fields: [
        { name: '__proto__', type: 'boolean', required: true },
        { name: 'user_id', type: 'string', required: true },
      ],
    },
    {
      name: 'front_text_list',
      type: 'array',
      required: false,
      maxLength: 10,
      items: { type: 'object', model: 'CardFrontTextDTO', fields: [{ name: 'label', type: 'string', required: true }] },
    },
    { name: 'tags', type: 'array', required: false, items: { type: 'string', maxLength: 3 } },
  ],
  response: [merchantCard(), { name: 'code', type: 'string', required: false, description: 'business code' }],
  errors: [{ code: 'CARD_NOT_EXIT', description: '会员卡不存在 | 注意', solution: '确认卡信息' }],
  examples: {
    request: { target_card_no: '0000001', target_card_no_type: 'BIZ_CARD' },
    response: { alipay_marketing_card_query_response: { code: '10000', msg: 'Success' }, sign: 'x' },
    error: { alipay_marketing_card_query_response: { code: '40004', msg: 'Business Failed' }, sign: 'x' },
  },
};

/** Same MerchantCard as cardQuery (shared component) plus a different CardUserInfo (qualified name). */
export const memberCreate: MethodSpec = {
  method: 'koubei.member.data.isv.create',
  title: 'isv 会员入驻',
  deprecated: '已下线',
  request: [
    {
      name: 'card_user_info',
      type: 'object',
      model: 'CardUserInfo',
      required: true,
      fields: [{ name: 'user_uni_id', type: 'string', required: true }],
    },
  ],
  response: [merchantCard()],
  errors: [],
};

/** No business params at all (common in the catalogue). */
export const noParams: MethodSpec = {
  method: 'alipay.open.public.info.query',
  request: [],
  response: [{ name: 'app_name', type: 'string', required: false }],
  errors: [],
};

/** Top-level form params only (no biz_content), like alipay.system.oauth.token. */
export const oauthToken: MethodSpec = {
  method: 'alipay.system.oauth.token',
  request: [],
  params: [
    { name: 'grant_type', type: 'string', required: true, enum: [{ value: 'authorization_code' }, { value: 'refresh_token' }] },
    { name: 'code', type: 'string', required: false, maxLength: 40 },
  ],
  response: [{ name: 'user_id', type: 'string', required: false }],
  errors: [],
  examples: { params: { grant_type: 'authorization_code', code: '4b203fe6c11548bcabd8da5bb087a83b' } },
};

export const allSpecs = [cardQuery, memberCreate, noParams, oauthToken];
