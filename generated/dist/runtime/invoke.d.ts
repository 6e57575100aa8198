/// <reference path="./platform.d.ts" />
import type { CallOptions, CallResult, Operation } from './contract.js';
import { type AlipayClient } from './client.js';
/** A short, key-free description of why fetch failed (e.g. `ECONNREFUSED 127.0.0.1:1234`). */
export declare function describeFailure(error: unknown, url: string): string;
/**
 * Moves the operation's top-level params out of the request (stringified; absent ones left out)
 * and serialises what remains as `biz_content`, sent only when something remains or the method
 * has no top-level params (then `{}` is its documented empty biz_content).
 */
export declare function splitRequest(request: unknown, params: readonly string[] | undefined): {
    top: Record<string, string>;
    biz: string | undefined;
};
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
/** The start of a non-200 body, for AlipayHttpError (masked there); undefined when it cannot be read. */
export declare function httpErrorBody(response: Response): Promise<string | undefined>;
/**
 * Calls `op` on the gateway and resolves with the verified answer: `{ status: 'success', response }`
 * for code 10000, `{ status: 'pending', response }` for 10003 (业务处理中), both with the trace id.
 * Rejects with AlipayValidationError, AlipayConfigError (a bad per-call option), AlipayHttpError,
 * AlipayTimeoutError, AlipayNetworkError, AlipayResponseTooLargeError, AlipayMalformedResponseError,
 * AlipaySignatureError or AlipayApiError (and with the abort reason when `options.signal` aborts).
 */
export declare function invokeResult<Req, Res, Code extends string>(client: AlipayClient, op: Operation<Req, Res, Code>, request: Req, options?: CallOptions): Promise<CallResult<Res>>;
/** An error as observers may see it: its class name and masked message, nothing else. */
export declare function describeError(error: unknown): {
    name: string;
    message: string;
};
/**
 * Calls `op` and resolves with the verified response node of a success (code 10000); every other
 * answer rejects, a pending one (10003) with an AlipayApiError of code 10003 (its `response` holds
 * trade_no ...). Kept for method modules generated before invokeResult; new code calls invokeResult.
 */
export declare function invoke<Req, Res, Code extends string>(client: AlipayClient, op: Operation<Req, Res, Code>, request: Req, options?: CallOptions): Promise<Res>;
