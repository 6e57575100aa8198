/**
 * The two seed methods: targeted assertions on the generated module (what was checked by hand against
 * the doc pages), and the generated validators run on the docs' own examples and mutations. The whole
 * module text is compared with the committed generated/ by `alipay-codegen check` (committed.test.ts).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MethodSpec } from '../../generator/spec/model.js';
import { generateFiles, seedSpecs, writeFiles } from './helpers/generated.js';
import { importBuilt, summary, type ValidatorFn } from './helpers/load-module.js';

const CARD = 'alipay.marketing.card.query';
const KOUBEI = 'koubei.member.data.isv.create';

let specs: Map<string, MethodSpec>;
let files: Map<string, string>;
let dir: string;

beforeAll(async () => {
  specs = new Map((await seedSpecs()).map((s) => [s.method, s]));
  files = await generateFiles([...specs.values()]);
  dir = await mkdtemp(join(tmpdir(), 'alipay-seeds-'));
  await writeFiles(dir, files);
});

const clone = <T>(v: T): T => structuredClone(v);

describe('generated module for alipay.marketing.card.query', () => {
  const text = () => files.get(`src/methods/${CARD}.ts`)!;

  it('declares models by their doc names, wire property names and the prefixed public names', () => {
    for (const decl of [
      'export interface MerchantCard {',
      'export interface CardUserInfo {',
      'export interface MdCodeInfoDTO {',
      'export interface CardFrontTextDTO {',
      'export interface AlipayMarketingCardQueryRequest {',
      'export interface AlipayMarketingCardQueryResponse extends ResponseBase {',
      'export type AlipayMarketingCardQueryErrorCode = "INVALID_PARAMETER" | "SYSTEM_ERROR" | "CARD_NOT_EXIT" | "NO_CARD_TYPE";',
      'export type TargetCardNoType = "BIZ_CARD" | "D_QR_CODE" | "D_BAR_CODE";',
      'export const TargetCardNoType = {',
      'export function validateAlipayMarketingCardQueryRequest(value: unknown): ValidationIssue[] {',
      'export function validateAlipayMarketingCardQueryResponse(value: unknown): ValidationIssue[] {',
      'export const alipayMarketingCardQueryOperation: Operation<AlipayMarketingCardQueryRequest, AlipayMarketingCardQueryResponse, AlipayMarketingCardQueryErrorCode> = {',
      'export function alipayMarketingCardQuery(client: AlipayClient, request: AlipayMarketingCardQueryRequest, options?: CallOptions): Promise<CallResult<AlipayMarketingCardQueryResponse>> {',
      'export function isAlipayMarketingCardQueryError(error: unknown)',
    ]) {
      expect(text()).toContain(decl);
    }
    expect(text()).toMatch(/\n {2}target_card_no: string;/);
    expect(text()).toMatch(/\n {2}card_user_info\?: CardUserInfo;/);
    expect(text()).toMatch(/\n {2}front_text_list\?: CardFrontTextDTO\[\];/);
    expect(text()).not.toMatch(/\benum\s+\w+\s*\{/);
  });

  it('carries the doc on each property: description, max length, enum meanings, example', () => {
    const doc = text().split('target_card_no_type: TargetCardNoType;')[0]!.split('/**').pop()!;
    expect(doc).toContain('卡号ID类型');
    expect(doc).toContain('Max length: 64.');
    expect(doc).toContain('- `D_QR_CODE`: 动态二维码(业务卡号对应的)');
    expect(doc).toContain('@example BIZ_CARD');
    const codeValue = text().split('code_value?: string;')[0]!.split('/**').pop()!;
    expect(codeValue).toContain('Required when `code_status` is `SUCCESS`.');
  });
});

describe('validators on the seeds', () => {
  let card: { req: ValidatorFn; res: ValidatorFn };
  let koubei: { req: ValidatorFn; res: ValidatorFn };
  beforeAll(async () => {
    const c = await importBuilt<Record<string, ValidatorFn>>(dir, `methods/${CARD}.js`);
    const k = await importBuilt<Record<string, ValidatorFn>>(dir, `methods/${KOUBEI}.js`);
    card = { req: c.validateAlipayMarketingCardQueryRequest!, res: c.validateAlipayMarketingCardQueryResponse! };
    koubei = { req: k.validateKoubeiMemberDataIsvCreateRequest!, res: k.validateKoubeiMemberDataIsvCreateResponse! };
  });

  const cardRequest = () => clone(specs.get(CARD)!.examples!.request) as Record<string, any>;
  const cardResponse = () =>
    clone((specs.get(CARD)!.examples!.response as Record<string, unknown>)['alipay_marketing_card_query_response']) as Record<string, any>;
  const koubeiRequest = () => clone(specs.get(KOUBEI)!.examples!.request) as Record<string, any>;

  it("accepts the docs' own examples", () => {
    expect(card.req(cardRequest())).toEqual([]);
    expect(card.res(cardResponse())).toEqual([]);
    expect(koubei.req(koubeiRequest())).toEqual([]);
    const kres = (specs.get(KOUBEI)!.examples!.response as Record<string, unknown>)['koubei_member_data_isv_create_response'];
    expect(koubei.res(kres)).toEqual([]);
  });

  it('reports each kind of request mutation with its exact path', () => {
    const cases: [string, (r: Record<string, any>) => void, string][] = [
      ['missing required', (r) => delete r.target_card_no, 'target_card_no: required'],
      ['wrong type', (r) => (r.target_card_no = 1), 'target_card_no: type'],
      ['too long', (r) => (r.target_card_no = '1'.repeat(33)), 'target_card_no: maxLength'],
      ['bad enum', (r) => (r.target_card_no_type = 'BIZ_CARDS'), 'target_card_no_type: enum'],
      ['nested missing', (r) => delete r.card_user_info.user_uni_id, 'card_user_info.user_uni_id: required'],
      ['nested not an object', (r) => (r.card_user_info = []), 'card_user_info: type'],
      ['misspelt field', (r) => (r.target_card_number = 'x'), 'target_card_number: unknown'],
      ['null is not a value', (r) => (r.ext_info = null), 'ext_info: type'],
    ];
    for (const [, mutate, expected] of cases) {
      const r = cardRequest();
      mutate(r);
      expect(summary(card.req(r))).toEqual([expected]);
    }
    expect(summary(card.req('x'))).toEqual([': type']);
  });

  it('reports every problem at once, never echoing the value', () => {
    const r = cardRequest();
    r.target_card_no = 'SECRET-0123456789-0123456789-0123456789';
    r.target_card_no_type = 'SECRET';
    delete r.card_user_info.user_uni_id_type;
    const issues = card.req(r);
    expect(summary(issues)).toEqual([
      'target_card_no: maxLength',
      'target_card_no_type: enum',
      'card_user_info.user_uni_id_type: required',
    ]);
    expect(JSON.stringify(issues)).not.toContain('SECRET');
  });

  it('reports response mutations in nested objects and array items, incl. dates and conditional fields', () => {
    const cases: [(r: Record<string, any>) => void, string[]][] = [
      [(r) => (r.card_info.open_date = '2014-02-20'), ['card_info.open_date: format']],
      [(r) => (r.card_info.front_text_list[0].label = '12345'), ['card_info.front_text_list[0].label: maxLength']],
      [(r) => r.card_info.front_text_list.push(7), ['card_info.front_text_list[1]: type']],
      [(r) => (r.card_info.front_text_list = {}), ['card_info.front_text_list: type']],
      [(r) => (r.card_info.mdcode_info.time_stamp = '1496996459'), ['card_info.mdcode_info.time_stamp: type']],
      [(r) => (r.card_info.mdcode_info.code_status = 'OK'), ['card_info.mdcode_info.code_status: enum']],
      [(r) => delete r.card_info.mdcode_info.code_value, ['card_info.mdcode_info.code_value: required']],
      [(r) => delete r.card_info, ['card_info: required']],
      // Undocumented response fields are allowed (the gateway adds fields over time).
      [(r) => (r.card_info.new_field = 1), []],
    ];
    for (const [mutate, expected] of cases) {
      const r = cardResponse();
      mutate(r);
      expect(summary(card.res(r))).toEqual(expected);
    }
    const r = cardResponse();
    r.card_info.mdcode_info.code_status = 'FAIL_RETRY';
    delete r.card_info.mdcode_info.code_value;
    expect(card.res(r)).toEqual([]);
  });

  it('koubei: enums from numbered lists, nested required, max length', () => {
    const cases: [(r: Record<string, any>) => void, string[]][] = [
      [(r) => (r.member_source = 'wechat'), ['member_source: enum']],
      [(r) => (r.member_status = 1), ['member_status: type']],
      [(r) => (r.member_ship.email = 'a'.repeat(129)), ['member_ship.email: maxLength']],
      [(r) => (r.outer_member_info = {}), ['outer_member_info.user_info: required']],
      [(r) => delete r.parter_id, ['parter_id: required']],
      [(r) => (r.partner_id = r.parter_id), ['partner_id: unknown']],
    ];
    for (const [mutate, expected] of cases) {
      const r = koubeiRequest();
      mutate(r);
      expect(summary(koubei.req(r))).toEqual(expected);
    }
  });
});
