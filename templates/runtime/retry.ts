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
import { AlipayApiError, AlipayConfigError, AlipayHttpError, AlipayNetworkError, AlipayTimeoutError } from './errors.js';

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

const MAX_ATTEMPTS = 10;

function checkMs(value: unknown, fallback: number, what: string): number {
  const ms = value ?? fallback;
  if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0 || ms > 600_000) throw new AlipayConfigError(`${what} must be an integer number of ms from 0 to 600000`);
  return ms;
}

/** Checks a `retry` option; throws AlipayConfigError naming `what`. */
export function retryPolicy(options: RetryOptions, what: string): RetryPolicy {
  if (typeof options !== 'object' || options === null) throw new AlipayConfigError(`${what} must be { attempts, backoffMs?, maxBackoffMs? }`);
  const attempts = options.attempts;
  if (typeof attempts !== 'number' || !Number.isInteger(attempts) || attempts < 1 || attempts > MAX_ATTEMPTS) {
    throw new AlipayConfigError(`${what}.attempts must be an integer from 1 to ${MAX_ATTEMPTS}`);
  }
  return { attempts, backoffMs: checkMs(options.backoffMs, 200, `${what}.backoffMs`), maxBackoffMs: checkMs(options.maxBackoffMs, 5000, `${what}.maxBackoffMs`) };
}

/** Whether a failed attempt may be retried: nothing in it says the gateway did the work. */
export function isRetryableFailure(error: unknown): boolean {
  if (error instanceof AlipayNetworkError || error instanceof AlipayTimeoutError) return true;
  if (error instanceof AlipayHttpError) return error.status >= 500;
  if (error instanceof AlipayApiError) return error.code === '20000' || (error.sub_code?.startsWith('isp.') ?? false);
  return false;
}

/**
 * Whether a call of `method` may be retried at all: a query method, or a call naming the request
 * field that holds its idempotency key, set to a non-blank value. Throws AlipayConfigError when
 * the named field is absent or blank (the caller asked for retries it cannot safely have).
 */
export function mayRetry(method: string, request: unknown, idempotencyKey: string | undefined): boolean {
  if (idempotencyKey !== undefined) {
    const value = typeof request === 'object' && request !== null ? (request as Record<string, unknown>)[idempotencyKey] : undefined;
    if ((typeof value !== 'string' && typeof value !== 'number') || String(value).trim() === '') {
      throw new AlipayConfigError(`${method}: options.idempotencyKey names ${idempotencyKey}, which the request does not set`);
    }
    return true;
  }
  return method.endsWith('.query');
}

/** The wait before retry number `retry` (1-based): min(max, base * 2^(retry-1)), the upper half jittered. */
export function backoffDelay(policy: RetryPolicy, retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxBackoffMs, policy.backoffMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Runs `attempt` up to `policy.attempts` times while it fails retryably; rejects with the last failure. */
export async function withRetries<T>(policy: RetryPolicy | undefined, signal: AbortSignal | undefined, attempt: () => Promise<T>): Promise<T> {
  const attempts = policy?.attempts ?? 1;
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (n >= attempts || !isRetryableFailure(error)) throw error;
      await sleep(backoffDelay(policy!, n), signal);
    }
  }
}

/** The client's policy unless the call overrides it (`retry: false` turns it off). */
export function callPolicy(client: AlipayClient & { readonly retry?: RetryPolicy | undefined }, perCall: RetryOptions | false | undefined): RetryPolicy | undefined {
  if (perCall === false) return undefined;
  if (perCall !== undefined) return retryPolicy(perCall, 'options.retry');
  return client.retry;
}
