/**
 * The multipart body the runtime builds, read back by an independent parser (undici's
 * `Response.formData()`, what Node's fetch uses): every text field and file arrives as sent, for
 * any names, values, file names and bytes; a hostile file name (quotes, CR/LF, backslashes,
 * control characters) stays one escaped name and never adds a header or a part.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Readable } from 'node:stream';
import { alipayFileSize, isAlipayFile, isMimeType, quoteHeaderValue } from '../../templates/runtime/multipart.js';
import { buildMultipartBody, randomBoundary, splitFiles } from '../../templates/runtime/multipart-body.js';

/** What a name looks like after escaping: the characters that could end the quoted value or the line, percent-encoded. */
const escaped = (text: string): string => quoteHeaderValue(text).slice(1, -1);
/** What a WHATWG parser reads of it: it turns %22, %0D and %0A back into `"`, CR and LF (undici does). */
const readBack = (text: string): string => escaped(text).replace(/%(22|0D|0A)/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

async function parse(body: ReturnType<typeof buildMultipartBody>): Promise<FormData> {
  return new Response(body.body as Blob, { headers: { 'content-type': body.contentType } }).formData();
}

async function bytesOf(body: ReturnType<typeof buildMultipartBody>): Promise<string> {
  return Buffer.from(await new Response(body.body as Blob).arrayBuffer()).toString('latin1');
}

const hostile = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('"', '\r', '\n', '\\', ';', '=', ':', ' ', 'a', '\0', '\t', '文', '%'), maxLength: 16 }),
  fc.constantFrom('a"; name="image_type"\r\nContent-Type: text/html\r\n\r\nx', 'evil.png\r\n\r\n--', '\\', 'x\\"'),
);
const fieldName = fc.string({ unit: fc.constantFrom('a', 'b', '_', 'z'), minLength: 1, maxLength: 6 });
const textValue = fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => s.replace(/\r/g, ''));

describe('multipart bodies read back by undici', () => {
  it('text fields, file names, types and bytes arrive as sent, whatever the names', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.tuple(fieldName, textValue), { selector: ([k]) => k, maxLength: 4 }),
        hostile,
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom('image/png', 'application/octet-stream', 'text/plain; charset=utf-8'),
        async (fields, filename, bytes, contentType) => {
          const body = buildMultipartBody(fields, [['file_content', { data: bytes, filename, contentType }]]);
          const form = await parse(body);
          const entries = [...form];
          // One entry per field and one for the file: nothing was injected.
          expect(entries.map(([k]) => k)).toEqual([...fields.map(([k]) => k), 'file_content']);
          for (const [k, v] of fields) expect(form.get(k)).toBe(v);
          const file = form.get('file_content') as File;
          expect(file.name).toBe(readBack(filename));
          expect(file.type).toBe(contentType);
          expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the file part header has exactly its two lines, whatever the file name', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (filename) => {
        const body = buildMultipartBody([], [['f', { data: new Uint8Array([1]), filename }]], 'BOUNDARY');
        const text = await bytesOf(body);
        const head = text.slice('--BOUNDARY\r\n'.length, text.indexOf('\r\n\r\n'));
        const lines = head.split('\r\n');
        expect(lines).toHaveLength(2);
        expect(lines[0]).toMatch(/^Content-Disposition: form-data; name="f"; filename="[^"\r\n\\\x00-\x1f\x7f]*"$/);
        expect(lines[1]).toBe('Content-Type: application/octet-stream');
      }),
      { numRuns: 300 },
    );
  });

  it('the boundary is random per request', () => {
    const seen = new Set(Array.from({ length: 100 }, () => randomBoundary()));
    expect(seen.size).toBe(100);
    for (const b of seen) expect(b).toMatch(/^----AlipayCodegenBoundary[0-9a-f]{32}$/);
  });

  it('bytes and Blobs make a Blob body of known length; a stream makes a stream of the same bytes', async () => {
    const data = new Uint8Array([0, 1, 2, 250, 13, 10]);
    const known = buildMultipartBody([['a', 'b']], [['f', new Blob([data])]], 'B');
    expect(known.body).toBeInstanceOf(Blob);
    expect(known.length).toBe((known.body as Blob).size);
    const streamed = buildMultipartBody([['a', 'b']], [['f', Readable.from([data.subarray(0, 2), data.subarray(2)])]], 'B');
    expect(streamed.body).toBeInstanceOf(ReadableStream);
    expect(streamed.length).toBeUndefined();
    expect(Buffer.from(await new Response(streamed.body as ReadableStream).arrayBuffer())).toEqual(Buffer.from(await (known.body as Blob).arrayBuffer()));
  });

  it('a File announces its own name and type; bytes default to the field name and application/octet-stream', async () => {
    const form = await parse(buildMultipartBody([], [['x', new File(['hi'], '照片.jpg', { type: 'image/jpeg' })], ['y', new Uint8Array([1])]]));
    expect([(form.get('x') as File).name, (form.get('x') as File).type]).toEqual(['照片.jpg', 'image/jpeg']);
    expect([(form.get('y') as File).name, (form.get('y') as File).type]).toEqual(['y', 'application/octet-stream']);
  });
});

describe('file values', () => {
  it('isAlipayFile accepts bytes, Blobs, streams and { data } with a MIME type; refuses the rest', () => {
    const yes = [new Uint8Array(1), Buffer.from('x'), new Blob(['x']), Readable.from(['x']), { data: new Uint8Array(0) }, { data: new Blob([]), filename: 'a', contentType: 'image/png' }];
    const no = ['x', 1, null, [], {}, { data: 'x' }, { data: new Uint8Array(0), filename: 1 }, { data: new Uint8Array(0), contentType: 'image/png\r\nX: y' }, { data: new Uint8Array(0), contentType: 'png' }];
    for (const v of yes) expect(isAlipayFile(v)).toBe(true);
    for (const v of no) expect(isAlipayFile(v)).toBe(false);
  });

  it('isMimeType never accepts a line break or a quote outside a quoted value', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        if (isMimeType(text)) expect(text).not.toMatch(/[\r\n\0]/);
      }),
    );
    expect(isMimeType('text/plain; charset="utf-8"')).toBe(true);
  });

  it('alipayFileSize: known for bytes and Blobs, undefined for streams', () => {
    expect(alipayFileSize(new Uint8Array(7))).toBe(7);
    expect(alipayFileSize({ data: new Blob(['abc']) })).toBe(3);
    expect(alipayFileSize(Readable.from(['x']))).toBeUndefined();
    expect(alipayFileSize('x')).toBeUndefined();
  });

  it('splitFiles takes the files out and keeps every other key (a __proto__ key stays data)', () => {
    const request = JSON.parse('{"__proto__": "p", "image_type": "png"}') as Record<string, unknown>;
    request['image_content'] = new Uint8Array(1);
    const { rest, files } = splitFiles(request, ['image_content']);
    expect(Object.keys(rest)).toEqual(['__proto__', 'image_type']);
    expect(files.map(([k]) => k)).toEqual(['image_content']);
  });
});
