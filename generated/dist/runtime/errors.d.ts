/// <reference path="./platform.d.ts" />
/**
 * Error classes thrown by the runtime. Users can `instanceof` each one; all extend AlipayError.
 * No error holds the client, its config or any key: only what describes the failure. Every string
 * field is masked for personal data and tokens when the error is made, and `toJSON` / util.inspect
 * show only those masked fields (never `cause` objects nor the raw `response` of an API error).
 */
import type { Operation, ResponseBase, ValidationIssue } from './contract.js';
/** What every runtime error may carry besides its message. */
export interface AlipayErrorOptions {
    cause?: unknown;
    /** The gateway's trace id of the answer that failed (`trace_id` header). */
    traceId?: string | undefined;
}
/** Base class of every error thrown by the runtime. */
export declare class AlipayError extends Error {
    name: string;
    /** The gateway method of the call that failed, when there was one. */
    readonly method: string | undefined;
    /** The gateway's trace id when the failure came with an answer (quote it to Alipay support). */
    readonly traceId: string | undefined;
    constructor(message: string, method?: string, options?: AlipayErrorOptions);
    /** The masked fields only: name, message and the error's own enumerable fields. */
    toJSON(): Record<string, unknown>;
}
/** The client was configured wrongly (unreadable key, bad option). Never repeats the key itself. */
export declare class AlipayConfigError extends AlipayError {
    name: string;
}
/** A generated validator found problems in the request (before sending) or in the response. */
export declare class AlipayValidationError extends AlipayError {
    name: string;
    /** Every problem found, with its path. */
    readonly issues: readonly ValidationIssue[];
    /** Whether the request (never sent) or the response failed validation. */
    readonly target: 'request' | 'response';
    constructor(target: 'request' | 'response', method: string, issues: readonly ValidationIssue[], options?: AlipayErrorOptions);
}
/** Fields of an API error, named as on the wire. */
export interface ApiErrorFields<Code extends string = string> {
    code: string;
    msg: string;
    sub_code?: Code | undefined;
    sub_msg?: string | undefined;
}
/**
 * The gateway answered with a code other than `10000` (success) or `10003` (pending). `code`/`msg`
 * are the gateway's (40004 ...), `sub_code`/`sub_msg` the business error; all four are masked for
 * personal data. `signed` tells whether the answer's signature was verified: real gateways answer
 * some failures (unknown app_id, bad signature) without `sign`, and such an answer is reported with
 * its codes but `signed: false` (it could have been written by anyone on the path).
 * The raw answer is in `response` (not enumerable, and left out of toJSON and inspect).
 */
export declare class AlipayApiError<Code extends string = string> extends AlipayError {
    name: string;
    readonly method: string;
    readonly code: string;
    readonly msg: string;
    readonly sub_code: Code | undefined;
    readonly sub_msg: string | undefined;
    /** True when the answer carried a `sign` that verified with the Alipay public key. */
    readonly signed: boolean;
    /** The parsed response node (`<method>_response` or `error_response`), as received, unmasked. */
    readonly response: ResponseBase & Record<string, unknown>;
    constructor(method: string, response: ResponseBase & Record<string, unknown>, options?: AlipayErrorOptions & {
        signed?: boolean;
    });
}
/** The response signature is missing or does not verify with the Alipay public key. */
export declare class AlipaySignatureError extends AlipayError {
    name: string;
}
/** The gateway answered with an HTTP status other than 200 (redirects included: they are never followed). */
export declare class AlipayHttpError extends AlipayError {
    name: string;
    readonly status: number;
    /** The start of the answer's body (at most 2 KB), masked; undefined when empty or unread (redirects). */
    readonly body: string | undefined;
    constructor(method: string, status: number, options?: AlipayErrorOptions & {
        detail?: string;
        body?: string | undefined;
    });
}
/** No complete answer within the timeout. */
export declare class AlipayTimeoutError extends AlipayError {
    name: string;
    readonly timeoutMs: number;
    constructor(method: string, timeoutMs: number, options?: AlipayErrorOptions);
}
/** The answer is larger than the client's `maxResponseBytes`; reading stopped there. */
export declare class AlipayResponseTooLargeError extends AlipayError {
    name: string;
    readonly maxResponseBytes: number;
    constructor(method: string, maxResponseBytes: number, options?: AlipayErrorOptions);
}
/** The body is not a gateway answer: not JSON, truncated, no response node, or two of them. */
export declare class AlipayMalformedResponseError extends AlipayError {
    name: string;
}
/** The request did not get through: DNS, connection refused or reset, TLS. */
export declare class AlipayNetworkError extends AlipayError {
    name: string;
}
/**
 * True when `error` is an API error of `op`'s method whose `sub_code` is one of the method's
 * documented business error codes, so `error.sub_code` narrows to that union. Gateway-level
 * failures (isv.* sub codes, missing sub_code) are AlipayApiErrors but do not narrow.
 */
export declare function isApiErrorOf<Code extends string>(op: Operation<unknown, unknown, Code>, error: unknown): error is AlipayApiError<Code> & {
    readonly sub_code: Code;
};
/** Why a notification was refused (see AlipayNotifyError). */
export type NotifyFailure = 
/** The body was URL-decoded before it reached us (a raw form body has no spaces nor non-ASCII text; a base64 sign has no space). */
'decoded'
/** Not a form body: a pair without `=`, a param given twice, an undecodable value or an unknown charset. */
 | 'malformed'
/** No `sign` param. */
 | 'missing-sign'
/** The sign does not verify with the client's Alipay public key (a wrong key, or a changed body). */
 | 'bad-signature'
/** A verified notification for another app_id than the client's. */
 | 'app-id'
/** Verified, but its fields do not match the method's notification fields. */
 | 'invalid';
/**
 * An asynchronous notification (异步通知) was refused: `reason` says why. Answer anything but
 * `success` and Alipay sends it again later. Like every error, the message is masked and never
 * repeats the body, the sign or a key.
 */
export declare class AlipayNotifyError extends AlipayError {
    name: string;
    readonly reason: NotifyFailure;
    /** The problems found when `reason` is `invalid`; empty otherwise. */
    readonly issues: readonly ValidationIssue[];
    constructor(method: string, reason: NotifyFailure, detail: string, issues?: readonly ValidationIssue[]);
}
