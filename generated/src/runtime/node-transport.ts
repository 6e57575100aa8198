/**
 * The default transport, on node:http / node:https with keep-alive: global fetch (undici) costs
 * noticeably more CPU per call on Node 20 (see the README's Performance section). Every client
 * without its own `fetch` shares one (defaultTransport), so they share its sockets;
 * createNodeTransport makes one with other limits.
 *
 * It returns the part of a fetch Response the runtime reads (status, headers.get, body.getReader(),
 * body.cancel(), text()); the body is handed out chunk by chunk as the runtime reads it, so the
 * runtime's size limit stops a huge body early, and a body cut short rejects, exactly as with fetch.
 * It never follows redirects (node:http does not): a 3xx reaches the runtime as its status.
 */
import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Buffer } from 'node:buffer';
import type { FetchLike } from './client.js';

/** Options of createNodeTransport. */
/**
 * A node:http(s) Agent as the option needs it (an `http.Agent`, `https.Agent` or a proxy agent is
 * one): structural, so the package's declarations do not need @types/node.
 */
export interface NodeAgent {
  destroy(): void;
}

export interface NodeTransportOptions {
  /** Most sockets kept per host (default 64). */
  maxSockets?: number;
  /** How long an idle socket is kept, in ms (default 4000: below the common 5 s server keep-alive). */
  idleTimeoutMs?: number;
  /**
   * The agent every request goes through instead of the built-in keep-alive ones: a proxy agent
   * (an HTTP CONNECT tunnel, e.g. `https-proxy-agent`) or any custom node:http(s) Agent. It must
   * suit the gateway's protocol (an https.Agent for an https gateway). maxSockets / idleTimeoutMs
   * then do not apply (they configure the built-in agents).
   */
  agent?: NodeAgent;
}

function headerRecord(headers: RequestInit['headers']): Record<string, string> {
  if (headers === undefined) return {};
  if (headers instanceof Headers || Array.isArray(headers)) return Object.fromEntries(new Headers(headers));
  return { ...(headers as Record<string, string>) };
}

type ReadResult = { done: false; value: Uint8Array } | { done: true; value: undefined };

/** Bodies up to this size are drained on cancel (the socket is kept alive); larger ones close it. */
const DRAIN_LIMIT = 64 * 1024;
/** Bytes queued before the socket is paused until the reader catches up. */
const HIGH_WATER = 256 * 1024;

/**
 * A minimal ReadableStream reader over the node response: chunks are handed out as they arrive and
 * the socket is paused while more than HIGH_WATER bytes wait, so a reader that stops early (size
 * limit) never makes it buffer more. A body that ends before its announced length rejects, as with fetch.
 */
function bodyOf(res: IncomingMessage): { getReader(): { read(): Promise<ReadResult>; cancel(): Promise<void> }; cancel(): Promise<void> } {
  const queue: Buffer[] = [];
  let ended = false;
  let failure: Error | undefined;
  let waiting: { resolve: (r: ReadResult) => void; reject: (e: Error) => void } | undefined;
  const pull = (resolve: (r: ReadResult) => void, reject: (e: Error) => void): void => {
    const chunk = queue.shift();
    if (chunk !== undefined) {
      queued -= chunk.length;
      if (res.isPaused() && queued <= HIGH_WATER) res.resume();
      resolve({ done: false, value: chunk });
    } else if (failure !== undefined) reject(failure);
    else if (ended) resolve({ done: true, value: undefined });
    else waiting = { resolve, reject };
  };
  const wake = (): void => {
    const w = waiting;
    waiting = undefined;
    if (w !== undefined) pull(w.resolve, w.reject);
  };
  const fail = (error: Error): void => {
    if (ended || failure !== undefined) return;
    failure = error;
    wake();
  };
  let queued = 0;
  res.on('data', (chunk: Buffer) => {
    queue.push(chunk);
    queued += chunk.length;
    if (waiting !== undefined) wake();
    // Paused only when the reader falls behind, so a small answer never pays a pause/resume.
    else if (queued > HIGH_WATER) res.pause();
  });
  res.on('end', () => {
    if (!res.complete) return fail(new Error('response body ended early'));
    ended = true;
    wake();
  });
  res.on('error', fail);
  res.on('aborted', () => fail(new Error('response body ended early')));
  res.on('close', () => fail(new Error('response body ended early')));
  const cancel = (): Promise<void> => {
    queue.length = 0;
    failure ??= new Error('cancelled');
    const declared = Number(res.headers['content-length']);
    // A small body is drained so the keep-alive socket can serve the next call; anything else closes it.
    if (declared <= DRAIN_LIMIT) res.resume();
    else res.destroy();
    return Promise.resolve();
  };
  const reader = { read: (): Promise<ReadResult> => new Promise<ReadResult>(pull), cancel };
  return { getReader: () => reader, cancel };
}

/** What the runtime reads of a response (status, headers.get, body.getReader / cancel), backed by the node response. */
function toResponse(res: IncomingMessage, url: string): Response {
  const status = res.statusCode ?? 0;
  const body = bodyOf(res);
  const headers = {
    get: (name: string): string | null => {
      const value = res.headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    },
  };
  const text = async (): Promise<string> => {
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
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
    json: async (): Promise<unknown> => JSON.parse(await text()) as unknown,
  };
  return response as unknown as Response;
}

/** A streamed body (an upload's multipart body): a Blob or a ReadableStream of bytes. */
type StreamedBody = Blob | ReadableStream<Uint8Array>;

function isStreamedBody(body: unknown): body is StreamedBody {
  return body instanceof Blob || body instanceof ReadableStream;
}

/**
 * Writes a streamed body chunk by chunk, waiting for `drain` when the socket is full, so a large
 * upload never sits in memory twice. A failing source destroys the request (the call rejects).
 */
async function writeStreamed(req: ClientRequest, body: StreamedBody): Promise<void> {
  const reader = (body instanceof Blob ? body.stream() : body).getReader();
  try {
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      if (req.destroyed) return;
      if (!req.write(r.value)) await new Promise<void>((resolve) => req.once('drain', resolve).once('close', resolve));
    }
    req.end();
  } catch (error) {
    req.destroy(error instanceof Error ? error : new Error('upload body failed'));
  } finally {
    reader.releaseLock();
  }
}

/** Creates a `fetch` for the client config: node:http(s) requests over keep-alive agents. */
export function createNodeTransport(options: NodeTransportOptions = {}): FetchLike {
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 64, timeout: options.idleTimeoutMs ?? 4000 };
  const httpAgent = new HttpAgent(agentOptions);
  const httpsAgent = new HttpsAgent(agentOptions);
  return (url: string, init: RequestInit): Promise<Response> =>
    new Promise<Response>((resolve, reject) => {
      const body = init.body ?? undefined;
      const streamed = isStreamedBody(body) ? body : undefined;
      if (body !== undefined && streamed === undefined && typeof body !== 'string' && !(body instanceof Uint8Array)) {
        reject(new TypeError('node transport: body must be a string, bytes, a Blob or a ReadableStream'));
        return;
      }
      const headers = headerRecord(init.headers);
      // A stream of unknown length goes chunked; every other body announces its length.
      if (streamed instanceof Blob) headers['content-length'] = String(streamed.size);
      else if (body !== undefined && streamed === undefined) headers['content-length'] = String(Buffer.byteLength(body as string | Uint8Array));
      const https = url.startsWith('https:');
      const request = https ? httpsRequest : httpRequest;
      const req = request(url, {
        method: init.method ?? 'GET',
        headers,
        agent: (options.agent as HttpAgent | undefined) ?? (https ? httpsAgent : httpAgent),
        ...(init.signal ? { signal: init.signal } : {}),
      });
      req.on('response', (res) => resolve(toResponse(res, url)));
      req.on('error', reject);
      if (streamed !== undefined) void writeStreamed(req, streamed);
      else req.end(body);
    });
}

let shared: FetchLike | undefined;

/** The transport of clients created without `fetch`: one keep-alive transport per process, made on first use. */
export function defaultTransport(): FetchLike {
  shared ??= createNodeTransport();
  return shared;
}
