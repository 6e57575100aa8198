/**
 * v3 signatures against the official Node SDK (alipay-sdk 4.14, `curl()`), byte for byte: the SDK
 * calls a capture server on 127.0.0.1; with the nonce and timestamp it chose, our Authorization
 * header for the same call equals its header, our path?query and body equal what it sent, and our
 * answer signature verifies in it (verification on). Answers signed with the SDK's own
 * `signatureV3` verify in our runtime; tampered ones do not, in either.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AlipaySdk } from 'alipay-sdk';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildV3Headers,
  buildV3SignString,
  buildV3Target,
  parseV3Authorization,
  signV3Answer,
  signV3Request,
  verifyV3Answer,
  verifyV3Request,
  type V3Route,
} from '../../templates/runtime/index.js';
import { rsaKeyPair, startTestGateway, type ReceivedRequest, type TestGateway } from './test-gateway.js';

type SdkSign = (signString: string, privateKeyPem: string) => string;
const sdkDir = dirname(createRequire(import.meta.url).resolve('alipay-sdk/package.json'));
// Not in the package's exports: the file curl() itself uses.
const { signatureV3 } = (await import(pathToFileURL(join(sdkDir, 'dist/esm/util.js')).href)) as { signatureV3: SdkSign };

const APP_ID = '2021000122671080';
const app = rsaKeyPair();
const alipay = rsaKeyPair();
const appPem = app.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
const alipayPublicPem = alipay.publicKey.export({ type: 'spki', format: 'pem' }) as string;

let server: TestGateway;
let sdk: AlipaySdk;

/** Answers every request with a JSON body signed as Alipay signs v3 answers (our signer). */
function answerSigned(body: string): void {
  server.setHandler((_req, res) => {
    const timestamp = String(Date.now());
    const nonce = 'a1b2c3d4e5f6';
    res.writeHead(200, {
      'content-type': 'application/json',
      'alipay-timestamp': timestamp,
      'alipay-nonce': nonce,
      'alipay-signature': signV3Answer(timestamp, nonce, body, alipay.privateKey),
      'alipay-trace-id': '0b1c2d3e4f',
    });
    res.end(body);
  });
}

beforeAll(async () => {
  server = await startTestGateway();
  sdk = new AlipaySdk({ appId: APP_ID, privateKey: appPem, keyType: 'PKCS8', alipayPublicKey: alipayPublicPem, endpoint: new URL(server.url).origin });
});
afterAll(async () => {
  await server?.close();
});

/** The SDK's call as the server received it, and what we sign for the same call with its nonce and timestamp. */
async function sdkCall(httpMethod: 'GET' | 'POST', path: string, query: Record<string, string> | undefined, body: Record<string, unknown> | undefined, appAuthToken?: string): Promise<ReceivedRequest> {
  const before = server.requests.length;
  const result = await sdk.curl(httpMethod, path, { ...(query && { query }), ...(body && { body }), ...(appAuthToken && { appAuthToken }) });
  expect(result.responseHttpStatus).toBe(200);
  expect(server.requests.length).toBe(before + 1);
  return server.requests[before]!;
}

function pathQueryOf(req: ReceivedRequest): string {
  return `${req.url.pathname}${req.url.search}`;
}

describe('our v3 request signature equals alipay-sdk curl()', () => {
  it('POST with a body and an app_auth_token: same Authorization, path, body and headers', async () => {
    answerSigned('{"trade_no":"2013112011001004330000121536"}');
    const body = { out_trade_no: '20150320010101001', query_options: ['trade_settle_info'] };
    const req = await sdkCall('POST', '/v3/alipay/trade/query', undefined, body, 'token-of-the-merchant');
    const auth = parseV3Authorization(req.headers.authorization)!;
    expect(auth.fields['app_id']).toBe(APP_ID);
    const route: V3Route = { method: 'POST', path: '/v3/alipay/trade/query' };
    const target = buildV3Target('alipay.trade.query', route, body);
    expect(target).toEqual({ pathQuery: pathQueryOf(req), body: req.body });
    const ours = signV3Request(
      { appId: APP_ID, nonce: auth.fields['nonce']!, timestamp: Number(auth.fields['timestamp']) },
      { httpMethod: 'POST', pathQuery: target.pathQuery, body: target.body, appAuthToken: 'token-of-the-merchant' },
      app.privateKey,
    );
    expect(ours).toBe(req.headers.authorization);
    const headers = buildV3Headers(ours, String(req.headers['alipay-request-id']), 'token-of-the-merchant', true);
    for (const name of ['authorization', 'alipay-app-auth-token', 'content-type', 'accept', 'alipay-request-id']) {
      expect([name, headers[name]]).toEqual([name, req.headers[name]]);
    }
  });

  it('GET with a query (every field of a GET route goes there): same path?query and Authorization', async () => {
    answerSigned('{"bill_download_url":"http://dwbillcenter.alipay.com/downloadBillFile.resource?x=1"}');
    const query = { bill_type: 'trade', bill_date: '2016-04-05' };
    const req = await sdkCall('GET', '/v3/alipay/data/dataservice/bill/downloadurl/query', query, undefined);
    const auth = parseV3Authorization(req.headers.authorization)!;
    const target = buildV3Target('alipay.data.dataservice.bill.downloadurl.query', { method: 'GET', path: '/v3/alipay/data/dataservice/bill/downloadurl/query' }, query);
    expect(target).toEqual({ pathQuery: pathQueryOf(req), body: '' });
    expect(req.body).toBe('');
    const ours = signV3Request({ appId: APP_ID, nonce: auth.fields['nonce']!, timestamp: Number(auth.fields['timestamp']) }, { httpMethod: 'GET', pathQuery: target.pathQuery, body: '' }, app.privateKey);
    expect(ours).toBe(req.headers.authorization);
    expect(buildV3Headers(ours, 'x', undefined, false)['content-type']).toBeUndefined();
  });

  it('property: random bodies, path segments and queries sign the same string as the SDK', async () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 12 });
    const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,9}$/);
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(name, fc.oneof(text, fc.integer(), fc.boolean(), fc.array(text, { maxLength: 3 })), { maxKeys: 5 }),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }).filter((s) => s !== '.' && s !== '..'),
        fc.dictionary(name.map((n) => `q_${n}`), text, { maxKeys: 3 }),
        fc.option(fc.stringMatching(/^[A-Za-z0-9]{1,40}$/), { nil: undefined }),
        async (body, segment, query, token) => {
          answerSigned('{}');
          // The path field is a key the body and query cannot have (they have no upper case).
          const path = `/v3/alipay/test/${encodeURIComponent(segment)}/detail`;
          const req = await sdkCall('POST', path, Object.keys(query).length > 0 ? query : undefined, body, token);
          const route: V3Route = { method: 'POST', path: '/v3/alipay/test/{ID}/detail', query: Object.keys(query) };
          const target = buildV3Target('alipay.test', route, { ID: segment, ...query, ...body });
          expect(target.pathQuery).toBe(pathQueryOf(req));
          expect(target.body).toBe(req.body);
          const auth = parseV3Authorization(req.headers.authorization)!;
          const parts = { httpMethod: 'POST', pathQuery: target.pathQuery, body: target.body, appAuthToken: token };
          expect(verifyV3Request(auth, parts, app.publicKey)).toBe(true);
          const ours = signV3Request({ appId: APP_ID, nonce: auth.fields['nonce']!, timestamp: Number(auth.fields['timestamp']) }, parts, app.privateKey);
          expect(ours).toBe(req.headers.authorization);
          // The SDK's own signer over our string gives the same signature.
          expect(`sign=${signatureV3(buildV3SignString(auth.authString, parts), appPem)}`).toBe(`sign=${auth.sign}`);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('answers: our signing verifies in the SDK, the SDK-shaped signing verifies in ours', () => {
  it('the SDK rejects a tampered answer signed by our signer', async () => {
    server.setHandler((_req, res) => {
      const body = '{"trade_no":"2013112011001004330000121536"}';
      res.writeHead(200, { 'content-type': 'application/json', 'alipay-timestamp': '1717756911576', 'alipay-nonce': 'n1', 'alipay-signature': signV3Answer('1717756911576', 'n1', body, alipay.privateKey) });
      res.end(body.replace('121536', '121537'));
    });
    await expect(sdk.curl('POST', '/v3/alipay/trade/query', { body: { out_trade_no: '1' } })).rejects.toMatchObject({ code: 'response-signature-verify-error' });
  });

  it('verifyV3Answer accepts what the SDK signer signs over timestamp\\nnonce\\nbody\\n and nothing else', () => {
    const body = '{"code_url":"https://qr.alipay.com/bax0","中文":"值"}';
    const signature = signatureV3(`1717756911576\n0f3c5d8e\n${body}\n`, alipay.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string);
    expect(verifyV3Answer('1717756911576', '0f3c5d8e', body, signature, alipay.publicKey)).toBe(true);
    expect(verifyV3Answer('1717756911576', '0f3c5d8e', Buffer.from(body), signature, alipay.publicKey)).toBe(true);
    expect(verifyV3Answer('1717756911577', '0f3c5d8e', body, signature, alipay.publicKey)).toBe(false);
    expect(verifyV3Answer('1717756911576', '0f3c5d8f', body, signature, alipay.publicKey)).toBe(false);
    expect(verifyV3Answer('1717756911576', '0f3c5d8e', `${body} `, signature, alipay.publicKey)).toBe(false);
    expect(verifyV3Answer('1717756911576', '0f3c5d8e', body, signature, app.publicKey)).toBe(false);
  });
});

describe('parseV3Authorization', () => {
  it('takes apart a header with app_cert_sn, keeping the signed text exactly', () => {
    const parsed = parseV3Authorization('ALIPAY-SHA256withRSA app_id=2021,app_cert_sn=abc123,nonce=n-1,timestamp=1717756911576,sign=AbC+/9==');
    expect(parsed).toEqual({
      authString: 'app_id=2021,app_cert_sn=abc123,nonce=n-1,timestamp=1717756911576',
      fields: { app_id: '2021', app_cert_sn: 'abc123', nonce: 'n-1', timestamp: '1717756911576' },
      sign: 'AbC+/9==',
    });
  });

  it.each([
    [undefined],
    ['Bearer abc'],
    ['ALIPAY-SHA256withRSA app_id=1,nonce=2,timestamp=3'],
    ['ALIPAY-SHA256withRSA app_id=1,nonce=2,timestamp=3,sign='],
    ['ALIPAY-SHA256withRSA ,sign=abc'],
    ['ALIPAY-SHA256withRSA app_id,nonce=2,sign=abc'],
  ])('refuses %s', (header) => {
    expect(parseV3Authorization(header)).toBeUndefined();
  });
});
