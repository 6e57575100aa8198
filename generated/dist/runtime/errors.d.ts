/**
 * Error classes thrown by the runtime. Users can `instanceof` each one; all extend AlipayError.
 * No error holds the client, its config or any key: only what describes the failure.
 */
import type { Operation, ResponseBase, ValidationIssue } from './contract.js';
/** Base class of every error thrown by the runtime. */
export declare class AlipayError extends Error {
    name: string;
    /** The gateway method of the call that failed, when there was one. */
    readonly method: string | undefined;
    constructor(message: string, method?: string, options?: {
        cause?: unknown;
    });
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
    constructor(target: 'request' | 'response', method: string, issues: readonly ValidationIssue[]);
}
/** Fields of an API error, named as on the wire. */
export interface ApiErrorFields<Code extends string = string> {
    code: string;
    msg: string;
    sub_code?: Code | undefined;
    sub_msg?: string | undefined;
}
/**
 * The gateway answered with a code other than `10000`. `code`/`msg` are the gateway's (40004 ...),
 * `sub_code`/`sub_msg` the business error. `sub_msg` and the message are masked for personal data;
 * the unmasked answer is in `response` (not enumerable, so logging the error does not dump it).
 */
export declare class AlipayApiError<Code extends string = string> extends AlipayError {
    name: string;
    readonly method: string;
    readonly code: string;
    readonly msg: string;
    readonly sub_code: Code | undefined;
    readonly sub_msg: string | undefined;
    /** The parsed response node (`<method>_response` or `error_response`), as received. */
    readonly response: ResponseBase & Record<string, unknown>;
    constructor(method: string, response: ResponseBase & Record<string, unknown>);
}
/** The response signature is missing or does not verify with the Alipay public key. */
export declare class AlipaySignatureError extends AlipayError {
    name: string;
}
/** The gateway answered with an HTTP status other than 200. */
export declare class AlipayHttpError extends AlipayError {
    name: string;
    readonly status: number;
    constructor(method: string, status: number);
}
/** No complete answer within the timeout. */
export declare class AlipayTimeoutError extends AlipayError {
    name: string;
    readonly timeoutMs: number;
    constructor(method: string, timeoutMs: number);
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
