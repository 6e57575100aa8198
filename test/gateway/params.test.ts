/**
 * A method with top-level params (alipay.system.oauth.token) through the committed generated
 * package against the local gateway, and raw calls showing where the gateway reads the params.
 */
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { createAlipayClient, extractResponseNode, type AlipayClient } from '../../generated/dist/runtime/index.js';
import { alipaySystemOauthToken, type AlipaySystemOauthTokenResponse } from '../../generated/dist/methods/alipay.system.oauth.token.js';
import { commonParams, rawCall, seedSpecs, startTestGateway, type TestGateway } from './helpers.js';
import { success } from '../support/results.js';

const TOKEN = 'alipay.system.oauth.token';
let gateway: TestGateway;
let client: AlipayClient;

beforeAll(async () => {
  gateway = await startTestGateway({ specs: await seedSpecs() });
  client = createAlipayClient({ appId: '2021000000000001', privateKey: gateway.keys.appPrivateKey!, alipayPublicKey: gateway.keys.gatewayPublicKeyPem, gateway: gateway.url });
});
afterAll(async () => {
  await gateway?.close();
});

/** A raw call of oauth.token with `params` top level (no biz_content unless given). */
async function tokenCall(params: Record<string, string | undefined>): Promise<Record<string, unknown>> {
  const { biz_content: _none, ...common } = commonParams(TOKEN, {});
  const r = await rawCall(gateway.url, gateway.keys.appPrivateKey!, { ...common, ...params });
  return JSON.parse(extractResponseNode(r.body, TOKEN).raw) as Record<string, unknown>;
}

describe('top-level params against the local gateway', () => {
  it('the generated client exchanges an auth code: typed, signed, verified', async () => {
    const result = success(await alipaySystemOauthToken(client, { grant_type: 'authorization_code', code: '4b203fe6c11548bcabd8da5bb087a83b' }));
    expectTypeOf(result).toEqualTypeOf<AlipaySystemOauthTokenResponse>();
    expect(result.code).toBe('10000');
    expect(result.user_id).toBe('2088102150477652');
    expect(result.access_token).toBe('20120823ac6ffaa4d2d84e7384bf983531473993');
    expect(gateway.logLines.at(-1)).not.toContain('4b203fe6c11548bcabd8da5bb087a83b');
  });

  it('the gateway reads the params from the form, not from biz_content', async () => {
    expect((await tokenCall({ grant_type: 'refresh_token', refresh_token: 'r1' }))['code']).toBe('10000');
    const inBiz = await tokenCall({ biz_content: JSON.stringify({ grant_type: 'authorization_code', code: 'c' }) });
    expect([inBiz['code'], inBiz['sub_code']]).toEqual(['40002', 'isv.missing-parameter']);
    expect(inBiz['sub_msg']).toContain('grant_type');
  });

  it('conditional params and enums are checked by the generated validator', async () => {
    const missing = await tokenCall({ grant_type: 'authorization_code' });
    expect([missing['code'], missing['sub_code']]).toEqual(['40002', 'isv.missing-parameter']);
    expect(missing['sub_msg']).toContain('code: required for this value of grant_type');
    const invalid = await tokenCall({ grant_type: 'password', code: 'c' });
    expect([invalid['code'], invalid['sub_code']]).toEqual(['40002', 'isv.invalid-parameter']);
    expect(invalid['sub_msg']).toContain('grant_type');
  });
});
