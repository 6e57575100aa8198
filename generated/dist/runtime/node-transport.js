/**
 * The default transport, on node:http / node:https with keep-alive: global fetch (undici) costs
 * noticeably more CPU per call on Node 20 (see the README's Performance section). Every client
 * without its own `fetch` shares one (defaultTransport), so they share its sockets;
 * createNodeTransport makes one with other limits.
 *
 * Two forms. As a `fetch` it returns the part of a Response the runtime reads (status, headers.get,
 * body.getReader(), body.cancel(), text()), the body handed out chunk by chunk, so the runtime's
 * size limit stops a huge body early and a body cut short rejects, exactly as with fetch; uploads
 * (streamed bodies) and any wrapper a caller writes use it. Its direct form (DIRECT, used by
 * transport.ts for string bodies) skips the Response: one request, one timer, the body gathered up
 * to the limit, the URL before its query parsed once: on a call that is mostly RSA, node:http's
 * own work and ours around it is what is left to cut (README, Performance).
 * Neither follows redirects (node:http does not): a 3xx reaches the runtime as its status.
 */
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Buffer } from 'node:buffer';
function headerRecord(headers) {
    if (headers === undefined)
        return {};
    if (headers instanceof Headers || Array.isArray(headers))
        return Object.fromEntries(new Headers(headers));
    return { ...headers };
}
/** Bodies up to this size are drained on cancel (the socket is kept alive); larger ones close it. */
const DRAIN_LIMIT = 64 * 1024;
/** Bytes queued before the socket is paused until the reader catches up. */
const HIGH_WATER = 256 * 1024;
/**
 * A minimal ReadableStream reader over the node response: chunks are handed out as they arrive and
 * the socket is paused while more than HIGH_WATER bytes wait, so a reader that stops early (size
 * limit) never makes it buffer more. A body that ends before its announced length rejects, as with fetch.
 */
function bodyOf(res) {
    const queue = [];
    let ended = false;
    let failure;
    let waiting;
    const pull = (resolve, reject) => {
        const chunk = queue.shift();
        if (chunk !== undefined) {
            queued -= chunk.length;
            if (res.isPaused() && queued <= HIGH_WATER)
                res.resume();
            resolve({ done: false, value: chunk });
        }
        else if (failure !== undefined)
            reject(failure);
        else if (ended)
            resolve({ done: true, value: undefined });
        else
            waiting = { resolve, reject };
    };
    const wake = () => {
        const w = waiting;
        waiting = undefined;
        if (w !== undefined)
            pull(w.resolve, w.reject);
    };
    const fail = (error) => {
        if (ended || failure !== undefined)
            return;
        failure = error;
        wake();
    };
    let queued = 0;
    res.on('data', (chunk) => {
        queue.push(chunk);
        queued += chunk.length;
        if (waiting !== undefined)
            wake();
        // Paused only when the reader falls behind, so a small answer never pays a pause/resume.
        else if (queued > HIGH_WATER)
            res.pause();
    });
    res.on('end', () => {
        if (!res.complete)
            return fail(new Error('response body ended early'));
        ended = true;
        wake();
    });
    res.on('error', fail);
    res.on('aborted', () => fail(new Error('response body ended early')));
    res.on('close', () => fail(new Error('response body ended early')));
    const cancel = () => {
        queue.length = 0;
        failure ??= new Error('cancelled');
        const declared = Number(res.headers['content-length']);
        // A small body is drained so the keep-alive socket can serve the next call; anything else closes it.
        if (declared <= DRAIN_LIMIT)
            res.resume();
        else
            res.destroy();
        return Promise.resolve();
    };
    const reader = { read: () => new Promise(pull), cancel };
    return { getReader: () => reader, cancel };
}
/** `headers.get` of a Response over node:http's header record (lower-case names, lists joined as fetch joins them). */
export function headersOf(record) {
    return {
        get: (name) => {
            const value = record[name.toLowerCase()];
            return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
        },
    };
}
/** What the runtime reads of a response (status, headers.get, body.getReader / cancel), backed by the node response. */
function toResponse(res, url) {
    const status = res.statusCode ?? 0;
    const body = bodyOf(res);
    const headers = headersOf(res.headers);
    const text = async () => {
        const reader = body.getReader();
        const chunks = [];
        for (let r = await reader.read(); !r.done; r = await reader.read())
            chunks.push(r.value);
        return Buffer.concat(chunks).toString('utf8');
    };
    const response = {
        status,
        ok: status >= 200 && status < 300,
        statusText: res.statusMessage ?? '',
        url,
        redirected: false,
        headers,
        body,
        text,
        json: async () => JSON.parse(await text()),
    };
    return response;
}
function isStreamedBody(body) {
    return body instanceof Blob || body instanceof ReadableStream;
}
/**
 * Writes a streamed body chunk by chunk, waiting for `drain` when the socket is full, so a large
 * upload never sits in memory twice. A failing source destroys the request (the call rejects).
 */
async function writeStreamed(req, body) {
    const reader = (body instanceof Blob ? body.stream() : body).getReader();
    try {
        for (let r = await reader.read(); !r.done; r = await reader.read()) {
            if (req.destroyed)
                return;
            if (!req.write(r.value))
                await new Promise((resolve) => req.once('drain', resolve).once('close', resolve));
        }
        req.end();
    }
    catch (error) {
        req.destroy(error instanceof Error ? error : new Error('upload body failed'));
    }
    finally {
        reader.releaseLock();
    }
}
/**
 * Why a direct call failed: the timeout fired, the signal aborted (its reason is `cause`), or the
 * request failed (`cause`: the system error); `answered` holds the status and headers when they had come.
 */
export class DirectFailure extends Error {
    reason;
    answered;
    constructor(reason, answered, options) {
        super(`node transport: ${reason}`, options);
        this.reason = reason;
        this.answered = answered;
    }
}
/** @internal The property of a node transport's `fetch` holding its direct form (transport.ts uses it). */
export const DIRECT = Symbol('alipay-codegen.nodeTransport.direct');
/** The direct form of a node transport, when `fetch` is one (undefined for any other fetch). */
export function directOf(fetch) {
    return fetch[DIRECT];
}
const TARGETS_KEPT = 16;
/** A query node:http sends as it is (it refuses control characters and spaces; ours is percent-encoded). */
const PLAIN_QUERY = /^[\x21-\x7e]*$/;
function targetsCache() {
    const targets = new Map();
    return (url) => {
        const q = url.indexOf('?');
        const base = q < 0 ? url : url.slice(0, q);
        const query = q < 0 ? '' : url.slice(q);
        if (!PLAIN_QUERY.test(query))
            return undefined;
        let target = targets.get(base);
        if (target === undefined) {
            let parsed;
            try {
                parsed = new URL(base);
            }
            catch {
                return undefined;
            }
            if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
                return undefined;
            if (targets.size >= TARGETS_KEPT)
                targets.clear();
            // node:http wants an IPv6 address without its brackets.
            const hostname = parsed.hostname.startsWith('[') ? parsed.hostname.slice(1, -1) : parsed.hostname;
            target = { https: parsed.protocol === 'https:', hostname, port: parsed.port, host: parsed.host, pathname: parsed.pathname };
            targets.set(base, target);
        }
        return { target, path: target.pathname + query };
    };
}
/**
 * Starts the request: with the built-in agents, from the cached target with the headers as a raw
 * list (node:http then skips its per-header bookkeeping); with the caller's agent (a proxy agent
 * may rewrite the request), from the URL and a header record as any node:http request.
 */
function startRequest(route, agentFor, custom, url, call) {
    const length = call.body === undefined ? undefined : String(Buffer.byteLength(call.body));
    const routed = custom ? undefined : route(url);
    if (routed === undefined) {
        const https = url.startsWith('https:');
        const headers = { ...call.headers };
        if (length !== undefined)
            headers['content-length'] = length;
        return (https ? httpsRequest : httpRequest)(url, { method: call.method, headers, agent: agentFor(https) });
    }
    const { target, path } = routed;
    const headers = ['host', target.host];
    for (const name in call.headers)
        headers.push(name, call.headers[name]);
    if (length !== undefined)
        headers.push('content-length', length);
    const options = { method: call.method, hostname: target.hostname, port: target.port, path, headers, agent: agentFor(target.https) };
    return (target.https ? httpsRequest : httpRequest)(options);
}
/**
 * One request under one timer, the body gathered as it arrives (no stream reader, no Response):
 * the common call's whole transport.
 */
function directCall(start, url, call) {
    return new Promise((resolve, reject) => {
        let req;
        let answered;
        let settled = false;
        let timer;
        const onAbort = () => fail('aborted', call.signal.reason);
        const settle = () => {
            settled = true;
            clearTimeout(timer);
            call.signal?.removeEventListener('abort', onAbort);
        };
        const fail = (reason, cause) => {
            if (settled)
                return;
            settle();
            req?.destroy();
            reject(new DirectFailure(reason, answered, { cause }));
        };
        if (call.signal?.aborted === true)
            return onAbort();
        try {
            req = start(url, call);
        }
        catch (error) {
            return fail('failed', error);
        }
        timer = setTimeout(() => fail('timeout', undefined), call.timeoutMs);
        call.signal?.addEventListener('abort', onAbort, { once: true });
        req.on('error', (error) => fail('failed', error));
        req.on('response', (res) => {
            const status = res.statusCode ?? 0;
            answered = { status, headers: res.headers };
            const chunks = [];
            let total = 0;
            const cut = () => {
                settle();
                res.destroy();
                resolve({ status, headers: res.headers, body: Buffer.concat(chunks, total), truncated: true });
            };
            if (Number(res.headers['content-length']) > call.limit)
                return cut();
            res.on('data', (chunk) => {
                if (settled)
                    return;
                const room = call.limit - total;
                if (chunk.length > room) {
                    chunks.push(chunk.subarray(0, room));
                    total += room;
                    return cut();
                }
                chunks.push(chunk);
                total += chunk.length;
            });
            res.on('end', () => {
                if (settled)
                    return;
                if (!res.complete)
                    return fail('failed', new Error('response body ended early'));
                settle();
                resolve({ status, headers: res.headers, body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total), truncated: false });
            });
            res.on('error', (error) => fail('failed', error));
            res.on('close', () => fail('failed', new Error('response body ended early')));
        });
        req.end(call.body);
    });
}
/** Creates a `fetch` for the client config: node:http(s) requests over keep-alive agents. */
export function createNodeTransport(options = {}) {
    const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 64, timeout: options.idleTimeoutMs ?? 4000 };
    const httpAgent = new HttpAgent(agentOptions);
    const httpsAgent = new HttpsAgent(agentOptions);
    const agentFor = (https) => options.agent ?? (https ? httpsAgent : httpAgent);
    const transport = (url, init) => new Promise((resolve, reject) => {
        const body = init.body ?? undefined;
        const streamed = isStreamedBody(body) ? body : undefined;
        if (body !== undefined && streamed === undefined && typeof body !== 'string' && !(body instanceof Uint8Array)) {
            reject(new TypeError('node transport: body must be a string, bytes, a Blob or a ReadableStream'));
            return;
        }
        const headers = headerRecord(init.headers);
        // A stream of unknown length goes chunked; every other body announces its length.
        if (streamed instanceof Blob)
            headers['content-length'] = String(streamed.size);
        else if (body !== undefined && streamed === undefined)
            headers['content-length'] = String(Buffer.byteLength(body));
        const https = url.startsWith('https:');
        const request = https ? httpsRequest : httpRequest;
        const req = request(url, {
            method: init.method ?? 'GET',
            headers,
            agent: agentFor(https),
            ...(init.signal ? { signal: init.signal } : {}),
        });
        req.on('response', (res) => resolve(toResponse(res, url)));
        req.on('error', reject);
        if (streamed !== undefined)
            void writeStreamed(req, streamed);
        else
            req.end(body);
    });
    const route = targetsCache();
    const start = (url, call) => startRequest(route, agentFor, options.agent !== undefined, url, call);
    const direct = (url, call) => directCall(start, url, call);
    return Object.assign(transport, { [DIRECT]: direct });
}
let shared;
/** The transport of clients created without `fetch`: one keep-alive transport per process, made on first use. */
export function defaultTransport() {
    shared ??= createNodeTransport();
    return shared;
}
