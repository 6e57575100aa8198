/**
 * The local gateway's v3 routes in certificate mode, with AES and for uploads, over real HTTP on
 * 127.0.0.1, against the generated functions and alipay-sdk's curl() (verification on): cert mode
 * requires the serials and answers with `alipay-sn`; AES bodies are ciphertext both ways; an
 * upload's `data` part is the signed JSON and its file reaches the gateway intact.
 */
import { createHash, createPublicKey } from 'node:crypto';
import { AlipayFormData, AlipaySdk } from 'alipay-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodSpec } from '../../generator/spec/model.js';
import { aesDecrypt, parseV3Authorization, verifyV3Request } from '../../templates/runtime/index.js';
import { exampleRequest, generatedPackage, seedSpecs, startTestGateway, type GeneratedPackage, type TestGateway } from './helpers.js';

const APP_ID = '2021000000000003';
const QUERY = 'alipay.trade.query';
const UPLOAD = 'alipay.offline.material.image.upload';
const AES_KEY = 'aYA0GP8JEW+D7/UFaskCWA==';
/** Not a PNG, but bytes of every value: they must arrive as sent. */
const IMAGE = new Uint8Array(Array.from({ length: 600 }, (_, i) => (i * 37) % 256));

interface Wire {
  readonly requests: { url: string; headers: Record<string, string>; body: string; bytes: Buffer | undefined }[];
  readonly answers: { status: number; headers: Headers; body: string }[];
}

/** A fetch that records what goes over the wire (the body's bytes, and as UTF-8 text). */
function recording(extraHeaders: Record<string, string> = {}): { fetch: (url: string, init: RequestInit) => Promise<Response>; wire: Wire } {
  const wire: Wire = { requests: [], answers: [] };
  return {
    wire,
    fetch: async (url, init) => {
      const bytes = init.body === undefined ? undefined : Buffer.from(await new Response(init.body as Blob | string).arrayBuffer());
      const headers = { ...(init.headers as Record<string, string>), ...extraHeaders };
      wire.requests.push({ url, headers, body: bytes?.toString('utf8') ?? '', bytes });
      const response = await fetch(url, { ...init, headers, body: bytes });
      wire.answers.push({ status: response.status, headers: response.headers, body: await response.clone().text() });
      return response;
    },
  };
}

let specs: MethodSpec[];
let pkg: GeneratedPackage;
let queryRequest: Record<string, unknown>;

/** A v3 client of `gateway` with the app key it created (public-key mode unless `extra` says otherwise). */
function v3Client(gateway: TestGateway, extra: Record<string, unknown> = {}) {
  return pkg.index.createAlipayClient({
    appId: APP_ID,
    privateKey: gateway.keys.appPrivateKey!,
    alipayPublicKey: gateway.keys.gatewayPublicKeyPem,
    gateway: gateway.url,
    protocol: 'v3',
    validateResponse: true,
    ...extra,
  });
}

/** alipay-sdk for `gateway`'s origin with the app key (`extra`: cert mode, encryptKey). */
function sdkOf(gateway: TestGateway, extra: Record<string, unknown> = {}): AlipaySdk {
  const keys = extra['appCertContent'] === undefined ? { alipayPublicKey: gateway.keys.gatewayPublicKeyPem } : {};
  return new AlipaySdk({
    appId: APP_ID,
    privateKey: gateway.keys.appPrivateKey!.export({ type: 'pkcs1', format: 'pem' }) as string,
    ...keys,
    endpoint: new URL(gateway.url).origin,
    ...extra,
  });
}

async function method(name: string): Promise<Record<string, any>> {
  return (await import(`${pkg.dir}/dist/methods/${name}.js`)) as Record<string, any>;
}

beforeAll(async () => {
  const seeds = await seedSpecs();
  // The upload spec with the rule's route, local to this test: no v3 doc page says the method has one.
  const upload = seeds.find((s) => s.method === UPLOAD)!;
  specs = [...seeds.filter((s) => s.method !== UPLOAD), { ...upload, v3: { method: 'POST', path: '/v3/alipay/offline/material/image/upload' } }];
  pkg = await generatedPackage(specs);
  queryRequest = exampleRequest(specs, QUERY);
});

describe('v3 in certificate mode', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ specs, certMode: true, appId: APP_ID });
  });
  afterAll(async () => {
    await gateway?.close();
  });

  function certClient(extra: Record<string, unknown> = {}) {
    const files = gateway.keys.certs!.files;
    const certs = { appCert: files.appCert, alipayCert: files.alipayCert, alipayRootCert: files.alipayRootCert };
    return v3Client(gateway, { alipayPublicKey: undefined, certs, ...extra });
  }

  it('the generated alipay.trade.query: app_cert_sn signed, alipay-root-cert-sn sent, alipay-sn answered', async () => {
    const { alipayTradeQuery } = await method(QUERY);
    const { fetch: fetchImpl, wire } = recording();
    const { response: result } = await alipayTradeQuery(certClient({ fetch: fetchImpl }), queryRequest);
    expect(result.code).toBe('10000');
    expect(typeof result.trade_no).toBe('string');
    const certs = gateway.keys.certs!;
    const [request] = wire.requests;
    expect(new URL(request!.url).pathname).toBe('/v3/alipay/trade/query');
    expect(parseV3Authorization(request!.headers['authorization'])!.fields['app_cert_sn']).toBe(certs.appCertSn);
    expect(request!.headers['alipay-root-cert-sn']).toBe(certs.rootCertSn);
    expect(wire.answers[0]!.headers.get('alipay-sn')).toBe(certs.alipayCertSn);
  });

  it('alipay-sdk curl() in certificate mode passes, its alipay-sn check and signature check on', async () => {
    const certs = gateway.keys.certs!;
    const sdk = sdkOf(gateway, { appCertContent: certs.appCertPem, alipayPublicCertContent: certs.alipayCertPem, alipayRootCertContent: certs.alipayRootCertPem });
    const result = await sdk.curl('POST', '/v3/alipay/trade/query', { body: queryRequest });
    expect(result.responseHttpStatus).toBe(200);
    expect(typeof result.data.trade_no).toBe('string');
  });

  it('refuses a call without the serials, or with another root bundle, naming which', async () => {
    const { alipayTradeQuery } = await method(QUERY);
    const certs = gateway.keys.certs!;
    const publicKeyClient = v3Client(gateway);
    const missing = await alipayTradeQuery(publicKeyClient, queryRequest).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(pkg.index.AlipayV3ApiError);
    expect([(missing as any).status, (missing as any).code]).toEqual([401, 'missing-app-cert-sn']);
    // The Alipay certificate stands in as a root bundle of its own: another root SN.
    const otherRoot = certClient({ certs: { appCert: certs.appCertPem, alipayCert: certs.alipayCertPem, alipayRootCert: certs.alipayCertPem } });
    const wrongRoot = await alipayTradeQuery(otherRoot, queryRequest).catch((e: unknown) => e);
    expect((wrongRoot as any).code).toBe('invalid-alipay-root-cert-sn');
    expect((wrongRoot as any).signed).toBe(true);
  });
});

describe('v3 with AES content encryption', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ specs, aesKey: AES_KEY, appId: APP_ID });
  });
  afterAll(async () => {
    await gateway?.close();
  });

  function aesClient(extra: Record<string, unknown> = {}) {
    return v3Client(gateway, { aesKey: AES_KEY, ...extra });
  }

  it('the generated alipay.trade.query: ciphertext out (text/plain, AES headers), ciphertext back, typed result', async () => {
    const { alipayTradeQuery } = await method(QUERY);
    const { fetch: fetchImpl, wire } = recording();
    const { response: result } = await alipayTradeQuery(aesClient({ fetch: fetchImpl }), queryRequest);
    expect(result.code).toBe('10000');
    expect(typeof result.trade_no).toBe('string');
    const [request] = wire.requests;
    expect(request!.headers['content-type']).toBe('text/plain');
    expect(request!.headers['alipay-encrypt-type']).toBe('AES');
    expect(JSON.parse(aesDecrypt(request!.body, AES_KEY))).toEqual(queryRequest);
    const answer = wire.answers[0]!;
    expect(answer.headers.get('content-type')).toMatch(/^text\/plain/);
    const { code: _c, msg: _m, ...fields } = result;
    expect(JSON.parse(aesDecrypt(answer.body, AES_KEY))).toEqual(fields);
    expect(gateway.logLines.some((l) => l.includes(` ${QUERY} 200 AES `))).toBe(true);
  });

  it('alipay-sdk curl() with needEncrypt gets the same fields, and a plain call to the same gateway stays plain', async () => {
    const sdk = sdkOf(gateway, { encryptKey: AES_KEY });
    const { alipayTradeQuery } = await method(QUERY);
    const { response: ours } = await alipayTradeQuery(aesClient(), queryRequest);
    const { code: _c, msg: _m, ...fields } = ours;
    const encrypted = await sdk.curl('POST', '/v3/alipay/trade/query', { body: queryRequest, needEncrypt: true });
    expect(encrypted.data).toEqual(fields);
    const plain = await sdk.curl('POST', '/v3/alipay/trade/query', { body: queryRequest });
    expect(plain.data).toEqual(fields);
  });

  it('a business error answers plain JSON (never encrypted): an AlipayV3ApiError with the method code', async () => {
    const { alipayTradeQuery } = await method(QUERY);
    const { fetch: fetchImpl } = recording({ 'x-alipay-mock-scenario': 'business-error:ACQ.TRADE_NOT_EXIST' });
    const error = await alipayTradeQuery(aesClient({ fetch: fetchImpl }), queryRequest).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(pkg.index.AlipayV3ApiError);
    expect((error as any).code).toBe('ACQ.TRADE_NOT_EXIST');
    expect((error as any).signed).toBe(true);
  });

  it('a gateway without the key refuses an encrypted body (decryption-error)', async () => {
    const plainGateway = await startTestGateway({ specs, appId: APP_ID });
    try {
      const client = v3Client(plainGateway, { aesKey: AES_KEY });
      const { alipayTradeQuery } = await method(QUERY);
      const error = await alipayTradeQuery(client, queryRequest).catch((e: unknown) => e);
      expect((error as any).code).toBe('decryption-error');
    } finally {
      await plainGateway.close();
    }
  });
});

describe('v3 uploads', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ specs, appId: APP_ID, maxUploadBytes: 4096 });
  });
  afterAll(async () => {
    await gateway?.close();
  });

  const client = (extra: Record<string, unknown> = {}) => v3Client(gateway, extra);
  const fileId = createHash('sha256').update(IMAGE).digest('hex').slice(0, 32);

  it('the generated upload: multipart, the JSON in the data part (signed), the file arrives intact', async () => {
    const { alipayOfflineMaterialImageUpload } = await method(UPLOAD);
    const { fetch: fetchImpl, wire } = recording();
    const { response: result } = await alipayOfflineMaterialImageUpload(client({ fetch: fetchImpl }), {
      image_type: 'png',
      image_name: '门店 照片',
      image_content: { data: IMAGE, filename: 'shop.png', contentType: 'image/png' },
    });
    expect(result.code).toBe('10000');
    expect(result.image_id).toBe(fileId);
    const [request] = wire.requests;
    expect(new URL(request!.url).pathname).toBe('/v3/alipay/offline/material/image/upload');
    expect(request!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(request!.body).toContain('Content-Disposition: form-data; name="data"\r\nContent-Type: application/json\r\n\r\n{"image_type":"png","image_name":"门店 照片"}\r\n');
    expect(request!.bytes!.includes(Buffer.from(IMAGE))).toBe(true);
    // What was signed is the data part's JSON (the files are not).
    const parts = { httpMethod: 'POST', pathQuery: '/v3/alipay/offline/material/image/upload', body: '{"image_type":"png","image_name":"门店 照片"}' };
    expect(verifyV3Request(parseV3Authorization(request!.headers['authorization'])!, parts, createPublicKey(gateway.keys.appPrivateKey!))).toBe(true);
  });

  it('alipay-sdk curl() with an AlipayFormData form passes against the same route', async () => {
    const sdk = sdkOf(gateway);
    const form = new AlipayFormData();
    form.addField('image_type', 'png');
    form.addFile('image_content', 'shop.png', Buffer.from(IMAGE));
    const result = await sdk.curl('POST', '/v3/alipay/offline/material/image/upload', { form });
    expect(result.responseHttpStatus).toBe(200);
    expect(result.data.image_id).toBe(fileId);
  });

  it('refuses an upload without its file, and one over the size limit (413, as over v2)', async () => {
    const { alipayOfflineMaterialImageUpload } = await method(UPLOAD);
    const missing = await alipayOfflineMaterialImageUpload(client(), { image_type: 'png' }).catch((e: unknown) => e);
    expect((missing as any).code).toBe('missing-parameter');
    const big = await alipayOfflineMaterialImageUpload(client(), { image_content: new Uint8Array(8192) }).catch((e: unknown) => e);
    expect(big).toBeInstanceOf(pkg.index.AlipayHttpError);
    expect((big as any).status).toBe(413);
  });
});
