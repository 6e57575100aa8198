/**
 * One gateway call: validate, sign, POST with a timeout, read the body (bounded), scan, verify,
 * parse, map errors. Validation comes first so an invalid request is never signed nor sent.
 */
import { Buffer } from 'node:buffer';
import { clientState } from './client.js';
import { AlipayApiError, AlipayConfigError, AlipayHttpError, AlipayMalformedResponseError, AlipayValidationError } from './errors.js';
import { declaredCharset, gbkByteRange } from './charset.js';
import { emitRequest } from './observe.js';
import { buildMultipartBody, splitFiles } from './multipart-body.js';
import { buildSignedRequest } from './request.js';
import { extractResponseNode } from './response.js';
import { formatTimestamp } from './timestamp.js';
import { checkResponseSignature } from './verify.js';
import { alipayKeyFor } from './cert-mode.js';
import { decryptAnswer, encryptedBizContent } from './aes-call.js';
import { callPolicy, mayRetry, withRetries } from './retry.js';
import { exchange, observed } from './transport.js';
import { invokeV3 } from './v3-invoke.js';
// Exported from here since before transport.ts held them (index.ts).
export { describeError, traceIdOf } from './transport.js';
const REQUEST_HEADERS = {
    'content-type': 'application/x-www-form-urlencoded;charset=utf-8',
    accept: 'application/json',
};
/** The gateway's success code, and 业务处理中 (accepted, not finished: e.g. a payment waiting for the buyer). */
const SUCCESS = '10000';
const PENDING = '10003';
const utf8 = new TextDecoder('utf-8');
const decoders = { 'utf-8': utf8 };
function decoderFor(charset) {
    return (decoders[charset] ??= new TextDecoder(charset));
}
/**
 * Moves the operation's top-level params out of the request (stringified; absent ones left out)
 * and serialises what remains as `biz_content`, sent only when something remains or the method
 * has no top-level params (then `{}` is its documented empty biz_content).
 */
export function splitRequest(request, params) {
    // Null-prototype records: a wire name such as `__proto__` is data, not the object's prototype.
    const top = Object.create(null);
    if (params === undefined || params.length === 0)
        return { top, biz: JSON.stringify(request) };
    const rest = Object.create(null);
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
/** The fetch request of a form body, or of an upload's multipart body. */
function transportRequest(body) {
    if (typeof body === 'string')
        return { method: 'POST', headers: REQUEST_HEADERS, body };
    // No content-length: fetch derives it from a Blob (a newer undici as global dispatcher refuses one set by hand).
    return { method: 'POST', headers: { 'content-type': body.contentType, accept: 'application/json' }, body: body.body };
}
/** POSTs the signed request and reads the answer (transport.ts: one timeout covering headers and body). */
function send(client, method, url, body, options, progress) {
    return exchange(client, method, url, transportRequest(body), options, progress, async ({ response, traceId, read, errorBody }) => {
        if (response.status !== 200)
            throw new AlipayHttpError(method, response.status, { traceId, body: await errorBody() });
        const bytes = await read();
        const charset = declaredCharset(response.headers?.get('content-type'));
        // Buffer's UTF-8 decoding is the cheaper one on Node 20 for small bodies.
        if (charset === 'utf-8')
            return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), traceId, bytes: undefined };
        return { text: decoderFor(charset).decode(bytes), traceId, bytes };
    });
}
/**
 * Calls `op` on the gateway and resolves with the verified answer: `{ status: 'success', response }`
 * for code 10000, `{ status: 'pending', response }` for 10003 (业务处理中), both with the trace id.
 * Rejects with AlipayValidationError, AlipayConfigError (a bad per-call option), AlipayHttpError,
 * AlipayTimeoutError, AlipayNetworkError, AlipayResponseTooLargeError, AlipayMalformedResponseError,
 * AlipaySignatureError or AlipayApiError (and with the abort reason when `options.signal` aborts).
 */
export async function invokeResult(client, op, request, options) {
    const method = op.method;
    const issues = op.validateRequest(request);
    if (issues.length > 0)
        throw new AlipayValidationError('request', method, issues);
    // A method with a v3 route goes there when the call or the client asks for v3; others stay on v2.
    if (op.v3 !== undefined && (options?.protocol ?? client.protocol) === 'v3')
        return invokeV3(client, op, op.v3, request, options);
    const state = clientState(client);
    // Upload methods: files leave the request first (never signed); with files, biz_content goes only when fields remain.
    const uploads = op.files === undefined ? undefined : splitFiles(request, op.files);
    const { top, biz: plainBiz } = uploads === undefined ? splitRequest(request, op.params) : splitRequest(uploads.rest, [...(op.params ?? []), ...op.files]);
    const encrypt = state.aesKey !== undefined && plainBiz !== undefined && (options?.encrypt ?? true);
    if (options?.encrypt === true && state.aesKey === undefined)
        throw new AlipayConfigError(`${method}: options.encrypt needs the client option aesKey`);
    const encrypted = encrypt ? encryptedBizContent(plainBiz, state.aesKey) : undefined;
    const biz = encrypted?.biz_content ?? plainBiz;
    const policy = callPolicy(client, options?.retry);
    // An upload is never resent: a stream can be read only once.
    const retrying = uploads === undefined && policy !== undefined && policy.attempts > 1 && mayRetry(method, request, options?.idempotencyKey) ? policy : undefined;
    const params = {
        ...top,
        app_id: client.appId,
        method,
        format: 'JSON',
        charset: client.charset,
        sign_type: client.signType,
        timestamp: formatTimestamp(),
        version: '1.0',
        app_auth_token: options?.appAuthToken,
        auth_token: options?.authToken,
        terminal_type: options?.terminalType,
        terminal_info: options?.terminalInfo,
        prod_code: options?.prodCode,
        notify_url: options?.notifyUrl,
        return_url: options?.returnUrl,
        app_cert_sn: state.certMode?.appCertSn,
        alipay_root_cert_sn: state.certMode?.rootCertSn,
        encrypt_type: encrypted?.encrypt_type,
        biz_content: biz,
    };
    const signed = buildSignedRequest(client.gateway, params, state.privateKey, client.signType, op.params);
    // The body's params (text params, biz_content) become form fields; the query is the same as for calls.
    const body = uploads === undefined ? signed.body : buildMultipartBody([...new URLSearchParams(signed.body)], uploads.files);
    const progress = { status: undefined, traceId: undefined };
    const observers = state.observers;
    const attempt = async () => interpret(client, op, await send(client, method, signed.url, body, options, progress), options, encrypt);
    // Without retries the attempt is the call (one async layer less on the common path).
    const call = retrying === undefined ? attempt : () => withRetries(retrying, options?.signal, attempt);
    if (observers === undefined)
        return call();
    emitRequest(observers, method, client.gateway, params);
    return observed(observers, method, progress, call);
}
/** Scans, verifies and parses the answer into a result, or throws the error it stands for. */
function interpret(client, op, answer, options, encrypted = false) {
    const method = op.method;
    const { text, traceId } = answer;
    const scanned = extractResponseNode(text, method, traceId);
    const node = answer.bytes === undefined ? scanned : { ...scanned, bytes: gbkByteRange(answer.bytes, text, scanned.rawStart, scanned.rawStart + scanned.raw.length) ?? new Uint8Array(0) };
    const malformed = (why) => new AlipayMalformedResponseError(`${method}: the ${node.key} node ${why}`, method, { traceId });
    let parsed;
    try {
        parsed = JSON.parse(node.raw);
    }
    catch {
        throw malformed('is not valid JSON');
    }
    const state = clientState(client);
    const key = () => (state.certMode === undefined ? state.publicKey : alipayKeyFor(state.certMode, node.certSn, method, traceId));
    // An encrypted answer (a string of ciphertext): its signature covers the quoted ciphertext and
    // is checked before decrypting. It is never an unsigned failure (those come as plain objects).
    let verifiedEarly = false;
    if (typeof parsed === 'string' && encrypted && !node.isErrorResponse) {
        if (client.verifyResponseSign)
            verifiedEarly = checkResponseSignature(node, key(), client.signType, method, false, traceId);
        parsed = decryptAnswer(parsed, state.aesKey, method, node.key, traceId);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw malformed('is not an object');
    const result = parsed;
    if (typeof result.code !== 'string')
        throw malformed('has no code');
    const code = result.code;
    // An error_response is never a success nor pending, whatever it claims.
    if (node.isErrorResponse && (code === SUCCESS || code === PENDING))
        throw malformed(`has code ${code}`);
    const failure = code !== SUCCESS && code !== PENDING;
    const verified = verifiedEarly || (client.verifyResponseSign && checkResponseSignature(node, key(), client.signType, method, failure, traceId));
    if (failure)
        throw new AlipayApiError(method, result, { signed: verified, traceId });
    if (code === PENDING)
        return { status: 'pending', response: result, traceId };
    if (options?.validateResponse ?? client.validateResponse) {
        const problems = op.validateResponse(result);
        if (problems.length > 0)
            throw new AlipayValidationError('response', method, problems, { traceId });
    }
    return { status: 'success', response: result, traceId };
}
/**
 * Calls `op` and resolves with the verified response node of a success (code 10000); every other
 * answer rejects, a pending one (10003) with an AlipayApiError of code 10003 (its `response` holds
 * trade_no ...). Kept for method modules generated before invokeResult; new code calls invokeResult.
 */
export async function invoke(client, op, request, options) {
    const result = await invokeResult(client, op, request, options);
    if (result.status === 'pending')
        throw new AlipayApiError(op.method, result.response, { traceId: result.traceId });
    return result.response;
}
