import { validate, compileErrors } from '@readme/openapi-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { renderOpenApi } from '../../generator/openapi/document.js';
import { allSpecs } from './fixtures.js';

type Json = Record<string, any>;
const text = renderOpenApi(allSpecs);
const doc = JSON.parse(text) as Json;
const schemas = doc.components.schemas as Json;

/** A standalone JSON Schema for one component: the component plus every component as $defs. */
function standalone(name: string): Json {
  const rewritten = JSON.parse(text.replaceAll('#/components/schemas/', '#/$defs/')) as Json;
  return { ...rewritten.components.schemas[name], $defs: rewritten.components.schemas };
}

function requestValidator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  return ajv.compile(standalone('AlipayMarketingCardQueryRequest'));
}

/** A valid request plus `extra`, with `__proto__` as an own property (an object literal would set the prototype). */
function payload(extra: Json = {}, proto: unknown = 'abcd'): Json {
  const out: Json = { target_card_no: '0000001', target_card_no_type: 'BIZ_CARD', ...extra };
  Object.defineProperty(out, '__proto__', { value: proto, enumerable: true });
  return out;
}

describe('OpenAPI export', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await validate(JSON.parse(text));
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('has one POST operation per method, keyed by the method name', () => {
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/alipay.marketing.card.query',
      '/alipay.open.public.info.query',
      '/alipay.system.oauth.token',
      '/koubei.member.data.isv.create',
    ]);
    const op = doc.paths['/alipay.marketing.card.query'].post;
    expect(op.operationId).toBe('alipay.marketing.card.query');
    expect(op.summary).toBe('会员卡查询');
    expect(op.parameters[0].schema.const).toBe('alipay.marketing.card.query');
    expect(op['x-alipay-error-codes'][0].code).toBe('CARD_NOT_EXIT');
    expect(op.description).toContain('| CARD_NOT_EXIT | 会员卡不存在 \\| 注意 | 确认卡信息 |');
    const form = op.requestBody.content['application/x-www-form-urlencoded'];
    expect(form.encoding.biz_content.contentType).toBe('application/json');
    expect(form.examples.doc.value.biz_content.target_card_no).toBe('0000001');
    const body = op.responses['200'].content['application/json'];
    expect(Object.keys(body.schema.properties)).toEqual(['alipay_marketing_card_query_response', 'error_response', 'sign']);
    expect(body.examples.error.value.alipay_marketing_card_query_response.code).toBe('40004');
    expect(doc.paths['/koubei.member.data.isv.create'].post.deprecated).toBe(true);
    expect(doc.paths['/alipay.open.public.info.query'].post.requestBody).toBeUndefined();
  });

  it('puts top-level params beside biz_content in the form body', () => {
    const body = doc.paths['/alipay.system.oauth.token'].post.requestBody;
    const form = body.content['application/x-www-form-urlencoded'];
    expect(Object.keys(form.schema.properties)).toEqual(['grant_type', 'code']);
    expect(form.schema.required).toEqual(['grant_type']);
    expect(form.schema.properties.grant_type.enum).toEqual(['authorization_code', 'refresh_token']);
    expect(form.schema.properties.code.maxLength).toBe(40);
    expect(form.encoding).toBeUndefined();
    expect(form.examples.doc.value).toEqual({ grant_type: 'authorization_code', code: '4b203fe6c11548bcabd8da5bb087a83b' });
    expect(body.required).toBe(true);
    const card = doc.paths['/alipay.marketing.card.query'].post.requestBody.content['application/x-www-form-urlencoded'];
    expect(Object.keys(card.schema.properties)).toEqual(['biz_content']);
  });

  it('describes the gateway and signing conventions', () => {
    expect(doc.info.description).toContain('POST https://openapi.alipay.com/gateway.do');
    expect(doc.info.description).toContain('biz_content');
    expect(doc.info.description).toContain('SHA256withRSA');
  });

  it('maps required, maxLength, enum with descriptions, formats and examples', () => {
    const req = schemas.AlipayMarketingCardQueryRequest;
    expect(req.required).toEqual(['target_card_no', 'target_card_no_type', '__proto__']);
    expect(req.properties.target_card_no).toMatchObject({ type: 'string', maxLength: 32, examples: ['0000001'] });
    expect(req.properties.target_card_no.description).toBe('操作卡号。 */ still a description');
    expect(req.properties.target_card_no_type.enum).toEqual(['BIZ_CARD', 'D_CARD']);
    expect(req.properties.target_card_no_type['x-enum-descriptions']).toEqual(['支付宝卡号', '外部卡号']);
    expect(req.properties.level.enum).toEqual([1, 0]);
    expect(req.properties.level['x-enum-descriptions']).toEqual(['生效', '']);
    expect(req.properties.ext_info['x-alipay-required']).toBe('conditional');
    expect(req.properties.front_text_list['x-alipay-max-length']).toBe(10);
    expect(req.properties.tags.items).toEqual({ type: 'string', maxLength: 3 });
    const card = schemas.MerchantCard;
    expect(card.properties.balance['x-alipay-type']).toBe('price');
    expect(card.properties.open_date.pattern).toBeDefined();
  });

  it('keeps __proto__ wire names as plain properties', () => {
    const req = schemas.AlipayMarketingCardQueryRequest;
    expect(Object.hasOwn(req.properties, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(req.properties)).toBe(Object.prototype);
    expect(req.properties['__proto__']).toEqual({ type: 'string', maxLength: 4 });
    expect(text).toContain('"__proto__": {');
  });

  it('shares identical models and qualifies same-named different ones', () => {
    const names = Object.keys(schemas);
    expect(names.filter((n) => n.startsWith('MerchantCard'))).toEqual(['MerchantCard']);
    expect(names.filter((n) => n.startsWith('CardUserInfo')).sort()).toEqual([
      'CardUserInfo_AlipayMarketingCardQuery',
      'CardUserInfo_KoubeiMemberDataIsvCreate',
    ]);
    expect(schemas.KoubeiMemberDataIsvCreateResponse.properties.merchant_card.$ref).toBe('#/components/schemas/MerchantCard');
    expect(schemas.AlipayMarketingCardQueryResponse.properties.code.description).toBe('business code');
  });

  it('does not depend on input order', () => {
    expect(renderOpenApi([...allSpecs].reverse())).toBe(text);
  });

  it('rejects duplicate methods', () => {
    expect(() => renderOpenApi([allSpecs[0]!, allSpecs[0]!])).toThrow(/duplicate method alipay.marketing.card.query/);
  });

  it('request schemas mean what the spec says (checked with ajv)', () => {
    const check = requestValidator();
    expect(check(payload())).toBe(true);
    const missing = payload();
    delete missing.target_card_no;
    expect(check(missing)).toBe(false);
    expect(check(payload({ target_card_no: 'x'.repeat(33) }))).toBe(false);
    expect(check(payload({ target_card_no_type: 'OTHER' }))).toBe(false);
    // ext_info is required once level is present, ext_reason once level is 1.
    expect(check(payload({ level: 0 }))).toBe(false);
    expect(check(payload({ level: 0, ext_info: 'x' }))).toBe(true);
    expect(check(payload({ level: 1, ext_info: 'x' }))).toBe(false);
    expect(check(payload({ level: 1, ext_info: 'x', ext_reason: 'y' }))).toBe(true);
    expect(check(payload({ card_user_info: {} }))).toBe(false);
    expect(check(payload({ front_text_list: [{ label: 'a' }, {}] }))).toBe(false);
  });
});
