/**
 * An optional transport on node:http / node:https with keep-alive, for servers that make many calls:
 * global fetch (undici) costs noticeably more CPU per call on Node 20. Pass it as the client's
 * `fetch`. Not used unless imported, so bundles that do not import it never load node:http.
 *
 * It returns the part of a fetch Response the runtime reads (status, text(), body.cancel()); the
 * body is read only when asked, so a body cut short rejects text(), exactly as with fetch.
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
/** What the runtime reads of a response, backed by the node response stream. */
function toResponse(res, url) {
    const status = res.statusCode ?? 0;
    const text = () => new Promise((resolve, reject) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
            // A response that ends before its announced length is cut off, not complete.
            if (!res.complete)
                reject(new Error('response body ended early'));
            else
                resolve(chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8'));
        });
        res.on('error', reject);
        res.on('aborted', () => reject(new Error('response body ended early')));
    });
    const body = {
        cancel: () => {
            // Drained rather than destroyed, so the keep-alive socket can serve the next call.
            res.resume();
            return Promise.resolve();
        },
    };
    const response = {
        status,
        ok: status >= 200 && status < 300,
        statusText: res.statusMessage ?? '',
        url,
        redirected: false,
        body,
        text,
        json: async () => JSON.parse(await text()),
    };
    return response;
}
/** Creates a `fetch` for the client config: node:http(s) requests over keep-alive agents. */
export function createNodeTransport(options = {}) {
    const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 64, timeout: options.idleTimeoutMs ?? 4000 };
    const httpAgent = new HttpAgent(agentOptions);
    const httpsAgent = new HttpsAgent(agentOptions);
    return (url, init) => new Promise((resolve, reject) => {
        const body = init.body ?? undefined;
        if (body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array)) {
            reject(new TypeError('node transport: body must be a string or bytes'));
            return;
        }
        const headers = headerRecord(init.headers);
        if (body !== undefined)
            headers['content-length'] = String(Buffer.byteLength(body));
        const https = url.startsWith('https:');
        const request = https ? httpsRequest : httpRequest;
        const req = request(url, {
            method: init.method ?? 'GET',
            headers,
            agent: https ? httpsAgent : httpAgent,
            ...(init.signal ? { signal: init.signal } : {}),
        });
        req.on('response', (res) => resolve(toResponse(res, url)));
        req.on('error', reject);
        req.end(body);
    });
}
