/**
 * Uploads against the official Node SDK (alipay-sdk 4.14, exec() with an AlipayFormData holding a
 * file): the SDK's request is captured by a real server on 127.0.0.1 and read back with undici;
 * for the same params, key and timestamp the runtime signs the same string with the same signature,
 * puts the same params in the query string and the same text fields and file in the multipart body.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlipayFormData, AlipaySdk } from 'alipay-sdk';
import { buildSignContent, buildSignedRequest, createAlipayClient, createNodeTransport, invokeResult, loadPrivateKey, type Operation } from '../../templates/runtime/index.js';
import { buildMultipartBody } from '../../templates/runtime/multipart-body.js';
import { readVectorFile } from './helpers.js';

const APP_ID = '2021000122671080';
const METHOD = 'alipay.offline.material.image.upload';
const appPem = readVectorFile('keys/app-private-key.pem');
const IMAGE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 3, 0xff]);

interface Captured {
  readonly url: URL;
  readonly contentType: string;
  readonly form: FormData;
}

let server: ReturnType<typeof createServer>;
let gateway: string;
const captured: Captured[] = [];

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void readAll(req).then(async (body) => {
      const contentType = req.headers['content-type'] ?? '';
      const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
      captured.push({ url: new URL(req.url ?? '/', 'http://127.0.0.1'), contentType, form });
      // An unsigned error answer: the SDK returns or rejects, the request is what is compared.
      res.writeHead(200, { 'content-type': 'application/json;charset=utf-8' });
      res.end('{"error_response":{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-app-id","sub_msg":"x"}}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  gateway = `http://127.0.0.1:${(server.address() as AddressInfo).port}/gateway.do`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function sdkUpload(): Promise<Captured> {
  const sdk = new AlipaySdk({ appId: APP_ID, privateKey: appPem, gateway, signType: 'RSA2', keyType: 'PKCS1' });
  const form = new AlipayFormData();
  form.addField('imageType', 'png');
  form.addField('imageName', '门店 照片');
  form.addFile('imageContent', 'shop.png', IMAGE);
  captured.length = 0;
  await sdk.exec(METHOD, {}, { formData: form, validateSign: false }).catch(() => undefined);
  expect(captured).toHaveLength(1);
  return captured[0]!;
}

describe('multipart uploads match alipay-sdk', () => {
  it('same string to sign and signature, the same params in the query, the same fields and file in the body', async () => {
    const sdk = await sdkUpload();
    const query = Object.fromEntries(sdk.url.searchParams);
    const { sign: sdkSign, ...sdkSigned } = query;
    const sdkFields = [...sdk.form].filter(([, v]) => typeof v === 'string') as [string, string][];
    // The SDK signs the query params and the text fields together (files excluded).
    const sdkContent = buildSignContent({ ...sdkSigned, ...Object.fromEntries(sdkFields) });

    // Ours, for the same params and the SDK's timestamp, split as invokeResult splits an upload.
    const params = { app_id: APP_ID, method: METHOD, charset: 'utf-8', sign_type: 'RSA2', timestamp: query['timestamp'], version: '1.0', image_type: 'png', image_name: '门店 照片' };
    const ours = buildSignedRequest(gateway, params, loadPrivateKey(appPem), 'RSA2', ['image_name', 'image_type']);
    expect(ours.signContent).toBe(sdkContent);
    expect(ours.sign).toBe(sdkSign);
    expect(Object.fromEntries(new URL(ours.url).searchParams)).toEqual(query);

    const body = buildMultipartBody([...new URLSearchParams(ours.body)], [['image_content', { data: IMAGE, filename: 'shop.png' }]]);
    const form = await new Response(body.body as Blob, { headers: { 'content-type': body.contentType } }).formData();
    const texts = (f: FormData) => Object.fromEntries([...f].filter(([, v]) => typeof v === 'string'));
    expect(texts(form)).toEqual(texts(sdk.form));
    const [ourFile, sdkFile] = [form.get('image_content'), sdk.form.get('image_content')] as File[];
    expect(ourFile!.name).toBe(sdkFile!.name);
    expect(Buffer.from(await ourFile!.arrayBuffer())).toEqual(Buffer.from(await sdkFile!.arrayBuffer()));
    expect(sdk.contentType).toMatch(/^multipart\/form-data; ?boundary=/);
    expect(body.contentType).toMatch(/^multipart\/form-data; boundary=/);
  });

  for (const transport of ['fetch', 'node'] as const) {
    it(`invokeResult (${transport} transport) sends what the SDK sends: the same query names, text fields and file part`, async () => {
      const sdk = await sdkUpload();
      const op: Operation<Record<string, unknown>, Record<string, unknown>> = {
        method: METHOD,
        validateRequest: () => [],
        validateResponse: () => [],
        errorCodes: [],
        params: ['image_name', 'image_pid', 'image_type'],
        files: ['image_content'],
      };
      const client = createAlipayClient({ appId: APP_ID, privateKey: appPem, gateway, verifyResponseSign: false, ...(transport === 'node' && { fetch: createNodeTransport() }) });
      captured.length = 0;
      // It fails on the SDK's capture server's unsigned error answer: the request is what is compared.
      const error = await invokeResult(client, op, { image_type: 'png', image_name: '门店 照片', image_content: new Blob([IMAGE]) }).catch((e: unknown) => e);
      expect((error as Error).name).toBe('AlipayApiError');
      const ours = captured[0]!;
      // The Java SDK sends format=JSON too; the Node SDK leaves it out. Everything else is the same list.
      expect([...ours.url.searchParams.keys()].filter((k) => k !== 'format').sort()).toEqual([...sdk.url.searchParams.keys()].sort());
      expect(ours.url.searchParams.get('format')).toBe('JSON');
      const names = (f: FormData) => [...f].map(([k, v]) => `${k}:${typeof v}`).sort();
      expect(names(ours.form)).toEqual(names(sdk.form));
      expect(Buffer.from(await (ours.form.get('image_content') as File).arrayBuffer())).toEqual(IMAGE);
    });
  }
});
