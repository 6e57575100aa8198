/**
 * Family 3: a hostile gateway on 127.0.0.1 answering the generated client. Each scenario says
 * what it sends and whether the client may accept it. Verdicts: a typed AlipayError is a pass
 * (so is a success where the answer is legitimately signed); an untyped throw, a hang, an
 * uncaught exception, prototype pollution, accepting a forged answer, or re-posting the signed
 * request to the origin a redirect points at is a failure.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { byScale, type FuzzConfig } from './env.js';
import { LocalServer, NODE_KEY, loadPackage, makeKeys, prototypeSnapshot, settle, sign, signedBody, type Keys } from './http-kit.js';
import { createRng, type Rng } from './random.js';
import { FamilyReport } from './report.js';

const CLIENT_TIMEOUT_MS = 2_000;
const HANG_MS = CLIENT_TIMEOUT_MS + 5_000;
const OK_NODE = '{"code":"10000","msg":"Success","card_info":{"biz_card_no":"0000001","external_card_no":"E1","open_date":"2014-02-20 21:20:46","valid_date":"2020-02-20 21:20:46","level":"VIP1","point":"88","balance":"124.89"}}';

interface Ctx {
  keys: Keys;
  rng: Rng;
  other: LocalServer;
  /** The huge-body size of this call, bytes. */
  hugeBytes: number;
  /** Gzip bombs by inflated size, made before the calls (gzip would block the client's event loop). */
  bombs: Map<number, Buffer>;
}

type Expect = 'success' | 'error' | 'either';

interface Scenario {
  name: string;
  expect: Expect;
  /** How many calls in the full campaign (default 8). */
  calls?: number;
  serve(ctx: Ctx, req: IncomingMessage, res: ServerResponse): void;
}

const json = (res: ServerResponse, body: string | Buffer, headers: Record<string, string> = {}): void => {
  res.writeHead(200, { 'content-type': 'application/json;charset=utf-8', ...headers });
  res.end(body);
};

function flip(text: string, rng: Rng): string {
  // Change one digit or letter inside the node (never a quote or brace, so it stays JSON).
  const spots = [...text.matchAll(/[0-9A-Za-z]/g)].map((m) => m.index);
  const at = rng.pick(spots);
  const c = text[at]!;
  return text.slice(0, at) + (c === '1' ? '2' : c === 'a' ? 'b' : '1') + text.slice(at + 1);
}

/** Streams `bytes` of a never-closing JSON string, respecting backpressure, until done or closed. */
function stream(res: ServerResponse, head: string, bytes: number, chunk: Buffer, tail = ''): void {
  res.writeHead(200, { 'content-type': 'application/json;charset=utf-8' });
  res.write(head);
  let sent = 0;
  const pump = (): void => {
    while (sent < bytes && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end(tail);
  };
  pump();
}

function redirect(status: number): Scenario {
  return {
    name: `redirect ${status} to another origin`,
    expect: 'either',
    serve: (ctx, req, res) => {
      // The attacker keeps the signed query, so the other origin would get a complete signed request.
      res.writeHead(status, { location: `${ctx.other.url}/gateway.do${(req.url ?? '').replace(/^[^?]*/, '')}` });
      res.end();
    },
  };
}

const SCENARIOS: Scenario[] = [
  { name: 'control: valid signed answer', expect: 'success', serve: (c, _q, r) => json(r, signedBody(c.keys, OK_NODE)) },
  { name: 'tampered node (sign of the original)', expect: 'error', serve: (c, _q, r) => json(r, `{"${NODE_KEY}":${flip(OK_NODE, c.rng)},"sign":"${sign(c.keys, OK_NODE)}"}`) },
  { name: 'tampered sign', expect: 'error', serve: (c, _q, r) => json(r, `{"${NODE_KEY}":${OK_NODE},"sign":"${flip(sign(c.keys, OK_NODE), c.rng)}"}`) },
  { name: 'sign missing', expect: 'error', serve: (_c, _q, r) => json(r, `{"${NODE_KEY}":${OK_NODE}}`) },
  { name: 'sign of another key', expect: 'error', serve: (c, _q, r) => json(r, `{"${NODE_KEY}":${OK_NODE},"sign":"${sign(makeFakeKeys(c), OK_NODE)}"}`) },
  { name: 'duplicated response node (signed first, forged second)', expect: 'error', serve: (c, _q, r) => json(r, `{"${NODE_KEY}":${OK_NODE},"${NODE_KEY}":${flip(OK_NODE, c.rng)},"sign":"${sign(c.keys, OK_NODE)}"}`) },
  { name: 'duplicated response node (forged first, signed second)', expect: 'error', serve: (c, _q, r) => json(r, `{"${NODE_KEY}":${flip(OK_NODE, c.rng)},"${NODE_KEY}":${OK_NODE},"sign":"${sign(c.keys, OK_NODE)}"}`) },
  { name: 'duplicated sign key', expect: 'either', serve: (c, _q, r) => json(r, `{"${NODE_KEY}":${OK_NODE},"sign":"AAAA","sign":"${sign(c.keys, OK_NODE)}"}`) },
  { name: 'duplicated key inside the signed node', expect: 'either', serve: (c, _q, r) => json(r, signedBody(c.keys, OK_NODE.replace('"code":"10000"', '"code":"40004","code":"10000"'))) },
  { name: 'success node next to error_response', expect: 'error', serve: (c, _q, r) => json(r, `{"error_response":{"code":"40002","msg":"x"},"${NODE_KEY}":${OK_NODE},"sign":"${sign(c.keys, OK_NODE)}"}`) },
  { name: 'node of another method', expect: 'error', serve: (c, _q, r) => json(r, signedBody(c.keys, OK_NODE, 'alipay_trade_query_response')) },
  { name: 'unsigned error_response', expect: 'error', serve: (_c, _q, r) => json(r, '{"error_response":{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-app-id"}}') },
  { name: 'error_response claiming 10000', expect: 'error', serve: (_c, _q, r) => json(r, '{"error_response":{"code":"10000","msg":"Success"}}') },
  { name: 'truncated body (valid length)', expect: 'error', serve: (c, _q, r) => { const b = signedBody(c.keys, OK_NODE); json(r, b.slice(0, 1 + c.rng.int(b.length - 1))); } },
  {
    name: 'truncated connection (content-length larger)',
    expect: 'error',
    serve: (c, _q, r) => {
      const b = signedBody(c.keys, OK_NODE);
      r.writeHead(200, { 'content-type': 'application/json', 'content-length': String(b.length + 100) });
      r.write(b.slice(0, c.rng.int(b.length)));
      setTimeout(() => r.destroy(), 20);
    },
  },
  { name: 'non-JSON (HTML error page)', expect: 'error', serve: (_c, _q, r) => { r.writeHead(200, { 'content-type': 'text/html' }); r.end('<html><body>502 Bad Gateway</body></html>'); } },
  { name: 'empty body', expect: 'error', serve: (_c, _q, r) => json(r, '') },
  { name: 'JSON but not an object', expect: 'error', serve: (c, _q, r) => json(r, c.rng.pick(['null', '[]', '42', '"x"', 'true', `[${signedBody(c.keys, OK_NODE)}]`])) },
  { name: 'node not an object (signed)', expect: 'error', serve: (c, _q, r) => json(r, signedBody(c.keys, c.rng.pick(['"10000"', '[1]', 'null', '10000']))) },
  { name: 'node without code (signed)', expect: 'error', serve: (c, _q, r) => json(r, signedBody(c.keys, '{"msg":"Success"}')) },
  { name: 'invalid UTF-8 and BOM', expect: 'error', serve: (c, _q, r) => json(r, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xff, 0xfe]), Buffer.from(signedBody(c.keys, OK_NODE))])) },
  {
    name: 'wrong charset (GBK bytes, declared gbk)',
    expect: 'either',
    // 成功 in GBK; the sign is over the UTF-8 text, so a client reading UTF-8 cannot verify it.
    serve: (c, _q, r) => {
      const node = '{"code":"10000","msg":"成功"}';
      const body = signedBody(c.keys, node).split('成功');
      json(r, Buffer.concat([Buffer.from(body[0]!), Buffer.from([0xb3, 0xc9, 0xb9, 0xa6]), Buffer.from(body[1]!)]), { 'content-type': 'application/json;charset=GBK' });
    },
  },
  { name: 'wrong charset (UTF-8 bytes, declared iso-8859-1)', expect: 'either', serve: (c, _q, r) => json(r, signedBody(c.keys, '{"code":"10000","msg":"成功"}'), { 'content-type': 'application/json;charset=iso-8859-1' }) },
  {
    name: 'never-ending body',
    expect: 'error',
    serve: (_c, _q, r) => {
      r.writeHead(200, { 'content-type': 'application/json' });
      r.write(`{"${NODE_KEY}":{"code":"10000","msg":"`);
      const t = setInterval(() => (r.destroyed ? clearInterval(t) : r.write('a')), 100);
      r.on('close', () => clearInterval(t));
    },
  },
  { name: 'no answer at all (headers never sent)', expect: 'error', serve: () => undefined },
  { name: 'slow answer (1.5 s, inside the timeout)', expect: 'either', serve: (c, _q, r) => void setTimeout(() => json(r, signedBody(c.keys, OK_NODE)), 1_500) },
  { name: 'connection reset', expect: 'error', serve: (_c, q) => q.socket.destroy() },
  { name: 'HTTP status not 200', expect: 'error', serve: (c, _q, r) => { r.writeHead(c.rng.pick([204, 301, 400, 404, 500, 502, 503])); r.end('{}'); } },
  { name: 'content-encoding gzip, body not gzip', expect: 'error', serve: (c, _q, r) => json(r, signedBody(c.keys, OK_NODE), { 'content-encoding': 'gzip' }) },
  {
    name: 'gzip bomb (small body, huge when inflated)',
    expect: 'error',
    calls: 4,
    serve: (c, _q, r) => json(r, c.bombs.get(c.hugeBytes)!, { 'content-encoding': 'gzip' }),
  },
  { name: 'huge streamed body (50-200 MB)', expect: 'error', calls: 4, serve: (c, _q, r) => stream(r, `{"${NODE_KEY}":{"code":"10000","msg":"`, c.hugeBytes, Buffer.alloc(1 << 20, 0x61), '"}}') },
  { name: 'deep nesting in the signed node', expect: 'either', serve: (c, _q, r) => { const d = 1_000 + c.rng.int(100_000); json(r, signedBody(c.keys, `{"code":"10000","msg":"x","deep":${'['.repeat(d)}${']'.repeat(d)}}`)); } },
  { name: 'prototype keys in the signed node', expect: 'either', serve: (c, _q, r) => json(r, signedBody(c.keys, '{"code":"10000","msg":"x","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"card_info":{"__proto__":{"polluted":1}}}')) },
  redirect(307),
  redirect(308),
  redirect(301),
  redirect(302),
  redirect(303),
];

function gzipBomb(bytes: number): Buffer {
  return gzipSync(Buffer.concat([Buffer.from(`{"${NODE_KEY}":{"code":"10000","msg":"`), Buffer.alloc(bytes, 0x61), Buffer.from('"}}')]));
}

let fakeKeys: Keys | undefined;
function makeFakeKeys(_c: Ctx): Keys {
  return (fakeKeys ??= makeKeys());
}

export async function httpFamily(config: FuzzConfig): Promise<FamilyReport> {
  const report = new FamilyReport('3. hostile HTTP server');
  if (config.scale === 'full') report.required = 248;
  const rng = createRng(config.seed + 3);
  const keys = makeKeys();
  const pkg = await loadPackage(config.root, keys);
  const gateway = await LocalServer.start();
  const other = await LocalServer.start();
  // The other origin answers like an attacker without the Alipay key: an unsigned error.
  other.handler = (_q, res) => json(res, '{"error_response":{"code":"40002","msg":"redirected"}}');
  const client = pkg.createClient(`${gateway.url}/gateway.do`, CLIENT_TIMEOUT_MS);
  const uncaught: unknown[] = [];
  const onUncaught = (e: unknown): void => void uncaught.push(e);
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUncaught);
  const perScenario = byScale(config, 1, 8);
  const hugeSizes = byScale(config, [5 << 20], [50 << 20, 100 << 20, 150 << 20, 200 << 20]);
  const bombs = new Map(hugeSizes.map((n) => [n, gzipBomb(n)] as const));
  try {
    for (const s of SCENARIOS) {
      const calls = config.scale === 'small' ? 1 : (s.calls ?? perScenario);
      for (let i = 0; i < calls; i++) {
        const ctx: Ctx = { keys, rng, other, hugeBytes: hugeSizes[i % hugeSizes.length]!, bombs };
        gateway.handler = (q, r) => s.serve(ctx, q, r);
        const reposted = other.received.length;
        const before = prototypeSnapshot();
        uncaught.length = 0;
        const outcome = await settle(pkg, () => pkg.call(client), HANG_MS);
        // Let late socket errors surface as uncaught before judging.
        await new Promise((r) => setTimeout(r, 5));
        const label = `${s.name} #${i}`;
        let failure: string | undefined;
        const leaked = other.received.slice(reposted).some((x) => x.method === 'POST' && x.body.length > 0);
        if (leaked) failure = 're-posted the signed request to another origin';
        else if (uncaught.length > 0) failure = 'crash (uncaught exception during the call)';
        else if (prototypeSnapshot() !== before || ({} as Record<string, unknown>).polluted !== undefined) failure = 'prototype pollution';
        else if (outcome.kind === 'hang') failure = `hang (no settle in ${HANG_MS / 1000} s)`;
        else if (outcome.kind === 'untyped') failure = `untyped throw (${(outcome.error as Error)?.name ?? typeof outcome.error})`;
        else if (outcome.kind === 'resolved' && s.expect === 'error') failure = 'accepted a forged or broken answer';
        else if (outcome.kind === 'typed' && s.expect === 'success') failure = 'harness: the control call failed';
        const detail = outcome.kind === 'typed' || outcome.kind === 'untyped' ? `${(outcome.error as Error)?.name}: ${String((outcome.error as Error)?.message).slice(0, 150)}` : outcome.kind;
        report.record(failure, `${label}: ${detail}`);
        if (failure === undefined) report.note(`pass: ${outcome.kind === 'typed' ? outcome.error.name : outcome.kind}`);
      }
    }
  } finally {
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onUncaught);
    await gateway.close();
    await other.close();
  }
  return report.finish();
}
