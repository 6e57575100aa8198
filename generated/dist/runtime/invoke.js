import { clientState } from './client.js';
import { AlipayApiError, AlipayHttpError, AlipayMalformedResponseError, AlipayNetworkError, AlipayTimeoutError, AlipayValidationError, } from './errors.js';
import { buildSignedRequest } from './request.js';
import { extractResponseNode } from './response.js';
import { formatTimestamp } from './timestamp.js';
import { checkResponseSignature } from './verify.js';
const REQUEST_HEADERS = {
    'content-type': 'application/x-www-form-urlencoded;charset=utf-8',
    accept: 'application/json',
};
/** A short, key-free description of why fetch failed (e.g. ECONNREFUSED). */
function describeFailure(error) {
    const cause = error?.cause;
    if (cause !== undefined && typeof cause.code === 'string')
        return cause.code;
    if (error instanceof Error)
        return error.message;
    return 'unknown error';
}
/**
 * Moves the operation's top-level params out of the request (stringified; absent ones left out)
 * and serialises what remains as `biz_content`, sent only when something remains or the method
 * has no top-level params (then `{}` is its documented empty biz_content).
 */
export function splitRequest(request, params) {
    const top = {};
    if (params === undefined || params.length === 0)
        return { top, biz: JSON.stringify(request) };
    const rest = {};
    const source = request;
    for (const key of Object.keys(source)) {
        const value = source[key];
        if (!params.includes(key))
            rest[key] = value;
        else if (value !== undefined && value !== null)
            top[key] = String(value);
    }
    return { top, biz: Object.keys(rest).length > 0 ? JSON.stringify(rest) : undefined };
}
/**
 * Calls `op` on the gateway and resolves with the verified, parsed response node.
 * Rejects with AlipayValidationError, AlipayHttpError, AlipayTimeoutError, AlipayNetworkError,
 * AlipayMalformedResponseError, AlipaySignatureError or AlipayApiError (and with the abort reason
 * when `options.signal` aborts).
 */
export async function invoke(client, op, request, options) {
    const method = op.method;
    const issues = op.validateRequest(request);
    if (issues.length > 0)
        throw new AlipayValidationError('request', method, issues);
    const state = clientState(client);
    const { top, biz } = splitRequest(request, op.params);
    const signed = buildSignedRequest(client.gateway, {
        ...top,
        app_id: client.appId,
        method,
        format: 'JSON',
        charset: client.charset,
        sign_type: client.signType,
        timestamp: formatTimestamp(),
        version: '1.0',
        app_auth_token: options?.appAuthToken,
        notify_url: options?.notifyUrl,
        return_url: options?.returnUrl,
        biz_content: biz,
    }, state.privateKey, client.signType, op.params);
    // One controller for our timeout and the caller's signal; the timer covers the body read too.
    const timeoutMs = options?.timeoutMs ?? client.timeoutMs;
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
    let text;
    try {
        let response;
        try {
            response = await state.fetch(signed.url, { method: 'POST', headers: REQUEST_HEADERS, body: signed.body, signal: controller.signal });
        }
        catch (error) {
            if (timedOut)
                throw new AlipayTimeoutError(method, timeoutMs);
            if (userSignal?.aborted === true)
                throw userSignal.reason;
            throw new AlipayNetworkError(`${method}: request failed: ${describeFailure(error)}`, method, { cause: error });
        }
        if (response.status !== 200) {
            response.body?.cancel().catch(() => undefined);
            throw new AlipayHttpError(method, response.status);
        }
        try {
            text = await response.text();
        }
        catch (error) {
            if (timedOut)
                throw new AlipayTimeoutError(method, timeoutMs);
            if (userSignal?.aborted === true)
                throw userSignal.reason;
            throw new AlipayMalformedResponseError(`${method}: response body ended early`, method, { cause: error });
        }
    }
    finally {
        clearTimeout(timer);
        userSignal?.removeEventListener('abort', onUserAbort);
    }
    const node = extractResponseNode(text, method);
    if (client.verifyResponseSign)
        checkResponseSignature(node, state.publicKey, client.signType, method);
    let parsed;
    try {
        parsed = JSON.parse(node.raw);
    }
    catch {
        throw new AlipayMalformedResponseError(`${method}: the ${node.key} node is not valid JSON`, method);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new AlipayMalformedResponseError(`${method}: the ${node.key} node is not an object`, method);
    }
    const result = parsed;
    if (typeof result.code !== 'string') {
        throw new AlipayMalformedResponseError(`${method}: the ${node.key} node has no code`, method);
    }
    if (node.isErrorResponse || result.code !== '10000') {
        // An error_response is never a success, whatever it claims.
        if (result.code === '10000')
            throw new AlipayMalformedResponseError(`${method}: error_response with code 10000`, method);
        throw new AlipayApiError(method, result);
    }
    if (options?.validateResponse ?? client.validateResponse) {
        const problems = op.validateResponse(result);
        if (problems.length > 0)
            throw new AlipayValidationError('response', method, problems);
    }
    return result;
}
