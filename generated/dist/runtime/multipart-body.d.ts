/// <reference path="./platform.d.ts" />
import type { AlipayFile } from './contract.js';
/** 32 random hex digits after a fixed prefix: never guessable, so no file can hold it by design. */
export declare function randomBoundary(): string;
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
/**
 * The multipart/form-data body of text `fields` (in order) and `files`: text parts as the Node
 * SDK writes them (no part content type), then one file part per file.
 */
export declare function buildMultipartBody(fields: readonly (readonly [string, string])[], files: readonly (readonly [string, AlipayFile])[], boundary?: string): MultipartBody;
/** Takes the file params out of a request: the rest (text params, biz_content fields) and the files present. */
export declare function splitFiles(request: unknown, names: readonly string[]): {
    rest: Record<string, unknown>;
    files: [string, AlipayFile][];
};
