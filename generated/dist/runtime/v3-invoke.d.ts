/// <reference path="./platform.d.ts" />
/**
 * One v3 call: (validated by invokeResult) -> path, query and JSON body from the route -> the
 * Authorization header -> fetch with a timeout -> read (bounded) -> verify `alipay-signature` ->
 * the same CallResult and errors as v2. A success body holds the method's fields only; `code`
 * `10000` and `msg` `Success` are set on it so the result has the method's Response type as over v2.
 */
import { type KeyObject } from './platform.js';
import type { CallOptions, CallResult, Operation, V3Route } from './contract.js';
import { type AlipayClient } from './client.js';
/** The request headers of a v3 call. */
export declare function buildV3Headers(authorization: string, requestId: string, appAuthToken: string | undefined, hasBody: boolean): Record<string, string>;
/** A v3 answer as read. */
export interface V3Answer {
    readonly status: number;
    readonly bytes: Uint8Array;
    readonly headers: {
        get(name: string): string | null;
    };
    readonly traceId: string | undefined;
}
/**
 * Checks the answer's `alipay-signature` over `alipay-timestamp\nalipay-nonce\nbody\n`. Returns
 * true when it verifies, false for an unsigned failure (`failure`: HTTP >= 400, reported as
 * `signed: false`), and throws AlipaySignatureError for an unsigned success or a signature that
 * does not verify: the v2 policy.
 */
export declare function checkV3Signature(answer: V3Answer, publicKey: KeyObject, failure: boolean, method: string): boolean;
/** Verifies and parses a v3 answer into a result, or throws the error it stands for. */
export declare function interpretV3<Req, Res, Code extends string>(client: AlipayClient, op: Operation<Req, Res, Code>, answer: V3Answer, options: CallOptions | undefined): CallResult<Res>;
/**
 * Calls `op` over its v3 `route` (the request was validated by invokeResult). Resolves and rejects
 * as invokeResult does; a v3 failure is an AlipayV3ApiError (an AlipayApiError with `links`).
 * Options that are v2 protocol params (authToken, terminalType, …) are refused with AlipayConfigError.
 */
export declare function invokeV3<Req, Res, Code extends string>(client: AlipayClient, op: Operation<Req, Res, Code>, route: V3Route, request: Req, options: CallOptions | undefined): Promise<CallResult<Res>>;
