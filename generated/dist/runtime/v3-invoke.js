/**
 * One v3 call: (validated by invokeResult) -> path, query and JSON body from the route -> the
 * Authorization header -> fetch with a timeout -> read (bounded) -> verify `alipay-signature` ->
 * the same CallResult and errors as v2. A success body holds the method's fields only; `code`
 * `10000` and `msg` `Success` are set on it so the result has the method's Response type as over v2.
 */
import { randomUUID } from 'node:crypto';
import { Buffer } from 'node:buffer';
import { checkTimeoutMs, clientState } from './client.js';
import { AlipayConfigError, AlipayHttpError, AlipayMalformedResponseError, AlipayNetworkError, AlipayResponseTooLargeError, AlipaySignatureError, AlipayTimeoutError, AlipayValidationError, } from './errors.js';
import { describeError, describeFailure, readBounded, traceIdOf } from './invoke.js';
import { emitRequest, emitResponse } from './observe.js';
import { AlipayV3ApiError } from './v3-errors.js';
import { buildV3Target } from './v3-request.js';
import { signV3Request, verifyV3Answer } from './v3-sign.js';
/** Per-call options that are v2 protocol params with no v3 form: refused rather than dropped. */
const V2_ONLY_OPTIONS = ['authToken', 'terminalType', 'terminalInfo', 'prodCode', 'notifyUrl', 'returnUrl'];
/** How much of a failure body that is not a v3 error is kept (masked) on AlipayHttpError. */
const HTTP_ERROR_BODY_BYTES = 2048;
const SUCCESS = { code: '10000', msg: 'Success' };
/** The request headers of a v3 call. */
export function buildV3Headers(authorization, requestId, appAuthToken, hasBody) {
    const headers = { accept: 'application/json', 'alipay-request-id': requestId, authorization };
    if (hasBody)
        headers['content-type'] = 'application/json';
    if (appAuthToken !== undefined && appAuthToken !== '')
        headers['alipay-app-auth-token'] = appAuthToken;
    return headers;
}
/**
 * Checks the answer's `alipay-signature` over `alipay-timestamp\nalipay-nonce\nbody\n`. Returns
 * true when it verifies, false for an unsigned failure (`failure`: HTTP >= 400, reported as
 * `signed: false`), and throws AlipaySignatureError for an unsigned success or a signature that
 * does not verify: the v2 policy.
 */
export function checkV3Signature(answer, publicKey, failure, method) {
    const traceId = answer.traceId;
    const signature = answer.headers.get('alipay-signature');
    if (signature === null || signature === '') {
        if (failure)
            return false;
        throw new AlipaySignatureError(`${method}: the v3 answer has no alipay-signature header`, method, { traceId });
    }
    const timestamp = answer.headers.get('alipay-timestamp');
    const nonce = answer.headers.get('alipay-nonce');
    if (timestamp === null || nonce === null) {
        throw new AlipaySignatureError(`${method}: the v3 answer is signed but lacks alipay-timestamp or alipay-nonce`, method, { traceId });
    }
    if (!verifyV3Answer(timestamp, nonce, answer.bytes, signature, publicKey)) {
        throw new AlipaySignatureError(`${method}: the v3 answer's signature does not verify with the Alipay public key`, method, { traceId });
    }
    return true;
}
function parseJson(bytes) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    if (text.trim() === '')
        return {};
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Verifies and parses a v3 answer into a result, or throws the error it stands for. */
export function interpretV3(client, op, answer, options) {
    const method = op.method;
    const { status, traceId } = answer;
    if (status >= 300 && status < 400)
        throw new AlipayHttpError(method, status, { traceId, detail: 'redirect refused (redirects are never followed)' });
    const failure = status >= 400 || status < 200;
    const signed = client.verifyResponseSign && checkV3Signature(answer, clientState(client).publicKey, failure, method);
    const parsed = parseJson(answer.bytes);
    if (failure) {
        if (isRecord(parsed) && typeof parsed['code'] === 'string') {
            throw new AlipayV3ApiError(method, status, parsed, { signed, traceId });
        }
        const text = Buffer.from(answer.bytes.subarray(0, HTTP_ERROR_BODY_BYTES)).toString('utf8').trim();
        throw new AlipayHttpError(method, status, { traceId, body: text === '' ? undefined : text });
    }
    if (!isRecord(parsed))
        throw new AlipayMalformedResponseError(`${method}: the v3 answer is not a JSON object`, method, { traceId });
    const result = { ...SUCCESS, ...parsed };
    if (options?.validateResponse ?? client.validateResponse) {
        const problems = op.validateResponse(result);
        if (problems.length > 0)
            throw new AlipayValidationError('response', method, problems, { traceId });
    }
    return { status: 'success', response: result, traceId };
}
/** Sends the request and reads the answer, under one timeout covering headers and body. */
async function sendV3(client, method, url, init, options, progress) {
    const state = clientState(client);
    const timeoutMs = options?.timeoutMs === undefined ? client.timeoutMs : checkTimeoutMs(options.timeoutMs, 'options.timeoutMs');
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
            // Never follow redirects: a 307/308 would re-send the signed request wherever Location points.
            response = await state.fetch(url, { ...init, signal: controller.signal, redirect: 'manual' });
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
            return { status: response.status, bytes: new Uint8Array(0), headers: response.headers, traceId };
        }
        try {
            const bytes = await readBounded(response, client.maxResponseBytes, () => new AlipayResponseTooLargeError(method, client.maxResponseBytes, { traceId }));
            return { status: response.status, bytes, headers: response.headers, traceId };
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
    }
    finally {
        clearTimeout(timer);
        userSignal?.removeEventListener('abort', onUserAbort);
    }
}
/**
 * Calls `op` over its v3 `route` (the request was validated by invokeResult). Resolves and rejects
 * as invokeResult does; a v3 failure is an AlipayV3ApiError (an AlipayApiError with `links`).
 * Options that are v2 protocol params (authToken, terminalType, …) are refused with AlipayConfigError.
 */
export async function invokeV3(client, op, route, request, options) {
    const method = op.method;
    for (const name of V2_ONLY_OPTIONS) {
        if (options?.[name] !== undefined)
            throw new AlipayConfigError(`options.${name} has no v3 form: call ${method} over v2 (protocol: 'v2') to send it`);
    }
    const state = clientState(client);
    const target = buildV3Target(method, route, request);
    const appAuthToken = options?.appAuthToken;
    const auth = { appId: client.appId, nonce: randomUUID(), timestamp: Date.now() };
    const authorization = signV3Request(auth, { httpMethod: route.method, pathQuery: target.pathQuery, body: target.body, appAuthToken }, state.privateKey);
    const hasBody = route.method !== 'GET';
    const headers = buildV3Headers(authorization, randomUUID().replaceAll('-', ''), appAuthToken, hasBody);
    const url = `${client.endpoint}${target.pathQuery}`;
    const init = { method: route.method, headers, body: hasBody ? target.body : undefined };
    const progress = { status: undefined, traceId: undefined };
    const observers = state.observers;
    if (observers === undefined)
        return interpretV3(client, op, await sendV3(client, method, url, init, options, progress), options);
    emitRequest(observers, method, `${client.endpoint}${route.path}`, {
        app_id: client.appId,
        nonce: auth.nonce,
        timestamp: String(auth.timestamp),
        http_method: route.method,
        path: target.pathQuery,
        body: target.body,
        app_auth_token: appAuthToken,
    });
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
        const result = interpretV3(client, op, await sendV3(client, method, url, init, options, progress), options);
        ended(result.status);
        return result;
    }
    catch (error) {
        ended('error', error);
        throw error;
    }
}
