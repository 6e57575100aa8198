/**
 * One gateway call: validate, sign, POST with a timeout, scan the body, verify, parse, map errors.
 * Validation comes first so an invalid request is never signed nor sent.
 */
import type { CallOptions, Operation } from './contract.js';
import { type AlipayClient } from './client.js';
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
 * Calls `op` on the gateway and resolves with the verified, parsed response node.
 * Rejects with AlipayValidationError, AlipayHttpError, AlipayTimeoutError, AlipayNetworkError,
 * AlipayMalformedResponseError, AlipaySignatureError or AlipayApiError (and with the abort reason
 * when `options.signal` aborts).
 */
export declare function invoke<Req, Res, Code extends string>(client: AlipayClient, op: Operation<Req, Res, Code>, request: Req, options?: CallOptions): Promise<Res>;
