/**
 * File params of upload methods (`file` fields): the shape check the generated validators call,
 * the size when it is known before sending, the announced name and type, and the escaping of part
 * header values. The body itself is multipart-body.ts (its types need Blob and ReadableStream, so it
 * stays out of the public declarations, which compile without the DOM or Node type libraries).
 */
import type { AlipayBlobLike, AlipayFile, AlipayFileData } from './contract.js';

/** A MIME type with optional parameters (RFC 9110 tokens, quoted values without line breaks). */
const TOKEN = "[A-Za-z0-9!#$%&'*+.^_`|~-]+";
const MIME_TYPE = new RegExp(`^${TOKEN}/${TOKEN}(?:[ \\t]*;[ \\t]*${TOKEN}=(?:${TOKEN}|"[^"\\\\\\x00-\\x1f\\x7f]*"))*$`);
const OCTET_STREAM = 'application/octet-stream';

export function isBytes(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array;
}

export function isBlobLike(value: unknown): value is AlipayBlobLike {
  const v = value as { size?: unknown; arrayBuffer?: unknown } | null;
  return typeof v === 'object' && v !== null && typeof v.size === 'number' && typeof v.arrayBuffer === 'function';
}

function isByteStream(value: unknown): value is AsyncIterable<Uint8Array> {
  const v = value as { [Symbol.asyncIterator]?: unknown } | null;
  return typeof v === 'object' && v !== null && typeof v[Symbol.asyncIterator] === 'function';
}

function isFileData(value: unknown): value is AlipayFileData {
  return isBytes(value) || isBlobLike(value) || isByteStream(value);
}

/** True for a MIME type that is safe in a part header (`image/png`, `text/plain; charset=utf-8`). */
export function isMimeType(text: string): boolean {
  return MIME_TYPE.test(text);
}

/** Whether `value` is a file: bytes, a Blob, a stream, or `{ data, filename?, contentType? }` with a valid MIME type. */
export function isAlipayFile(value: unknown): value is AlipayFile {
  if (isFileData(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const { data, filename, contentType } = value as { data?: unknown; filename?: unknown; contentType?: unknown };
  return (
    isFileData(data) &&
    (filename === undefined || typeof filename === 'string') &&
    (contentType === undefined || (typeof contentType === 'string' && isMimeType(contentType)))
  );
}

export function dataOf(file: AlipayFile): AlipayFileData {
  return isFileData(file) ? file : file.data;
}

/** The file's size in bytes when known before sending (bytes, a Blob); undefined for a stream or a non-file. */
export function alipayFileSize(value: unknown): number | undefined {
  if (!isAlipayFile(value)) return undefined;
  const data = dataOf(value);
  if (isBytes(data)) return data.byteLength;
  return isBlobLike(data) ? data.size : undefined;
}

/**
 * A value for a quoted header parameter: `"`, `\` and control characters (CR and LF among them)
 * are percent-encoded, as the HTML standard encodes form names, so a value can neither close the
 * quoted string nor start a header line. Other text (Chinese file names) is sent as UTF-8.
 */
export function quoteHeaderValue(text: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${text.replace(/["\\\x00-\x1f\x7f]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}"`;
}

/** The name and type a file part announces. */
export function fileMeta(name: string, file: AlipayFile): { filename: string; contentType: string } {
  const parts = isFileData(file) ? undefined : file;
  const data = dataOf(file);
  const blob = isBlobLike(data) ? data : undefined;
  const filename = parts?.filename ?? (typeof blob?.name === 'string' && blob.name !== '' ? blob.name : name);
  const own = typeof blob?.type === 'string' && isMimeType(blob.type) ? blob.type : undefined;
  return { filename, contentType: parts?.contentType ?? own ?? OCTET_STREAM };
}
