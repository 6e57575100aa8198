/// <reference path="./platform.d.ts" />
import type { CallOptions } from './contract.js';
import { type AlipayClient } from './client.js';
import { type Observers } from './observe.js';
/** How much of a failure body is kept (masked) on AlipayHttpError. */
export declare const HTTP_ERROR_BODY_BYTES = 2048;
/** A short, key-free description of why fetch failed (e.g. `ECONNREFUSED 127.0.0.1:1234`). */
export declare function describeFailure(error: unknown, url: string): string;
/**
 * The gateway's trace id: the `trace_id` header of gateway.do answers (where the official SDKs read
 * it), else `alipay-trace-id` (v3). Only an id-shaped value (letters, digits, `_`, `-`) is taken.
 */
export declare function traceIdOf(response: Pick<Response, 'headers'>): string | undefined;
/**
 * Reads the whole body, at most `limit` bytes: a declared Content-Length above it fails before
 * reading, and the stream is cancelled as soon as the bytes read pass it. Without `tooLarge`, the
 * first `limit` bytes are returned instead.
 */
export declare function readBounded(response: Response, limit: number, tooLarge: (() => Error) | undefined): Promise<Uint8Array>;
/** The start of a failure body, for AlipayHttpError (masked there); undefined when it cannot be read. */
export declare function httpErrorBody(response: Response): Promise<string | undefined>;
/** What a call learnt of its answer, for the observers (also when it failed). */
export interface Progress {
    status: number | undefined;
    traceId: string | undefined;
}
/** The request as a protocol builds it; the transport adds the signal, `redirect` and the dispatcher. */
export interface TransportRequest {
    readonly method: string;
    readonly headers: Readonly<Record<string, string>>;
    /**
     * A string, or an upload's Blob or ReadableStream (multipart-body.ts). Typed `object`: the public
     * declarations compile without the DOM and Node type libraries, which declare those two.
     */
    readonly body: string | object | undefined;
}
/** An answer's status line and headers, and its body, read on demand under the same timeout. */
export interface Exchange {
    readonly response: Response;
    readonly traceId: string | undefined;
    /**
     * The whole body, at most `client.maxResponseBytes`: AlipayResponseTooLargeError past it,
     * AlipayTimeoutError when the timeout fires while reading, the abort reason when the caller
     * aborts, AlipayMalformedResponseError when the body ends early.
     */
    read(): Promise<Uint8Array>;
    /** The start of a failure body (HTTP_ERROR_BODY_BYTES, trimmed), for AlipayHttpError; undefined when empty or unreadable. */
    errorBody(): Promise<string | undefined>;
}
/**
 * Sends `request` to `url` and hands the answer to `use`, all under one timeout (the call's
 * `timeoutMs`, else the client's). A redirect is an AlipayHttpError (never followed: a 307/308
 * would resend the signed request wherever Location points); a fetch failure is an
 * AlipayNetworkError (AlipayTimeoutError when the timeout fired; the abort reason when the caller aborted).
 */
export declare function exchange<T>(client: AlipayClient, method: string, url: string, request: TransportRequest, options: CallOptions | undefined, progress: Progress, use: (exchange: Exchange) => Promise<T>): Promise<T>;
/** An error as observers may see it: its class name and masked message, nothing else. */
export declare function describeError(error: unknown): {
    name: string;
    message: string;
};
/**
 * Runs a call (its attempts included) and reports its end to the observers: outcome, the last
 * status and trace id `progress` saw, the masked error, the duration. Resolves and rejects as `call`.
 */
export declare function observed<T extends {
    readonly status: 'success' | 'pending';
}>(observers: Observers, method: string, progress: Progress, call: () => Promise<T>): Promise<T>;
