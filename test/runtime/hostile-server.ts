/**
 * A hostile gateway on 127.0.0.1 for the runtime tests (issue 14): redirects (same and other
 * origin), huge bodies streamed chunk by chunk under backpressure (never buffered here), bodies
 * that never end, bodies that trickle, answers that never come. Each route counts what it sent.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HostileServer {
  /** Base URL, e.g. http://127.0.0.1:1234 (routes are paths under it). */
  readonly origin: string;
  /** Requests received, by path (query left out), with their bodies. */
  readonly hits: { path: string; body: string }[];
  /** Body bytes written by the last streaming route, and whether it ran to the end. */
  readonly streamed: { bytes: number; finished: boolean };
  /** The answer served at /landing (what a followed redirect would get). */
  landing: string;
  close(): Promise<void>;
}

const CHUNK = Buffer.alloc(64 * 1024, 'a');
const HEAD = '{"alipay_trade_query_response":{"code":"10000","msg":"Success","pad":"';
const TAIL = '"}}';

/** Writes `total` bytes of padding in 64 KB chunks, waiting for drain; stops when the client goes away. */
async function stream(res: ServerResponse, total: number, counter: { bytes: number; finished: boolean }): Promise<void> {
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  let left = total;
  while (left > 0 && !closed) {
    const piece = left >= CHUNK.length ? CHUNK : CHUNK.subarray(0, left);
    left -= piece.length;
    counter.bytes += piece.length;
    if (!res.write(piece)) await new Promise<void>((resolve) => {
      res.once('drain', resolve);
      res.once('close', resolve);
    });
  }
  if (!closed) {
    counter.finished = true;
    res.end(TAIL);
  }
}

function route(server: HostileServer, res: ServerResponse, path: string): void {
  const parts = path.split('/').filter((p) => p !== '');
  const [name, arg, arg2] = parts;
  if (name === 'landing') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(server.landing);
  } else if (name === 'redirect') {
    // /redirect/<status>/<target origin, url-encoded>
    res.writeHead(Number(arg), { location: `${decodeURIComponent(arg2!)}/landing` });
    res.end();
  } else if (name === 'huge' || name === 'huge-declared') {
    // /huge/<MB>: chunked; /huge-declared/<MB>: with the Content-Length of the whole body.
    const total = Number(arg) * 1024 * 1024;
    const length = Buffer.byteLength(HEAD) + total + Buffer.byteLength(TAIL);
    res.writeHead(200, { 'content-type': 'application/json', ...(name === 'huge-declared' ? { 'content-length': String(length) } : {}) });
    server.streamed.bytes = 0;
    server.streamed.finished = false;
    res.write(HEAD);
    void stream(res, total, server.streamed);
  } else if (name === 'endless') {
    res.writeHead(200, { 'content-type': 'application/json' });
    server.streamed.bytes = 0;
    server.streamed.finished = false;
    res.write(HEAD);
    void stream(res, Number.MAX_SAFE_INTEGER, server.streamed);
  } else if (name === 'trickle') {
    // A few bytes every 20 ms, for ever: never large, never done.
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write(HEAD);
    const timer = setInterval(() => res.write('aaaa'), 20);
    res.on('close', () => clearInterval(timer));
  } else if (name === 'silent') {
    // Reads the request and never answers.
  } else {
    res.writeHead(404);
    res.end();
  }
}

export async function startHostileServer(): Promise<HostileServer> {
  let server: HostileServer;
  const http: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      server.hits.push({ path, body: Buffer.concat(chunks).toString('utf8') });
      route(server, res, path);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  server = {
    origin: `http://127.0.0.1:${port}`,
    hits: [],
    streamed: { bytes: 0, finished: false },
    landing: '{}',
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
  return server;
}
