/**
 * The generated upload types accept what a Node user holds (a Buffer, a Blob or File, a stream,
 * `{ data, filename, contentType }`) and refuse what is no file, under `tsc --strict` (TypeScript 7
 * and 5.9, one process each) against the committed package's declarations.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, TSC, buildProjects, linkNodeTypes, type TscResult } from '../support/typescript.js';

const METHOD_DTS = join(ROOT, 'generated/dist/methods/alipay.offline.material.image.upload.js');
const RUNTIME_DTS = join(ROOT, 'generated/dist/runtime/index.js');

const CONSUMER = `
import { createReadStream, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { AlipayOfflineMaterialImageUploadRequest as Req } from ${JSON.stringify(METHOD_DTS)};
import { alipayOfflineMaterialImageUploadOperation, alipayOfflineMaterialImageUpload } from ${JSON.stringify(METHOD_DTS)};
import { invokeResult, type AlipayClient, type AlipayFile } from ${JSON.stringify(RUNTIME_DTS)};

declare const client: AlipayClient;
const inputs: Req[] = [
  { image_content: readFileSync('shop.png'), image_type: 'png' },
  { image_content: new Uint8Array(3) },
  { image_content: new Blob(['x'], { type: 'image/png' }) },
  { image_content: new File(['x'], 'shop.png') },
  { image_content: createReadStream('shop.png') },
  { image_content: Readable.from([Buffer.from('x')]) },
  { image_content: { data: createReadStream('shop.png'), filename: '门店.png', contentType: 'image/png' } },
];
export const calls = inputs.map((r) => invokeResult(client, alipayOfflineMaterialImageUploadOperation, r));
export const direct: Promise<{ image_id?: string }> = alipayOfflineMaterialImageUpload(client, inputs[0]!);
export const file: AlipayFile = readFileSync('x');

// @ts-expect-error a string is no file
export const s: Req = { image_content: 'shop.png' };
// @ts-expect-error a file name alone is no file
export const n: Req = { image_content: { filename: 'shop.png' } };
// @ts-expect-error a number is no file
export const k: Req = { image_content: 1 };
`;

let work: string;
const results = new Map<string, TscResult>();

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'alipay-upload-types-'));
  await linkNodeTypes(work);
  const options = { strict: true, noEmit: true, skipLibCheck: false, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022', 'dom'], types: ['node'] };
  await writeFile(join(work, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  await writeFile(join(work, 'consumer.ts'), CONSUMER);
  await writeFile(join(work, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files: ['consumer.ts'] }));
  for (const name of ['typescript 7', 'typescript 5.9'] as const) results.set(name, (await buildProjects(TSC[name], work, ['.'])).get('.')!);
}, 120_000);
afterAll(() => rm(work, { recursive: true, force: true }));

describe('generated upload types', () => {
  for (const name of ['typescript 7', 'typescript 5.9'] as const) {
    it(`${name}: Buffer, Blob, File, streams and { data } compile; a string, a name alone or a number do not`, () => {
      expect(results.get(name)).toEqual({ code: 0, output: '' });
    });
  }
});
