/**
 * One gateway call: validate, sign, POST with a timeout, scan the body, verify, parse, map errors.
 * Validation comes first so an invalid request is never signed nor sent.
 */
import type { CallOptions, Operation } from './contract.js';
import { type AlipayClient } from './client.js';
/**
 * Calls `op` on the gateway and resolves with the verified, parsed response node.
 * Rejects with AlipayValidationError, AlipayHttpError, AlipayTimeoutError, AlipayNetworkError,
 * AlipayMalformedResponseError, AlipaySignatureError or AlipayApiError (and with the abort reason
 * when `options.signal` aborts).
 */
export declare function invoke<Req, Res, Code extends string>(client: AlipayClient, op: Operation<Req, Res, Code>, request: Req, options?: CallOptions): Promise<Res>;
