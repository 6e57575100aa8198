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

/** `headers.get` of a Response over node:http's header record (lower-case names, lists joined as fetch joins them). */
export function headersOf(record: Readonly<Record<string, string | string[] | undefined>>): { get(name: string): string | null } {
  return {
    get: (name) => {
      const value = record[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

/** What the runtime reads of a response (status, headers.get, body.getReader / cancel), backed by the node response. */
function toResponse(res: IncomingMessage, url: string): Response {
  const status = res.statusCode ?? 0;
  const body = bodyOf(res);
  const headers = headersOf(res.headers);
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

/** A call as the runtime hands it to a node transport directly (transport.ts), bypassing the fetch shape. */
export interface DirectRequest {
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  /** The whole exchange (headers and body) must end within it. */
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
  /** Most body bytes kept: past it the socket is closed and the answer is `truncated`. */
  readonly limit: number;
}

/** The whole answer: status, headers, the body (at most `limit` bytes; `truncated` when there were more). */
export interface DirectAnswer {
  readonly status: number;
  /** As node:http gives them: lower-case names; set-cookie (never read here) is a list. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Uint8Array;
  readonly truncated: boolean;
}

/**
 * Why a direct call failed: the timeout fired, the signal aborted (its reason is `cause`), or the
 * request failed (`cause`: the system error); `answered` holds the status and headers when they had come.
 */
export class DirectFailure extends Error {
  constructor(
    readonly reason: 'timeout' | 'aborted' | 'failed',
    readonly answered: Pick<DirectAnswer, 'status' | 'headers'> | undefined,
    options: { cause: unknown },
  ) {
    super(`node transport: ${reason}`, options);
  }
}

/** @internal The property of a node transport's `fetch` holding its direct form (transport.ts uses it). */
export const DIRECT: unique symbol = Symbol('alipay-codegen.nodeTransport.direct');

export type Direct = (url: string, request: DirectRequest) => Promise<DirectAnswer>;

/** The direct form of a node transport, when `fetch` is one (undefined for any other fetch). */
export function directOf(fetch: FetchLike): Direct | undefined {
  return (fetch as FetchLike & { [DIRECT]?: Direct })[DIRECT];
}

/** Where a gateway URL's requests go, parsed once per URL before its query (the signed params change per call). */
interface Target {
  readonly https: boolean;
  readonly hostname: string;
  readonly port: string;
  /** The Host header: the URL's host, port included when it is not the default. */
  readonly host: string;
  readonly pathname: string;
}

const TARGETS_KEPT = 16;

/** A query node:http sends as it is (it refuses control characters and spaces; ours is percent-encoded). */
const PLAIN_QUERY = /^[\x21-\x7e]*$/;

function targetsCache(): (url: string) => { target: Target; path: string } | undefined {
  const targets = new Map<string, Target>();
  return (url) => {
    const q = url.indexOf('?');
    const base = q < 0 ? url : url.slice(0, q);
    const query = q < 0 ? '' : url.slice(q);
    if (!PLAIN_QUERY.test(query)) return undefined;
    let target = targets.get(base);
    if (target === undefined) {
      let parsed: URL;
      try {
        parsed = new URL(base);
      } catch {
        return undefined;
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
      if (targets.size >= TARGETS_KEPT) targets.clear();
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
function startRequest(route: ReturnType<typeof targetsCache>, agentFor: (https: boolean) => HttpAgent, custom: boolean, url: string, call: DirectRequest): ClientRequest {
  const length = call.body === undefined ? undefined : String(Buffer.byteLength(call.body));
  const routed = custom ? undefined : route(url);
  if (routed === undefined) {
    const https = url.startsWith('https:');
    const headers: Record<string, string> = { ...call.headers };
    if (length !== undefined) headers['content-length'] = length;
    return (https ? httpsRequest : httpRequest)(url, { method: call.method, headers, agent: agentFor(https) });
  }
  const { target, path } = routed;
  const headers = ['host', target.host];
  for (const name in call.headers) headers.push(name, call.headers[name]!);
  if (length !== undefined) headers.push('content-length', length);
  const options = { method: call.method, hostname: target.hostname, port: target.port, path, headers, agent: agentFor(target.https) };
  return (target.https ? httpsRequest : httpRequest)(options);
}

/**
 * One request under one timer, the body gathered as it arrives (no stream reader, no Response):
 * the common call's whole transport.
 */
function directCall(start: (url: string, call: DirectRequest) => ClientRequest, url: string, call: DirectRequest): Promise<DirectAnswer> {
  return new Promise<DirectAnswer>((resolve, reject) => {
    let req: ClientRequest | undefined;
    let answered: Pick<DirectAnswer, 'status' | 'headers'> | undefined;
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onAbort = (): void => fail('aborted', call.signal!.reason);
    const settle = (): void => {
      settled = true;
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', onAbort);
    };
    const fail = (reason: DirectFailure['reason'], cause: unknown): void => {
      if (settled) return;
      settle();
      req?.destroy();
      reject(new DirectFailure(reason, answered, { cause }));
    };
    if (call.signal?.aborted === true) return onAbort();
    try {
      req = start(url, call);
    } catch (error) {
      return fail('failed', error);
    }
    timer = setTimeout(() => fail('timeout', undefined), call.timeoutMs);
    call.signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', (error) => fail('failed', error));
    req.on('response', (res: IncomingMessage) => {
      const status = res.statusCode ?? 0;
      answered = { status, headers: res.headers };
      const chunks: Buffer[] = [];
      let total = 0;
      const cut = (): void => {
        settle();
        res.destroy();
        resolve({ status, headers: res.headers, body: Buffer.concat(chunks, total), truncated: true });
      };
      if (Number(res.headers['content-length']) > call.limit) return cut();
      res.on('data', (chunk: Buffer) => {
        if (settled) return;
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
        if (settled) return;
        if (!res.complete) return fail('failed', new Error('response body ended early'));
        settle();
        resolve({ status, headers: res.headers, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total), truncated: false });
      });
      res.on('error', (error) => fail('failed', error));
      res.on('close', () => fail('failed', new Error('response body ended early')));
    });
    req.end(call.body);
  });
}

/** Creates a `fetch` for the client config: node:http(s) requests over keep-alive agents. */
export function createNodeTransport(options: NodeTransportOptions = {}): FetchLike {
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 64, timeout: options.idleTimeoutMs ?? 4000 };
  const httpAgent = new HttpAgent(agentOptions);
  const httpsAgent = new HttpsAgent(agentOptions);
  const agentFor = (https: boolean): HttpAgent => (options.agent as HttpAgent | undefined) ?? (https ? httpsAgent : httpAgent);
  const transport = (url: string, init: RequestInit): Promise<Response> =>
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
        agent: agentFor(https),
        ...(init.signal ? { signal: init.signal } : {}),
      });
      req.on('response', (res) => resolve(toResponse(res, url)));
      req.on('error', reject);
      if (streamed !== undefined) void writeStreamed(req, streamed);
      else req.end(body);
    });
  const route = targetsCache();
  const start = (url: string, call: DirectRequest): ClientRequest => startRequest(route, agentFor, options.agent !== undefined, url, call);
  const direct: Direct = (url, call) => directCall(start, url, call);
  return Object.assign(transport, { [DIRECT]: direct });
}

let shared: FetchLike | undefined;

/** The transport of clients created without `fetch`: one keep-alive transport per process, made on first use. */
export function defaultTransport(): FetchLike {
  shared ??= createNodeTransport();
  return shared;
}
