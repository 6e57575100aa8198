/// <reference path="./platform.d.ts" />
/**
 * File params of upload methods (`file` fields): the shape check the generated validators call,
 * the size when it is known before sending, the announced name and type, and the escaping of part
 * header values. The body itself is multipart-body.ts (its types need Blob and ReadableStream, so it
 * stays out of the public declarations, which compile without the DOM or Node type libraries).
 */
import type { AlipayBlobLike, AlipayFile, AlipayFileData } from './contract.js';
export declare function isBytes(value: unknown): value is Uint8Array;
export declare function isBlobLike(value: unknown): value is AlipayBlobLike;
/** True for a MIME type that is safe in a part header (`image/png`, `text/plain; charset=utf-8`). */
export declare function isMimeType(text: string): boolean;
/** Whether `value` is a file: bytes, a Blob, a stream, or `{ data, filename?, contentType? }` with a valid MIME type. */
export declare function isAlipayFile(value: unknown): value is AlipayFile;
export declare function dataOf(file: AlipayFile): AlipayFileData;
/** The file's size in bytes when known before sending (bytes, a Blob); undefined for a stream or a non-file. */
export declare function alipayFileSize(value: unknown): number | undefined;
/**
 * A value for a quoted header parameter: `"`, `\` and control characters (CR and LF among them)
 * are percent-encoded, as the HTML standard encodes form names, so a value can neither close the
 * quoted string nor start a header line. Other text (Chinese file names) is sent as UTF-8.
 */
export declare function quoteHeaderValue(text: string): string;
/** The name and type a file part announces. */
export declare function fileMeta(name: string, file: AlipayFile): {
    filename: string;
    contentType: string;
};
