/**
 * The multipart/form-data body of an upload, as the official SDKs send uploads: the protocol params
 * and `sign` in the query string (invoke.ts), the method's text params as form fields, each file as a
 * file part; files are never signed. The boundary is random per request; names and file names go
 * through quoteHeaderValue, so no value can end a header or add one. Internal to invoke.ts.
 */
import { Buffer } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import type { AlipayBlobLike, AlipayFile } from './contract.js';
import { dataOf, fileMeta, isBlobLike, isBytes, quoteHeaderValue } from './multipart.js';

/** 32 random hex digits after a fixed prefix: never guessable, so no file can hold it by design. */
export function randomBoundary(): string {
  return `----AlipayCodegenBoundary${randomBytes(16).toString('hex')}`;
}

/** A multipart body ready to send. */
export interface MultipartBody {
  /** `multipart/form-data; boundary=...` */
  readonly contentType: string;
  readonly boundary: string;
  /**
   * A Blob when every file's bytes are at hand (bytes, Blobs: nothing is copied), else a
   * ReadableStream that reads each stream as it is sent (then `length` is undefined).
   */
  readonly body: Blob | ReadableStream<Uint8Array>;
  readonly length: number | undefined;
}

/** A piece of the body: our header bytes, or a file's data as given. */
type Piece = Uint8Array | AlipayBlobLike | AsyncIterable<Uint8Array>;

function pieces(fields: readonly (readonly [string, string])[], files: readonly (readonly [string, AlipayFile])[], boundary: string): Piece[] {
  const out: Piece[] = [];
  let text = '';
  for (const [name, value] of fields) {
    text += `--${boundary}\r\nContent-Disposition: form-data; name=${quoteHeaderValue(name)}\r\n\r\n${value}\r\n`;
  }
  for (const [name, file] of files) {
    const { filename, contentType } = fileMeta(name, file);
    text += `--${boundary}\r\nContent-Disposition: form-data; name=${quoteHeaderValue(name)}; filename=${quoteHeaderValue(filename)}\r\n`;
    text += `Content-Type: ${contentType}\r\n\r\n`;
    out.push(Buffer.from(text, 'utf8'), dataOf(file));
    text = '\r\n';
  }
  out.push(Buffer.from(`${text}--${boundary}--\r\n`, 'utf8'));
  return out;
}

async function* streamPieces(list: readonly Piece[]): AsyncGenerator<Uint8Array> {
  for (const piece of list) {
    if (isBytes(piece)) yield piece;
    else if (isBlobLike(piece)) yield new Uint8Array(await piece.arrayBuffer());
    else {
      for await (const chunk of piece) {
        // A Node stream in object or string mode hands out strings: sent as their UTF-8.
        yield typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      }
    }
  }
}

function readableOf(iterator: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done === true) controller.close();
        else controller.enqueue(next.value);
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return(undefined);
    },
  });
}

/**
 * The multipart/form-data body of text `fields` (in order) and `files`: text parts as the Node
 * SDK writes them (no part content type), then one file part per file.
 */
export function buildMultipartBody(
  fields: readonly (readonly [string, string])[],
  files: readonly (readonly [string, AlipayFile])[],
  boundary: string = randomBoundary(),
): MultipartBody {
  const list = pieces(fields, files, boundary);
  const contentType = `multipart/form-data; boundary=${boundary}`;
  // Real Blobs and bytes make a Blob without reading anything; other sources are streamed.
  if (list.every((p) => isBytes(p) || p instanceof Blob)) {
    // Node's Buffers are Uint8Array<ArrayBufferLike>, which newer lib types do not take as a BlobPart: same bytes at run time.
    const body = new Blob(list as unknown as ConstructorParameters<typeof Blob>[0]);
    return { contentType, boundary, body, length: body.size };
  }
  return { contentType, boundary, body: readableOf(streamPieces(list)), length: undefined };
}

/** Takes the file params out of a request: the rest (text params, biz_content fields) and the files present. */
export function splitFiles(request: unknown, names: readonly string[]): { rest: Record<string, unknown>; files: [string, AlipayFile][] } {
  const rest: Record<string, unknown> = {};
  const files: [string, AlipayFile][] = [];
  const source = request as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (!names.includes(key)) Object.defineProperty(rest, key, { value, enumerable: true, writable: true, configurable: true });
    else if (value !== undefined && value !== null) files.push([key, value as AlipayFile]);
  }
  return { rest, files };
}
