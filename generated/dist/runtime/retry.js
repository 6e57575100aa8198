import { AlipayApiError, AlipayConfigError, AlipayHttpError, AlipayNetworkError, AlipayTimeoutError } from './errors.js';
const MAX_ATTEMPTS = 10;
function checkMs(value, fallback, what) {
    const ms = value ?? fallback;
    if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0 || ms > 600_000)
        throw new AlipayConfigError(`${what} must be an integer number of ms from 0 to 600000`);
    return ms;
}
/** Checks a `retry` option; throws AlipayConfigError naming `what`. */
export function retryPolicy(options, what) {
    if (typeof options !== 'object' || options === null)
        throw new AlipayConfigError(`${what} must be { attempts, backoffMs?, maxBackoffMs? }`);
    const attempts = options.attempts;
    if (typeof attempts !== 'number' || !Number.isInteger(attempts) || attempts < 1 || attempts > MAX_ATTEMPTS) {
        throw new AlipayConfigError(`${what}.attempts must be an integer from 1 to ${MAX_ATTEMPTS}`);
    }
    return { attempts, backoffMs: checkMs(options.backoffMs, 200, `${what}.backoffMs`), maxBackoffMs: checkMs(options.maxBackoffMs, 5000, `${what}.maxBackoffMs`) };
}
/** Whether a failed attempt may be retried: nothing in it says the gateway did the work. */
export function isRetryableFailure(error) {
    if (error instanceof AlipayNetworkError || error instanceof AlipayTimeoutError)
        return true;
    if (error instanceof AlipayHttpError)
        return error.status >= 500;
    if (error instanceof AlipayApiError)
        return error.code === '20000' || (error.sub_code?.startsWith('isp.') ?? false);
    return false;
}
/**
 * Whether a call of `method` may be retried at all: a query method, or a call naming the request
 * field that holds its idempotency key, set to a non-blank value. Throws AlipayConfigError when
 * the named field is absent or blank (the caller asked for retries it cannot safely have).
 */
export function mayRetry(method, request, idempotencyKey) {
    if (idempotencyKey !== undefined) {
        const value = typeof request === 'object' && request !== null ? request[idempotencyKey] : undefined;
        if ((typeof value !== 'string' && typeof value !== 'number') || String(value).trim() === '') {
            throw new AlipayConfigError(`${method}: options.idempotencyKey names ${idempotencyKey}, which the request does not set`);
        }
        return true;
    }
    return method.endsWith('.query');
}
/** The wait before retry number `retry` (1-based): min(max, base * 2^(retry-1)), the upper half jittered. */
export function backoffDelay(policy, retry, random = Math.random) {
    const ceiling = Math.min(policy.maxBackoffMs, policy.backoffMs * 2 ** (retry - 1));
    return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted === true)
            return reject(signal.reason);
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal.reason);
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
/** Runs `attempt` up to `policy.attempts` times while it fails retryably; rejects with the last failure. */
export async function withRetries(policy, signal, attempt) {
    const attempts = policy?.attempts ?? 1;
    for (let n = 1;; n++) {
        try {
            return await attempt();
        }
        catch (error) {
            if (n >= attempts || !isRetryableFailure(error))
                throw error;
            await sleep(backoffDelay(policy, n), signal);
        }
    }
}
/** The client's policy unless the call overrides it (`retry: false` turns it off). */
export function callPolicy(client, perCall) {
    if (perCall === false)
        return undefined;
    if (perCall !== undefined)
        return retryPolicy(perCall, 'options.retry');
    return client.retry;
}
