/**
 * AES calls: biz_content sent as ciphertext with encrypt_type=AES and signed over the ciphertext
 * (byte-equal to alipay-sdk); an encrypted answer is verified over its quoted ciphertext, then
 * decrypted and parsed (it was refused as "not an object" before).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inspect } from 'node:util';
import {
  AlipayApiError,
  AlipayConfigError,
  AlipayMalformedResponseError,
  AlipaySignatureError,
  aesDecrypt,
  aesEncrypt,
  createAlipayClient,
  invokeResult,
  signContent,
  type AlipayClient,
  type AlipayClientConfig,
  type Operation,
  type ResponseBase,
} from '../../templates/runtime/index.js';
import { readVectorFile, vectors } from './helpers.js';
import { rsaKeyPair, startTestGateway, type TestGateway } from './test-gateway.js';

type OfficialSign = (method: string, params: Record<string, unknown>, config: Record<string, unknown>) => Record<string, string>;
const sdkDir = dirname(createRequire(import.meta.url).resolve('alipay-sdk/package.json'));
const { sign: officialSign } = (await import(pathToFileURL(join(sdkDir, 'dist/esm/util.js')).href)) as { sign: OfficialSign };

const APP_ID = '2021000122671080';
const AES_KEY = vectors.aes[0]!.key;
const appPem = readVectorFile('keys/app-private-key.pem');
const alipay = rsaKeyPair();
const alipayPem = alipay.publicKey.export({ format: 'pem', type: 'spki' }) as string;

interface AesSetRequest {
  merchant_app_id: string;
}
interface AesSetResponse extends ResponseBase {
  aes_key?: string;
}
const op: Operation<AesSetRequest, AesSetResponse> = {
  method: 'alipay.open.auth.app.aes.set',
  validateRequest: () => [],
  validateResponse: () => [],
  errorCodes: [],
};
const NODE = 'alipay_open_auth_app_aes_set_response';
const REQUEST = { merchant_app_id: '2015032400043986' };

/** The gateway's encrypted answer: the node's ciphertext as a JSON string, signed over that quoted text. */
function encryptedBody(plaintext: string, tamper = false): string {
  const raw = JSON.stringify(aesEncrypt(plaintext, AES_KEY)).replaceAll('/', '\\/');
  const signedRaw = tamper ? raw.replace(/^"(.)/, (_m, c: string) => `"${c === 'A' ? 'B' : 'A'}`) : raw;
  return `{"${NODE}":${signedRaw},"sign":"${signContent(raw, alipay.privateKey, 'RSA2')}"}`;
}

let gw: TestGateway;
let client: AlipayClient;
beforeAll(async () => {
  gw = await startTestGateway();
  client = createAlipayClient({ appId: APP_ID, privateKey: appPem, alipayPublicKey: alipayPem, gateway: gw.url, aesKey: AES_KEY });
});
afterAll(async () => {
  await gw.close();
});

describe('an AES call', () => {
  it('decrypts a verified encrypted answer (refused as "not an object" before)', async () => {
    gw.setHandler((_req, res) => res.end(encryptedBody(vectors.aes[0]!.plaintext)));
    const result = await invokeResult(client, op, REQUEST);
    expect(result).toMatchObject({ status: 'success', response: JSON.parse(vectors.aes[0]!.plaintext) });
  });

  it('sends the ciphertext and encrypt_type=AES, signed, byte-equal to alipay-sdk', async () => {
    gw.setHandler((_req, res) => res.end(encryptedBody('{"code":"10000","msg":"Success"}')));
    await invokeResult(client, op, REQUEST);
    const received = gw.requests.at(-1)!;
    const body = Object.fromEntries(new URLSearchParams(received.body));
    const query = Object.fromEntries(received.url.searchParams);
    // encrypt_type goes in the query as the Java SDK sends it (alipay-sdk puts it in the body; both are signed alike).
    expect(query.encrypt_type).toBe('AES');
    expect(aesDecrypt(body.biz_content!, AES_KEY)).toBe(JSON.stringify(REQUEST));
    const official = officialSign(op.method, { bizContent: REQUEST, needEncrypt: true, timestamp: query.timestamp, format: 'JSON' }, {
      appId: APP_ID,
      privateKey: appPem,
      charset: 'utf-8',
      version: '1.0',
      signType: 'RSA2',
      encryptKey: AES_KEY,
    });
    const { sign: officialSignature, ...officialParams } = official;
    const { sign: ourSignature, ...ourParams } = { ...query, ...body };
    expect(ourParams).toEqual(officialParams);
    expect(ourSignature).toBe(officialSignature);
  });

  it('checks the signature over the ciphertext before decrypting', async () => {
    gw.setHandler((_req, res) => res.end(encryptedBody('{"code":"10000","msg":"Success"}', true)));
    await expect(invokeResult(client, op, REQUEST)).rejects.toThrow(AlipaySignatureError);
    const unsigned = `{"${NODE}":${JSON.stringify(aesEncrypt('{"code":"10000","msg":"Success"}', AES_KEY))}}`;
    gw.setHandler((_req, res) => res.end(unsigned));
    await expect(invokeResult(client, op, REQUEST)).rejects.toThrow(AlipaySignatureError);
  });

  it('a ciphertext that does not decrypt with the key is malformed; the server failing to decrypt is an API error', async () => {
    const otherKey = Buffer.alloc(16, 7).toString('base64');
    const raw = JSON.stringify(aesEncrypt('{"code":"10000","msg":"Success"}', otherKey));
    gw.setHandler((_req, res) => res.end(`{"${NODE}":${raw},"sign":"${signContent(raw, alipay.privateKey, 'RSA2')}"}`));
    const error = await invokeResult(client, op, REQUEST).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlipayMalformedResponseError);
    expect((error as Error).message).toMatch(/encrypted alipay_open_auth_app_aes_set_response node (cannot be decrypted|does not decrypt to JSON)/);
    gw.setHandler((_req, res) =>
      res.end(`{"${NODE}":{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.decryption-error-unknown","sub_msg":"解密出错, 未知错误"}}`),
    );
    const api = await invokeResult(client, op, REQUEST).catch((e: unknown) => e);
    expect(api).toBeInstanceOf(AlipayApiError);
    expect((api as AlipayApiError).sub_code).toBe('isv.decryption-error-unknown');
  });

  it('encrypt: false sends one call in the clear; a bad aesKey is refused at creation', async () => {
    const node = { code: '10000', msg: 'Success' };
    const raw = JSON.stringify(node);
    gw.setHandler((_req, res) => res.end(`{"${NODE}":${raw},"sign":"${signContent(raw, alipay.privateKey, 'RSA2')}"}`));
    await invokeResult(client, op, REQUEST, { encrypt: false });
    const body = Object.fromEntries(new URLSearchParams(gw.requests.at(-1)!.body));
    expect(body.biz_content).toBe(JSON.stringify(REQUEST));
    expect(gw.requests.at(-1)!.url.searchParams.has('encrypt_type')).toBe(false);
    for (const aesKey of ['', 'not base64!', Buffer.alloc(10).toString('base64')]) {
      expect(() => createAlipayClient({ appId: APP_ID, privateKey: appPem, alipayPublicKey: alipayPem, aesKey } as AlipayClientConfig)).toThrow(AlipayConfigError);
    }
    // The key lives with the client's keys, out of sight.
    expect(JSON.stringify(client)).not.toContain(AES_KEY);
    expect(inspect(client, { showHidden: true, depth: 5 })).not.toContain(AES_KEY);
    const plain = createAlipayClient({ appId: APP_ID, privateKey: appPem, alipayPublicKey: alipayPem, gateway: gw.url });
    await expect(invokeResult(plain, op, REQUEST, { encrypt: true })).rejects.toThrow(/options\.encrypt needs the client option aesKey/);
  });
});
