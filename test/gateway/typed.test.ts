/**
 * The committed generated package (generated/dist, kept up to date by `alipay-codegen check`),
 * imported statically with its types: both seed methods against the local gateway return typed,
 * verified results, and a documented business error narrows to the method's typed codes.
 */
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { createAlipayClient, type AlipayClient } from '../../generated/dist/runtime/index.js';
import {
  alipayMarketingCardQuery,
  isAlipayMarketingCardQueryError,
  type AlipayMarketingCardQueryResponse,
} from '../../generated/dist/methods/alipay.marketing.card.query.js';
import { koubeiMemberDataIsvCreate } from '../../generated/dist/methods/koubei.member.data.isv.create.js';
import { SCENARIO_HEADER } from '../../generator/gateway/index.js';
import { seedSpecs, startTestGateway, type TestGateway } from './helpers.js';
import { success } from '../support/results.js';

let gateway: TestGateway;
let client: AlipayClient;

beforeAll(async () => {
  gateway = await startTestGateway({ specs: await seedSpecs() });
  client = createAlipayClient({ appId: '2021000000000001', privateKey: gateway.keys.appPrivateKey!, alipayPublicKey: gateway.keys.gatewayPublicKeyPem, gateway: gateway.url });
});
afterAll(async () => {
  await gateway?.close();
});

describe('the generated package, typed, against the local gateway', () => {
  it('alipay.marketing.card.query resolves to its typed response', async () => {
    const result = success(await alipayMarketingCardQuery(client, { target_card_no: '0000001', target_card_no_type: 'BIZ_CARD' }));
    expectTypeOf(result).toEqualTypeOf<AlipayMarketingCardQueryResponse>();
    expectTypeOf(result.card_info.open_date).toBeString();
    expect(result.card_info.open_date).toBe('2014-02-20 21:20:46');
    expect(result.card_info.mdcode_info?.code_status).toBe('SUCCESS');
  });

  it('koubei.member.data.isv.create resolves with code 10000', async () => {
    const result = success(await koubeiMemberDataIsvCreate(client, {
      member_card_id: '2014323100009',
      member_source: 'alipay',
      member_status: '1',
      gmt_merber_card_create: '2017-02-17 20:11:54',
      parter_id: '2088902248579233',
    }));
    expectTypeOf(result.code).toBeString();
    expect(result.code).toBe('10000');
  });

  it('a business error from the gateway narrows to the documented codes', async () => {
    const failing = createAlipayClient({
      appId: '2021000000000001',
      privateKey: gateway.keys.appPrivateKey!,
      alipayPublicKey: gateway.keys.gatewayPublicKeyPem,
      gateway: gateway.url,
      fetch: (url, init) => fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), [SCENARIO_HEADER]: 'business-error:CARD_NOT_EXIT' } }),
    });
    const error: unknown = await alipayMarketingCardQuery(failing, { target_card_no: '1', target_card_no_type: 'BIZ_CARD' }).catch((e: unknown) => e);
    expect(isAlipayMarketingCardQueryError(error)).toBe(true);
    if (isAlipayMarketingCardQueryError(error)) {
      expectTypeOf(error.sub_code).toEqualTypeOf<'INVALID_PARAMETER' | 'SYSTEM_ERROR' | 'CARD_NOT_EXIT' | 'NO_CARD_TYPE'>();
      expect(error.sub_code).toBe('CARD_NOT_EXIT');
    }
  });
});
