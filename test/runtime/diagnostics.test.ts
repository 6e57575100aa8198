/**
 * Issue 11 runtime items over 127.0.0.1: HTTP error bodies (masked) on AlipayHttpError, the app's
 * own public key refused as the Alipay key, the Java SDK's `\/` verification retry, per-call
 * protocol params (auth_token ...; byte-equal to alipay-sdk), request/response hooks and a logger
 * that never see keys, tokens or unmasked personal data.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AlipaySdk } from 'alipay-sdk';
import {
  AlipayApiError,
  AlipayConfigError,
  AlipayHttpError,
  AlipaySignatureError,
  createAlipayClient,
  createNodeTransport,
  invoke,
  invokeResult,
  signContent,
  type AlipayClient,
  type AlipayClientConfig,
  type Operation,
  type RequestEvent,
  type ResponseBase,
  type ResponseEvent,
} from '../../templates/runtime/index.js';
import { rsaKeyPair, startTestGateway, type TestGateway } from './test-gateway.js';

type OfficialSign = (method: string, params: Record<string, unknown>, config: Record<string, unknown>) => Record<string, string>;
const sdkDir = dirname(createRequire(import.meta.url).resolve('alipay-sdk/package.json'));
const { sign: officialSign } = (await import(pathToFileURL(join(sdkDir, 'dist/esm/util.js')).href)) as { sign: OfficialSign };

interface ShareResponse extends ResponseBase {
  user_id?: string;
  avatar?: string;
  mobile?: string;
}
const op: Operation<Record<string, unknown>, ShareResponse> = { method: 'alipay.user.info.share', validateRequest: () => [], validateResponse: () => [], errorCodes: [] };
const NODE = 'alipay_user_info_share_response';
const APP_ID = '2021000122671080';
const PHONE = '13812345678';
const APP_AUTH_TOKEN = '202105BB2d5a1c6f5c7e4d0fa0b3b4c5e36f8X55';
const AUTH_TOKEN = 'authusrB9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2';

const app = rsaKeyPair();
const alipay = rsaKeyPair();
const appPem = app.privateKey.export({ format: 'pem', type: 'pkcs1' }) as string;
const alipayPublicPem = alipay.publicKey.export({ format: 'pem', type: 'spki' }) as string;
let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw.close();
});
beforeEach(() => {
  gw.requests.length = 0;
});

function makeClient(extra: Partial<AlipayClientConfig> = {}): AlipayClient {
  return createAlipayClient({ appId: APP_ID, privateKey: appPem, alipayPublicKey: alipayPublicPem, gateway: gw.url, ...extra } as AlipayClientConfig);
}

/** A body whose node text carries `\/` while the gateway signed the text with plain `/`. */
function signedUnescaped(node: unknown): string {
  const plain = JSON.stringify(node);
  return `{"${NODE}":${plain.replaceAll('/', '\\/')},"sign":"${signContent(plain, alipay.privateKey, 'RSA2')}"}`;
}

describe('AlipayHttpError carries the masked start of the body', () => {
  it.each([
    ['global fetch', undefined],
    ['node transport', createNodeTransport()],
  ])('%s', async (_name, fetch) => {
    const client = makeClient(fetch === undefined ? {} : { fetch });
    gw.setHandler((_req, res) => {
      res.writeHead(503, { 'content-type': 'text/plain' });
      res.end(`Service Unavailable: upstream busy for user ${PHONE}, app_auth_token=${APP_AUTH_TOKEN}`);
    });
    const error = (await invoke(client, op, {}).catch((e: unknown) => e)) as AlipayHttpError;
    expect(error).toBeInstanceOf(AlipayHttpError);
    expect(error.body).toBe('Service Unavailable: upstream busy for user 138****5678, app_auth_token=****');
    expect(JSON.stringify(error)).toContain('upstream busy');

    gw.setHandler((_req, res) => {
      res.writeHead(502);
      res.end('x'.repeat(1024 * 1024));
    });
    const big = (await invoke(client, op, {}).catch((e: unknown) => e)) as AlipayHttpError;
    expect(big.status).toBe(502);
    expect(big.body).toBe('x'.repeat(2048));
  });
});

describe('the Alipay public key', () => {
  it("refuses the app's own public key, in any form", () => {
    const forms = [app.publicKey, app.publicKey.export({ format: 'pem', type: 'spki' }), app.publicKey.export({ format: 'pem', type: 'pkcs1' }), app.publicKey.export({ format: 'der', type: 'spki' })];
    for (const alipayPublicKey of forms) {
      expect(() => makeClient({ alipayPublicKey: alipayPublicKey as string })).toThrow(AlipayConfigError);
      expect(() => makeClient({ alipayPublicKey: alipayPublicKey as string })).toThrow(/app's own public key \(应用公钥\)/);
    }
    expect(makeClient().verifyResponseSign).toBe(true);
  });

  it('verifies, once more with \\/ read as /, a node the gateway signed unescaped', async () => {
    const success = { code: '10000', msg: 'Success', user_id: '2088102104794936', avatar: 'http://tfsimg.alipay.com/images/partner/T1uIxXXbpXXXXXXXX' };
    gw.setHandler((_req, res) => res.end(signedUnescaped(success)));
    expect(await invoke(makeClient(), op, {})).toEqual(success);
    // The retry does not open a door: tampered text still fails both ways.
    gw.setHandler((_req, res) => res.end(signedUnescaped(success).replace('2088102104794936', '2088102104794937')));
    await expect(invoke(makeClient(), op, {})).rejects.toBeInstanceOf(AlipaySignatureError);
  });
});

describe('per-call protocol params', () => {
  it('auth_token, app_auth_token, terminal_type/info and prod_code are sent in the query and signed', async () => {
    gw.setHandler((_req, res) => res.end(signedUnescaped({ code: '10000', msg: 'Success', user_id: '2088102104794936' })));
    await invoke(makeClient(), op, {}, { authToken: AUTH_TOKEN, appAuthToken: APP_AUTH_TOKEN, terminalType: 'MINI_APP', terminalInfo: 'pos-01', prodCode: 'FACE_TO_FACE_PAYMENT' });
    const query = Object.fromEntries(gw.requests[0]!.url.searchParams);
    expect(query).toMatchObject({ auth_token: AUTH_TOKEN, app_auth_token: APP_AUTH_TOKEN, terminal_type: 'MINI_APP', terminal_info: 'pos-01', prod_code: 'FACE_TO_FACE_PAYMENT' });
  });

  it('with auth_token and app_auth_token: same query layout and byte-equal signature as alipay-sdk', async () => {
    gw.setHandler((_req, res) => res.end(signedUnescaped({ code: '10000', msg: 'Success', user_id: '2088102104794936' })));
    const sdk = new AlipaySdk({ appId: APP_ID, privateKey: appPem, alipayPublicKey: alipayPublicPem, gateway: gw.url, camelcase: false });
    await sdk.exec('alipay.user.info.share', { auth_token: AUTH_TOKEN, app_auth_token: APP_AUTH_TOKEN, bizContent: {} });
    await invoke(makeClient(), op, {}, { authToken: AUTH_TOKEN, appAuthToken: APP_AUTH_TOKEN });
    const [theirs, ours] = gw.requests.map((r) => Object.fromEntries(r.url.searchParams));
    for (const key of ['auth_token', 'app_auth_token']) expect(ours![key]).toBe(theirs![key]);

    // The SDK's own sign() over exactly what we sent gives our signature.
    const sent = { ...ours!, ...Object.fromEntries(new URLSearchParams(gw.requests[1]!.body)) };
    const official = officialSign('alipay.user.info.share', { auth_token: sent.auth_token, app_auth_token: sent.app_auth_token, format: sent.format, timestamp: sent.timestamp, bizContent: JSON.parse(sent.biz_content!) as unknown }, { appId: APP_ID, privateKey: appPem, charset: 'utf-8', version: '1.0', signType: 'RSA2' });
    expect(official.sign).toBe(sent.sign);
  });
});

describe('hooks and logger', () => {
  const keyFragments = appPem.split('\n').slice(2, 5);

  it('see the call, the status, the trace id and the outcome, never keys, tokens or personal data', async () => {
    const requests: RequestEvent[] = [];
    const responses: ResponseEvent[] = [];
    const lines: string[] = [];
    const client = makeClient({
      onRequest: (e) => requests.push(e),
      onResponse: (e) => responses.push(e),
      logger: { debug: (m) => lines.push(`debug ${m}`), warn: (m) => lines.push(`warn ${m}`) },
    });
    gw.setHandler((_req, res) => {
      res.writeHead(200, { trace_id: '0b1f2e3d171785280123' });
      res.end(signedUnescaped({ code: '10000', msg: 'Success', user_id: '2088102104794936', mobile: PHONE }));
    });
    const result = await invokeResult(client, op, { phone: PHONE, note: `call ${PHONE}` }, { appAuthToken: APP_AUTH_TOKEN, authToken: AUTH_TOKEN });
    expect(result.status).toBe('success');
    gw.setHandler((_req, res) => res.end(signedUnescaped({ code: '40004', msg: 'Business Failed', sub_code: 'USER_NOT_FOUND', sub_msg: `用户 ${PHONE} 不存在` })));
    await expect(invoke(client, op, {}, { authToken: AUTH_TOKEN })).rejects.toBeInstanceOf(AlipayApiError);

    expect(requests.map((r) => r.method)).toEqual(['alipay.user.info.share', 'alipay.user.info.share']);
    expect(requests[0]!.params).toMatchObject({ app_auth_token: '****', auth_token: '****', method: 'alipay.user.info.share', app_id: '202*********1080' });
    expect(requests[0]!.params.sign).toBeUndefined();
    expect(requests[0]!.gateway).toBe(gw.url);
    expect(responses.map((r) => [r.outcome, r.status, r.traceId])).toEqual([
      ['success', 200, '0b1f2e3d171785280123'],
      ['error', 200, undefined],
    ]);
    expect(responses[1]!.error).toEqual({ name: 'AlipayApiError', message: 'alipay.user.info.share: 40004 Business Failed USER_NOT_FOUND (用户 138****5678 不存在)' });
    expect(lines.filter((l) => l.startsWith('debug'))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('warn'))).toHaveLength(1);
    expect(lines[0]).toMatch(/^debug alipay alipay\.user\.info\.share: success HTTP 200 trace_id=0b1f2e3d171785280123 in \d+ ms$/);

    const seen = JSON.stringify({ requests, responses, lines });
    for (const secret of [PHONE, '12345678', APP_AUTH_TOKEN.slice(6), AUTH_TOKEN.slice(6), ...keyFragments]) expect(seen).not.toContain(secret);
  });

  it('a hook or logger that throws does not change the outcome', async () => {
    const boom = (): never => {
      throw new Error('hook failed');
    };
    const client = makeClient({ onRequest: boom, onResponse: boom, logger: { debug: boom, warn: boom } });
    gw.setHandler((_req, res) => res.end(signedUnescaped({ code: '10000', msg: 'Success', user_id: '2088102104794936' })));
    expect((await invoke(client, op, {})).user_id).toBe('2088102104794936');
    gw.setHandler((_req, res) => res.end(signedUnescaped({ code: '40004', msg: 'Business Failed' })));
    await expect(invoke(client, op, {})).rejects.toBeInstanceOf(AlipayApiError);
  });
});
