/**
 * The official Node SDK (alipay-sdk) as an independent client of the local gateway, with response
 * signature verification on: its signing is accepted and our answers verify in it. It sends host
 * local time, no `format`, and converts biz_content keys to snake_case; the gateway must accept it
 * as the real one does. The keys are ours, passed to the gateway (no key created by it).
 */
import { generateKeyPairSync } from 'node:crypto';
import { AlipaySdk } from 'alipay-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodSpec } from '../../generator/spec/model.js';
import { CARD_QUERY, MEMBER_CREATE, exampleRequest, seedSpecs, startTestGateway, type TestGateway } from './helpers.js';

let specs: MethodSpec[];
let gateway: TestGateway;
let sdk: AlipaySdk;
let makeSdk: (appId: string) => AlipaySdk;

beforeAll(async () => {
  specs = await seedSpecs();
  const app = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const alipay = generateKeyPairSync('rsa', { modulusLength: 2048 });
  gateway = await startTestGateway({ specs, appPublicKey: app.publicKey, gatewayPrivateKey: alipay.privateKey, appId: '2021000000000002' });
  makeSdk = (appId) =>
    new AlipaySdk({
      appId,
      privateKey: app.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string,
      alipayPublicKey: alipay.publicKey.export({ type: 'spki', format: 'pem' }) as string,
      gateway: gateway.url,
      camelcase: false,
    });
  sdk = makeSdk('2021000000000002');
});
afterAll(async () => {
  await gateway?.close();
});

describe('alipay-sdk against the local gateway (validateSign on)', () => {
  it('the gateway created no keys: both were passed in', () => {
    expect(gateway.keys.dir).toBeUndefined();
    expect(gateway.keys.appPrivateKeyFile).toBeUndefined();
  });

  it('calls alipay.marketing.card.query and succeeds', async () => {
    const result = (await sdk.exec(CARD_QUERY, { bizContent: exampleRequest(specs, CARD_QUERY) }, { validateSign: true })) as Record<string, any>;
    expect(result['code']).toBe('10000');
    expect(result['schema_url']).toBe('alipays://platformapi/startapp?appId=20000021&b=m&p=111');
    expect(result['card_info']['mdcode_info']['code_status']).toBe('SUCCESS');
  });

  it('calls koubei.member.data.isv.create and succeeds', async () => {
    const request = { ...exampleRequest(specs, MEMBER_CREATE), gmt_merber_card_create: '2017-02-17 20:11:54', gmt_member_card_last_active: '2017-02-17 20:11:54' };
    const result = (await sdk.exec(MEMBER_CREATE, { bizContent: request }, { validateSign: true })) as Record<string, any>;
    expect(result).toMatchObject({ code: '10000', msg: 'Success' });
  });

  it('gets the business refusal, verified, when a required field is missing', async () => {
    const request = exampleRequest(specs, CARD_QUERY);
    delete request['target_card_no_type'];
    const result = (await sdk.exec(CARD_QUERY, { bizContent: request }, { validateSign: true })) as Record<string, any>;
    expect([result['code'], result['sub_code']]).toEqual(['40004', 'INVALID_PARAMETER']);
    expect(result['sub_msg']).toContain('target_card_no_type');
  });

  it('an unknown app_id is refused in an unsigned error_response', async () => {
    const result = (await makeSdk('2021000000000003').exec(CARD_QUERY, { bizContent: exampleRequest(specs, CARD_QUERY) })) as Record<string, any>;
    expect([result['code'], result['sub_code']]).toEqual(['40002', 'isv.invalid-app-id']);
  });

  it('every request was answered by the gateway and logged', () => {
    expect(gateway.stats().requests).toBe(4);
    expect(gateway.stats().results).toMatchObject({ '10000': 2, '40004/INVALID_PARAMETER': 1, '40002/isv.invalid-app-id': 1 });
  });
});
