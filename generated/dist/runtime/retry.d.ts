/// <reference path="./platform.d.ts" />
/**
 * Opt-in retries. The rule, so a payment is never made twice:
 * - only failures that say nothing was done: a network error, a timeout, HTTP 5xx, and the
 *   gateway's system errors (code `20000`, or a `sub_code` starting `isp.`, e.g. `isp.unknow-error`);
 * - only for methods that change nothing (name ends in `.query`), or for a call whose caller names
 *   the request field holding its idempotency key (`idempotencyKey: 'out_trade_no'`, `out_request_no`,
 *   `out_biz_no` ...), with a non-blank value: the gateway then treats a repeat as the same order.
 * Each retry resends the same signed request after an exponential backoff with jitter.
 */
import type { AlipayClient } from './client.js';
/** The `retry` option (client-wide, or per call). */
export interface RetryOptions {
    /** Most attempts in all, the first included (1 to 10). */
    attempts: number;
    /** Wait before the first retry, in ms (default 200); doubled each retry, with jitter. */
    backoffMs?: number;
    /** Longest wait between two attempts, in ms (default 5000). */
    maxBackoffMs?: number;
}
/** A checked retry policy. */
export interface RetryPolicy {
    readonly attempts: number;
    readonly backoffMs: number;
    readonly maxBackoffMs: number;
}
/** Checks a `retry` option; throws AlipayConfigError naming `what`. */
export declare function retryPolicy(options: RetryOptions, what: string): RetryPolicy;
/** Whether a failed attempt may be retried: nothing in it says the gateway did the work. */
export declare function isRetryableFailure(error: unknown): boolean;
/**
 * Whether a call of `method` may be retried at all: a query method, or a call naming the request
 * field that holds its idempotency key, set to a non-blank value. Throws AlipayConfigError when
 * the named field is absent or blank (the caller asked for retries it cannot safely have).
 */
export declare function mayRetry(method: string, request: unknown, idempotencyKey: string | undefined): boolean;
/** The wait before retry number `retry` (1-based): min(max, base * 2^(retry-1)), the upper half jittered. */
export declare function backoffDelay(policy: RetryPolicy, retry: number, random?: () => number): number;
/** Runs `attempt` up to `policy.attempts` times while it fails retryably; rejects with the last failure. */
export declare function withRetries<T>(policy: RetryPolicy | undefined, signal: AbortSignal | undefined, attempt: () => Promise<T>): Promise<T>;
/** The client's policy unless the call overrides it (`retry: false` turns it off). */
export declare function callPolicy(client: AlipayClient & {
    readonly retry?: RetryPolicy | undefined;
}, perCall: RetryOptions | false | undefined): RetryPolicy | undefined;
