/**
 * End-to-end flows of the committed package (generated/, from specs/) against the local gateway
 * serving specs/ on 127.0.0.1, with no hand-written protocol code: a fund transfer in certificate
 * mode then its query, an AES-encrypted call, and an auth code exchanged for a token that then reads
 * the user's info. alipay-sdk (the official client) talks to the same cert-mode gateway.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { AlipaySdk } from 'alipay-sdk';
import {
  AlipayApiError,
  aesDecrypt,
  createAlipayClient,
  invokeResult,
  type AlipayClient,
  type AlipayClientConfig,
  type FetchLike,
} from '../../generated/dist/runtime/index.js';
import { alipayFundTransUniTransferOperation } from '../../generated/dist/methods/alipay.fund.trans.uni.transfer.js';
import { alipayFundTransCommonQueryOperation } from '../../generated/dist/methods/alipay.fund.trans.common.query.js';
import { alipaySystemOauthTokenOperation } from '../../generated/dist/methods/alipay.system.oauth.token.js';
import { alipayUserInfoShareOperation } from '../../generated/dist/methods/alipay.user.info.share.js';
import { alipayTradeQueryOperation } from '../../generated/dist/methods/alipay.trade.query.js';
import { ROOT, startTestGateway, type TestGateway } from './helpers.js';

const SPECS_DIR = join(ROOT, 'specs');
const APP_ID = '2021000000000001';
const AES_KEY = 'aYA0GP8JEW+D7/UFaskCWA==';

/** What went over the wire: every request's params and every answer's body. */
interface Wire {
  readonly params: Record<string, string>[];
  readonly answers: string[];
}

function recording(): { fetch: FetchLike; wire: Wire } {
  const wire: Wire = { params: [], answers: [] };
  const fetchImpl: FetchLike = async (url, init) => {
    wire.params.push({ ...Object.fromEntries(new URL(url).searchParams), ...Object.fromEntries(new URLSearchParams(String(init.body))) });
    const response = await fetch(url, init);
    wire.answers.push(await response.clone().text());
    return response;
  };
  return { fetch: fetchImpl, wire };
}

const TRANSFER = {
  out_biz_no: '201806300001',
  trans_amount: '23.00',
  product_code: 'TRANS_ACCOUNT_NO_PWD',
  biz_scene: 'DIRECT_TRANSFER',
  order_title: '201905代发',
  payee_info: { identity: '2088123412341234', identity_type: 'ALIPAY_USER_ID' },
  remark: '201905代发',
};

describe('certificate mode', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ specsDir: SPECS_DIR, certMode: true });
  });
  afterAll(async () => {
    await gateway?.close();
  });

  function certClient(fetchImpl: FetchLike): AlipayClient {
    const files = gateway.keys.certs!.files;
    return createAlipayClient({
      appId: APP_ID,
      privateKey: gateway.keys.appPrivateKey!,
      certs: { appCert: files.appCert, alipayCert: files.alipayCert, alipayRootCert: files.alipayRootCert },
      gateway: gateway.url,
      validateResponse: true,
      fetch: fetchImpl,
    });
  }

  it('transfers funds, then queries the transfer', async () => {
    const { fetch: fetchImpl, wire } = recording();
    const client = certClient(fetchImpl);
    const transfer = await invokeResult(client, alipayFundTransUniTransferOperation, TRANSFER, { idempotencyKey: 'out_biz_no' });
    expect(transfer.status).toBe('success');
    const query = await invokeResult(client, alipayFundTransCommonQueryOperation, {
      out_biz_no: TRANSFER.out_biz_no,
      product_code: TRANSFER.product_code,
      biz_scene: TRANSFER.biz_scene,
    });
    expect(query.status).toBe('success');
    expect(query.response.code).toBe('10000');
    const certs = gateway.keys.certs!;
    for (const params of wire.params) {
      expect(params.app_cert_sn).toBe(certs.appCertSn);
      expect(params.alipay_root_cert_sn).toBe(certs.rootCertSn);
    }
    for (const answer of wire.answers) expect(JSON.parse(answer).alipay_cert_sn).toBe(certs.alipayCertSn);
    expect(gateway.logLines.some((l) => l.includes('alipay.fund.trans.uni.transfer') && l.includes('10000'))).toBe(true);
  });

  it('refuses requests without the serials it issued', async () => {
    const publicKeyClient = createAlipayClient({
      appId: APP_ID,
      privateKey: gateway.keys.appPrivateKey!,
      alipayPublicKey: gateway.keys.gatewayPublicKeyPem,
      gateway: gateway.url,
    });
    const missing = await invokeResult(publicKeyClient, alipayFundTransCommonQueryOperation, { order_id: '1' }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(AlipayApiError);
    expect((missing as AlipayApiError).sub_code).toBe('isv.missing-app-cert-sn');
    const certs = gateway.keys.certs!;
    const otherRoot = createAlipayClient({
      appId: APP_ID,
      privateKey: gateway.keys.appPrivateKey!,
      // The Alipay certificate stands in as a root bundle of its own: another root SN.
      certs: { appCert: certs.appCertPem, alipayCert: certs.alipayCertPem, alipayRootCert: certs.alipayCertPem },
      gateway: gateway.url,
    });
    const wrongRoot = await invokeResult(otherRoot, alipayFundTransCommonQueryOperation, { order_id: '1' }).catch((e: unknown) => e);
    expect((wrongRoot as AlipayApiError).sub_code).toBe('isv.invalid-alipay-root-cert-sn');
    expect((wrongRoot as AlipayApiError).signed).toBe(true);
  });

  it('serves alipay-sdk in certificate mode (its serials, its signature check)', async () => {
    const certs = gateway.keys.certs!;
    const sdk = new AlipaySdk({
      appId: APP_ID,
      privateKey: gateway.keys.appPrivateKey!.export({ type: 'pkcs1', format: 'pem' }) as string,
      appCertContent: certs.appCertPem,
      alipayPublicCertContent: certs.alipayCertPem,
      alipayRootCertContent: certs.alipayRootCertPem,
      gateway: gateway.url,
    });
    const result = await sdk.exec('alipay.fund.trans.common.query', { bizContent: { order_id: '20190801110070000006380000250621' } }, { validateSign: true });
    expect(result.code).toBe('10000');
  });
});

describe('AES content encryption', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ specsDir: SPECS_DIR, aesKey: AES_KEY });
  });
  afterAll(async () => {
    await gateway?.close();
  });

  function aesClient(fetchImpl: FetchLike, aesKey = AES_KEY): AlipayClient {
    return createAlipayClient({
      appId: APP_ID,
      privateKey: gateway.keys.appPrivateKey!,
      alipayPublicKey: gateway.keys.gatewayPublicKeyPem,
      gateway: gateway.url,
      validateResponse: true,
      aesKey,
      fetch: fetchImpl,
    } as AlipayClientConfig);
  }

  it('sends biz_content encrypted and reads the encrypted, signed answer', async () => {
    const { fetch: fetchImpl, wire } = recording();
    const result = await invokeResult(aesClient(fetchImpl), alipayTradeQueryOperation, { out_trade_no: '20150320010101001' });
    expect(result.status).toBe('success');
    expect(result.response.trade_no).toBeTypeOf('string');
    const sent = wire.params[0]!;
    expect(sent.encrypt_type).toBe('AES');
    expect(JSON.parse(aesDecrypt(sent.biz_content!, AES_KEY))).toEqual({ out_trade_no: '20150320010101001' });
    const node = JSON.parse(wire.answers[0]!).alipay_trade_query_response;
    expect(typeof node).toBe('string');
    expect(JSON.parse(aesDecrypt(node, AES_KEY))).toEqual(result.response);
  });

  it('refuses a request it cannot decrypt', async () => {
    const { fetch: fetchImpl } = recording();
    const wrongKey = Buffer.alloc(16, 3).toString('base64');
    const error = await invokeResult(aesClient(fetchImpl, wrongKey), alipayTradeQueryOperation, { out_trade_no: '1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlipayApiError);
    expect((error as AlipayApiError).sub_code).toBe('isv.decryption-error-unknown');
  });
});

describe('user authorisation', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ specsDir: SPECS_DIR });
  });
  afterAll(async () => {
    await gateway?.close();
  });

  it('exchanges an auth code for a token, then reads the user info with it', async () => {
    const { fetch: fetchImpl, wire } = recording();
    const client = createAlipayClient({
      appId: APP_ID,
      privateKey: gateway.keys.appPrivateKey!,
      alipayPublicKey: gateway.keys.gatewayPublicKeyPem,
      gateway: gateway.url,
      validateResponse: true,
      fetch: fetchImpl,
    });
    const token = await invokeResult(client, alipaySystemOauthTokenOperation, { grant_type: 'authorization_code', code: '4b203fe6c11548bcabd8da5bb087a83b' });
    expect(token.status).toBe('success');
    const accessToken = token.response.access_token;
    expect(accessToken).toBeTypeOf('string');
    const info = await invokeResult(client, alipayUserInfoShareOperation, {}, { authToken: accessToken });
    expect(info.status).toBe('success');
    expect(wire.params[0]).toMatchObject({ grant_type: 'authorization_code', code: '4b203fe6c11548bcabd8da5bb087a83b' });
    expect(wire.params[1]!.auth_token).toBe(accessToken);
    expect(wire.params[1]!.method).toBe('alipay.user.info.share');
  });
});
