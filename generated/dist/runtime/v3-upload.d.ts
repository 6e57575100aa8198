/// <reference path="./platform.d.ts" />
/**
 * The body of a v3 upload, as the official Node SDK's curl() sends a form: multipart/form-data with
 * the JSON in a `data` part (application/json, the text the Authorization signs) and one file part
 * per file (never signed). Internal to v3-invoke.ts: its types need Blob and ReadableStream, so it
 * stays out of the public declarations (see multipart-body.ts).
 */
import type { AlipayFile } from './contract.js';
import { type MultipartBody } from './multipart-body.js';
/** The multipart body of a v3 upload: the `data` part holds `json`, then the files. */
export declare function v3UploadBody(json: string, files: readonly (readonly [string, AlipayFile])[]): MultipartBody;
