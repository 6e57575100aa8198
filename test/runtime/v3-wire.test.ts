/**
 * v3 calls in certificate mode, with AES, with an app_auth_token and for uploads, against the
 * official Node SDK (alipay-sdk 4.14 `curl()`) on a capture server on 127.0.0.1: for the nonce and
 * timestamp the SDK chose, our Authorization equals its header; our AES ciphertext, headers and
 * upload `data` part equal what it sent; answers we sign verify in it. Then the client's own
 * behaviour: the key `alipay-sn` picks (rotation, unknown SN), decryption failures, and retries,
 * each attempt signed anew.
 */
import { createPublicKey } from 'node:crypto';
import { AlipayFormData, AlipaySdk } from 'alipay-sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCertChain, type CertChain } from '../../generator/gateway/cert-chain.js';
import {
  AlipayConfigError,
  AlipayHttpError,
  AlipayMalformedResponseError,
  AlipaySignatureError,
  aesEncrypt,
  createAlipayClient,
  invokeResult,
  parseV3Authorization,
  signV3Answer,
  signV3Request,
  verifyV3Request,
  type AlipayClientConfig,
  type AlipayFile,
  type Operation,
  type ResponseBase,
} from '../../templates/runtime/index.js';
import { rsaKeyPair, startTestGateway, type ReceivedRequest, type TestGateway } from './test-gateway.js';

const APP_ID = '2021000122671081';
const AES_KEY = 'aYA0GP8JEW+D7/UFaskCWA==';
const app = rsaKeyPair();
const alipay = rsaKeyPair();
const appPem = app.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
const alipayPublicPem = alipay.publicKey.export({ type: 'spki', format: 'pem' }) as string;
const IMAGE = Buffer.from('0123456789abcdef'.repeat(40));

const queryOp: Operation<{ out_trade_no: string }, ResponseBase & { trade_no?: string }> = {
  method: 'alipay.trade.query',
  validateRequest: () => [],
  validateResponse: () => [],
  errorCodes: [],
  v3: { method: 'POST', path: '/v3/alipay/trade/query' },
};
const payOp: Operation<{ out_trade_no: string }, ResponseBase> = { ...queryOp, method: 'alipay.trade.pay', v3: { method: 'POST', path: '/v3/alipay/trade/pay' } };
const uploadOp: Operation<{ image_type?: string; image_name?: string; image_content?: AlipayFile }, ResponseBase & { image_id?: string }> = {
  method: 'alipay.offline.material.image.upload',
  validateRequest: () => [],
  validateResponse: () => [],
  errorCodes: [],
  files: ['image_content'],
  v3: { method: 'POST', path: '/v3/alipay/offline/material/image/upload' },
};

let server: TestGateway;
let chain: CertChain;
/** The Alipay certificate of a later rotation: another key, another SN. */
let nextChain: CertChain;
const nextAlipay = rsaKeyPair();

/** Answers every request with `body` signed by `key`, plus `headers` (alipay-sn ...). */
function answerSigned(body: string, key = alipay.privateKey, headers: Record<string, string> = {}, contentType = 'application/json'): void {
  server.setHandler((_req, res) => {
    const timestamp = String(Date.now());
    const nonce = 'n0nce';
    res.writeHead(200, { 'content-type': contentType, 'alipay-timestamp': timestamp, 'alipay-nonce': nonce, 'alipay-signature': signV3Answer(timestamp, nonce, body, key), ...headers });
    res.end(body);
  });
}

function lastRequest(): ReceivedRequest {
  return server.requests[server.requests.length - 1]!;
}

function pathQueryOf(req: ReceivedRequest): string {
  return `${req.url.pathname}${req.url.search}`;
}

/** Our Authorization for the SDK's request: its nonce and timestamp, our signer. */
function oursFor(req: ReceivedRequest, body: string, extra: { appCertSn?: string; appAuthToken?: string } = {}): string {
  const auth = parseV3Authorization(req.headers.authorization)!;
  return signV3Request(
    { appId: APP_ID, appCertSn: extra.appCertSn, nonce: auth.fields['nonce']!, timestamp: Number(auth.fields['timestamp']) },
    { httpMethod: req.method, pathQuery: pathQueryOf(req), body, appAuthToken: extra.appAuthToken },
    app.privateKey,
  );
}

function client(extra: Partial<AlipayClientConfig> = {}) {
  return createAlipayClient({ appId: APP_ID, privateKey: app.privateKey, alipayPublicKey: alipay.publicKey, gateway: server.url, protocol: 'v3', ...extra } as AlipayClientConfig);
}

function certClient(extra: Partial<AlipayClientConfig> = {}) {
  return createAlipayClient({
    appId: APP_ID,
    privateKey: app.privateKey,
    certs: { appCert: chain.app.pem, alipayCert: chain.alipay.pem, alipayRootCert: chain.root.pem },
    gateway: server.url,
    protocol: 'v3',
    ...extra,
  } as AlipayClientConfig);
}

beforeAll(async () => {
  server = await startTestGateway();
  [chain, nextChain] = await Promise.all([
    createCertChain({ alipay: { privateKey: alipay.privateKey, publicKey: alipay.publicKey }, appPublicKey: app.publicKey }),
    createCertChain({ alipay: { privateKey: nextAlipay.privateKey, publicKey: nextAlipay.publicKey }, appPublicKey: app.publicKey }),
  ]);
});
afterAll(async () => {
  await server?.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

describe('certificate mode over v3, against alipay-sdk curl()', () => {
  function certSdk(): AlipaySdk {
    return new AlipaySdk({
      appId: APP_ID,
      privateKey: appPem,
      keyType: 'PKCS8',
      appCertContent: chain.app.pem,
      alipayPublicCertContent: chain.alipay.pem,
      alipayRootCertContent: chain.root.pem,
      endpoint: new URL(server.url).origin,
    });
  }

  it('the same Authorization (app_cert_sn in it, app_auth_token signed) and alipay-root-cert-sn; our answer passes its alipay-sn check', async () => {
    const answer = '{"trade_no":"2013112011001004330000121536"}';
    answerSigned(answer, alipay.privateKey, { 'alipay-sn': chain.alipay.sn });
    const body = { out_trade_no: '20150320010101001' };
    const result = await certSdk().curl('POST', '/v3/alipay/trade/query', { body, appAuthToken: 'token-of-the-merchant' });
    expect(result.data).toEqual(JSON.parse(answer));
    const sdkReq = lastRequest();
    expect(parseV3Authorization(sdkReq.headers.authorization)!.fields['app_cert_sn']).toBe(chain.app.sn);
    expect(oursFor(sdkReq, sdkReq.body, { appCertSn: chain.app.sn, appAuthToken: 'token-of-the-merchant' })).toBe(sdkReq.headers.authorization);

    // Our client's own request for the same call: the same body, serials and headers.
    const ours = await invokeResult(certClient(), queryOp, body, { appAuthToken: 'token-of-the-merchant' });
    expect(ours.response).toEqual({ code: '10000', msg: 'Success', ...JSON.parse(answer) });
    const ourReq = lastRequest();
    expect(ourReq.body).toBe(sdkReq.body);
    expect(pathQueryOf(ourReq)).toBe(pathQueryOf(sdkReq));
    const ourAuth = parseV3Authorization(ourReq.headers.authorization)!;
    expect(Object.keys(ourAuth.fields)).toEqual(Object.keys(parseV3Authorization(sdkReq.headers.authorization)!.fields));
    expect(ourAuth.fields['app_cert_sn']).toBe(chain.app.sn);
    for (const name of ['alipay-root-cert-sn', 'alipay-app-auth-token', 'content-type', 'accept']) expect([name, ourReq.headers[name]]).toEqual([name, sdkReq.headers[name]]);
    expect(verifyV3Request(ourAuth, { httpMethod: 'POST', pathQuery: pathQueryOf(ourReq), body: ourReq.body, appAuthToken: 'token-of-the-merchant' }, app.publicKey)).toBe(true);
  });

  it('an answer naming another certificate is refused by both; a client holding both certificates (rotation) verifies it', async () => {
    answerSigned('{"trade_no":"1"}', nextAlipay.privateKey, { 'alipay-sn': nextChain.alipay.sn });
    await expect(certSdk().curl('POST', '/v3/alipay/trade/query', { body: { out_trade_no: '1' } })).rejects.toThrow(/支付宝公钥证书号不匹配/);
    const unknown = await invokeResult(certClient(), queryOp, { out_trade_no: '1' }).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(AlipaySignatureError);
    // Both SNs are named (masked in the message, as every long digit run is).
    expect((unknown as Error).message).toContain(`alipay-sn=${nextChain.alipay.sn.slice(0, 4)}`);
    expect((unknown as Error).message).toContain(`which matches none of the client's Alipay certificates (${chain.alipay.sn.slice(0, 4)}`);
    const rotating = certClient({ certs: { appCert: chain.app.pem, alipayCert: [chain.alipay.pem, nextChain.alipay.pem], alipayRootCert: chain.root.pem } } as Partial<AlipayClientConfig>);
    expect((await invokeResult(rotating, queryOp, { out_trade_no: '1' })).response.trade_no).toBe('1');
  });

  it('the key alipay-sn names verifies: a signature by another key is refused even when the SN is known', async () => {
    answerSigned('{"trade_no":"1"}', nextAlipay.privateKey, { 'alipay-sn': chain.alipay.sn });
    await expect(invokeResult(certClient(), queryOp, { out_trade_no: '1' })).rejects.toThrow(AlipaySignatureError);
    // Without alipay-sn the first configured certificate verifies.
    answerSigned('{"trade_no":"2"}');
    expect((await invokeResult(certClient(), queryOp, { out_trade_no: '2' })).response.trade_no).toBe('2');
  });
});

describe('AES over v3, against alipay-sdk curl() with needEncrypt', () => {
  const sdk = (): AlipaySdk =>
    new AlipaySdk({ appId: APP_ID, privateKey: appPem, keyType: 'PKCS8', alipayPublicKey: alipayPublicPem, encryptKey: AES_KEY, endpoint: new URL(server.url).origin });

  it('byte-equal ciphertext, headers and Authorization; the encrypted answer decrypts alike in both', async () => {
    const data = { trade_no: '2013112011001004330000121536', buyer_logon_id: '159****5620' };
    answerSigned(aesEncrypt(JSON.stringify(data), AES_KEY), alipay.privateKey, {}, 'text/plain');
    const body = { out_trade_no: '20150320010101001', 备注: '中文' };
    const sdkResult = await sdk().curl('POST', '/v3/alipay/trade/query', { body, needEncrypt: true });
    expect(sdkResult.data).toEqual(data);
    const sdkReq = lastRequest();
    const ours = await invokeResult(client({ aesKey: AES_KEY }), queryOp, body as { out_trade_no: string });
    expect(ours.response).toEqual({ code: '10000', msg: 'Success', ...data });
    const ourReq = lastRequest();
    // AES-CBC with the zero IV: the same plaintext gives the same ciphertext.
    expect(ourReq.body).toBe(sdkReq.body);
    for (const name of ['content-type', 'alipay-encrypt-type', 'alipay-encryption-algm', 'accept']) expect([name, ourReq.headers[name]]).toEqual([name, sdkReq.headers[name]]);
    // The ciphertext is what is signed.
    expect(oursFor(sdkReq, sdkReq.body)).toBe(sdkReq.headers.authorization);
    expect(verifyV3Request(parseV3Authorization(ourReq.headers.authorization)!, { httpMethod: 'POST', pathQuery: '/v3/alipay/trade/query', body: ourReq.body }, app.publicKey)).toBe(true);
  });

  it('encrypt: false sends plain JSON; an answer that does not decrypt is an AlipayMalformedResponseError; an upload refuses encrypt: true', async () => {
    answerSigned('{"trade_no":"1"}');
    expect((await invokeResult(client({ aesKey: AES_KEY }), queryOp, { out_trade_no: '1' }, { encrypt: false })).response.trade_no).toBe('1');
    expect(lastRequest().headers['content-type']).toBe('application/json');
    expect(lastRequest().headers['alipay-encrypt-type']).toBeUndefined();
    // A signed answer that is not ciphertext of the client's key.
    const error = await invokeResult(client({ aesKey: AES_KEY }), queryOp, { out_trade_no: '1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlipayMalformedResponseError);
    expect((error as Error).message).toContain('the encrypted v3 answer node cannot be decrypted with the client aesKey');
    await expect(invokeResult(client({ aesKey: AES_KEY }), uploadOp, { image_content: IMAGE }, { encrypt: true })).rejects.toThrow(AlipayConfigError);
    await expect(invokeResult(client(), queryOp, { out_trade_no: '1' }, { encrypt: true })).rejects.toThrow('options.encrypt needs the client option aesKey');
  });
});

describe('uploads over v3, against alipay-sdk curl() with a form', () => {
  it('the same data part (application/json, signed), the same file part bytes, the same Authorization', async () => {
    answerSigned('{"image_id":"x1","image_url":"http://example.com/x1"}');
    const sdk = new AlipaySdk({ appId: APP_ID, privateKey: appPem, keyType: 'PKCS8', alipayPublicKey: alipayPublicPem, endpoint: new URL(server.url).origin });
    const form = new AlipayFormData();
    form.addField('image_type', 'png');
    form.addField('image_name', '门店 照片');
    form.addFile('image_content', 'shop.png', IMAGE);
    const sdkResult = await sdk.curl('POST', '/v3/alipay/offline/material/image/upload', { form });
    expect(sdkResult.data.image_id).toBe('x1');
    const sdkReq = lastRequest();
    const ours = await invokeResult(client(), uploadOp, { image_type: 'png', image_name: '门店 照片', image_content: { data: IMAGE, filename: 'shop.png' } });
    expect(ours.response.image_id).toBe('x1');
    const ourReq = lastRequest();

    const formOf = (req: ReceivedRequest) => new Response(req.body, { headers: { 'content-type': String(req.headers['content-type']) } }).formData();
    const [sdkForm, ourForm] = await Promise.all([formOf(sdkReq), formOf(ourReq)]);
    expect([...ourForm.keys()]).toEqual([...sdkForm.keys()]);
    expect(ourForm.get('data')).toBe(sdkForm.get('data'));
    const [sdkFile, ourFile] = [sdkForm.get('image_content') as File, ourForm.get('image_content') as File];
    expect(ourFile.name).toBe(sdkFile.name);
    expect(Buffer.from(await ourFile.arrayBuffer())).toEqual(Buffer.from(await sdkFile.arrayBuffer()));
    // The data part's header as formstream writes it.
    const dataPart = `Content-Disposition: form-data; name="data"\r\nContent-Type: application/json\r\n\r\n${String(sdkForm.get('data'))}\r\n`;
    expect(sdkReq.body).toContain(dataPart);
    expect(ourReq.body).toContain(dataPart);
    // The SDK signs the data JSON: so do we.
    expect(oursFor(sdkReq, String(sdkForm.get('data')))).toBe(sdkReq.headers.authorization);
    expect(verifyV3Request(parseV3Authorization(ourReq.headers.authorization)!, { httpMethod: 'POST', pathQuery: pathQueryOf(ourReq), body: String(ourForm.get('data')) }, app.publicKey)).toBe(true);
  });
});

describe('retries over v3', () => {
  /** Fails the first `n` requests with `fail`, then answers a signed success. */
  function failTimes(n: number, fail: (res: import('node:http').ServerResponse) => void): void {
    let seen = 0;
    server.setHandler((_req, res) => {
      if (seen++ < n) return fail(res);
      const timestamp = String(Date.now());
      const body = '{"trade_no":"2013112011001004330000121536"}';
      res.writeHead(200, { 'content-type': 'application/json', 'alipay-timestamp': timestamp, 'alipay-nonce': 'n', 'alipay-signature': signV3Answer(timestamp, 'n', body, alipay.privateKey) });
      res.end(body);
    });
  }
  const http502 = (res: import('node:http').ServerResponse): void => {
    res.writeHead(502, { 'content-type': 'text/html' });
    res.end('<html>502</html>');
  };

  it('a query retried after two 502s: three requests, each signed anew (fresh nonce, timestamp, request id)', async () => {
    failTimes(2, http502);
    const result = await invokeResult(client({ retry: { attempts: 3, backoffMs: 0 } }), queryOp, { out_trade_no: '1' });
    expect(result.response.trade_no).toBe('2013112011001004330000121536');
    expect(server.requests).toHaveLength(3);
    const auths = server.requests.map((r) => parseV3Authorization(r.headers.authorization)!);
    expect(new Set(auths.map((a) => a.fields['nonce'])).size).toBe(3);
    expect(new Set(server.requests.map((r) => r.headers['alipay-request-id'])).size).toBe(3);
    for (const [i, auth] of auths.entries()) {
      expect(verifyV3Request(auth, { httpMethod: 'POST', pathQuery: '/v3/alipay/trade/query', body: server.requests[i]!.body }, createPublicKey(app.privateKey))).toBe(true);
    }
  });

  it('as over v2: a v3 business error (4xx) is not retried, nor a non-query call without idempotencyKey, nor an upload', async () => {
    failTimes(5, (res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end('{"code":"ACQ.TRADE_NOT_EXIST","message":"交易不存在"}');
    });
    await expect(invokeResult(client({ retry: { attempts: 3, backoffMs: 0 } }), queryOp, { out_trade_no: '1' })).rejects.toThrow('ACQ.TRADE_NOT_EXIST');
    expect(server.requests).toHaveLength(1);
    failTimes(5, http502);
    await expect(invokeResult(client({ retry: { attempts: 3, backoffMs: 0 } }), payOp, { out_trade_no: '1' })).rejects.toThrow(AlipayHttpError);
    expect(server.requests).toHaveLength(2);
    const upload = await invokeResult(client({ retry: { attempts: 3, backoffMs: 0 } }), uploadOp, { image_content: IMAGE, image_type: 'png' }, { idempotencyKey: 'image_type' }).catch((e: unknown) => e);
    expect(upload).toBeInstanceOf(AlipayHttpError);
    expect(server.requests).toHaveLength(3);
    // With its idempotency key a payment is retried.
    failTimes(1, http502);
    await invokeResult(client({ retry: { attempts: 2, backoffMs: 0 } }), payOp, { out_trade_no: '1' }, { idempotencyKey: 'out_trade_no' });
    expect(server.requests).toHaveLength(5);
  });
});

describe('the shared transport over v3', () => {
  it("hands the client's dispatcher (a proxy) to fetch, as over v2, and refuses a redirect", async () => {
    answerSigned('{"trade_no":"1"}');
    const dispatcher = { name: 'proxy-agent-stand-in' };
    const seen: unknown[] = [];
    const fetchImpl = (url: string, init: RequestInit & { dispatcher?: unknown }): Promise<Response> => {
      seen.push([init.dispatcher, init.redirect]);
      const { dispatcher: _d, ...rest } = init;
      return fetch(url, rest);
    };
    await invokeResult(client({ dispatcher, fetch: fetchImpl } as Partial<AlipayClientConfig>), queryOp, { out_trade_no: '1' });
    expect(seen).toEqual([[dispatcher, 'manual']]);
    server.setHandler((_req, res) => {
      res.writeHead(307, { location: 'http://127.0.0.1:1/elsewhere' });
      res.end();
    });
    const redirected = await invokeResult(client(), queryOp, { out_trade_no: '1' }).catch((e: unknown) => e);
    expect(redirected).toBeInstanceOf(AlipayHttpError);
    expect((redirected as AlipayHttpError).status).toBe(307);
    expect(server.requests).toHaveLength(2);
  });
});
