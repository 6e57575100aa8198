/**
 * Uploads end to end over real HTTP on 127.0.0.1: the generated package (its Operation object
 * through invokeResult) sends alipay.offline.material.image.upload as multipart/form-data to the
 * local gateway, with Buffer, Blob, File and stream inputs and both transports; the gateway checks
 * the signature over the text params, validates the parts and answers an id derived from the
 * bytes it received (so a test sees them arrive intact). Oversize, empty and hostile inputs too.
 */
import { createHash, randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodSpec } from '../../generator/spec/model.js';
import { buildSignedRequest, formatTimestamp } from '../../templates/runtime/index.js';
import { buildMultipartBody } from '../../templates/runtime/multipart-body.js';
import { generatedPackage, seedSpecs, startTestGateway, type GeneratedPackage, type TestGateway } from './helpers.js';

const UPLOAD = 'alipay.offline.material.image.upload';
const APP_ID = '2021000000000001';

let specs: MethodSpec[];
let pkg: GeneratedPackage;
let gateway: TestGateway;

beforeAll(async () => {
  specs = await seedSpecs();
  [pkg, gateway] = await Promise.all([generatedPackage(specs), startTestGateway({ specs, maxUploadBytes: 6 << 20 })]);
});
afterAll(async () => {
  await gateway?.close();
  if (pkg) await rm(pkg.dir, { recursive: true, force: true });
});

function client(extra: Record<string, unknown> = {}): unknown {
  return pkg.index.createAlipayClient({ appId: APP_ID, privateKey: gateway.keys.appPrivateKey!, alipayPublicKey: gateway.keys.gatewayPublicKeyPem, gateway: gateway.url, ...extra });
}

const idOf = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex').slice(0, 32);

function upload(c: unknown, request: Record<string, unknown>): Promise<any> {
  return pkg.index.invokeResult(c, pkg.index.alipayOfflineMaterialImageUploadOperation, request);
}

describe('the generated package uploads a file to the local gateway', () => {
  const image = randomBytes(300_000);
  const inputs: [string, () => unknown][] = [
    ['a Buffer', () => image],
    ['a Uint8Array', () => new Uint8Array(image)],
    ['a Blob', () => new Blob([image], { type: 'image/png' })],
    ['a File (its own name and type)', () => new File([image], '门店 照片.png', { type: 'image/png' })],
    ['a Node stream', () => Readable.from([image.subarray(0, 1000), image.subarray(1000)])],
    ['a web ReadableStream', () => Readable.toWeb(Readable.from([image]))],
    ['{ data, filename, contentType }', () => ({ data: Readable.from([image]), filename: 'shop.png', contentType: 'image/png' })],
  ];
  for (const transport of ['fetch', 'node'] as const) {
    for (const [what, make] of inputs) {
      it(`${transport} transport, ${what}: signed, verified, the bytes arrive intact`, async () => {
        const c = client(transport === 'node' ? { fetch: pkg.index.createNodeTransport() } : {});
        const result = await upload(c, { image_content: make(), image_name: '门店照片', image_type: 'png' });
        expect(result.status).toBe('success');
        expect(result.response.code).toBe('10000');
        expect(result.response.image_id).toBe(idOf(image));
      });
    }
  }

  it('a file larger than the documented 5M is refused by the validator before anything is sent', async () => {
    const before = gateway.stats().requests;
    const error = await upload(client(), { image_content: new Uint8Array((5 << 20) + 1), image_type: 'png' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(pkg.index.AlipayValidationError);
    expect(error.issues).toEqual([{ path: 'image_content', rule: 'maxLength', message: 'larger than 5 MiB' }]);
    expect(gateway.stats().requests).toBe(before);
  });

  it('a value that is no file is refused by the validator (a string, a bad content type)', async () => {
    for (const value of ['not bytes', { data: image, contentType: 'image/png\r\nx-injected: 1' }, { filename: 'a.png' }]) {
      const error = await upload(client(), { image_content: value }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(pkg.index.AlipayValidationError);
      expect(error.issues.map((i: { rule: string }) => i.rule)).toEqual(['type']);
    }
  });

  it('a hostile filename reaches the gateway as one escaped name: no header injected, the signature still verifies', async () => {
    const filename = 'a"; name="image_type"\r\nContent-Type: text/html\r\n\r\nx\\';
    const result = await upload(client(), { image_content: { data: image, filename }, image_type: 'png' });
    expect(result.response.image_id).toBe(idOf(image));
  });
});

/** Signs the text params as the runtime does and POSTs a multipart body by hand (no validator on the way). */
async function rawUpload(fields: Record<string, string>, files: [string, Uint8Array][], headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const params = { app_id: APP_ID, method: UPLOAD, charset: 'utf-8', sign_type: 'RSA2', timestamp: formatTimestamp(), version: '1.0', ...fields };
  const signed = buildSignedRequest(gateway.url, params, gateway.keys.appPrivateKey! as never, 'RSA2', Object.keys(fields));
  const body = buildMultipartBody([...new URLSearchParams(signed.body)], files);
  const response = await fetch(signed.url, { method: 'POST', headers: { 'content-type': body.contentType, ...headers }, body: body.body as Blob });
  return { status: response.status, text: await response.text() };
}

describe('the gateway reads uploads', () => {
  it('a text param changed after signing fails the signature: text params are signed, the file is not', async () => {
    const params = { app_id: APP_ID, method: UPLOAD, charset: 'utf-8', sign_type: 'RSA2', timestamp: formatTimestamp(), version: '1.0', image_type: 'png' };
    const signed = buildSignedRequest(gateway.url, params, gateway.keys.appPrivateKey! as never, 'RSA2', ['image_type']);
    const send = async (imageType: string, file: Uint8Array) => {
      const body = buildMultipartBody([['image_type', imageType]], [['image_content', file]]);
      const response = await fetch(signed.url, { method: 'POST', headers: { 'content-type': body.contentType }, body: body.body as Blob });
      return JSON.parse(await response.text())[`alipay_offline_material_image_upload_response`];
    };
    expect((await send('png', randomBytes(10))).code).toBe('10000');
    // Other bytes under the same signature: still valid (files are never signed).
    expect((await send('png', randomBytes(20))).code).toBe('10000');
    expect((await send('jpg', randomBytes(10))).sub_code).toBe('isv.invalid-signature');
  });

  it('no file part, or an empty one, is refused with the parameter named', async () => {
    const none = JSON.parse((await rawUpload({ image_type: 'png' }, [])).text).alipay_offline_material_image_upload_response;
    // The gateway answers a missing business param with 40002 (codes.ts), unlike missing protocol params.
    expect([none.code, none.sub_code]).toEqual(['40002', 'isv.missing-parameter']);
    expect(none.sub_msg).toContain('image_content');
    const empty = JSON.parse((await rawUpload({ image_type: 'png' }, [['image_content', new Uint8Array(0)]])).text).alipay_offline_material_image_upload_response;
    expect([empty.code, empty.sub_code]).toEqual(['40002', 'isv.invalid-parameter']);
    expect(empty.sub_msg).toContain('image_content: empty file');
  });

  it('a file over the documented size that bypassed the client validator is refused by the generated validator', async () => {
    const { text } = await rawUpload({ image_type: 'png' }, [['image_content', new Uint8Array((5 << 20) + 10)]]);
    const node = JSON.parse(text).alipay_offline_material_image_upload_response;
    expect([node.code, node.sub_code]).toEqual(['40002', 'isv.invalid-parameter']);
    expect(node.sub_msg).toContain('image_content: larger than 5 MiB');
  });

  it('a body over maxUploadBytes is answered 413 (declared length: before reading it)', async () => {
    const { status, text } = await rawUpload({ image_type: 'png' }, [['image_content', new Uint8Array((6 << 20) + 1)]]);
    expect(status).toBe(413);
    expect(text).toContain(`limited to ${6 << 20} bytes`);
  });

  it('a streamed (chunked) body over maxUploadBytes is answered 413 at the byte that passes it', async () => {
    const chunk = new Uint8Array(1 << 20);
    const c = client({ fetch: pkg.index.createNodeTransport() });
    const error = await upload(c, { image_content: Readable.from(Array.from({ length: 8 }, () => chunk)) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(pkg.index.AlipayHttpError);
    expect(error.status).toBe(413);
  });

  it('a malformed multipart body is answered 400', async () => {
    const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: 'not multipart at all' });
    expect(response.status).toBe(400);
    await response.text();
  });
});
