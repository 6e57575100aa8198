/**
 * Interoperability with the official Node SDK (alipay-sdk, devDependency): same string to sign and
 * signature for the same params, key and timestamp; gateway-signed responses accepted by both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AlipaySdk } from 'alipay-sdk';
import {
  AlipaySignatureError,
  buildSignContent,
  buildSignedRequest,
  checkResponseSignature,
  extractResponseNode,
  loadPrivateKey,
  loadPublicKey,
  responseNodeKey,
  verifyContent,
} from '../../templates/runtime/index.js';
import { readVectorFile, vectors } from './helpers.js';
import { gatewayBody, rsaKeyPair, startTestGateway, type TestGateway } from './test-gateway.js';

type OfficialSign = (method: string, params: Record<string, unknown>, config: Record<string, unknown>) => Record<string, string>;

// The SDK's `sign` util is not in its package exports; load the file it ships (same code exec() uses).
const sdkDir = dirname(createRequire(import.meta.url).resolve('alipay-sdk/package.json'));
const { sign: officialSign } = (await import(pathToFileURL(join(sdkDir, 'dist/esm/util.js')).href)) as { sign: OfficialSign };

const APP_ID = '2021000122671080';
const TIMESTAMP = '2024-05-13 17:49:20';
const BIZ = { out_trade_no: '20150320010101001', total_amount: '88.88', subject: 'Iphone6 16G 中文' };
const appPem = readVectorFile('keys/app-private-key.pem');
const appKey = loadPrivateKey(appPem);
const gatewayKeys = rsaKeyPair();
const gatewayPublicPem = gatewayKeys.publicKey.export({ format: 'pem', type: 'spki' }) as string;

/** Our params for the same call, in the shape invoke() builds them. */
function ourParams(method: string, signType: 'RSA2' | 'RSA'): Record<string, string> {
  return {
    app_id: APP_ID,
    method,
    charset: 'utf-8',
    sign_type: signType,
    timestamp: TIMESTAMP,
    version: '1.0',
    notify_url: 'https://example.com/notify',
    biz_content: JSON.stringify(BIZ),
  };
}

describe('request signing matches alipay-sdk', () => {
  for (const signType of ['RSA2', 'RSA'] as const) {
    it(`${signType}: same string to sign and signature as the SDK's sign()`, () => {
      const official = officialSign(
        'alipay.trade.precreate',
        { bizContent: BIZ, timestamp: TIMESTAMP, notifyUrl: 'https://example.com/notify' },
        { appId: APP_ID, privateKey: appPem, charset: 'utf-8', version: '1.0', signType },
      );
      const { sign: officialSignature, ...sent } = official;
      const ours = buildSignedRequest('https://openapi.alipay.com/gateway.do', ourParams('alipay.trade.precreate', signType), appKey, signType);
      expect(buildSignContent(sent)).toBe(ours.signContent);
      expect(ours.sign).toBe(officialSignature);
      // And both equal the known-answer vector for this exact call.
      const vector = vectors.request_signing.find((v) => v.signType === signType && v.params === undefined)!;
      expect(ours.signContent).toBe(vector.stringToSign);
      expect(officialSignature).toBe(vector.signature);
    });
  }
});

describe('against a local gateway', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(async () => {
    await gw.close();
  });

  it('the SDK request carries the signature we compute, split the same way; our signed response passes its validateSign', async () => {
    const success = { code: '10000', msg: 'Success', out_trade_no: BIZ.out_trade_no, qr_code: 'https://qr.alipay.com/bax03431ljhokirwl38f00a7' };
    gw.setHandler((_req, res) => res.end(gatewayBody('alipay_trade_precreate_response', success, gatewayKeys.privateKey)));
    const sdk = new AlipaySdk({ appId: APP_ID, privateKey: appPem, alipayPublicKey: gatewayPublicPem, gateway: gw.url, camelcase: false });
    const result = await sdk.exec('alipay.trade.precreate', { bizContent: BIZ, timestamp: TIMESTAMP, notify_url: 'https://example.com/notify' }, { validateSign: true });
    expect(result).toMatchObject(success);

    const req = gw.requests.at(-1)!;
    const sdkQuery = Object.fromEntries(req.url.searchParams);
    const sdkBody = Object.fromEntries(new URLSearchParams(req.body));
    const { sign: sdkSignature, ...sdkSent } = { ...sdkQuery, ...sdkBody };
    const ours = buildSignedRequest(gw.url, sdkSent, appKey, 'RSA2');
    expect(ours.sign).toBe(sdkSignature);
    // Same params, same split: protocol params and sign in the query, biz_content in the body.
    const { sign: _ourSign, ...oursQuery } = Object.fromEntries(new URL(ours.url).searchParams);
    const { sign: _sdkSign, ...sdkQueryUnsigned } = sdkQuery;
    expect(oursQuery).toEqual(sdkQueryUnsigned);
    expect(Object.fromEntries(new URLSearchParams(ours.body))).toEqual(sdkBody);
    expect(Object.keys(sdkBody)).toEqual(['biz_content']);
  });

  it('a tampered response is rejected by the SDK and by us', async () => {
    const body = gatewayBody('alipay_trade_precreate_response', { code: '10000', msg: 'Success', qr_code: 'https://qr.alipay.com/x' }, gatewayKeys.privateKey).replace('qr.alipay.com', 'qr.evil.example');
    gw.setHandler((_req, res) => res.end(body));
    const sdk = new AlipaySdk({ appId: APP_ID, privateKey: appPem, alipayPublicKey: gatewayPublicPem, gateway: gw.url });
    await expect(sdk.exec('alipay.trade.precreate', { bizContent: BIZ }, { validateSign: true })).rejects.toThrow(/验签失败/);
    const node = extractResponseNode(body, 'alipay.trade.precreate');
    expect(() => checkResponseSignature(node, gatewayKeys.publicKey, 'RSA2', 'alipay.trade.precreate')).toThrow(AlipaySignatureError);
  });
});

describe('response verification matches alipay-sdk checkResponseSign', () => {
  const sdk = new AlipaySdk({ appId: APP_ID, privateKey: appPem, alipayPublicKey: readVectorFile('keys/alipay-public-key.pem') });

  for (const v of vectors.response_verification) {
    it(`${v.name}: both ${v.valid ? 'accept' : 'reject'}`, () => {
      const method = 'alipay.open.file.upload';
      const node = extractResponseNode(v.body, method);
      const official = (): void => sdk.checkResponseSign(v.body, responseNodeKey(method), node.sign!, '');
      const ours = (): boolean => checkResponseSignature(node, loadPublicKey(readVectorFile(v.alipayPublicKey)), 'RSA2', method);
      if (v.valid) {
        expect(official).not.toThrow();
        expect(ours).not.toThrow();
      } else {
        expect(official).toThrow();
        expect(ours).toThrow(AlipaySignatureError);
      }
    });
  }

  it('a gateway-style body with \\/ escapes, unicode and nesting verifies in both', () => {
    const sdkForGateway = new AlipaySdk({ appId: APP_ID, privateKey: appPem, alipayPublicKey: gatewayPublicPem });
    const node = { code: '10000', msg: 'Success', url: 'https://a.example/b?c=d', name: '张三 "quoted" \\ end', list: [{ k: 'v/w' }] };
    const body = gatewayBody('alipay_user_info_share_response', node, gatewayKeys.privateKey);
    expect(body).toContain('https:\\/\\/a.example\\/b');
    const scanned = extractResponseNode(body, 'alipay.user.info.share');
    expect(() => sdkForGateway.checkResponseSign(body, 'alipay_user_info_share_response', scanned.sign!, '')).not.toThrow();
    expect(verifyContent(scanned.raw, scanned.sign!, gatewayKeys.publicKey, 'RSA2')).toBe(true);
  });
});
