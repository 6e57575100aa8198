/**
 * The HTTP step both protocols share: one fetch under one timeout that also covers reading the
 * body, the caller's abort signal, redirects never followed (a 3xx is refused), the client's
 * dispatcher (a proxy), a bounded body read, and fetch failures mapped to the runtime's errors.
 * What a protocol does with the answer (v2: decode and scan; v3: verify headers) is its own.
 * Over the node transport (the default) the same step runs on its direct form (exchangeDirect):
 * same errors, same bound, without a Response in between.
 */
import { Buffer } from 'node:buffer';
import { checkTimeoutMs, clientState } from './client.js';
import { AlipayHttpError, AlipayMalformedResponseError, AlipayNetworkError, AlipayResponseTooLargeError, AlipayTimeoutError } from './errors.js';
import { maskPersonalData } from './mask.js';
import { emitResponse } from './observe.js';
import { DirectFailure, directOf, headersOf } from './node-transport.js';
/** How much of a failure body is kept (masked) on AlipayHttpError. */
export const HTTP_ERROR_BODY_BYTES = 2048;
/** `ECONNREFUSED 127.0.0.1:1234`: the code and where, from a system error (fetch wraps it in `cause`). */
function describeSystemError(error) {
    if (typeof error.code !== 'string')
        return undefined;
    const host = typeof error.address === 'string' ? error.address : typeof error.hostname === 'string' ? error.hostname : undefined;
    const port = typeof error.port === 'number' || typeof error.port === 'string' ? `:${error.port}` : '';
    return host === undefined ? error.code : `${error.code} ${host.includes(':') ? `[${host}]` : host}${port}`;
}
/** A short, key-free description of why fetch failed (e.g. `ECONNREFUSED 127.0.0.1:1234`). */
export function describeFailure(error, url) {
    const own = typeof error === 'object' && error !== null ? error : undefined;
    const cause = own?.cause;
    const described = (typeof cause === 'object' && cause !== null ? describeSystemError(cause) : undefined) ?? (own === undefined ? undefined : describeSystemError(own));
    if (described !== undefined)
        return described.includes(' ') ? described : `${described} ${hostOf(url)}`;
    if (error instanceof Error)
        return `${error.message} (${hostOf(url)})`;
    return `unknown error (${hostOf(url)})`;
}
/** `host:port` of the gateway URL (never its query, which holds the signed params). */
function hostOf(url) {
    try {
        const parsed = new URL(url);
        return parsed.port === '' ? `${parsed.hostname}:${parsed.protocol === 'https:' ? 443 : 80}` : parsed.host;
    }
    catch {
        return 'the gateway';
    }
}
const TRACE_ID = /^[A-Za-z0-9_-]{1,128}$/;
/**
 * The gateway's trace id: the `trace_id` header of gateway.do answers (where the official SDKs read
 * it), else `alipay-trace-id` (v3). Only an id-shaped value (letters, digits, `_`, `-`) is taken.
 */
export function traceIdOf(response) {
    const headers = response.headers;
    if (headers === undefined || typeof headers.get !== 'function')
        return undefined;
    const value = headers.get('trace_id') ?? headers.get('alipay-trace-id');
    return value !== null && TRACE_ID.test(value) ? value : undefined;
}
/**
 * Reads the whole body, at most `limit` bytes: a declared Content-Length above it fails before
 * reading, and the stream is cancelled as soon as the bytes read pass it. Without `tooLarge`, the
 * first `limit` bytes are returned instead.
 */
export async function readBounded(response, limit, tooLarge) {
    const declared = Number(response.headers?.get('content-length') ?? Number.NaN);
    if (declared > limit && tooLarge !== undefined) {
        response.body?.cancel().catch(() => undefined);
        throw tooLarge();
    }
    const body = response.body;
    if (body === null || body === undefined)
        return new Uint8Array(0);
    const reader = body.getReader();
    const chunks = [];
    let total = 0;
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        total += value.byteLength;
        if (total > limit) {
            reader.cancel().catch(() => undefined);
            if (tooLarge !== undefined)
                throw tooLarge();
            // Without tooLarge: keep the first `limit` bytes.
            chunks.push(value.subarray(0, value.byteLength - (total - limit)));
            total = limit;
            break;
        }
        chunks.push(value);
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}
const utf8 = new TextDecoder('utf-8');
/** The start of a failure body, for AlipayHttpError (masked there); undefined when it cannot be read. */
export async function httpErrorBody(response) {
    try {
        const text = utf8.decode(await readBounded(response, HTTP_ERROR_BODY_BYTES, undefined)).trim();
        return text === '' ? undefined : text;
    }
    catch {
        return undefined;
    }
}
/**
 * Sends `request` to `url` and hands the answer to `use`, all under one timeout (the call's
 * `timeoutMs`, else the client's). A redirect is an AlipayHttpError (never followed: a 307/308
 * would resend the signed request wherever Location points); a fetch failure is an
 * AlipayNetworkError (AlipayTimeoutError when the timeout fired; the abort reason when the caller aborted).
 */
export async function exchange(client, method, url, request, options, progress, use) {
    const state = clientState(client);
    const timeoutMs = options?.timeoutMs === undefined ? client.timeoutMs : checkTimeoutMs(options.timeoutMs, 'options.timeoutMs');
    const direct = directOf(state.fetch);
    if (direct !== undefined && (request.body === undefined || typeof request.body === 'string')) {
        return exchangeDirect(direct, client, method, url, request, timeoutMs, options?.signal, progress, use);
    }
    // One controller for our timeout and the caller's signal; the timer covers the body read too.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
    }, timeoutMs);
    const userSignal = options?.signal;
    const onUserAbort = () => controller.abort(userSignal?.reason);
    if (userSignal !== undefined) {
        if (userSignal.aborted) {
            clearTimeout(timer);
            throw userSignal.reason;
        }
        userSignal.addEventListener('abort', onUserAbort, { once: true });
    }
    try {
        let response;
        try {
            const init = { method: request.method, headers: request.headers, body: request.body, signal: controller.signal, redirect: 'manual' };
            // A stream body needs `duplex: 'half'` (fetch derives the length of a Blob or a string itself).
            if (request.body instanceof ReadableStream)
                init['duplex'] = 'half';
            // undici's extension of RequestInit: how the global fetch is routed through a proxy.
            if (state.dispatcher !== undefined)
                init['dispatcher'] = state.dispatcher;
            response = await state.fetch(url, init);
        }
        catch (error) {
            if (timedOut)
                throw new AlipayTimeoutError(method, timeoutMs);
            if (userSignal?.aborted === true)
                throw userSignal.reason;
            throw new AlipayNetworkError(`${method}: request failed: ${describeFailure(error, url)}`, method, { cause: error });
        }
        const traceId = traceIdOf(response);
        progress.status = response.status;
        progress.traceId = traceId;
        if (response.status >= 300 && response.status < 400) {
            response.body?.cancel().catch(() => undefined);
            throw new AlipayHttpError(method, response.status, { traceId, detail: 'redirect refused (redirects are never followed)' });
        }
        const read = async () => {
            try {
                return await readBounded(response, client.maxResponseBytes, () => new AlipayResponseTooLargeError(method, client.maxResponseBytes, { traceId }));
            }
            catch (error) {
                if (error instanceof AlipayResponseTooLargeError)
                    throw error;
                if (timedOut)
                    throw new AlipayTimeoutError(method, timeoutMs, { traceId });
                if (userSignal?.aborted === true)
                    throw userSignal.reason;
                throw new AlipayMalformedResponseError(`${method}: response body ended early`, method, { cause: error, traceId });
            }
        };
        return await use({ response, traceId, read, errorBody: () => httpErrorBody(response) });
    }
    finally {
        clearTimeout(timer);
        userSignal?.removeEventListener('abort', onUserAbort);
    }
}
/** The part of a Response `use` reads (status, headers.get), over a direct answer's headers. */
function responseOf(answer) {
    return { status: answer.status, headers: headersOf(answer.headers), body: null };
}
/**
 * exchange over a node transport's direct form: the same outcomes (errors, progress, redirects
 * refused, the body bound) with the whole answer read by the transport under the one timeout.
 */
async function exchangeDirect(direct, client, method, url, request, timeoutMs, signal, progress, use) {
    let answer;
    try {
        answer = await direct(url, { method: request.method, headers: request.headers, body: request.body, timeoutMs, signal, limit: client.maxResponseBytes });
    }
    catch (error) {
        if (!(error instanceof DirectFailure))
            throw error;
        const traceId = error.answered === undefined ? undefined : traceIdOf(responseOf(error.answered));
        if (error.answered !== undefined) {
            progress.status = error.answered.status;
            progress.traceId = traceId;
        }
        if (error.reason === 'aborted')
            throw error.cause;
        if (error.reason === 'timeout')
            throw new AlipayTimeoutError(method, timeoutMs, traceId === undefined ? undefined : { traceId });
        if (error.answered !== undefined)
            throw new AlipayMalformedResponseError(`${method}: response body ended early`, method, { cause: error.cause, traceId });
        throw new AlipayNetworkError(`${method}: request failed: ${describeFailure(error.cause, url)}`, method, { cause: error.cause });
    }
    const response = responseOf(answer);
    const traceId = traceIdOf(response);
    progress.status = answer.status;
    progress.traceId = traceId;
    if (answer.status >= 300 && answer.status < 400) {
        throw new AlipayHttpError(method, answer.status, { traceId, detail: 'redirect refused (redirects are never followed)' });
    }
    const read = async () => {
        if (answer.truncated)
            throw new AlipayResponseTooLargeError(method, client.maxResponseBytes, { traceId });
        return answer.body;
    };
    const errorBody = async () => {
        const text = utf8.decode(answer.body.subarray(0, HTTP_ERROR_BODY_BYTES)).trim();
        return text === '' ? undefined : text;
    };
    return use({ response, traceId, read, errorBody });
}
/** An error as observers may see it: its class name and masked message, nothing else. */
export function describeError(error) {
    if (error instanceof Error)
        return { name: error.name, message: maskPersonalData(error.message) };
    return { name: typeof error, message: '' };
}
/**
 * Runs a call (its attempts included) and reports its end to the observers: outcome, the last
 * status and trace id `progress` saw, the masked error, the duration. Resolves and rejects as `call`.
 */
export async function observed(observers, method, progress, call) {
    const started = performance.now();
    const ended = (outcome, error) => emitResponse(observers, {
        method,
        status: progress.status,
        traceId: progress.traceId,
        outcome,
        ...(error === undefined ? {} : { error: describeError(error) }),
        durationMs: performance.now() - started,
    });
    try {
        const result = await call();
        ended(result.status);
        return result;
    }
    catch (error) {
        ended('error', error);
        throw error;
    }
}
