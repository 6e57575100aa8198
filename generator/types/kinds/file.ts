/**
 * `file`: the bytes of an upload method's file param (the docs' FileItem, byte[], File), sent as a
 * multipart/form-data part beside the signed text params and never signed itself. A file is only
 * a top-level param (spec `params`): biz_content is JSON text and cannot hold bytes. A maxLength
 * on a file is its largest size in bytes, checked when the size is known before sending
 * (bytes, a Blob; a stream's size is not).
 */
import type { FileKindModule } from '../kind.js';

/**
 * A size for messages: in MiB or KiB when it is a whole number of them (error messages mask long
 * digit runs as possible personal data, so `5242880 bytes` would read `*****80 bytes`).
 */
export function formatSize(bytes: number): string {
  if (bytes % (1 << 20) === 0) return `${bytes / (1 << 20)} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

export const fileKind: FileKindModule = {
  kind: 'file',
  category: 'file',
  aliases: ['file', 'fileitem', 'byte[]', 'multipartfile'],
  mismatch: () => 'is not a file: a file has no JSON example (leave it out of the example)',
  validator: {
    mismatch: (expr) => `!isAlipayFile(${expr})`,
    message: 'expected a file: bytes (Uint8Array, Buffer), a Blob, a stream, or { data, filename?, contentType? } with a valid MIME type',
  },
  // OpenAPI's spelling of bytes in a multipart body; contentMediaType is JSON Schema 2020-12's.
  jsonSchema: () => ({ type: 'string', format: 'binary', contentMediaType: 'application/octet-stream' }),
  maxLength: 'bytes',
  tsType: 'AlipayFile',
  helpers: { check: 'isAlipayFile', size: 'alipayFileSize' },
  docNote: 'A file (multipart part, not signed): bytes (Uint8Array or Buffer), a Blob or File, a stream (any async iterable of bytes), or `{ data, filename?, contentType? }`.',
  sample: 'file-0001',
  // A stream's size is unknown before it is sent (alipayFileSize is undefined): the gateway judges it.
  tooLarge: (expr, maxBytes) => ({ condition: `(alipayFileSize(${expr}) ?? 0) > ${maxBytes}`, message: `larger than ${formatSize(maxBytes)}` }),
  maxBytesSchema: (maxBytes) => ({ 'x-alipay-max-bytes': maxBytes }),
};
