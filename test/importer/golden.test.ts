/**
 * Golden tests on the two real doc pages: the whole spec must equal the committed specs/*.yaml,
 * and, so that the golden is not merely circular, specific facts are checked against the doc
 * pages by hand (paths, types, required flags, max lengths, enums, examples).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importDoc } from '../../generator/importer/import-doc.js';
import { renderDoc } from './render.js';
import { dumpSpec } from '../../generator/spec/dump.js';
import type { Field, MethodSpec } from '../../generator/spec/model.js';

const SEEDS = new URL('../../../shared/seeds/', import.meta.url);
const SPECS = new URL('../../specs/', import.meta.url);

function load(method: string): { spec: MethodSpec; text: string } {
  const r = importDoc(readFileSync(new URL(`${method}.txt`, SEEDS), 'utf8'), `${method}.txt`);
  expect(r.diagnostics).toEqual([]);
  return { spec: r.spec!, text: dumpSpec(r.spec!) };
}

/** Every field as `path type required maxLength [enum values]`, `[]` marking array items. */
function facts(fields: readonly Field[], prefix = ''): string[] {
  return fields.flatMap((f) => {
    const path = `${prefix}${f.name}`;
    const en = f.enum ?? f.items?.enum;
    const line = [path, f.type === 'array' ? `${f.items!.type}[]` : f.type, String(f.required), f.maxLength ?? '-', en ? `[${en.map((e) => e.value).join(',')}]` : '']
      .join(' ')
      .trimEnd();
    const children = f.fields ? facts(f.fields, `${path}.`) : f.items?.fields ? facts(f.items.fields, `${path}[].`) : [];
    return [line, ...children];
  });
}

describe('alipay.marketing.card.query', () => {
  const { spec, text } = load('alipay.marketing.card.query');

  it('equals the committed spec byte for byte', () => {
    expect(text).toBe(readFileSync(new URL('alipay.marketing.card.query.yaml', SPECS), 'utf8'));
  });

  it('has the header and every field at its path with its type, required flag, max length and enum', () => {
    expect([spec.method, spec.title, spec.description]).toEqual(['alipay.marketing.card.query', '会员卡查询', '根据卡号或者持卡人信息查询会员卡信息']);
    expect(facts(spec.request)).toEqual([
      'target_card_no string true 32',
      'target_card_no_type string true 64 [BIZ_CARD,D_QR_CODE,D_BAR_CODE]',
      'card_user_info object false -',
      'card_user_info.user_uni_id string true 32',
      'card_user_info.user_uni_id_type string true 32',
      'ext_info string false 1024',
    ]);
    expect(facts(spec.response)).toEqual([
      'card_info object true -',
      'card_info.biz_card_no string false 32',
      'card_info.external_card_no string false 64',
      'card_info.open_date date true 32',
      'card_info.valid_date string true 32',
      'card_info.level string false 64',
      'card_info.point string false 64',
      'card_info.balance string false 64',
      'card_info.template_id string false 32',
      'card_info.mdcode_info object false 1024',
      'card_info.mdcode_info.code_status string true 14 [SUCCESS,FAIL_RETRY,FAIL_NOT_RETRY]',
      'card_info.mdcode_info.code_value string false 128',
      'card_info.mdcode_info.expire_time date false 19',
      'card_info.mdcode_info.time_stamp number true 20',
      'card_info.front_text_list object[] false 1024',
      'card_info.front_text_list[].label string false 4',
      'card_info.front_text_list[].value string false 32',
      'card_info.front_image_id string false 1024',
      'schema_url string true 64',
    ]);
  });

  it('has the models, examples, descriptions and requiredIf of the page', () => {
    const [cardInfo] = spec.response;
    expect(cardInfo!.model).toBe('MerchantCard');
    const byName = (fs: Field[] | undefined, n: string) => fs!.find((f) => f.name === n)!;
    expect(byName(cardInfo!.fields, 'mdcode_info').model).toBe('MdCodeInfoDTO');
    expect(byName(cardInfo!.fields, 'front_text_list').items?.model).toBe('CardFrontTextDTO');
    expect(spec.request[0]).toMatchObject({ description: '操作卡号。\ntarget_card_no为业务卡号,由开卡流程中,支付宝返回的业务卡号', example: '0000001' });
    expect(spec.request[3]).toMatchObject({ description: '扩展信息,暂时没有', example: '""' });
    const md = byName(cardInfo!.fields, 'mdcode_info').fields;
    expect(byName(md, 'time_stamp').example).toBe(1496996459);
    expect(byName(md, 'code_value').requiredIf).toEqual({ field: 'code_status', equals: 'SUCCESS' });
    expect(byName(md, 'expire_time').requiredIf).toEqual({ field: 'code_status', equals: 'SUCCESS' });
    expect(byName(cardInfo!.fields, 'front_image_id').description).toContain('\n\n这里预期展示的是个人照片;');
    expect(spec.errors.map((e) => e.code)).toEqual(['INVALID_PARAMETER', 'SYSTEM_ERROR', 'CARD_NOT_EXIT', 'NO_CARD_TYPE']);
    expect(spec.errors[0]).toEqual({ code: 'INVALID_PARAMETER', description: '参数有误。', solution: '查看message定位问题' });
    expect(spec.examples?.request).toEqual({
      target_card_no: '0000001',
      target_card_no_type: 'BIZ_CARD',
      card_user_info: { user_uni_id: '2088302463082075', user_uni_id_type: 'UID' },
      ext_info: '""',
    });
    expect(spec.examples?.response).toMatchObject({ sign: 'ERITJKEIJKJHKKKKKKKHJEREEEEEEEEEEE', alipay_marketing_card_query_response: { code: '10000' } });
    expect(spec.examples?.error).toMatchObject({ alipay_marketing_card_query_response: { sub_code: 'isp.unknow-error' } });
  });

  it('has no common parameters', () => {
    const names = JSON.stringify([...facts(spec.request), ...facts(spec.response)]);
    for (const common of ['app_id', 'sign', 'biz_content', 'sub_code', '"code ', '"msg ']) expect(names).not.toContain(common);
  });
});

describe('koubei.member.data.isv.create', () => {
  const { spec, text } = load('koubei.member.data.isv.create');

  it('equals the committed spec byte for byte', () => {
    expect(text).toBe(readFileSync(new URL('koubei.member.data.isv.create.yaml', SPECS), 'utf8'));
  });

  it('has every field with exact wire names, types, required flags, max lengths and enums', () => {
    expect([spec.method, spec.title]).toEqual(['koubei.member.data.isv.create', 'isv 会员CRM数据回流']);
    expect(facts(spec.request)).toEqual([
      'member_ship object false -',
      'member_ship.mobile_phone_no string false 64',
      'member_ship.cert_no string false 64',
      'member_ship.bank_card_no string false 64',
      'member_ship.email string false 128',
      'member_ship.mac string false 256',
      'member_card_id string true 128',
      'member_card_type string false 64',
      'member_source string true 64 [weixin,alipay,offline,other]',
      'member_source_desc string false 256',
      'member_status string true 64 [1,0]',
      'outer_member_info object false -',
      'outer_member_info.user_info string true 256',
      'gmt_merber_card_create string true 32',
      'gmt_member_card_last_active string false 32',
      'parter_id string true 64',
      'shop_id string false 64',
    ]);
    expect(spec.response).toEqual([]);
  });

  it('has the examples and enum descriptions of the page', () => {
    const f = (n: string) => spec.request.find((x) => x.name === n)!;
    expect(f('member_status').enum).toEqual([
      { value: '1', description: '生效' },
      { value: '0', description: '失效' },
    ]);
    expect(f('member_source').enum![0]).toEqual({ value: 'weixin', description: '微信' });
    expect(f('member_status').example).toBe('1');
    expect(f('member_card_type')).toMatchObject({ description: '会员卡类型:\n微卡、炫酷卡、儿童卡、璀璨卡、金卡银卡、白金卡等', example: '微卡' });
    expect(f('gmt_merber_card_create')).toMatchObject({ description: '会员卡领取时间(开卡时间),格式:yyyy-MM-dd HH:mm:ss', example: '2017-02-17 20:11:54' });
    expect(f('member_card_id').example).toBe('2014323100009');
    expect(spec.examples?.request).toMatchObject({ member_ship: { cert_no: '339000******111000' }, parter_id: '2088902248579233' });
    expect(spec.errors).toHaveLength(2);
    expect(spec.errors[1]!.solution).toBe('重试或联系技术支持,参考链接:http://support.open.alipay.com/alipay/support/index.htm');
  });
});

describe('render -> import on the seed specs', () => {
  it.each(['alipay.marketing.card.query', 'koubei.member.data.isv.create'])('%s survives a round trip through the doc layout', (method) => {
    const { spec } = load(method);
    const again = importDoc(renderDoc(spec), 'rendered.txt');
    expect(again.diagnostics).toEqual([]);
    expect(again.spec).toEqual(spec);
  });
});
