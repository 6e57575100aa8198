/**
 * One v3 call: (validated by invokeResult) -> path, query and JSON body from the route -> the body
 * as sent (JSON; AES ciphertext with the client's aesKey; multipart with a `data` part for an
 * upload) -> the Authorization header over it (with `app_cert_sn` in cert mode) -> the shared
 * transport (transport.ts) -> verify `alipay-signature` (the key `alipay-sn` names in cert mode)
 * -> decrypt -> the same CallResult and errors as v2. A success body holds the method's fields
 * only; `code` `10000` and `msg` `Success` are set on it so the result has the method's Response
 * type as over v2. Retries follow the v2 policy (retry.ts); each attempt is signed anew (fresh
 * nonce and timestamp: the gateway refuses a nonce it has seen).
 */
import { randomUUID } from 'node:crypto';
import { Buffer } from 'node:buffer';
import { clientState } from './client.js';
import { AlipayConfigError, AlipayHttpError, AlipayMalformedResponseError, AlipaySignatureError, AlipayValidationError } from './errors.js';
import { splitFiles } from './multipart-body.js';
import { emitRequest } from './observe.js';
import { callPolicy, mayRetry, withRetries } from './retry.js';
import { exchange, HTTP_ERROR_BODY_BYTES, observed } from './transport.js';
import { AlipayV3ApiError } from './v3-errors.js';
import { decryptV3Answer, encryptV3Body, v3AlipayKey, v3CertHeaders } from './v3-modes.js';
import { v3UploadBody } from './v3-upload.js';
import { buildV3Target } from './v3-request.js';
import { signV3Request, verifyV3Answer } from './v3-sign.js';
/** Per-call options that are v2 protocol params with no v3 form: refused rather than dropped. */
const V2_ONLY_OPTIONS = ['authToken', 'terminalType', 'terminalInfo', 'prodCode', 'notifyUrl', 'returnUrl'];
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
 * does not verify: the v2 policy. `publicKey` may be a function: called only for a signed answer
 * (cert mode picks the key by the answer's `alipay-sn`).
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
    const key = typeof publicKey === 'function' ? publicKey() : publicKey;
    if (!verifyV3Answer(timestamp, nonce, answer.bytes, signature, key)) {
        throw new AlipaySignatureError(`${method}: the v3 answer's signature does not verify with the Alipay public key`, method, { traceId });
    }
    return true;
}
function textOf(bytes) {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}
function parseJson(bytes) {
    const text = textOf(bytes);
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
/** The key that verifies `answer`: the client's Alipay public key, or in cert mode the certificate its `alipay-sn` names. */
function answerKey(client, answer, method) {
    const state = clientState(client);
    const mode = state.certMode;
    return mode === undefined ? () => state.publicKey : () => v3AlipayKey(mode, answer.headers.get('alipay-sn'), method, answer.traceId);
}
/**
 * Verifies and parses a v3 answer into a result, or throws the error it stands for. `encrypted`:
 * the request was AES-encrypted, so a success body is ciphertext, decrypted once its signature
 * (over the ciphertext) verifies; failures (HTTP >= 400) come as plain JSON.
 */
export function interpretV3(client, op, answer, options, encrypted = false) {
    const method = op.method;
    const { status, traceId } = answer;
    if (status >= 300 && status < 400)
        throw new AlipayHttpError(method, status, { traceId, detail: 'redirect refused (redirects are never followed)' });
    const failure = status >= 400 || status < 200;
    const signed = client.verifyResponseSign && checkV3Signature(answer, answerKey(client, answer, method), failure, method);
    const parsed = encrypted && !failure ? decryptV3Answer(textOf(answer.bytes), clientState(client).aesKey, method, traceId) : parseJson(answer.bytes);
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
/**
 * The body of a call: an upload method's files leave the request (never signed) and go as file
 * parts beside the `data` JSON; otherwise the JSON, encrypted when the client has an aesKey (the
 * official SDK encrypts JSON bodies only: a GET route has none, an upload's `data` part stays plain).
 */
function payloadOf(client, op, route, request, options) {
    const method = op.method;
    const state = clientState(client);
    if (options?.encrypt === true && state.aesKey === undefined)
        throw new AlipayConfigError(`${method}: options.encrypt needs the client option aesKey`);
    const uploads = op.files === undefined ? undefined : splitFiles(request, op.files);
    const target = buildV3Target(method, route, uploads?.rest ?? request);
    if (route.method === 'GET')
        return { pathQuery: target.pathQuery, signedBody: '', body: undefined, headers: {}, encrypted: false, upload: false };
    if (uploads !== undefined) {
        if (options?.encrypt === true)
            throw new AlipayConfigError(`${method}: an upload is not encrypted over v3 (its data part is sent as JSON): call it without options.encrypt`);
        const body = v3UploadBody(target.body, uploads.files);
        return { pathQuery: target.pathQuery, signedBody: target.body, body, headers: { 'content-type': body.contentType }, encrypted: false, upload: true };
    }
    if (state.aesKey !== undefined && (options?.encrypt ?? true)) {
        const aes = encryptV3Body(target.body, state.aesKey);
        return { pathQuery: target.pathQuery, signedBody: aes.body, body: aes.body, headers: aes.headers, encrypted: true, upload: false };
    }
    return { pathQuery: target.pathQuery, signedBody: target.body, body: target.body, headers: { 'content-type': 'application/json' }, encrypted: false, upload: false };
}
/** One attempt's signed request: a fresh nonce, timestamp and request id. */
function signAttempt(client, route, payload, appAuthToken) {
    const state = clientState(client);
    const auth = { appId: client.appId, appCertSn: state.certMode?.appCertSn, nonce: randomUUID(), timestamp: Date.now() };
    const authorization = signV3Request(auth, { httpMethod: route.method, pathQuery: payload.pathQuery, body: payload.signedBody, appAuthToken }, state.privateKey);
    const headers = { ...buildV3Headers(authorization, randomUUID().replaceAll('-', ''), appAuthToken, false), ...payload.headers };
    if (state.certMode !== undefined)
        Object.assign(headers, v3CertHeaders(state.certMode.rootCertSn));
    return { headers, nonce: auth.nonce, timestamp: auth.timestamp };
}
/** Sends one attempt and reads the whole answer (failures included: v3 errors are JSON bodies). */
function sendV3(client, method, url, request, options, progress) {
    const body = typeof request.body === 'object' ? request.body.body : request.body;
    return exchange(client, method, url, { method: request.method, headers: request.headers, body }, options, progress, async ({ response, traceId, read }) => ({
        status: response.status,
        bytes: await read(),
        headers: response.headers,
        traceId,
    }));
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
    const payload = payloadOf(client, op, route, request, options);
    const appAuthToken = options?.appAuthToken;
    const url = `${client.endpoint}${payload.pathQuery}`;
    const policy = callPolicy(client, options?.retry);
    // An upload is never resent (a stream can be read only once), as over v2.
    const retrying = !payload.upload && policy !== undefined && policy.attempts > 1 && mayRetry(method, request, options?.idempotencyKey) ? policy : undefined;
    const progress = { status: undefined, traceId: undefined };
    const first = signAttempt(client, route, payload, appAuthToken);
    let attempts = 0;
    const attempt = async () => {
        // The first attempt sends the signature observers saw; each retry signs anew.
        const headers = attempts++ === 0 ? first.headers : signAttempt(client, route, payload, appAuthToken).headers;
        const answer = await sendV3(client, method, url, { method: route.method, headers, body: payload.body }, options, progress);
        return interpretV3(client, op, answer, options, payload.encrypted);
    };
    const observers = state.observers;
    if (observers === undefined)
        return withRetries(retrying, options?.signal, attempt);
    emitRequest(observers, method, `${client.endpoint}${route.path}`, {
        app_id: client.appId,
        app_cert_sn: state.certMode?.appCertSn,
        nonce: first.nonce,
        timestamp: String(first.timestamp),
        http_method: route.method,
        path: payload.pathQuery,
        body: payload.signedBody,
        app_auth_token: appAuthToken,
    });
    return observed(observers, method, progress, () => withRetries(retrying, options?.signal, attempt));
}
